// The HTML report: its text (self-contained, every chart present) and how it renders in a real
// browser. The browser tests open the written file in headless Chromium (Debian's package,
// /usr/bin/chromium), let its scripts run, and read back the DOM: no script error, every chart
// finished rendering into an <svg>. They leave the report and a screenshot of it in the build
// folder for people to look at: html_report_small.{html,png} and html_report_default.{html,png}.
#include "coachsim/report/html_report.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../support/label_check.hpp"
#include "../support/process.hpp"
#include "../support/small_scenario.hpp"
#include "coachsim/audit/audit.hpp"
#include "coachsim/i18n/language.hpp"
#include "coachsim/report/audit_html.hpp"
#include "coachsim/report/optimise_html.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/loader.hpp"
#include "coachsim/units/parse.hpp"

namespace coachsim {
namespace html_test {

namespace fs = std::filesystem;

constexpr int kCharts = 5;
const char* const kChartIds[] = {"cost-per-teacher", "cost-vs-caseload", "cost-by-category",
                                 "spending-by-month", "compliance-coverage"};
constexpr const char* kChromium = "/usr/bin/chromium";

// Reports and screenshots for people to look at go to the build folder, wherever the test runs.
fs::path artefact(const std::string& name) {
  return fs::path(COACHSIM_BINARY).parent_path() / name;
}

// The small scenario with two more regions, so the spread across regions (mean, SD bands) and
// the scatter have several points; one region is left out of the statistics, and its name
// tests escaping.
scenario::Scenario three_regions() {
  scenario::Scenario s = testing::small_scenario();
  s.name = "small <three> & \"regions\"";
  scenario::Region beta = s.regions.front();
  beta.id = "Beta";
  beta.ugels = {"B1"};
  beta.schools.clear();
  beta.schools.push_back({"B-S1", "B1", "t", false, false, 3, 40, units::km(10), std::nullopt});
  beta.schools.push_back({"B-S2", "B1", "t", false, false, 4, 50, units::km(25), std::nullopt});
  beta.schools.push_back({"B-S3", "B1", "t", false, false, 2, 20, units::km(60), std::nullopt});
  scenario::Region gamma = s.regions.front();
  gamma.id = "Gamma </script>";
  gamma.ugels = {"G1"};
  gamma.exclude_from_statistics = true;
  gamma.schools.clear();
  gamma.schools.push_back({"G-S1", "G1", "t", false, false, 1, 8, units::km(120), std::nullopt});
  scenario::Region delta = beta;
  delta.id = "Delta";
  delta.ugels = {"D1"};
  delta.exclude_from_statistics = false;
  for (auto& school : delta.schools) {
    school.id = "D" + school.id.substr(1);
    school.ugel = "D1";
    school.teachers += 1;
  }
  s.regions.push_back(beta);
  s.regions.push_back(gamma);
  s.regions.push_back(delta);
  return s;
}

struct SimRun {
  scenario::Scenario scenario;
  std::unique_ptr<results::Simulation> sim;
  report::RunReport report() const {
    return {scenario,   "(built in the test)", sim->population, sim->ledger,
            sim->tally, sim->results,          sim->events};
  }
};

SimRun run(scenario::Scenario s) {
  SimRun r{std::move(s), nullptr};
  r.sim = results::simulate(r.scenario, false);
  return r;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A folder of its own under the temporary directory, removed at the end.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "coachsim-html-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) != nullptr) path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

// The DOM after the page's scripts ran, and a screenshot, from headless Chromium. The flags are
// those known to work here as root with no network: no sandbox, no GPU, no background
// connections, and a fresh profile.
struct Browser {
  std::string dom;
  std::string log;  // what Chromium printed (for failure messages)
  double seconds = 0;
};

std::string chromium_command(const fs::path& profile) {
  return std::string("timeout 120 ") + kChromium +
         " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
         " --disable-background-networking --disable-component-update --disable-sync"
         " --disable-extensions --hide-scrollbars --user-data-dir='" +
         profile.string() + "' --virtual-time-budget=15000";
}

// The DOM after the page's scripts ran ("" when Chromium printed none; then `log` says why).
std::string dump_dom(const fs::path& html, std::string* log = nullptr) {
  TempDir profile;
  // The DOM goes to a file: Chromium's own messages go to the captured output.
  const fs::path dom = profile.path / "dom.html";
  const auto r =
      testing::run_shell(chromium_command(profile.path / "profile") + " --dump-dom 'file://" +
                         fs::absolute(html).string() + "' > '" + dom.string() + "'");
  if (log != nullptr) *log += r.output;
  return read_file(dom);
}

Browser open_in_chromium(const fs::path& html, const fs::path& screenshot, int height) {
  std::error_code ec;
  fs::remove(screenshot, ec);  // so that an old one cannot pass for this run's
  Browser b;
  const auto start = std::chrono::steady_clock::now();
  b.dom = dump_dom(html, &b.log);
  TempDir profile;
  const auto shot = testing::run_shell(
      chromium_command(profile.path) + " --window-size=1280," + std::to_string(height) +
      " --screenshot='" + screenshot.string() + "' 'file://" + fs::absolute(html).string() + "'");
  b.log += shot.output;
  b.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return b;
}

// Where the page's <body> starts: the last "<body", as the inlined libraries' text in the head
// mentions "</head><body>" too.
std::size_t body_start(const std::string& dom) {
  const std::size_t at = dom.rfind("<body");
  return at == std::string::npos ? 0 : at;
}

// The text inside the element with this id ("" when it is empty or absent).
std::string element_text(const std::string& dom, const std::string& id) {
  const std::size_t at = dom.find("id=\"" + id + "\"", body_start(dom));
  if (at == std::string::npos) return "";
  const std::size_t open_end = dom.find('>', at);
  const std::size_t close = dom.find("</div>", open_end);
  if (open_end == std::string::npos || close == std::string::npos) return "";
  return dom.substr(open_end + 1, close - open_end - 1);
}

std::string body_attribute(const std::string& dom, const std::string& name) {
  const std::size_t body = body_start(dom);
  const std::size_t end = dom.find('>', body);
  const std::string tag = dom.substr(body, end - body);
  const std::size_t at = tag.find(name + "=\"");
  if (at == std::string::npos) return "";
  const std::size_t from = at + name.size() + 2;
  return tag.substr(from, tag.find('"', from) - from);
}

// What is inside the chart's container, up to the table that follows it.
std::string chart_content(const std::string& dom, const std::string& id) {
  const std::size_t at = dom.find("id=\"chart-" + id + "\"", body_start(dom));
  if (at == std::string::npos) return "";
  const std::size_t end = dom.find("<div class=\"table-wrap", at);
  return dom.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

bool browser_available(std::string& why) {
  if (!report::html_available()) {
    why = "this build has no chart libraries (npm ci --prefix report-assets)";
    return false;
  }
  if (!fs::exists(kChromium)) {
    why = std::string(kChromium) + " is not installed (scripts/bootstrap.sh installs it)";
    return false;
  }
  return true;
}

void expect_rendered(const Browser& b, int charts) {
  ASSERT_FALSE(b.dom.empty()) << "Chromium returned no DOM:\n" << b.log;
  EXPECT_EQ(element_text(b.dom, "errors"), "");
  EXPECT_EQ(element_text(b.dom, "warnings"), "");
  EXPECT_EQ(body_attribute(b.dom, "data-charts-rendered"), std::to_string(charts));
  for (const char* id : kChartIds) {
    const std::string content = chart_content(b.dom, id);
    EXPECT_NE(content.find("data-rendered=\"true\""), std::string::npos) << id;
    EXPECT_TRUE(content.find("<svg") != std::string::npos ||
                content.find("<canvas") != std::string::npos)
        << id << " has no rendered chart";
    // A drawn chart has marks: Vega gives each mark group a role attribute.
    EXPECT_NE(content.find("role-mark"), std::string::npos) << id;
  }
}

// Every chart of the page was read in Chromium and no two of its labels overlap, nor runs any
// outside its chart (tests/support/label_check.hpp).
void expect_readable_labels(const fs::path& html, int charts) {
  const testing::LabelCheck c = testing::check_labels(html);
  ASSERT_EQ(c.charts, charts) << "the label probe did not read every chart:\n" << c.log;
  EXPECT_GT(c.labels, 10 * charts);
  EXPECT_TRUE(c.problems.empty()) << html.filename().string() << ":\n"
                                  << testing::label_problems_text(c);
}

TEST(HtmlReport, AvailableWhenBuiltWithTheChartLibraries) {
  if (!report::html_available()) {
    const SimRun r = run(testing::small_scenario());
    EXPECT_THROW(report::html_report(r.report()), std::runtime_error);
    EXPECT_THROW(report::write_html(r.report(), "unused.html"), std::runtime_error);
  }
}

TEST(HtmlReport, IsOneSelfContainedFile) {
  if (!report::html_available()) GTEST_SKIP() << "no chart libraries in this build";
  const SimRun r = run(three_regions());
  const std::string html = report::html_report(r.report());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(count(html, "class=\"chart\""), static_cast<std::size_t>(kCharts));
  EXPECT_NE(html.find("data-charts-expected=\"" + std::to_string(kCharts) + "\""),
            std::string::npos);
  for (const char* id : kChartIds)
    EXPECT_NE(html.find(std::string("id=\"chart-") + id + "\""), std::string::npos) << id;
  // No script, style sheet or font is fetched from anywhere: no src= on scripts, no <link>,
  // no @import or url(...) to the network.
  for (std::size_t at = html.find("<script"); at != std::string::npos;
       at = html.find("<script", at + 1)) {
    const std::string tag = html.substr(at, html.find('>', at) - at);
    EXPECT_EQ(tag.find("src"), std::string::npos) << tag;
  }
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url(http"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  // Title, scenario and seed at the top; names escaped in the page and in the inlined specs.
  EXPECT_NE(html.find("<title>coachsim report: small &lt;three&gt; &amp; &quot;regions&quot; "
                      "(seed 7)</title>"),
            std::string::npos);
  EXPECT_NE(html.find("seed 7"), std::string::npos);
  EXPECT_EQ(html.find("Gamma </script>"), std::string::npos);
  EXPECT_NE(html.find("Gamma &lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Gamma \\u003c/script>"), std::string::npos);
  // The tables hold the same numbers as the results: the grand total, to the cent.
  EXPECT_NE(html.find(units::format_centimos_grouped(r.sim->results.grand_total)),
            std::string::npos);
  // A print stylesheet.
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

// The Vega-Lite specs a page carries, by chart id.
nlohmann::json page_specs(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"coachsim-specs\">";
  const std::size_t at = html.find(open);
  if (at == std::string::npos) return nlohmann::json::object();
  const std::size_t from = at + open.size();
  return nlohmann::json::parse(html.substr(from, html.find("</script>", from) - from));
}

// The national default, read from its specs: the category stack takes one colour per ledger
// category from a ten-colour palette (not one per region); the scatter names at most ten regions,
// Lima Metropolitana (2 SD below the mean cost per teacher) among the red points, and names
// every region in its table; the bars of regions 2 SD or more from the mean are red.
TEST(HtmlReport, TheDefaultsChartsUseFewColoursAndNameOnlyWhatFits) {
  if (!report::html_available()) GTEST_SKIP() << "no chart libraries in this build";
  auto loaded = scenario::load_scenario_text(scenario::default_scenario_text(), "default", ".");
  ASSERT_TRUE(loaded.errors.empty());
  const SimRun r = run(std::move(loaded.scenario));
  const std::string html = report::html_report(r.report());
  const nlohmann::json specs = page_specs(html);
  const nlohmann::json& stack = specs.at("cost-by-category");
  EXPECT_EQ(stack["encoding"]["color"]["field"], "category");
  EXPECT_EQ(stack["encoding"]["color"]["scale"]["scheme"], "tableau10");
  const std::size_t categories = costs::CostTable::builtin()->category_count();
  EXPECT_EQ(stack["encoding"]["color"]["scale"]["domain"].size(), categories);
  EXPECT_LE(categories, 10u);
  EXPECT_EQ(stack["encoding"]["y"]["field"], "region");

  const nlohmann::json& scatter = specs.at("cost-vs-caseload");
  int named = 0, regions = 0;
  std::string lima_side, lima_spread;
  for (const auto& d : scatter["data"]["values"]) {
    ++regions;
    named += d["label_side"] != "" ? 1 : 0;
    if (d["region"] == "Lima Metropolitana") {
      lima_side = d["label_side"];
      lima_spread = d["spread"];
    }
  }
  EXPECT_EQ(regions, 26);
  EXPECT_GE(named, 5);
  EXPECT_LE(named, 10);
  EXPECT_EQ(lima_spread, "beyond \u00b12 SD");
  // Lima Metropolitana has the most teachers per coach, at the right edge: named on the left.
  EXPECT_EQ(lima_side, "left");

  int red = 0;
  for (const auto& d : specs.at("cost-per-teacher")["data"]["values"])
    red += d["group"] == "2 SD or more from the mean" ? 1 : 0;
  EXPECT_GE(red, 1);
}

// The budget's execution chart draws the PIM last (on top), dashed, so the money released, when
// equal to it, does not hide it.
TEST(HtmlReport, ThePimLineIsDrawnLastAndDashed) {
  if (!report::html_available()) GTEST_SKIP() << "no chart libraries in this build";
  scenario::Scenario s = three_regions();
  s.budget.enabled = true;
  s.budget.release = scenario::BudgetRelease::kQuarterly;
  const SimRun r = run(std::move(s));
  const nlohmann::json spec = page_specs(report::html_report(r.report())).at("budget-execution");
  ASSERT_EQ(spec["layer"].size(), 2u);
  EXPECT_EQ(spec["layer"][1]["transform"][0]["filter"]["equal"], "PIM (PEN)");
  EXPECT_TRUE(spec["layer"][1]["mark"].contains("strokeDash"));
  EXPECT_FALSE(spec["layer"][0]["mark"].contains("strokeDash"));
}

TEST(HtmlReport, WritesThroughATemporaryFileAndNamesTheFileOnFailure) {
  if (!report::html_available()) GTEST_SKIP() << "no chart libraries in this build";
  const SimRun r = run(testing::small_scenario());
  TempDir dir;
  const fs::path out = dir.path / "report.html";
  report::write_html(r.report(), out.string());
  EXPECT_EQ(read_file(out), report::html_report(r.report()));
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 1u) << "the temporary file was left behind";
  const std::string missing = (dir.path / "no-such-folder" / "report.html").string();
  try {
    report::write_html(r.report(), missing);
    ADD_FAILURE() << "no error for a missing folder";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(missing), std::string::npos) << e.what();
  }
  // A folder in the way: the rename fails, the error names the file, nothing is left over.
  const fs::path blocked = dir.path / "blocked.html";
  fs::create_directory(blocked);
  fs::create_directory(blocked / "inside");
  EXPECT_THROW(report::write_html(r.report(), blocked.string()), std::runtime_error);
  files = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 2u);
}

TEST(HtmlReportInChromium, EveryChartRendersWithoutErrors) {
  std::string why;
  if (!browser_available(why)) GTEST_SKIP() << why;
  const SimRun r = run(three_regions());
  const fs::path html = artefact("html_report_small.html");
  report::write_html(r.report(), html.string());
  const Browser b = open_in_chromium(html, artefact("html_report_small.png"), 4400);
  expect_rendered(b, kCharts);
  EXPECT_TRUE(fs::exists(artefact("html_report_small.png"))) << b.log;
  expect_readable_labels(html, kCharts);
  std::cout << "[ report   ] " << fs::file_size(html) << " bytes, Chromium took " << b.seconds
            << " s; screenshot " << artefact("html_report_small.png").string() << "\n";
}

TEST(HtmlReportInChromium, TheNationalDefaultScenarioRenders) {
  std::string why;
  if (!browser_available(why)) GTEST_SKIP() << why;
  auto loaded = scenario::load_scenario_text(scenario::default_scenario_text(), "default", ".");
  ASSERT_TRUE(loaded.errors.empty());
  const SimRun r = run(std::move(loaded.scenario));
  const fs::path html = artefact("html_report_default.html");
  report::write_html(r.report(), html.string());
  const Browser b = open_in_chromium(html, artefact("html_report_default.png"), 9000);
  // Three school years: the cost per teacher by year is added; no growth without scale_up: or
  // coach_supply:.
  expect_rendered(b, kCharts + 1);
  EXPECT_NE(chart_content(b.dom, "cost-over-years").find("role-mark"), std::string::npos);
  EXPECT_EQ(b.dom.find("chart-growth-"), std::string::npos);
  // 26 regions: the scatter names only those that fit, the category stack has 9 colours.
  expect_readable_labels(html, kCharts + 1);
  std::cout << "[ report   ] " << fs::file_size(html) << " bytes, Chromium took " << b.seconds
            << " s; screenshot " << artefact("html_report_default.png").string() << "\n";
}

// Over the years: the national cost per teacher of every school year is in the multi-year
// chart's table and data, and a scale-up adds its growth (teachers and coaches hired by region
// and year); every chart renders. Leaves html_report_scale_up.{html,png} in the build folder.
TEST(HtmlReportInChromium, AScaleUpShowsCostPerTeacherByYearAndItsGrowth) {
  std::string why;
  if (!browser_available(why)) GTEST_SKIP() << why;
  const std::string dir = std::string(COACHSIM_SOURCE_DIR) + "/scenarios";
  auto loaded = scenario::load_scenario_file(dir + "/scale-up-multigrade.yaml");
  ASSERT_TRUE(loaded.errors.empty());
  ASSERT_TRUE(loaded.scenario.scale_up.enabled);
  const SimRun r = run(std::move(loaded.scenario));
  const fs::path html = artefact("html_report_scale_up.html");
  report::write_html(r.report(), html.string());
  const std::string text = read_file(html);
  const std::size_t section = text.find("id=\"section-cost-over-years\"");
  ASSERT_NE(section, std::string::npos);
  const std::string table = text.substr(section, text.find("</section>", section) - section);
  ASSERT_EQ(r.sim->results.national.size(), 3u);
  for (const results::Row& n : r.sim->results.national)
    EXPECT_NE(table.find(">" + units::format_centimos_grouped(n.cost_per_teacher) + "<"),
              std::string::npos)
        << n.year;
  // The teachers of the last year's largest region, in the growth table.
  const results::Row* largest = nullptr;
  for (const results::Row& row : r.sim->results.regions)
    if (row.year == 2022 && (largest == nullptr || row.tally.teachers > largest->tally.teachers))
      largest = &row;
  ASSERT_NE(largest, nullptr);
  ASSERT_GE(largest->tally.teachers, 1000);  // shown with a thousands separator
  EXPECT_NE(
      text.find("<th scope=\"row\">" + largest->region + "</th><td>2022</td><td class=\"num\">" +
                std::to_string(largest->tally.teachers / 1000) + ","),
      std::string::npos);
  const Browser b = open_in_chromium(html, artefact("html_report_scale_up.png"), 12000);
  expect_rendered(b, kCharts + 3);
  for (const char* id : {"cost-over-years", "growth-teachers", "growth-hires"})
    EXPECT_NE(chart_content(b.dom, id).find("role-mark"), std::string::npos) << id;
  // No coach leaves in this scenario, so no vacancy chart.
  EXPECT_EQ(text.find("chart-growth-vacancies"), std::string::npos);
  expect_readable_labels(html, kCharts + 3);
}

// The same budgeted page in Spanish (--lang es): every chart still renders, the headings and
// the time axes' month names are Spanish, and no English heading or month is left. Leaves
// html_report_budget_es.{html,png} in the build folder.
TEST(HtmlReportInChromium, TheSpanishPageRendersWithSpanishWordsAndMonths) {
  std::string why;
  if (!browser_available(why)) GTEST_SKIP() << why;
  scenario::Scenario s = three_regions();
  s.budget.enabled = true;
  s.budget.release = scenario::BudgetRelease::kQuarterly;
  const SimRun r = run(std::move(s));
  struct Spanish {
    Spanish() { i18n::set_language("es"); }
    ~Spanish() { i18n::set_language("en"); }
  } spanish;
  const fs::path html = artefact("html_report_budget_es.html");
  report::write_html(r.report(), html.string());
  const std::string text = read_file(html);
  EXPECT_NE(text.find("<html lang=\"es\">"), std::string::npos);
  for (const char* phrase : {"Resumen nacional", "Ejecución presupuestal nacional por mes",
                             "Costo por docente por región", "Gasto devengado por mes",
                             "Cumplimiento y cobertura por región", "Contenido"})
    EXPECT_NE(text.find(phrase), std::string::npos) << phrase;
  for (const char* phrase : {"National summary", "National budget execution by month",
                             "Cost per teacher by region", ">Contents<"})
    EXPECT_EQ(text.find(phrase), std::string::npos) << phrase;
  const Browser b = open_in_chromium(html, artefact("html_report_budget_es.png"), 5200);
  expect_rendered(b, kCharts + 1);
  // The monthly charts' axes, drawn by Vega with the page's time format locale: the school
  // year runs March to December, so "abr" and "ago" (Spanish) appear and "Apr"/"Aug" do not.
  const std::string axes = chart_content(b.dom, "spending-by-month");
  EXPECT_NE(axes.find("abr 20"), std::string::npos);
  EXPECT_NE(axes.find("ago 20"), std::string::npos);
  EXPECT_EQ(axes.find("Apr 20"), std::string::npos);
  EXPECT_EQ(axes.find("Aug 20"), std::string::npos);
  EXPECT_TRUE(fs::exists(artefact("html_report_budget_es.png"))) << b.log;
  expect_readable_labels(html, kCharts + 1);
}

// A budgeted run adds the PpR execution curve (PIM, released, accrued by month) with its table.
TEST(HtmlReportInChromium, ABudgetedRunAddsTheExecutionCurve) {
  std::string why;
  if (!browser_available(why)) GTEST_SKIP() << why;
  scenario::Scenario s = three_regions();
  s.budget.enabled = true;
  s.budget.release = scenario::BudgetRelease::kQuarterly;
  const SimRun r = run(std::move(s));
  ASSERT_TRUE(r.sim->results.execution.enabled);
  const fs::path html = artefact("html_report_budget.html");
  report::write_html(r.report(), html.string());
  const std::string text = read_file(html);
  EXPECT_NE(text.find("National budget execution by month"), std::string::npos);
  const Browser b = open_in_chromium(html, artefact("html_report_budget.png"), 5200);
  expect_rendered(b, kCharts + 1);
  const std::string content = chart_content(b.dom, "budget-execution");
  EXPECT_NE(content.find("data-rendered=\"true\""), std::string::npos);
  EXPECT_NE(content.find("role-mark"), std::string::npos);
  expect_readable_labels(html, kCharts + 1);
}

// The label check can fail: two names written over each other, and one past the chart's right
// edge, are each reported with the chart's id and the labels' text.
TEST(HtmlReportInChromium, OverlappingLabelsAreReported) {
  std::string why;
  if (!browser_available(why)) GTEST_SKIP() << why;
  TempDir dir;
  const fs::path file = dir.path / "overlap.html";
  std::ofstream(file, std::ios::binary)
      << "<!DOCTYPE html><html><body data-charts-rendered=\"1\" data-charts-expected=\"1\">"
         "<div class=\"chart\" id=\"chart-x\"><svg width=\"300\" height=\"100\">"
         "<text x=\"10\" y=\"50\" font-size=\"12\">Lima Metropolitana</text>"
         "<text x=\"30\" y=\"52\" font-size=\"12\">Callao</text>"
         "<text x=\"10\" y=\"90\" font-size=\"12\">Arequipa</text>"
         "<text x=\"260\" y=\"20\" font-size=\"12\">Madre de Dios</text>"
         "<text x=\"10\" y=\"20\" font-size=\"12\" opacity=\"0\">Hidden by Vega</text>"
         "</svg></div></body></html>";
  const testing::LabelCheck c = testing::check_labels(file);
  ASSERT_EQ(c.charts, 1) << c.log;
  EXPECT_EQ(c.labels, 4);
  ASSERT_EQ(c.problems.size(), 2u) << testing::label_problems_text(c);
  EXPECT_EQ(c.problems[0], "chart-x: \"Madre de Dios\" runs outside the chart");
  EXPECT_EQ(c.problems[1], "chart-x: \"Lima Metropolitana\" overlaps \"Callao\"");
}

// The check can fail: a chart whose spec is broken is reported in #errors and not counted.
TEST(HtmlReportInChromium, ABrokenChartIsReported) {
  std::string why;
  if (!browser_available(why)) GTEST_SKIP() << why;
  const SimRun r = run(three_regions());
  std::string html = report::html_report(r.report());
  const std::size_t specs = html.find("id=\"coachsim-specs\"");
  const std::size_t bar = html.find("\"type\":\"bar\"", specs);
  ASSERT_NE(bar, std::string::npos);
  html.replace(bar, 12, "\"type\":\"nonsense\"");
  TempDir dir;
  const fs::path file = dir.path / "broken.html";
  std::ofstream(file, std::ios::binary) << html;
  std::string log;
  const std::string dom = dump_dom(file, &log);
  ASSERT_FALSE(dom.empty()) << log;
  EXPECT_NE(element_text(dom, "errors").find("could not be drawn"), std::string::npos)
      << element_text(dom, "errors");
  EXPECT_EQ(body_attribute(dom, "data-charts-rendered"), std::to_string(kCharts - 1));
}

// ---------------------------------------------------------------------------------------------
// The audit's page (`coachsim audit --html`)

constexpr const char* kAuditChartIds[] = {"audit-cost-per-teacher", "audit-gap",
                                          "audit-regression"};

// The small scenario with two copies of its region, so the audit can estimate a regression
// (three regions in the scenario, one driver that varies: teachers per coach), and actuals
// built from the run's ledger with a price and a quantity effect; regions outside the scenario
// widen the spread so that one of them, spending four times as much, is flagged at 2 SD.
struct AuditCase {
  scenario::Scenario scenario;
  std::unique_ptr<results::Simulation> sim;
  std::vector<audit::YearAudit> audit;
};

AuditCase audit_case() {
  AuditCase c;
  c.scenario = testing::small_scenario();
  for (const std::string id : {"Beta", "Gamma <b>"}) {
    scenario::Region r = c.scenario.regions.front();
    r.id = id;
    const std::string prefix = id.substr(0, 1);
    r.ugels = {prefix + "1"};
    for (auto& school : r.schools) {
      school.id = prefix + "-" + school.id;
      school.ugel = prefix + "1";
    }
    c.scenario.regions.push_back(r);
  }
  c.sim = results::simulate(c.scenario, false);
  std::vector<audit::RegionActuals> actuals;
  for (std::uint32_t region = 0; region < c.scenario.regions.size(); ++region) {
    audit::RegionActuals a;
    a.region = c.scenario.regions[region].id;
    a.year = c.scenario.years.front().year;
    for (int k = 0; k < costs::kBuiltinCategoryCount; ++k) {
      a.spending[static_cast<std::size_t>(k)] =
          c.sim->ledger.total(0, region, static_cast<costs::Category>(k));
      a.has_spending[static_cast<std::size_t>(k)] = true;
    }
    const programme::RegionYearTally& t = c.sim->tally.at(0, region);
    a.counts = {t.coaches, t.supervisors, t.staff, t.teachers + region, t.schools, t.students};
    a.has_count.fill(true);
    // Fees 20% and 40% above the standard in the copies; travel above the expected.
    a.spending[static_cast<std::size_t>(costs::Category::kCoachContracts)] += 600000 * region;
    a.spending[static_cast<std::size_t>(costs::Category::kTravel)] += 5000 * region;
    actuals.push_back(a);
  }
  for (int k = 0; k < 6; ++k) {
    audit::RegionActuals a = actuals.front();
    a.region = "Outside " + std::to_string(k + 1);
    if (k == 5)
      for (auto& v : a.spending) v *= 4;
    actuals.push_back(a);
  }
  c.audit = audit::run_audit(c.scenario, *c.sim, actuals, {});
  return c;
}

TEST(AuditHtml, EveryChartIsInTheSelfContainedPage) {
  if (!report::html_available()) {
    EXPECT_THROW(report::audit_html({}, "unused"), std::runtime_error);
    GTEST_SKIP() << "no chart libraries in this build";
  }
  const AuditCase c = audit_case();
  ASSERT_EQ(c.audit.size(), 1u);
  ASSERT_TRUE(c.audit[0].regression.ok) << c.audit[0].regression.problem;
  const std::string html = report::audit_html(c.audit, "audit <small> & co");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<title>audit &lt;small&gt; &amp; co</title>"), std::string::npos);
  EXPECT_EQ(count(html, "class=\"chart\""), std::size(kAuditChartIds));
  EXPECT_NE(html.find("data-charts-expected=\"3\""), std::string::npos);
  for (const char* id : kAuditChartIds)
    EXPECT_NE(html.find(std::string("id=\"chart-") + id + "\""), std::string::npos) << id;
  EXPECT_EQ(html.find("Gamma <b>"), std::string::npos);
  EXPECT_NE(html.find("Gamma &lt;b&gt;"), std::string::npos);
  // The gap chart's axis has a tick at 0, between its first and last ticks, evenly spaced.
  const nlohmann::json ticks =
      page_specs(html).at("audit-gap")["layer"][0]["encoding"]["x"]["axis"]["values"];
  ASSERT_GE(ticks.size(), 3u);
  bool zero = false;
  for (const auto& v : ticks) zero = zero || v.get<double>() == 0.0;
  EXPECT_TRUE(zero) << ticks.dump();
  EXPECT_LT(ticks.front().get<double>(), 0.0);
  EXPECT_GT(ticks.back().get<double>(), 0.0);
  // The findings, numbered, the largest gap in money first.
  ASSERT_FALSE(c.audit[0].findings.empty());
  EXPECT_NE(html.find("<ol class=\"findings\">"), std::string::npos);
  std::string first = c.audit[0].findings.front().text;
  EXPECT_NE(html.find("<li>" + first.substr(0, first.find('<'))), std::string::npos);
}

TEST(AuditHtml, WithoutARegressionTheScatterIsLeftOut) {
  if (!report::html_available()) GTEST_SKIP() << "no chart libraries in this build";
  const scenario::Scenario s = testing::small_scenario();
  const auto sim = results::simulate(s, false);
  const auto loaded = audit::load_actuals_file(std::string(COACHSIM_SOURCE_DIR) +
                                               "/tests/data/audit/small-actuals.csv");
  ASSERT_TRUE(loaded.ok());
  const auto a = audit::run_audit(s, *sim, loaded.rows, {});
  ASSERT_FALSE(a.at(0).regression.ok);
  const std::string html = report::audit_html(a, "small");
  EXPECT_EQ(count(html, "class=\"chart\""), 2u);
  EXPECT_EQ(html.find("id=\"chart-audit-regression\""), std::string::npos);
  EXPECT_NE(html.find("was not estimated"), std::string::npos);
}

TEST(AuditHtmlInChromium, EveryChartRendersWithoutErrors) {
  std::string why;
  if (!browser_available(why)) GTEST_SKIP() << why;
  const AuditCase c = audit_case();
  // One region is flagged, so the chart's highlight is drawn too.
  bool flagged = false;
  for (const audit::RatioSpread& s : c.audit.at(0).ratios)
    if (s.metric == "cost_per_teacher")
      for (int f : s.flag) flagged = flagged || f >= 2;
  EXPECT_TRUE(flagged);
  const fs::path html = artefact("html_audit_small.html");
  report::write_audit_html(c.audit, html.string(), "coachsim audit: small");
  const Browser b = open_in_chromium(html, artefact("html_audit_small.png"), 3000);
  ASSERT_FALSE(b.dom.empty()) << "Chromium returned no DOM:\n" << b.log;
  EXPECT_EQ(element_text(b.dom, "errors"), "");
  EXPECT_EQ(element_text(b.dom, "warnings"), "");
  EXPECT_EQ(body_attribute(b.dom, "data-charts-rendered"), "3");
  for (const char* id : kAuditChartIds) {
    const std::string content = chart_content(b.dom, id);
    EXPECT_NE(content.find("data-rendered=\"true\""), std::string::npos) << id;
    EXPECT_NE(content.find("role-mark"), std::string::npos) << id;
  }
  expect_readable_labels(html, 3);
}

// The audit page of the 2013 audit of 25 regions (peru-2013-standard against actuals-2013.csv),
// in the current language, written to `html`.
void write_audit_2013(const fs::path& html) {
  const std::string dir = std::string(COACHSIM_SOURCE_DIR) + "/scenarios";
  auto loaded = scenario::load_scenario_file(dir + "/peru-2013-standard.yaml");
  ASSERT_TRUE(loaded.errors.empty());
  const auto sim = results::simulate(loaded.scenario, false);
  const auto actuals = audit::load_actuals_file(dir + "/actuals-2013.csv");
  ASSERT_TRUE(actuals.ok());
  const auto a = audit::run_audit(loaded.scenario, *sim, actuals.rows, {});
  ASSERT_TRUE(a.back().regression.ok);
  report::write_audit_html(a, html.string(), "coachsim audit: 2013");
}

// The 2013 audit of 25 regions (the README's example): its scatter names only the regions that
// fit, and no label of any of its three charts overlaps another.
TEST(AuditHtmlInChromium, TheNationalAuditsLabelsDoNotOverlap) {
  std::string why;
  if (!browser_available(why)) GTEST_SKIP() << why;
  const fs::path html = artefact("html_audit_2013.html");
  ASSERT_NO_FATAL_FAILURE(write_audit_2013(html));
  expect_readable_labels(html, 3);
}

// ---------------------------------------------------------------------------------------------
// The page of `coachsim optimise --html`, on figures set by hand so every share can be checked.

constexpr const char* kOptimiseChartIds[] = {"optimise-plans", "optimise-regions",
                                             "optimise-frontier"};

report::OptimisePage optimise_page() {
  report::OptimisePage p;
  p.scenario_name = "hand <made> & co";
  p.currency = "PEN";
  p.objective = "full_protocol";
  p.lp_bound = 191.5;
  p.best_bound = 190;
  p.proven_optimal = true;
  report::OptimisePageYear y;
  y.year = 2021;
  y.budget = 170000000;     // 1,700,000.00
  y.plan_cost = 200000000;  // 2,000,000.00: 85% of the plan
  y.groups = 4;
  y.groups_coached = 3;
  y.teachers_estimate = 190;
  y.objective_value = 190;
  y.estimated_cost = 169000000;
  y.plans = {{{200000000, 10, 200, 100.0},  // default
              {169990000, 10, 150, 60.0},   // (a) pro-rata cut
              {165000000, 8, 160, 80.0},    // (b) protect_teachers
              {168900000, 9, 180, 90.0}}};  // (c) optimised
  report::OptimiseRegionRow alpha{"Alpha", 120, 120, -1, 100000000, {120, 90, 100, 110}};
  report::OptimiseRegionRow beta{"Beta <b>", 80, 70, 70000000, 68900000, {80, 60, 60, 70}};
  y.regions = {alpha, beta};
  // Two solved budgets (50% and 100%) and the two marked rows.
  y.frontier = {{50.0, 100000000, true, 100, 99000000, 100, 45.0, "", 2021},
                {100.0, 200000000, true, 200, 200000000, 200, 100.0, "", 2021},
                {100.0, 200000000, true, -1, 200000000, 200, 100.0, "default", 2021},
                {85.0, 170000000, true, -1, 169990000, 150, 60.0, "pro_rata_cut", 2021}};
  p.years = {y};
  return p;
}

// The same page for 2021 and 2022 (2022: the same figures a year on).
report::OptimisePage two_year_page() {
  report::OptimisePage p = optimise_page();
  report::OptimisePageYear y = p.years.front();
  y.year = 2022;
  for (report::OptimiseFrontierRow& r : y.frontier) r.year = 2022;
  p.years.push_back(y);
  return p;
}

TEST(OptimiseHtml, ThePlansTheRegionsAndTheFrontierWithTheirTables) {
  if (!report::html_available()) {
    EXPECT_THROW(report::optimise_html(optimise_page()), std::runtime_error);
    GTEST_SKIP() << "no chart libraries in this build";
  }
  const std::string html = report::optimise_html(optimise_page());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(count(html, "class=\"chart\""), std::size(kOptimiseChartIds));
  EXPECT_NE(html.find("data-charts-expected=\"3\""), std::string::npos);
  for (const char* id : kOptimiseChartIds)
    EXPECT_NE(html.find(std::string("id=\"chart-") + id + "\""), std::string::npos) << id;
  EXPECT_EQ(html.find("Beta <b>"), std::string::npos);
  EXPECT_NE(html.find("Beta &lt;b&gt;"), std::string::npos);
  EXPECT_NE(html.find("hand &lt;made&gt; &amp; co"), std::string::npos);
  // Shares of the default's, by hand: 150/200, 160/200, 180/200; 60/100, 80/100, 90/100.
  for (const char* share : {"75.0%", "80.0%", "90.0%", "60.0%"})
    EXPECT_NE(html.find(std::string("<td class=\"num\">") + share + "</td>"), std::string::npos)
        << share;
  // Regions: Beta coaches 70 of 80 teachers (87.5%), its full protocol under (a) 60 of 80;
  // all regions 190 of 200 (95.0%) and 180 full-protocol teachers under the plan (90.0%).
  EXPECT_NE(html.find("<td class=\"num\">87.5%</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">60 (75.0%)</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">95.0%</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">180 (90.0%)</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">700,000.00</td>"), std::string::npos);  // Beta's budget
  // The frontier: 100 more full-protocol teachers for 1,000,000.00 more: 100.0 per million.
  EXPECT_NE(html.find("<td class=\"num\">100.0</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>pro-rata cut</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>default plan</td>"), std::string::npos);
  // The solver's account: simulated minus estimated, 1,689,000.00 - 1,690,000.00.
  EXPECT_NE(html.find("<td class=\"num\">-1,000.00</td>"), std::string::npos);
}

TEST(OptimiseHtml, WithoutAFrontierItsChartIsLeftOut) {
  if (!report::html_available()) GTEST_SKIP() << "no chart libraries in this build";
  report::OptimisePage p = optimise_page();
  p.years[0].frontier.clear();
  const std::string html = report::optimise_html(p);
  EXPECT_EQ(count(html, "class=\"chart\""), 2u);
  EXPECT_EQ(html.find("id=\"chart-optimise-frontier\""), std::string::npos);
  // No regional budget given: no column for it.
  p.years[0].regions[1].budget = -1;
  EXPECT_EQ(report::optimise_html(p).find("Regional budget"), std::string::npos);
}

// Several years: each year's sections, their charts' ids and titles carrying the year.
TEST(OptimiseHtml, SeveralYearsHaveEachYearsSections) {
  if (!report::html_available()) GTEST_SKIP() << "no chart libraries in this build";
  const std::string html = report::optimise_html(two_year_page());
  EXPECT_EQ(count(html, "class=\"chart\""), 2 * std::size(kOptimiseChartIds));
  for (const char* year : {"2021", "2022"}) {
    for (const char* id : kOptimiseChartIds)
      EXPECT_NE(html.find(std::string("id=\"chart-") + id + "-" + year + "\""), std::string::npos)
          << id << " " << year;
    EXPECT_NE(html.find(std::string("id=\"section-account-") + year + "\""), std::string::npos);
    EXPECT_NE(html.find(std::string("The frontier, ") + year + " (money in PEN)"),
              std::string::npos);
  }
  EXPECT_EQ(html.find("id=\"chart-optimise-plans\""), std::string::npos);
  EXPECT_NE(html.find("2021-2022"), std::string::npos);
}

TEST(OptimiseHtmlInChromium, EveryChartRendersWithoutErrors) {
  std::string why;
  if (!browser_available(why)) GTEST_SKIP() << why;
  const fs::path html = artefact("html_optimise_small.html");
  report::write_optimise_html(optimise_page(), html.string());
  const Browser b = open_in_chromium(html, artefact("html_optimise_small.png"), 3600);
  ASSERT_FALSE(b.dom.empty()) << "Chromium returned no DOM:\n" << b.log;
  EXPECT_EQ(element_text(b.dom, "errors"), "");
  EXPECT_EQ(element_text(b.dom, "warnings"), "");
  EXPECT_EQ(body_attribute(b.dom, "data-charts-rendered"), "3");
  for (const char* id : kOptimiseChartIds) {
    const std::string content = chart_content(b.dom, id);
    EXPECT_NE(content.find("data-rendered=\"true\""), std::string::npos) << id;
    EXPECT_NE(content.find("role-mark"), std::string::npos) << id;
  }
  expect_readable_labels(html, 3);
}

TEST(OptimiseHtmlInChromium, EveryChartOfSeveralYearsRenders) {
  std::string why;
  if (!browser_available(why)) GTEST_SKIP() << why;
  const fs::path html = artefact("html_optimise_two_years.html");
  report::write_optimise_html(two_year_page(), html.string());
  const Browser b = open_in_chromium(html, artefact("html_optimise_two_years.png"), 6000);
  ASSERT_FALSE(b.dom.empty()) << "Chromium returned no DOM:\n" << b.log;
  EXPECT_EQ(element_text(b.dom, "errors"), "");
  EXPECT_EQ(body_attribute(b.dom, "data-charts-rendered"), "6");
  for (const char* year : {"2021", "2022"})
    for (const char* id : kOptimiseChartIds) {
      const std::string content = chart_content(b.dom, std::string(id) + "-" + year);
      EXPECT_NE(content.find("data-rendered=\"true\""), std::string::npos) << id << year;
    }
}

// ---------------------------------------------------------------------------------------------
// The audit and optimise pages in Spanish (--lang es): every chart renders in Chromium, the
// headings are Spanish, and no label of the longer Spanish text overlaps another or runs out of
// its chart. Leaves html_audit_2013_es.{html,png} and html_optimise_es.{html,png} in the build
// folder.

struct InSpanish {
  InSpanish() { i18n::set_language("es"); }
  ~InSpanish() { i18n::set_language("en"); }
};

void expect_every_chart_rendered(const Browser& b, const std::vector<std::string>& ids) {
  ASSERT_FALSE(b.dom.empty()) << "Chromium returned no DOM:\n" << b.log;
  EXPECT_EQ(element_text(b.dom, "errors"), "");
  EXPECT_EQ(element_text(b.dom, "warnings"), "");
  EXPECT_EQ(body_attribute(b.dom, "data-charts-rendered"), std::to_string(ids.size()));
  for (const std::string& id : ids) {
    const std::string content = chart_content(b.dom, id);
    EXPECT_NE(content.find("data-rendered=\"true\""), std::string::npos) << id;
    EXPECT_NE(content.find("role-mark"), std::string::npos) << id;
  }
}

TEST(AuditHtmlInChromium, TheSpanishNationalAuditRendersWithReadableLabels) {
  std::string why;
  if (!browser_available(why)) GTEST_SKIP() << why;
  const InSpanish spanish;
  const fs::path html = artefact("html_audit_2013_es.html");
  ASSERT_NO_FATAL_FAILURE(write_audit_2013(html));
  const std::string text = read_file(html);
  EXPECT_NE(text.find("<html lang=\"es\">"), std::string::npos);
  for (const char* phrase : {"Costo por docente por región, 2013", "Brecha por región, 2013",
                             "Costo por docente ajustado frente al ejecutado, 2013",
                             "Hallazgos, 2013", "a menos de 2 DE", "Brecha: ejecutado"})
    EXPECT_NE(text.find(phrase), std::string::npos) << phrase;
  for (const char* phrase : {"Cost per teacher by region", "Gap by region", "within 2 SD",
                             "Findings, 2013", "Fitted cost per teacher"})
    EXPECT_EQ(text.find(phrase), std::string::npos) << phrase;
  const Browser b = open_in_chromium(html, artefact("html_audit_2013_es.png"), 4200);
  expect_every_chart_rendered(b, {std::begin(kAuditChartIds), std::end(kAuditChartIds)});
  EXPECT_TRUE(fs::exists(artefact("html_audit_2013_es.png"))) << b.log;
  expect_readable_labels(html, 3);
}

TEST(OptimiseHtmlInChromium, TheSpanishPageRendersWithReadableLabels) {
  std::string why;
  if (!browser_available(why)) GTEST_SKIP() << why;
  const InSpanish spanish;
  const fs::path html = artefact("html_optimise_es.html");
  report::write_optimise_html(optimise_page(), html.string());
  const std::string text = read_file(html);
  EXPECT_NE(text.find("<html lang=\"es\">"), std::string::npos);
  EXPECT_NE(text.find("<td>recorte proporcional</td>"), std::string::npos);
  EXPECT_EQ(text.find("<td>pro-rata cut</td>"), std::string::npos);
  const Browser b = open_in_chromium(html, artefact("html_optimise_es.png"), 3600);
  expect_every_chart_rendered(b, {std::begin(kOptimiseChartIds), std::end(kOptimiseChartIds)});
  EXPECT_TRUE(fs::exists(artefact("html_optimise_es.png"))) << b.log;
  expect_readable_labels(html, 3);
}

}  // namespace html_test
}  // namespace coachsim
