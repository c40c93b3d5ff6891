// `coachsim compare` as users meet it: the files it writes (compare.csv, compare.json), the
// terminal table, bad input, the workbook read back with openpyxl, and the HTML page rendered
// in headless Chromium (like tests/report/html_test.cpp). The pair compared is
// scenarios/small.yaml and tests/data/compare/small-fee.yaml, the same with a coach fee of
// 3,300.00 instead of 3,000.00 a month: 10 contract months cost 3,000.00 more.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "../support/files.hpp"
#include "../support/label_check.hpp"
#include "../support/process.hpp"
#include "coachsim/report/html_report.hpp"
#include "coachsim/results/metrics.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/loader.hpp"

namespace compare_cli_test {

namespace fs = std::filesystem;
using Result = coachsim::testing::CommandResult;

const std::string kSmall = std::string(COACHSIM_SOURCE_DIR) + "/scenarios/small.yaml";
const std::string kFee = std::string(COACHSIM_SOURCE_DIR) + "/tests/data/compare/small-fee.yaml";
const std::string kBroken = std::string(COACHSIM_SOURCE_DIR) + "/tests/data/compare/broken.yaml";

Result run(const std::string& args) {
  return coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " " + args);
}

using coachsim::testing::slurp;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

bool has_line(const std::string& text, const std::string& line) {
  const auto lines = lines_of(text);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// A folder of this test process's own: other builds of the suite may run at the same time.
fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() /
                     ("coachsim-compare-test-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(d);
  return d;
}

// Removes this process's folders when the tests end (each test runs in a process of its own).
class RemoveFolders : public ::testing::Environment {
 public:
  void TearDown() override {
    const std::string prefix = "coachsim-compare-test-" + std::to_string(::getpid()) + "-";
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::temp_directory_path(), ec))
      if (e.path().filename().string().rfind(prefix, 0) == 0) fs::remove_all(e.path(), ec);
  }
};
[[maybe_unused]] ::testing::Environment* const kRemoveFolders =
    ::testing::AddGlobalTestEnvironment(new RemoveFolders);

// The number of metrics of small.yaml: one row of compare.csv each (the variant has the same).
std::size_t small_metric_count() {
  auto loaded = coachsim::scenario::load_scenario_file(kSmall);
  EXPECT_TRUE(loaded.ok());
  return coachsim::results::metrics_of(coachsim::results::simulate(loaded.scenario, false)->results)
      .size();
}

TEST(CompareCli, WritesCompareCsvWithOneRowPerMetricAndExactDifferences) {
  const fs::path out = fresh_dir("csv");
  const Result r = run("compare " + kSmall + " " + kFee + " --out " + out.string() + " -q");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, "");  // -q
  const std::string csv = slurp(out / "compare.csv");
  const auto lines = lines_of(csv);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "scope,year,metric,unit,small,small-fee,diff_small-fee,diff_pct_small-fee");
  EXPECT_EQ(lines.size(), 1 + small_metric_count());
  // 3,000.00 more in total (+2.2729%), all of it coach contracts (+10%).
  EXPECT_TRUE(has_line(csv, "national,all,cost_total,PEN,131991.00,134991.00,3000.00,2.2729"));
  EXPECT_TRUE(
      has_line(csv, "Alpha,2021,cost_coach_contracts,PEN,30000.00,33000.00,3000.00,10.0000"));
  EXPECT_TRUE(has_line(csv, "national,2021,cost_per_teacher,PEN,43997.00,44997.00,1000.00,2.2729"));
  EXPECT_TRUE(has_line(csv, "national,all,teachers,count,3,3,0,0.0000"));
  EXPECT_TRUE(has_line(csv, "national,all,coverage_pct,percent,100.0000,100.0000,0.0000,0.0000"));
  // A baseline of zero: a difference but no percent.
  EXPECT_TRUE(has_line(csv, "national,all,cost_outside_regions,PEN,0.00,0.00,0.00,"));
  EXPECT_FALSE(fs::exists(out / ".coachsim-staging"));
}

