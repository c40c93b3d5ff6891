// `coachsim optimise` on the command line: same inputs give byte-identical outputs, the plan
// loads as a scenario, and bad input (an infeasible floor, an unknown year) exits 2 naming the
// problem with nothing written.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "../support/files.hpp"
#include "../support/process.hpp"

namespace optimise_cli_test {

namespace fs = std::filesystem;
using coachsim::testing::slurp;

coachsim::testing::CommandResult run(const std::string& args) {
  return coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " optimise " + args);
}

const std::string kSmall = std::string(COACHSIM_SOURCE_DIR) + "/scenarios/small.yaml";

TEST(OptimiseCli, SameInputsGiveByteIdenticalOutputs) {
  const fs::path a = coachsim::testing::fresh_dir("coachsim-optimise-test-", "a");
  const fs::path b = coachsim::testing::fresh_dir("coachsim-optimise-test-", "b");
  const std::string args = kSmall + " --budget 80% --frontier 50%..120%/4 -q --out ";
  // The page goes inside the output folder (its folder is made for it).
  const auto ra = run(args + a.string() + " --html " + (a / "page.html").string());
  const auto rb = run(args + b.string() + " --html " + (b / "page.html").string());
  ASSERT_EQ(ra.exit_code, 0) << ra.output;
  ASSERT_EQ(rb.exit_code, 0) << rb.output;
  for (const char* f : {"plan.yaml", "plan.csv", "frontier.csv", "page.html"}) {
    EXPECT_FALSE(slurp(a / f).empty()) << f;
    EXPECT_EQ(slurp(a / f), slurp(b / f)) << f;
  }
  // plan.yaml leaves out exactly the schools plan.csv marks not coached (school, region, ugel,
  // year, coached, ...), and at 80% of its one caseload's plan that is every school.
  const std::string yaml = slurp(a / "plan.yaml");
  std::istringstream csv(slurp(a / "plan.csv"));
  std::string line;
  std::getline(csv, line);  // header
  int rows = 0;
  while (std::getline(csv, line)) {
    ++rows;
    std::vector<std::string> cells;
    std::istringstream in(line);
    for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
    ASSERT_GE(cells.size(), 5u) << line;
    EXPECT_EQ(cells[4], "0") << line;
    EXPECT_NE(yaml.find("      - \"" + cells[0] + "\"\n"), std::string::npos) << cells[0] << "\n"
                                                                              << yaml;
  }
  EXPECT_EQ(rows, 2);
  // The plan is a scenario: it validates and runs.
  const auto v = coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " validate " +
                                              (a / "plan.yaml").string() + " -q");
  EXPECT_EQ(v.exit_code, 0) << v.output;
}

TEST(OptimiseCli, TheManifestListsEveryFileWritten) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-optimise-test-", "manifest");
  const auto r = run(kSmall + " --budget 80% --frontier 50%..120%/3 -q --out " + d.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string manifest = slurp(d / "manifest.json");
  for (const char* f : {"plan.yaml", "plan.csv", "frontier.csv"})
    EXPECT_NE(manifest.find(std::string("{\"name\": \"") + f + "\", \"sha256\": \""),
              std::string::npos)
        << f << "\n"
        << manifest;
  EXPECT_FALSE(fs::exists(d / ".coachsim-staging"));
}

// The workbook read back with openpyxl: every school of plan.csv with its cost as a number, and
// the frontier's rows with the two marked ones.
TEST(OptimiseCli, TheWorkbookHasThePlanAndTheFrontier) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-optimise-test-", "xlsx");
  const fs::path book = d / "optimise.xlsx";
  const auto r = run(kSmall + " --budget 80% --frontier 50%..120%/3 -q --out " + d.string() +
                     " --xlsx " + book.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const auto py = coachsim::testing::run_shell(
      python +
      " -c \"import openpyxl,sys\n"
      "wb = openpyxl.load_workbook(sys.argv[1])\n"
      "print('sheets', wb.sheetnames)\n"
      "for row in wb['Plan'].iter_rows(min_row=4, values_only=True):\n"
      "    print('Plan ' + '|'.join([str(v) for v in row[:5]] + ['%.2f' % row[5]] +\n"
      "                             [str(v) for v in row[6:]]))\n"
      "for row in wb['Frontier'].iter_rows(min_row=4, values_only=True):\n"
      "    print('Frontier ' + '|'.join(str(v) for v in row))\n\" " +
      book.string());
  ASSERT_EQ(py.exit_code, 0) << py.output;
  EXPECT_NE(py.output.find("sheets ['Plan', 'Frontier']"), std::string::npos) << py.output;
  // Each plan.csv row appears in the Plan sheet with the same figures.
  const std::string csv = slurp(d / "plan.csv");
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);  // header
  int rows = 0;
  while (std::getline(lines, line)) {
    std::string expected = "Plan " + line;
    std::replace(expected.begin(), expected.end(), ',', '|');
    EXPECT_NE(py.output.find(expected + "\n"), std::string::npos) << expected << "\n" << py.output;
    ++rows;
  }
  EXPECT_GT(rows, 0);
  EXPECT_NE(py.output.find("|default"), std::string::npos) << py.output;
  EXPECT_NE(py.output.find("|pro_rata_cut"), std::string::npos) << py.output;
}

