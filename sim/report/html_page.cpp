// The frame every coachsim HTML page shares: formatting, tables, spec helpers, the page itself
// (head, style, inlined chart libraries, error capture, chart rendering) and the atomic write.
#include "html_page.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "atomic_file.hpp"
#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/html_report.hpp"
#include "coachsim/units/parse.hpp"
#include "labels.hpp"

#if COACHSIM_HTML_ASSETS
namespace coachsim::report::html_assets {
// Defined in the generated html_assets.cpp.
std::string vega();
std::string vega_lite();
std::string vega_embed();
std::string_view versions();
}  // namespace coachsim::report::html_assets
#endif

namespace coachsim::report {

bool html_available() {
#if COACHSIM_HTML_ASSETS
  return true;
#else
  return false;
#endif
}

namespace html {

// ---------------------------------------------------------------------------------------------
// Text formatting

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string money(std::int64_t centimos) { return units::format_centimos_grouped(centimos); }

// A money figure held as a double in currency units (the spread statistics).
std::string money_units(double amount) {
  return units::format_centimos_grouped(static_cast<std::int64_t>(std::llround(amount * 100.0)));
}

double currency_units(std::int64_t centimos) { return static_cast<double>(centimos) / 100.0; }

std::string integer(std::int64_t n) {
  const std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string fixed(double x, int places) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", places, x);
  return buf;
}

std::string pct(double x) { return fixed(x, 1) + "%"; }

std::string script_safe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tables

std::string Table::html(std::string_view caption, bool wide) const {
  std::string out = wide ? "<div class=\"table-wrap wide\"><table>\n<caption>"
                         : "<div class=\"table-wrap\"><table>\n<caption>";
  out += esc(caption);
  out += "</caption>\n<thead><tr>";
  for (const Cell& c : header_)
    out += std::string(c.number ? "<th class=\"num\" scope=\"col\">" : "<th scope=\"col\">") +
           c.text + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& [cells, total] : rows_) {
    out += total ? "<tr class=\"total\">" : "<tr>";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const Cell& c = cells[i];
      if (i == 0)
        out += "<th scope=\"row\">" + c.text + "</th>";
      else
        out += (c.number ? "<td class=\"num\">" : "<td>") + c.text + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  return out;
}

// ---------------------------------------------------------------------------------------------
// Vega-Lite specs

// Vega-Lite settings shared by every chart.
void add_reference_marks(ordered_json& layers, const ordered_json& marks,
                         const std::string& x_title) {
  if (marks.empty()) return;
  ordered_json rule;
  rule["data"] = {{"values", ordered_json::array({marks.front()})}};
  rule["mark"] = {{"type", "rule"}, {"color", "#c0392b"}, {"strokeWidth", 1.5}};
  rule["encoding"] = {{"x", {{"field", "x"}, {"type", "quantitative"}, {"title", x_title}}}};
  layers.push_back(rule);
  ordered_json label;
  label["data"] = {{"values", marks}};
  label["mark"] = {{"type", "text"}, {"y", -4}, {"baseline", "bottom"}, {"fontSize", 11}};
  label["encoding"] = {{"x", {{"field", "x"}, {"type", "quantitative"}, {"title", x_title}}},
                       {"text", {{"field", "label"}}},
                       {"color",
                        {{"condition", {{"test", "datum.label === 'mean'"}, {"value", "#c0392b"}}},
                         {"value", "#555"}}}};
  layers.push_back(label);
}

ordered_json region_bars(std::string_view x_field, const std::string& x_title) {
  ordered_json bars;
  bars["mark"] = {{"type", "bar"}, {"height", {{"band", 0.75}}}};
  bars["encoding"]["y"] = {
      {"field", "region"}, {"type", "nominal"}, {"sort", "-x"}, {"title", nullptr}};
  bars["encoding"]["x"] = money_axis_field(x_field, x_title);
  return bars;
}

ordered_json mean_sd_chart(ordered_json values, const MeanSd* spread, ordered_json bars,
                           const std::string& x_title) {
  ordered_json layers = ordered_json::array();
  ordered_json marks = ordered_json::array();  // reference lines: x and label
  if (spread != nullptr) {
    const double mean = spread->mean, sd = spread->sd;
    for (int k : {2, 1}) {
      if (sd <= 0) break;
      ordered_json band;
      band["data"] = {{"values", ordered_json::array({{{"lo", std::max(0.0, mean - k * sd)},
                                                       {"hi", mean + k * sd}}})}};
      band["mark"] = {{"type", "rect"},
                      {"color", k == 2 ? "#deebf7" : "#9ecae1"},
                      {"opacity", k == 2 ? 0.7 : 0.6}};
      band["encoding"] = {{"x", {{"field", "lo"}, {"type", "quantitative"}, {"title", x_title}}},
                          {"x2", {{"field", "hi"}}}};
      layers.push_back(band);
    }
    marks.push_back({{"x", mean}, {"label", tr("mean")}});
    for (int k : {-2, -1, 1, 2}) {
      const double x = mean + k * sd;
      if (sd <= 0 || x < 0) continue;
      marks.push_back(
          {{"x", x},
           {"label", trf("{0}{1} SD", {k > 0 ? "+" : "\u2212", std::to_string(std::abs(k))})}});
    }
  }
  const std::size_t rows = values.size();
  layers.push_back(std::move(bars));
  add_reference_marks(layers, marks, x_title);
  ordered_json spec = base_spec(std::move(values));
  spec["height"] = 20 * std::max<std::size_t>(1, rows);
  spec["layer"] = layers;
  return spec;
}

std::string mean_sd_caption(const MeanSd& spread) {
  std::string caption =
      " " + trf("The red line is the mean across {0} regions", {std::to_string(spread.n)});
  if (spread.sd > 0)
    caption +=
        tr("; the dark band is the mean \u00b1 1 standard deviation (sample SD), the "
           "light band \u00b1 2 SD (from 0 when it would be negative)");
  return caption;
}

ordered_json base_spec(ordered_json values) {
  ordered_json s;
  // As wide as the page (and the printed page); heights are fixed or a step per row.
  s["width"] = "container";
  s["autosize"] = {{"type", "fit-x"}, {"contains", "padding"}};
  // Text sizes close to the page's, for reading on a laptop and on paper.
  s["config"] = {{"axis", {{"labelFontSize", 12}, {"titleFontSize", 12}}},
                 {"legend", {{"labelFontSize", 12}, {"titleFontSize", 12}}},
                 {"text", {{"fontSize", 11}}}};
  s["data"] = {{"values", std::move(values)}};
  return s;
}

ordered_json field(std::string_view name, std::string_view type, std::string_view title) {
  ordered_json f{{"field", name}, {"type", type}};
  if (!title.empty()) f["title"] = title;
  return f;
}

ordered_json money_axis_field(std::string_view name, const std::string& title) {
  ordered_json f = field(name, "quantitative", title);
  f["axis"] = {{"format", ",.0f"}};
  return f;
}

ordered_json tip(std::string_view name, std::string_view type, std::string_view title,
                 std::string_view format) {
  ordered_json t = field(name, type, title);
  if (!format.empty()) t["format"] = format;
  return t;
}

std::vector<std::string> place_scatter_labels(const std::vector<ScatterPoint>& points,
                                              std::size_t max_labels) {
  constexpr double kWidth = 640, kHeight = 260, kChar = 7, kGap = 6, kHalfLine = 8, kPad = 2;
  std::vector<std::string> side(points.size());
  if (points.empty()) return side;
  double x0 = points[0].x, x1 = x0, y0 = points[0].y, y1 = y0;
  for (const ScatterPoint& p : points) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  auto px = [&](double v) { return x1 > x0 ? (v - x0) / (x1 - x0) * kWidth : kWidth / 2; };
  auto py = [&](double v) { return y1 > y0 ? (y1 - v) / (y1 - y0) * kHeight : kHeight / 2; };
  struct Box {
    double l, r, t, b;
  };
  std::vector<Box> taken;
  std::vector<std::size_t> order(points.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return points[a].priority > points[b].priority;
  });
  for (std::size_t i : order) {
    if (taken.size() == max_labels) break;
    // Characters, not bytes: "Áncash" is six letters wide.
    std::size_t chars = 0;
    for (unsigned char c : points[i].text) chars += (c & 0xC0) != 0x80 ? 1 : 0;
    const double w = kChar * static_cast<double>(chars), x = px(points[i].x), y = py(points[i].y);
    for (const char* where : {"right", "left"}) {
      const bool right = where[0] == 'r';
      const Box box{right ? x + kGap - kPad : x - kGap - w - kPad,
                    right ? x + kGap + w + kPad : x - kGap + kPad, y - kHalfLine, y + kHalfLine};
      if (box.l < 0 || box.r > kWidth) continue;
      bool clear = true;
      for (const Box& o : taken)
        clear = clear && (box.r <= o.l || o.r <= box.l || box.b <= o.t || o.b <= box.t);
      if (!clear) continue;
      taken.push_back(box);
      side[i] = where;
      break;
    }
  }
  return side;
}

void add_scatter_labels(ordered_json& layers, const ordered_json& x, const ordered_json& y) {
  for (const char* where : {"right", "left"}) {
    const bool right = where[0] == 'r';
    ordered_json labels;
    labels["transform"] = {{{"filter", {{"field", "label_side"}, {"equal", where}}}}};
    labels["mark"] = {{"type", "text"},
                      {"align", right ? "left" : "right"},
                      {"dx", right ? 6 : -6},
                      {"fontSize", 11},
                      {"color", "#333"}};
    labels["encoding"] = {{"x", x}, {"y", y}, {"text", {{"field", "region"}}}};
    layers.push_back(labels);
  }
}

// ---------------------------------------------------------------------------------------------
// The page

namespace {

constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue",
       Arial, sans-serif; color: #222; background: #fff; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
header h1 { font-size: 1.7em; margin: 0 0 4px; }
header .meta { color: #555; margin: 0; }
header .meta span + span::before { content: " \00b7  "; color: #999; }
h2 { font-size: 1.25em; margin: 0 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
section { margin-top: 36px; }
.caption, .note { color: #444; margin: 0 0 12px; max-width: 76ch; }
.note { font-size: 0.9em; color: #666; }
nav { margin-top: 16px; }
nav ol { margin: 8px 0 0; padding-left: 1.4em; columns: 2; }
nav a { color: #1f5fa8; }
#errors:empty, #warnings:empty { display: none; }
#errors { border: 2px solid #c0392b; background: #fdecea; color: #8e1b10; padding: 8px 12px;
          margin: 16px 0; white-space: pre-wrap; }
#warnings { border: 1px solid #d4a017; background: #fff8e1; color: #6b5200; padding: 6px 12px;
            margin: 16px 0; font-size: 0.9em; white-space: pre-wrap; }
#errors p, #warnings p { margin: 2px 0; }
div.chart, div.chart.vega-embed { display: block; width: 100%; min-height: 40px; margin: 8px 0 14px; }
div.chart svg { max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; }
.table-wrap.wide { width: min(calc(100vw - 32px), 1240px); position: relative; left: 50%;
                   transform: translateX(-50%); }
.table-wrap.wide table { font-size: 0.8em; margin: 4px auto 8px; }
.table-wrap.wide th, .table-wrap.wide td { padding: 3px 6px; }
table { border-collapse: collapse; font-size: 0.86em; margin: 4px 0 8px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0 0 4px; color: #333; }
th, td { padding: 3px 10px; border-bottom: 1px solid #e3e3e3; text-align: left; white-space: nowrap; }
thead th { border-bottom: 2px solid #bbb; vertical-align: bottom; white-space: normal; }
tbody th { font-weight: normal; }
.num { text-align: right; }
tr.total th, tr.total td { font-weight: 600; border-top: 1px solid #bbb; }
tbody tr:nth-child(even) { background: #f7f8fa; }
footer { margin-top: 48px; color: #777; font-size: 0.85em; border-top: 1px solid #ddd; padding-top: 8px; }
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  @page landscape { size: A4 landscape; margin: 10mm; }
  .chart-section.wide { page: landscape; }
  .table-wrap.wide { width: auto; left: 0; transform: none; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav, #warnings { display: none; }
  section { margin-top: 0; }
  .chart-section { break-before: page; }
  h2 { break-after: avoid; }
  div.chart { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 7.5pt; }
  th, td { padding: 1px 5px; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  tbody tr:nth-child(even) { background: none; }
  a { color: inherit; text-decoration: none; }
}
)css";

// Runs first: any script error from here on is written into #errors.
constexpr std::string_view kErrorScript = R"js(
(function () {
  var pending = [];
  function add(id, text) {
    var box = document.getElementById(id);
    if (!box) { pending.push([id, text]); return; }
    var p = document.createElement('p');
    p.textContent = text;
    box.appendChild(p);
  }
  window.coachsimError = function (text) { add('errors', text); };
  window.coachsimWarning = function (text) { add('warnings', text); };
  window.onerror = function (message, source, line) {
    add('errors', 'Script error: ' + message + (line ? ' (line ' + line + ')' : ''));
    return false;
  };
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    add('errors', 'Script error: ' + (r && r.message ? r.message : String(r)));
  });
  document.addEventListener('DOMContentLoaded', function () {
    pending.splice(0).forEach(function (m) { add(m[0], m[1]); });
  });
})();
)js";

// Renders every .chart element from its spec and counts the charts that finished.
constexpr std::string_view kRenderScript = R"js(
(function () {
  var body = document.body;
  var rendered = 0;
  if (typeof vegaEmbed !== 'function') {
    coachsimError('The chart library did not load, so the charts cannot be drawn; the tables ' +
                  'below each chart hold the same numbers.');
    return;
  }
  var specs = JSON.parse(document.getElementById('coachsim-specs').textContent);
  function logger(id) {
    var level = vega.Warn;
    function text(args) { return 'Chart "' + id + '": ' + Array.prototype.join.call(args, ' '); }
    return {
      level: function (l) { if (l === undefined) return level; level = l; return this; },
      error: function () { coachsimError(text(arguments)); return this; },
      warn: function () { coachsimWarning(text(arguments)); return this; },
      info: function () { return this; },
      debug: function () { return this; }
    };
  }
  document.querySelectorAll('div.chart[data-spec]').forEach(function (el) {
    var id = el.getAttribute('data-spec');
    var options = { mode: 'vega-lite', renderer: 'svg', actions: false, logger: logger(id) };
    // The report's language: month names on the time axes (d3 time format locale).
    var locale = document.getElementById('coachsim-time-locale');
    if (locale) options.timeFormatLocale = JSON.parse(locale.textContent);
    vegaEmbed(el, specs[id], options)
      .then(function () {
        rendered += 1;
        el.setAttribute('data-rendered', 'true');
        body.setAttribute('data-charts-rendered', String(rendered));
      })
      .catch(function (err) {
        coachsimError('Chart "' + id + '" could not be drawn: ' +
                      (err && err.message ? err.message : String(err)));
      });
  });
})();
)js";

}  // namespace

void Page::chart(std::string& html, std::string_view id, const std::string& title,
                 const std::string& caption, ordered_json spec, const std::string& table,
                 bool wide) {
  ++charts_;
  const std::string number = std::to_string(charts_) + ". ";
  contents_ += "<li><a href=\"#section-" + std::string(id) + "\">" + esc(title) + "</a></li>";
  html += std::string("<section class=\"chart-section") + (wide ? " wide" : "") +
          "\" id=\"section-" + std::string(id) + "\">\n<h2>" + number + esc(title) +
          "</h2>\n<p class=\"caption\">" + caption + "</p>\n";
  html += "<div class=\"chart\" id=\"chart-" + std::string(id) + "\" data-spec=\"" +
          std::string(id) + "\" role=\"img\" aria-label=\"" + esc(title) + "\"></div>\n";
  html += table;
  html += "</section>\n";
  specs_[std::string(id)] = std::move(spec);
}

// The d3 time format locale of the page's language, for vega-embed's timeFormatLocale. The
// charts' time axes show only "%b %Y" (short month and year), so the short month names are
// translated (context "month"); the other fields, which no chart shows, are d3's English ones.
static ordered_json time_format_locale() {
  ordered_json months = ordered_json::array();
  for (const char* m :
       {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"})
    months.push_back(month_name(m));
  return {{"dateTime", "%x, %X"},
          {"date", "%Y-%m-%d"},
          {"time", "%H:%M:%S"},
          {"periods", {"AM", "PM"}},
          {"days", {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}},
          {"shortDays", {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}},
          {"months", months},
          {"shortMonths", months}};
}

std::string Page::render(const Frame& frame, const std::string& sections) const {
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + i18n::language() +
                     "\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += "<meta name=\"generator\" content=\"coachsim " COACHSIM_VERSION "\">\n";
  html += "<title>" + esc(frame.title) + "</title>\n";
  html += "<style>" + std::string(kStyle) + "</style>\n";
  html += "<script>" + std::string(kErrorScript) + "</script>\n";
#if COACHSIM_HTML_ASSETS
  html += "<script>\n" + html_assets::vega() + "\n</script>\n";
  html += "<script>\n" + html_assets::vega_lite() + "\n</script>\n";
  html += "<script>\n" + html_assets::vega_embed() + "\n</script>\n";
#endif
  html += "</head>\n<body data-charts-rendered=\"0\" data-charts-expected=\"" +
          std::to_string(charts_) + "\">\n<main>\n<header>\n";
  html += "<h1>" + esc(frame.heading) + "</h1>\n<p class=\"meta\">";
  html += frame.meta;
  html += "</p>\n</header>\n";
  html += "<div id=\"errors\" role=\"alert\"></div>\n<div id=\"warnings\"></div>\n";
  html += "<nav><strong>" + tr("Contents") + "</strong><ol>" + frame.contents + contents_ +
          frame.contents_after + "</ol></nav>\n";
  html += sections;
  std::string libraries;
#if COACHSIM_HTML_ASSETS
  libraries = esc(html_assets::versions());
#endif
  html += "<footer>" + trf("Written by coachsim {0}", {COACHSIM_VERSION}) + frame.footer_note +
          " " +
          trf("Charts are Vega-Lite specifications drawn by {0}, included in this file, which "
              "opens without a network connection.",
              {libraries}) +
          "</footer>\n";
  if (i18n::language() != "en")
    html += "<script type=\"application/json\" id=\"coachsim-time-locale\">\n" +
            script_safe(time_format_locale().dump()) + "\n</script>\n";
  html += "</main>\n<script type=\"application/json\" id=\"coachsim-specs\">\n" +
          script_safe(specs_.dump()) + "\n</script>\n";
  html += "<script>" + std::string(kRenderScript) + "</script>\n</body>\n</html>\n";
  return html;
}

void require_available(const std::string& path) {
  if (html_available()) return;
  const std::string why =
      "the HTML report is not available in this build: its chart libraries were missing when "
      "it was configured (run `npm ci --prefix report-assets`, then build again)";
  throw std::runtime_error(path.empty() ? why : "cannot write '" + path + "': " + why);
}

void write_file_atomically(const std::string& path, const std::string& text) {
  write_atomically(path, [&](const std::filesystem::path& partial) {
    std::FILE* f = std::fopen(partial.c_str(), "wb");
    if (f == nullptr) throw std::runtime_error(std::strerror(errno));
    errno = 0;
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = std::fflush(f) == 0 && ok;
    int err = errno;
    if (std::fclose(f) != 0 && ok) {
      ok = false;
      err = errno;
    }
    if (!ok) throw std::runtime_error(std::strerror(err == 0 ? EIO : err));
  });
}

}  // namespace html
}  // namespace coachsim::report