TEST(CompareCli, CompareJsonHasTheScenariosAndEveryMetric) {
  const fs::path out = fresh_dir("json");
  const Result r = run("compare " + kSmall + " " + kFee + " " + kSmall + " --out " + out.string() +
                       " --seed 11 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // --format json prints compare.json.
  EXPECT_EQ(r.output, slurp(out / "compare.json"));
  const auto j = nlohmann::json::parse(r.output);
  ASSERT_EQ(j["scenarios"].size(), 3u);
  EXPECT_EQ(j["baseline"], "small");
  EXPECT_EQ(j["scenarios"][0]["name"], "small");
  EXPECT_EQ(j["scenarios"][1]["name"], "small-fee");
  EXPECT_EQ(j["scenarios"][2]["name"], "small-2");  // the same stem twice
  EXPECT_EQ(j["scenarios"][1]["file"], kFee);
  EXPECT_EQ(j["scenarios"][1]["scenario_name"], "Small scenario, coach fee 3,300");
  for (const auto& s : j["scenarios"]) EXPECT_EQ(s["seed"], 11);  // --seed overrides each
  EXPECT_EQ(j["metrics"].size(), small_metric_count());
  bool found = false;
  for (const auto& m : j["metrics"]) {
    if (m["key"] != "national/all/cost_total") continue;
    found = true;
    EXPECT_TRUE(m["year"].is_null());
    EXPECT_EQ(m["unit"], "centimos");
    EXPECT_EQ(m["values"], nlohmann::json::parse("[13199100, 13499100, 13199100]"));
    EXPECT_EQ(m["diffs"], nlohmann::json::parse("[null, 300000, 0]"));
    EXPECT_EQ(m["values_text"][1], "134991.00");
    EXPECT_EQ(m["diffs_text"][1], "3000.00");
    EXPECT_TRUE(m["diff_pcts"][0].is_null());
    EXPECT_DOUBLE_EQ(m["diff_pcts"][1].get<double>(), 300000.0 * 100.0 / 13199100.0);
    EXPECT_EQ(m["diff_pcts"][2].get<double>(), 0.0);
  }
  EXPECT_TRUE(found);
}

TEST(CompareCli, PrintsTheHeadlinesSideBySide) {
  const fs::path out = fresh_dir("text");
  const Result r = run("compare " + kSmall + " " + kFee + " --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const std::string& line : {
           std::string("                                         small     small-fee  diff "
                       "small-fee  diff% small-fee"),
           std::string("cost total                          131,991.00    134,991.00       "
                       "+3,000.00           +2.27%"),
           std::string("cost per full-protocol teacher       43,997.00     44,997.00       "
                       "+1,000.00           +2.27%"),
           std::string("coverage                                100.0%        100.0%          "
                       "0.0 pp            0.00%"),
           std::string("  coach_contracts                    30,000.00     33,000.00       "
                       "+3,000.00          +10.00%"),
       })
    EXPECT_TRUE(has_line(r.output, line)) << "missing: [" << line << "]\n" << r.output;
  for (const char* title : {"National, all school years (counts are teacher-years)",
                            "National, 2021", "Cost by category, all school years (PEN)"})
    EXPECT_TRUE(has_line(r.output, title)) << title << "\n" << r.output;
  // No spending outside the regions in either scenario: no line for it.
  EXPECT_EQ(r.output.find("outside_regions"), std::string::npos) << r.output;
}