TEST(OptimiseCli, AnInfeasibleFloorExitsTwoNamingTheConstraint) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-optimise-test-", "floor");
  const auto r = run(kSmall + " --budget 90% --floor-coverage 100 --out " + d.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("each region keeps at least 100% of its teachers"), std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(d));
}

TEST(OptimiseCli, AnUnknownYearExitsTwo) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-optimise-test-", "year");
  const auto r = run(kSmall + " --budget 80% --year 1999 --out " + d.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--year 1999: not a year of the scenario"), std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(d));
}

TEST(OptimiseCli, AnUnknownEquityWeightExitsTwoListingTheNames) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-optimise-test-", "equity");
  const auto r =
      run(kSmall + " --budget 80% --objective equity --equity-weights rurl=2 --out " + d.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--equity-weights: 'rurl=2': expected NAME=WEIGHT with NAME one of "
                          "rural, urban, border"),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(d));
}

TEST(OptimiseCli, TheLearningObjectiveNeedsAnOutcomesSection) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-optimise-test-", "learning");
  const auto r = run(kSmall + " --budget 80% --objective learning --out " + d.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--objective learning: the scenario has no outcomes: section"),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(d));
}

// --html: the page is written with the other outputs; when it cannot be written, nothing is
// (neither the output folder's files nor the workbook).
TEST(OptimiseCli, ThePageIsWrittenAllOrNothing) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-optimise-test-", "html");
  const fs::path page = d / "optimise.html";
  const fs::path book = d / "optimise.xlsx";
  fs::create_directories(d);
  const auto ok =
      run(kSmall + " --budget 80% --frontier 50%..120%/3 -q --out " + (d / "out").string() +
          " --xlsx " + book.string() + " --html " + page.string());
  ASSERT_EQ(ok.exit_code, 0) << ok.output;
  const std::string html = slurp(page);
  EXPECT_NE(html.find("data-charts-expected=\"3\""), std::string::npos);
  EXPECT_NE(html.find("id=\"chart-optimise-frontier\""), std::string::npos);
  EXPECT_FALSE(fs::exists(page.string() + ".coachsim-part"));

  const fs::path bad = d / "bad";
  const auto r = run(kSmall + " --budget 80% -q --out " + (bad / "out").string() + " --xlsx " +
                     (bad / "optimise.xlsx").string() + " --html " +
                     (bad / "no-such-folder" / "optimise.html").string());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("optimise.html"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(bad / "out" / "plan.yaml"));
  EXPECT_FALSE(fs::exists(bad / "optimise.xlsx"));
  EXPECT_FALSE(fs::exists(bad / "optimise.xlsx.coachsim-part"));
}

// ---------------------------------------------------------------------------------------------
// Several years in one solve: scenarios/small.yaml over 2021 and 2022 (one caseload).

fs::path two_year_small(const fs::path& dir) {
  fs::create_directories(dir);
  const fs::path f = dir / "small-two-years.yaml";
  std::ofstream(f) << "coachsim: 1\nextends: \"" << kSmall << "\"\nname: \"small, two years\"\n"
                   << "years:\n"
                      "  - year: 2021\n"
                      "    terms: [{from: 2021-03-01, to: 2021-12-17}]\n"
                      "    contract: {start: 2021-03-01, end: 2021-12-31}\n"
                      "    coach_workshops: [2021-03-01]\n"
                      "    teacher_workshops: [2021-03-04]\n"
                      "  - year: 2022\n"
                      "    terms: [{from: 2022-03-01, to: 2022-12-16}]\n"
                      "    contract: {start: 2022-03-01, end: 2022-12-31}\n"
                      "    coach_workshops: [2022-03-01]\n"
                      "    teacher_workshops: [2022-03-03]\n";
  return f;
}

