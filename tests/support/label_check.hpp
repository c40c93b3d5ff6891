// Whether the text of a page's charts can be read: opens a copy of an HTML report in headless
// Chromium with a probe script added, waits until every chart has rendered, and reads back the
// bounding box of every visible <text> element of every chart's SVG (axis labels and titles,
// legend entries, text marks). Two labels of one chart that overlap, or a label that runs
// outside its chart, is a problem; the problems come back as sentences naming the chart and the
// labels, so a failing test says what to look at.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "process.hpp"

namespace coachsim::testing {

// Runs in the page after the chart script. Labels hidden by Vega's label-overlap removal
// (opacity 0), empty ones and zero-size ones do not count. Boxes may touch or share less than
// 1.5 px (the font's ascent and descent pad each box). The result goes into
// <pre id="coachsim-label-check" data-charts data-labels>, one problem a line.
inline constexpr const char* kLabelProbe = R"js(
(function () {
  var started = Date.now();
  function hidden(el, svg) {
    for (var e = el; e && e !== svg; e = e.parentNode) {
      if (e.getAttribute && e.getAttribute('opacity') === '0') return true;
      var cs = window.getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0)
        return true;
    }
    return false;
  }
  function report() {
    var out = [], charts = 0, labels = 0, tol = 1.5;
    document.querySelectorAll('div.chart').forEach(function (div) {
      var svg = div.querySelector('svg');
      if (!svg) return;
      charts += 1;
      var frame = svg.getBoundingClientRect(), boxes = [];
      svg.querySelectorAll('text').forEach(function (t) {
        var text = t.textContent.trim();
        if (!text || hidden(t, svg)) return;
        var b = t.getBoundingClientRect();
        if (b.width === 0 || b.height === 0) return;
        labels += 1;
        if (b.left < frame.left - tol || b.right > frame.right + tol ||
            b.top < frame.top - tol || b.bottom > frame.bottom + tol)
          out.push(div.id + ': "' + text + '" runs outside the chart');
        boxes.push({ text: text, b: b });
      });
      for (var i = 0; i < boxes.length; ++i)
        for (var j = i + 1; j < boxes.length; ++j) {
          var a = boxes[i].b, c = boxes[j].b;
          var w = Math.min(a.right, c.right) - Math.max(a.left, c.left);
          var h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
          if (w > tol && h > tol)
            out.push(div.id + ': "' + boxes[i].text + '" overlaps "' + boxes[j].text + '"');
        }
    });
    var pre = document.createElement('pre');
    pre.id = 'coachsim-label-check';
    pre.setAttribute('data-charts', String(charts));
    pre.setAttribute('data-labels', String(labels));
    pre.textContent = out.join('\n');
    document.body.appendChild(pre);
  }
  function wait() {
    var body = document.body;
    var done = body.getAttribute('data-charts-rendered') === body.getAttribute('data-charts-expected');
    if (done || Date.now() - started > 12000) report(); else setTimeout(wait, 50);
  }
  window.addEventListener('load', function () { setTimeout(wait, 0); });
})();
)js";

struct LabelCheck {
  int charts = -1;  // charts whose SVG was read; -1 when the probe did not report
  int labels = 0;   // visible text elements read
  std::vector<std::string> problems;
  std::string log;  // Chromium's output, for failure messages
};

inline std::string label_check_read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string label_check_unescape(std::string s) {
  const std::pair<const char*, const char*> entities[] = {
      {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities)
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1))
      s.replace(at, std::string(from).size(), to);
  return s;
}

// Checks the page at `html` (left as it is: the probe goes into a copy).
inline LabelCheck check_labels(const std::filesystem::path& html) {
  namespace fs = std::filesystem;
  LabelCheck result;
  std::string tmpl = (fs::temp_directory_path() / "coachsim-labels-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) return result;
  const fs::path dir = tmpl;
  std::string page = label_check_read(html);
  const std::size_t end = page.rfind("</body>");
  page.insert(end == std::string::npos ? page.size() : end,
              std::string("<script>") + kLabelProbe + "</script>\n");
  const fs::path copy = dir / "page.html", dom = dir / "dom.html";
  std::ofstream(copy, std::ios::binary) << page;
  result.log =
      run_shell(
          "timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu "
          "--disable-quic --no-first-run --disable-background-networking "
          "--disable-component-update --disable-sync --disable-extensions "
          "--hide-scrollbars --window-size=1280,2000 --user-data-dir='" +
          (dir / "profile").string() + "' --virtual-time-budget=20000 --dump-dom 'file://" +
          copy.string() + "' > '" + dom.string() + "'")
          .output;
  const std::string d = label_check_read(dom);
  std::error_code ec;
  fs::remove_all(dir, ec);
  const std::size_t at = d.find("<pre id=\"coachsim-label-check\"");
  if (at == std::string::npos) return result;
  auto attribute = [&](const std::string& name) {
    const std::size_t a = d.find(name + "=\"", at);
    return a == std::string::npos ? -1 : std::stoi(d.substr(a + name.size() + 2));
  };
  result.charts = attribute("data-charts");
  result.labels = attribute("data-labels");
  const std::size_t open = d.find('>', at) + 1;
  std::istringstream lines(label_check_unescape(d.substr(open, d.find("</pre>", open) - open)));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) result.problems.push_back(line);
  return result;
}

inline std::string label_problems_text(const LabelCheck& c) {
  std::string s;
  for (const std::string& p : c.problems) s += "  " + p + "\n";
  return s;
}

}  // namespace coachsim::testing