TEST(CompareCli, ARegionOnlyOneScenarioModelsIsEmptyInTheOther) {
  const fs::path out = fresh_dir("regions");
  const std::string two =
      std::string(COACHSIM_SOURCE_DIR) + "/tests/data/compare/small-two-regions.yaml";
  ASSERT_EQ(run("compare " + kSmall + " " + two + " --out " + out.string() + " -q").exit_code, 0);
  const std::string csv = slurp(out / "compare.csv");
  // Beta's rows come after the baseline's, with the baseline's value and the diffs empty.
  EXPECT_TRUE(has_line(csv, "Beta,2021,cost_total,PEN,,131991.00,,")) << csv;
  EXPECT_TRUE(has_line(csv, "Beta,2021,teachers,count,,3,,")) << csv;
  EXPECT_LT(csv.find("national,all,full_protocol_pct"), csv.find("Beta,2021,cost_total"));
  // Beta is a copy of Alpha with its own officer and supervisor: the total doubles.
  EXPECT_TRUE(has_line(csv, "national,all,cost_total,PEN,131991.00,263982.00,131991.00,100.0000"));
  EXPECT_TRUE(has_line(csv, "Alpha,2021,cost_total,PEN,131991.00,131991.00,0.00,0.0000"));
}

TEST(CompareCli, TheSameComparisonTwiceIsByteIdentical) {
  const fs::path a = fresh_dir("same-a"), b = fresh_dir("same-b");
  const std::string args = "compare " + kSmall + " " + kFee + " " + kSmall + " -q --seed 5 --out ";
  ASSERT_EQ(run(args + a.string()).exit_code, 0);
  ASSERT_EQ(run(args + b.string()).exit_code, 0);
  for (const char* f : {"compare.csv", "compare.json"}) EXPECT_EQ(slurp(a / f), slurp(b / f)) << f;
}

TEST(CompareCli, FewerThanTwoScenariosIsAUsageError) {
  const fs::path out = fresh_dir("one");
  for (const std::string& args : {std::string(""), kSmall}) {
    const Result r = run("compare " + args + " --out " + out.string());
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("needs at least two scenarios"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
  }
}

TEST(CompareCli, ABrokenScenarioStopsEverythingWithItsErrors) {
  const fs::path out = fresh_dir("broken");
  const fs::path html = fresh_dir("broken-html").string() + ".html";
  const Result r = run("compare " + kSmall + " " + kBroken + " --out " + out.string() + " --html " +
                       html.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("broken.yaml:42:16: coach.monthly_fee: expected money per month"),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(html));
  EXPECT_EQ(run("compare " + kSmall + " " + kSmall + "-missing --out " + out.string()).exit_code,
            2);
  EXPECT_FALSE(fs::exists(out));
}

TEST(CompareCli, BuiltinDefaultNamesTheBuiltInScenario) {
  const Result r = run("validate builtin:default");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("<built-in default scenario>: valid"), std::string::npos) << r.output;
}