TEST(OptimiseCli, SeveralYearsInOneSolveWithContinuity) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-optimise-test-", "years");
  const std::string scenario = two_year_small(d).string();
  // 2021 could pay for the caseload, 2022 could not: continuity (coached in 2021, coached in
  // 2022) leaves it out of both years.
  const auto r = run(scenario + " --budget 2021=100%,2022=80% --out " + (d / "a").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("2021-2022 in one program, with continuity"), std::string::npos)
      << r.output;
  const std::string csv = slurp(d / "a" / "plan.csv");
  EXPECT_NE(csv.find(",2021,0,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",2022,0,"), std::string::npos) << csv;
  EXPECT_EQ(csv.find(",2021,1,"), std::string::npos) << csv;
  EXPECT_EQ(csv.find(",2022,1,"), std::string::npos) << csv;
  const std::string yaml = slurp(d / "a" / "plan.yaml");
  EXPECT_NE(yaml.find("  - year: 2021\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("  - year: 2022\n"), std::string::npos) << yaml;
  // Money in both years: the caseload is coached in both.
  const auto both = run(scenario + " --year all --budget 100% -q --out " + (d / "b").string());
  ASSERT_EQ(both.exit_code, 0) << both.output;
  const std::string both_csv = slurp(d / "b" / "plan.csv");
  EXPECT_NE(both_csv.find(",2021,1,"), std::string::npos) << both_csv;
  EXPECT_NE(both_csv.find(",2022,1,"), std::string::npos) << both_csv;
  // Same inputs, same outputs; the plan validates.
  const auto again = run(scenario + " --budget 2021=100%,2022=80% -q --out " + (d / "c").string());
  ASSERT_EQ(again.exit_code, 0) << again.output;
  for (const char* f : {"plan.yaml", "plan.csv"}) EXPECT_EQ(slurp(d / "a" / f), slurp(d / "c" / f));
  const auto v = coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " validate " +
                                              (d / "a" / "plan.yaml").string() + " -q");
  EXPECT_EQ(v.exit_code, 0) << v.output;
}

TEST(OptimiseCli, BadYearsAndPerYearBudgetsExitTwo) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-optimise-test-", "years-bad");
  const std::string scenario = two_year_small(d).string();
  const std::pair<std::string, std::string> cases[] = {
      {"--budget 2021=80%,2030=90%", "--budget 2030: not a year of the scenario"},
      {"--year 2021,2022 --budget 2021=80%", "--budget: no budget for 2022"},
      {"--budget 2021=80%,2021=90%", "--budget: 2021 is given twice"},
      {"--year all --budget 80% --frontier 50%..100%", "--frontier: expected FROM%..TO%/STEPS"},
      {"--year 2021,2022 --budget 2021=80%,2022=lots", "got 'lots'"}};
  for (const auto& [args, expected] : cases) {
    const fs::path out = d / "out";
    const auto r = run(scenario + " " + args + " --out " + out.string());
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.output;
    EXPECT_NE(r.output.find(expected), std::string::npos) << args << "\n" << r.output;
    EXPECT_FALSE(fs::exists(out / "plan.yaml")) << args;
  }
}

// Regional limits per year: REGION=YEAR=VALUE,... applies each year's value to that year only,
// and a year without one has no limit. Alpha's budget at half its plan cannot pay its fixed
// costs, so a year that has it cannot be met, and the message names that year.
TEST(OptimiseCli, RegionalLimitsDifferByYear) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-optimise-test-", "region-years");
  const std::string scenario = two_year_small(d).string();
  const std::string out = " -q --out " + (d / "out").string();
  const auto in_2022 = run(scenario +
                           " --year all --budget 100% --budget-region "
                           "Alpha=2021=100%,2022=50%" +
                           out);
  EXPECT_EQ(in_2022.exit_code, 2) << in_2022.output;
  EXPECT_NE(in_2022.output.find("no plan meets every constraint in 2022: the budget of region "
                                "Alpha"),
            std::string::npos)
      << in_2022.output;
  const auto in_2021 = run(scenario +
                           " --year all --budget 100% --budget-region "
                           "Alpha=2021=50%,2022=100%" +
                           out);
  EXPECT_EQ(in_2021.exit_code, 2) << in_2021.output;
  EXPECT_NE(in_2021.output.find("no plan meets every constraint in 2021: the budget of region "
                                "Alpha"),
            std::string::npos)
      << in_2021.output;
  EXPECT_FALSE(fs::exists(d / "out" / "plan.yaml"));
  // 2022 solved alone: the 2021 limit does not apply, the caseload is coached.
  const auto alone = run(scenario + " --year 2022 --budget 100% --budget-region Alpha=2021=50%" +
                         " --coach-supply Alpha=2021=0" + out);
  ASSERT_EQ(alone.exit_code, 0) << alone.output;
  EXPECT_NE(slurp(d / "out" / "plan.csv").find(",2022,1,"), std::string::npos);
  // The same limits for 2022 leave it out (a coach supply of none).
  const auto none = run(scenario + " --year 2022 --budget 100% --coach-supply Alpha=2022=0" +
                        " --out " + (d / "none").string() + " -q");
  ASSERT_EQ(none.exit_code, 0) << none.output;
  EXPECT_NE(slurp(d / "none" / "plan.csv").find(",2022,0,"), std::string::npos);
  for (const auto& [args, expected] : std::initializer_list<std::pair<const char*, const char*>>{
           {"--budget-region Alpha=2030=80%",
            "'Alpha=2030=80%': 2030 is not a year of the "
            "scenario"},
           {"--coach-supply Alpha=2021=1,2021=2", "'Alpha=2021=1,2021=2': 2021 is given twice"}}) {
    const auto r =
        run(scenario + " --year all --budget 100% " + args + " --out " + (d / "bad").string());
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.output;
    EXPECT_NE(r.output.find(expected), std::string::npos) << args << "\n" << r.output;
    EXPECT_FALSE(fs::exists(d / "bad" / "plan.yaml")) << args;
  }
}

