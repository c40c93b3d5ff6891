// `coachsim optimise` on the command line: same inputs give byte-identical outputs, the plan
// loads as a scenario, and bad input (an infeasible floor, an unknown year) exits 2 naming the
// problem with nothing written.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "../support/files.hpp"
#include "../support/process.hpp"

namespace {

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

}  // namespace