TEST(CompareCli, TheWorkbookHasAComparisonSheetWithNumbersAndFormats) {
  const fs::path out = fresh_dir("xlsx");
  fs::create_directories(out);
  const fs::path book = out / "compare.xlsx";
  ASSERT_EQ(run("compare " + kSmall + " " + kFee + " --out " + out.string() + " -q --xlsx " +
                book.string())
                .exit_code,
            0);
  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const Result r = coachsim::testing::run_shell(
      python + " " COACHSIM_SOURCE_DIR "/tests/data/compare/read_compare_xlsx.py '" +
      book.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* line : {
           "sheets = Headline,Comparison",
           "freeze = D4",
           "header = Scope|Year|Metric|Unit|small|small-fee|diff small-fee|diff % small-fee",
           "header bold = True",
           "cost_total = 131991 (n, \"S/ \"#,##0.00) | 134991 (n, \"S/ \"#,##0.00) | 3000 (n, "
           "\"S/ \"#,##0.00) | 0.022729 (n, 0.0%)",
           "teachers = 3 (n, #,##0) | 3 (n, #,##0) | 0 (n, #,##0) | 0 (n, 0.0%)",
           // A difference of percentages is in percentage points, never shown as a percent.
           "coverage_pct = 1 (n, 0.0%) | 1 (n, 0.0%) | 0 (n, 0.0\" pp\";-0.0\" pp\";0.0\" pp\") | "
           "0 (n, 0.0%)",
       })
    EXPECT_TRUE(has_line(r.output, line)) << "missing: [" << line << "]\n" << r.output;
  EXPECT_NE(r.output.find("filter = A3:H"), std::string::npos) << r.output;
  // The workbook opens on the answer: the year that changed (the small scenario has one), its
  // national headline figures, all years', then each region's cost and full-protocol share.
  EXPECT_NE(r.output.find("headline title = What changed, 2021: small = "), std::string::npos)
      << r.output;
  EXPECT_NE(
      r.output.find("headline rows = national/2021/cost_total,national/2021/cost_per_teacher,"),
      std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find(",national/all/cost_total,"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(",Alpha/2021/cost_total,"), std::string::npos) << r.output;
}

// A cut in the middle year: the page's first national table and its per-region charts are for
// 2021, the year that changed, not for the scenarios' last year (2022).
TEST(CompareCli, ThePageLeadsWithTheYearThatChanged) {
  if (!coachsim::report::html_available()) GTEST_SKIP() << "no chart libraries in this build";
  const fs::path out = fresh_dir("changed-year");
  const fs::path html = fresh_dir("changed-year-page").string() + ".html";
  const std::string cut = std::string(COACHSIM_SOURCE_DIR) + "/scenarios/cut-15-year2.yaml";
  const Result r = run("compare builtin:default " + cut + " --out " + out.string() + " -q --html " +
                       html.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string page = slurp(html);
  const std::size_t first = page.find("National, 2021");
  ASSERT_NE(first, std::string::npos);
  EXPECT_LT(first, page.find("National, all school years"));
  EXPECT_LT(first, page.find("National, 2020"));
  EXPECT_NE(page.find("Coverage by region, 2021"), std::string::npos);
  EXPECT_EQ(page.find("Coverage by region, 2022"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// The HTML page in headless Chromium (the flags of tests/report/html_test.cpp).

constexpr const char* kChromium = "/usr/bin/chromium";
constexpr const char* kChartIds[] = {"compare-cost-by-category", "compare-coverage",
                                     "compare-full-protocol"};

// The DOM after the page's scripts ran ("" when Chromium printed none; then `log` says why).
std::string dump_dom(const fs::path& html, std::string& log) {
  const fs::path profile = fresh_dir("chromium-profile");
  fs::create_directories(profile);
  const fs::path dom = profile / "dom.html";
  log = coachsim::testing::run_shell(
            std::string("timeout 120 ") + kChromium +
            " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
            " --disable-background-networking --disable-component-update --disable-sync"
            " --disable-extensions --hide-scrollbars --user-data-dir='" +
            (profile / "p").string() + "' --virtual-time-budget=15000 --dump-dom 'file://" +
            fs::absolute(html).string() + "' > '" + dom.string() + "'")
            .output;
  std::string text = slurp(dom);
  fs::remove_all(profile);
  return text;
}

std::string body_of(const std::string& dom) {
  const std::size_t at = dom.rfind("<body");
  return at == std::string::npos ? "" : dom.substr(at);
}

TEST(CompareHtmlInChromium, EveryChartRendersWithoutErrors) {
  if (!coachsim::report::html_available()) GTEST_SKIP() << "no chart libraries in this build";
  if (!fs::exists(kChromium)) GTEST_SKIP() << kChromium << " is not installed";
  const fs::path out = fresh_dir("html");
  // Left in the build folder for people to look at.
  const fs::path html = fs::path(COACHSIM_BINARY).parent_path() / "compare_small.html";
  const Result r = run("compare " + kSmall + " " + kFee + " --out " + out.string() + " -q --html " +
                       html.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string page = slurp(html);
  EXPECT_NE(page.find("data-charts-expected=\"3\""), std::string::npos);
  EXPECT_NE(page.find("+3,000.00"), std::string::npos);  // the national table's difference
  std::string log;
  const std::string body = body_of(dump_dom(html, log));
  ASSERT_FALSE(body.empty()) << "Chromium returned no DOM:\n" << log;
  EXPECT_NE(body.find("data-charts-rendered=\"3\""), std::string::npos) << body.substr(0, 300);
  EXPECT_NE(body.find("<div id=\"errors\" role=\"alert\"></div>"), std::string::npos);
  EXPECT_NE(body.find("<div id=\"warnings\"></div>"), std::string::npos);
  for (const char* id : kChartIds) {
    const std::size_t at = body.find(std::string("id=\"chart-") + id + "\"");
    ASSERT_NE(at, std::string::npos) << id;
    const std::string chart = body.substr(at, body.find("<div class=\"table-wrap", at) - at);
    EXPECT_NE(chart.find("data-rendered=\"true\""), std::string::npos) << id;
    EXPECT_NE(chart.find("role-mark"), std::string::npos) << id;
  }
  // No two labels of a chart overlap, none runs outside its chart.
  const coachsim::testing::LabelCheck labels = coachsim::testing::check_labels(html);
  EXPECT_EQ(labels.charts, 3) << labels.log;
  EXPECT_TRUE(labels.problems.empty()) << coachsim::testing::label_problems_text(labels);
}

// The default against a 15% cut in its second year: 26 regions in each per-region chart, and
// still no label over another.
TEST(CompareHtmlInChromium, TheNationalComparisonsLabelsDoNotOverlap) {
  if (!coachsim::report::html_available()) GTEST_SKIP() << "no chart libraries in this build";
  if (!fs::exists(kChromium)) GTEST_SKIP() << kChromium << " is not installed";
  const fs::path out = fresh_dir("html-national");
  const fs::path html = fs::path(COACHSIM_BINARY).parent_path() / "compare_default_cut.html";
  const std::string cut = std::string(COACHSIM_SOURCE_DIR) + "/scenarios/cut-15-year2.yaml";
  const Result r = run("compare builtin:default " + cut + " --out " + out.string() + " -q --html " +
                       html.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const coachsim::testing::LabelCheck labels = coachsim::testing::check_labels(html);
  EXPECT_EQ(labels.charts, 3) << labels.log;
  EXPECT_GT(labels.labels, 60);
  EXPECT_TRUE(labels.problems.empty()) << coachsim::testing::label_problems_text(labels);
}

// The same page in Spanish (--lang es): its charts render and the longer Spanish labels neither
// overlap nor run outside their charts.
TEST(CompareHtmlInChromium, TheSpanishPageRendersWithReadableLabels) {
  if (!coachsim::report::html_available()) GTEST_SKIP() << "no chart libraries in this build";
  if (!fs::exists(kChromium)) GTEST_SKIP() << kChromium << " is not installed";
  const fs::path out = fresh_dir("html-es");
  const fs::path html = fs::path(COACHSIM_BINARY).parent_path() / "compare_small_es.html";
  const Result r = run("compare " + kSmall + " " + kFee + " --lang es --out " + out.string() +
                       " -q --html " + html.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string page = slurp(html);
  EXPECT_NE(page.find("<html lang=\"es\">"), std::string::npos);
  EXPECT_NE(page.find("Cifras nacionales lado a lado"), std::string::npos);
  std::string log;
  const std::string body = body_of(dump_dom(html, log));
  ASSERT_FALSE(body.empty()) << "Chromium returned no DOM:\n" << log;
  EXPECT_NE(body.find("data-charts-rendered=\"3\""), std::string::npos) << body.substr(0, 300);
  EXPECT_NE(body.find("<div id=\"errors\" role=\"alert\"></div>"), std::string::npos);
  const coachsim::testing::LabelCheck labels = coachsim::testing::check_labels(html);
  EXPECT_EQ(labels.charts, 3) << labels.log;
  EXPECT_TRUE(labels.problems.empty()) << coachsim::testing::label_problems_text(labels);
}

}  // namespace compare_cli_test