// The frontier over two years of small.yaml: every year's budget at 50%..120% of its plan, one
// row per point and year plus each year's default and pro-rata cut. The one caseload is coached
// from the first budget that pays for it in both years on (continuity): the simulated figures
// never decrease with the budget, and no simulated cost exceeds its year's budget.
TEST(OptimiseCli, TheFrontierOverSeveralYears) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-optimise-test-", "years-frontier");
  const std::string scenario = two_year_small(d).string();
  const auto r = run(scenario + " --year all --budget 90% --frontier 50%..120%/8 -q --out " +
                     (d / "a").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::istringstream csv(slurp(d / "a" / "frontier.csv"));
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line.rfind("budget_pct,year,budget,", 0), 0u) << line;
  std::map<std::string, double> last;  // per year: the last point's full-protocol teachers
  int points = 0, marked = 0, infeasible = 0;
  bool coached_some = false, left_out_some = false;
  while (std::getline(csv, line)) {
    std::vector<std::string> c;
    std::istringstream in(line);
    for (std::string cell; std::getline(in, cell, ',');) c.push_back(cell);
    if (!line.empty() && line.back() == ',') c.emplace_back();
    ASSERT_EQ(c.size(), 12u) << line;
    if (c[11] == "infeasible") {  // below the fixed costs: only the lowest budgets
      EXPECT_EQ(points, 0) << line;
      ++infeasible;
      continue;
    }
    if (!c[11].empty()) {
      ++marked;
      continue;
    }
    ++points;
    const double budget = std::stod(c[2]), cost = std::stod(c[8]), fp = std::stod(c[9]);
    EXPECT_LE(cost, budget) << line;
    double& last_fp = last[c[1]];
    EXPECT_GE(fp, last_fp) << line;
    last_fp = fp;
    coached_some = coached_some || c[5] != "0";
    left_out_some = left_out_some || c[5] == "0";
  }
  EXPECT_EQ(points + infeasible, 16);  // 8 points, 2 years
  EXPECT_GT(points, 0);
  EXPECT_EQ(marked, 4);
  EXPECT_EQ(last.size(), 2u);
  EXPECT_TRUE(coached_some);
  EXPECT_TRUE(left_out_some);
}

// --html and --xlsx over several years: every row of frontier.csv (each point and year, each
// year's default and pro-rata cut) is in the workbook's Frontier sheet and in that year's
// frontier table on the page, with the same figures.
std::string grouped(const std::string& digits) {  // "131991.00" -> "131,991.00"
  const std::size_t dot = std::min(digits.find('.'), digits.size());
  std::string head;
  for (std::size_t i = 0; i < dot; ++i) {
    if (i > 0 && (dot - i) % 3 == 0) head += ',';
    head += digits[i];
  }
  return head + digits.substr(dot);
}

