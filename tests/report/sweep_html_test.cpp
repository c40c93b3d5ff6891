// `coachsim sweep --html`: one self-contained page that leads with the probabilities against the
// limits given (each with its count of replications, checked against replications.csv), and
// whose five charts (the total's histogram, two fan charts, the two-sided tornado, the
// regression coefficients) render in headless Chromium without script errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../support/files.hpp"
#include "../support/label_check.hpp"
#include "../support/process.hpp"
#include "../support/uncertain_small.hpp"

namespace sweep_html_test {

namespace fs = std::filesystem;

using coachsim::testing::slurp;

// The text of the element with id `id` in a DOM dump ("" when empty or absent).
std::string element_text(const std::string& dom, const std::string& id) {
  const std::size_t at = dom.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  const std::size_t open = dom.find('>', at), close = dom.find('<', open);
  return dom.substr(open + 1, close - open - 1);
}

// The sweep page `html` in headless Chromium (its profile under `dir`): `charts` charts drawn,
// no axis label cut short with an ellipsis, no errors, and every chart's labels readable (none
// overlaps another or runs outside its chart). Returns the DOM ("" when Chromium drew nothing).
std::string render_in_chromium(const fs::path& dir, const fs::path& html, int charts) {
  const fs::path profile = dir / "profile", dom = dir / "dom.html";
  const auto b = coachsim::testing::run_shell(
      "timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --user-data-dir=" +
      profile.string() + " --virtual-time-budget=10000 --dump-dom 'file://" + html.string() +
      "' > " + dom.string());
  const std::string d = slurp(dom);
  EXPECT_FALSE(d.empty()) << b.output;
  const std::string rendered = "data-charts-rendered=\"" + std::to_string(charts) + "\"";
  EXPECT_NE(d.find(rendered), std::string::npos) << b.output;
  EXPECT_EQ(d.find("\u2026</text>"), std::string::npos);
  EXPECT_EQ(element_text(d, "errors"), "");
  const coachsim::testing::LabelCheck labels = coachsim::testing::check_labels(html);
  EXPECT_EQ(labels.charts, charts) << labels.log;
  EXPECT_TRUE(labels.problems.empty()) << coachsim::testing::label_problems_text(labels);
  return d;
}

// The values of column `name` of a CSV without quoted commas in the columns before it.
std::vector<double> csv_column(const std::string& csv, const std::string& name) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  std::size_t col = 0, at = 0;
  for (std::size_t next; (next = line.find(',', at)) != std::string::npos; at = next + 1, ++col)
    if (line.substr(at, next - at) == name) break;
  std::vector<double> out;
  while (std::getline(in, line)) {
    std::size_t from = 0;
    for (std::size_t c = 0; c < col; ++c) from = line.find(',', from) + 1;
    out.push_back(std::stod(line.substr(from, line.find(',', from) - from)));
  }
  return out;
}

TEST(SweepHtml, FanChartsTornadoAndCoefficientsRenderInChromium) {
  const fs::path dir = fs::temp_directory_path() / "coachsim-sweep-html-test";
  fs::remove_all(dir);
  const std::string scenario = coachsim::testing::write_uncertain_small(dir, "small-unc.yaml");
  const fs::path html = dir / "sweep.html";
  // A total limit near the middle of the replications' costs, so the count is neither 0 nor 12.
  const auto r = coachsim::testing::run_shell(
      std::string(COACHSIM_BINARY) + " sweep " + scenario +
      " --replications 12 --tornado -q --budget-limit total=134000 --full-protocol-target 90"
      " --out " +
      (dir / "out").string() + " --html " + html.string());
  if (r.exit_code == 1 && r.output.find("chart libraries") != std::string::npos)
    GTEST_SKIP() << "this build has no chart libraries";
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string page = slurp(html);
  for (const char* id :
       {"section-answer", "total-cost", "fan-cost", "fan-full-protocol", "tornado", "sensitivity"})
    EXPECT_NE(page.find(id), std::string::npos) << id;
  // The answer comes first, before any chart.
  EXPECT_LT(page.find("id=\"section-answer\""), page.find("class=\"chart\""));
  // Its count is the count of replications.csv rows over the limit.
  const std::vector<double> costs =
      csv_column(slurp(dir / "out" / "replications.csv"), "cost_total");
  ASSERT_EQ(costs.size(), 12u);
  int over = 0;
  for (double c : costs) over += c > 134000.0 ? 1 : 0;
  EXPECT_GT(over, 0);
  EXPECT_LT(over, 12);
  const std::string question = "National cost, all school years together, above 134,000.00 PEN";
  const std::size_t q = page.find(question);
  ASSERT_NE(q, std::string::npos);
  const std::string row = page.substr(q, page.find("</tr>", q) - q);
  EXPECT_NE(row.find(">" + std::to_string(over) + " of 12<"), std::string::npos) << row;
  EXPECT_NE(page.find("Teachers at the full protocol, all school years together, below 90.0%"),
            std::string::npos);
  // The tornado: both ends in two colours around a nominal line, readable labels on the chart
  // and the full field path in the table.
  for (const char* text : {"input at its P5", "input at its P95", "\"nominal\"",
                           "monthly fee (coach)", "materials per teacher (costs)", "speed (plain)",
                           "<th scope=\"row\">geographies[plain].speed</th>"})
    EXPECT_NE(page.find(text), std::string::npos) << text;
  EXPECT_EQ(page.find("src=\"http"), std::string::npos);  // nothing loaded from the network
  if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "/usr/bin/chromium is not installed";
  const std::string d = render_in_chromium(dir, html, 5);
  EXPECT_EQ(element_text(d, "warnings"), "");
  fs::remove_all(dir);
}

}  // namespace sweep_html_test

namespace sweep_html_test {

// With --lang es the sweep page's own words are Spanish: its headings, the answer's questions and
// the tornado's ends.
TEST(SweepHtml, TheSpanishPageAnswersInSpanish) {
  const fs::path dir = fs::temp_directory_path() / "coachsim-sweep-html-es-test";
  fs::remove_all(dir);
  const std::string scenario = coachsim::testing::write_uncertain_small(dir, "small-unc.yaml");
  const fs::path html = dir / "sweep.html";
  const auto r = coachsim::testing::run_shell(
      std::string(COACHSIM_BINARY) + " sweep " + scenario +
      " --replications 4 --tornado -q --lang es --budget-limit total=134000 --out " +
      (dir / "out").string() + " --html " + html.string());
  if (r.exit_code == 1 && r.output.find("chart") != std::string::npos)
    GTEST_SKIP() << "this build has no chart libraries";
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string page = slurp(html);
  for (const char* text : {"La respuesta: probabilidades frente a los límites",
                           "Costo nacional, todos los años escolares juntos, por encima de",
                           "Tornado: qué mueve el costo nacional", "insumo en su P95"})
    EXPECT_NE(page.find(text), std::string::npos) << text;
  for (const char* text :
       {"The answer", "what moves the national cost", "input at its P95", "replications</span>"})
    EXPECT_EQ(page.find(text), std::string::npos) << text;
  // Every chart it has (four: four replications give no regression) renders, and the longer
  // Spanish labels neither overlap nor run outside.
  EXPECT_NE(page.find("data-charts-expected=\"4\""), std::string::npos);
  if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "/usr/bin/chromium is not installed";
  render_in_chromium(dir, html, 4);
  fs::remove_all(dir);
}

}  // namespace sweep_html_test