TEST(OptimiseCli, ThePageAndWorkbookOfSeveralYearsHoldEachYearsFrontier) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-optimise-test-", "years-page");
  const std::string scenario = two_year_small(d).string();
  const fs::path page = d / "page.html", book = d / "book.xlsx";
  const auto r =
      run(scenario + " --budget 2021=100%,2022=100% --frontier 80%..120%/3 -q --out " +
          (d / "out").string() + " --html " + page.string() + " --xlsx " + book.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string html = slurp(page);
  EXPECT_NE(html.find("data-charts-expected=\"6\""), std::string::npos);
  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const auto py = coachsim::testing::run_shell(
      python +
      " -c \"import openpyxl,sys\n"
      "ws = openpyxl.load_workbook(sys.argv[1])['Frontier']\n"
      "for r in ws.iter_rows(min_row=4, values_only=True):\n"
      "    print('Frontier %.2f,%d,%.2f,%s,%.2f,%d,%.2f,%s' % (r[0] * 100, r[1], r[2],\n"
      "          '' if r[3] is None else r[3], r[4], r[5], r[6], r[7] or ''))\n\" " +
      book.string());
  ASSERT_EQ(py.exit_code, 0) << py.output;
  std::istringstream csv(slurp(d / "out" / "frontier.csv"));
  std::string line;
  std::getline(csv, line);  // header
  std::map<std::string, int> rows_per_year;
  while (std::getline(csv, line)) {
    std::vector<std::string> c;
    std::istringstream in(line + ",");
    for (std::string cell; std::getline(in, cell, ',');) c.push_back(cell);
    ASSERT_EQ(c.size(), 12u) << line;
    ++rows_per_year[c[1]];
    // budget_pct, year, budget, teachers estimate, simulated cost, full protocol, learning,
    // marker: the workbook's row.
    const std::string book_row = "Frontier " + c[0] + "," + c[1] + "," + c[2] + "," + c[5] + "," +
                                 c[8] + "," + c[9] + "," + c[10] + "," + c[11];
    EXPECT_NE(py.output.find(book_row + "\n"), std::string::npos) << book_row << "\n" << py.output;
    // The page: the row in the frontier table of that year's section.
    const std::size_t chart = html.find("id=\"chart-optimise-frontier-" + c[1] + "\"");
    ASSERT_NE(chart, std::string::npos) << c[1];
    const std::string table = html.substr(chart, html.find("</table>", chart) - chart);
    std::ostringstream pct;
    pct.setf(std::ios::fixed);
    pct.precision(1);
    pct << std::stod(c[0]);
    const std::string page_row =
        "<th scope=\"row\">" + pct.str() + "%</th><td class=\"num\">" + grouped(c[2]) +
        "</td><td class=\"num\">" + (c[5].empty() ? "\u2014" : grouped(c[5])) +
        "</td><td class=\"num\">" + grouped(c[8]) + "</td><td class=\"num\">" + grouped(c[9]) +
        "</td><td class=\"num\">" + grouped(std::to_string(std::llround(std::stod(c[10])))) +
        "</td>";
    EXPECT_NE(table.find(page_row), std::string::npos) << page_row << "\n" << table;
  }
  // Three points and the two marked rows, for each year.
  EXPECT_EQ(rows_per_year, (std::map<std::string, int>{{"2021", 5}, {"2022", 5}}));
}

// Every row of frontier.csv has the header's columns, an infeasible point's too (one year had
// one cell more there before session 9). small.yaml's fixed costs are 75.8% of its plan: the
// 50% and 73.3% points are infeasible.
TEST(OptimiseCli, EveryFrontierRowHasTheHeadersColumns) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-optimise-test-", "columns");
  const auto r = run(kSmall + " --budget 85% --frontier 50%..120%/4 -q --out " + d.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::istringstream csv(slurp(d / "frontier.csv"));
  std::string line;
  std::getline(csv, line);
  const auto columns = std::count(line.begin(), line.end(), ',');
  int infeasible = 0;
  while (std::getline(csv, line)) {
    EXPECT_EQ(std::count(line.begin(), line.end(), ','), columns) << line;
    infeasible += line.ends_with(",infeasible");
  }
  EXPECT_EQ(infeasible, 2);
}

}  // namespace optimise_cli_test
