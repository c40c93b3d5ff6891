// The coachsim binary as users meet it: exit codes, output files, reproducibility, errors.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../support/files.hpp"
#include "../support/process.hpp"

namespace cli_test {

namespace fs = std::filesystem;

using Result = coachsim::testing::CommandResult;

Result run(const std::string& args) {
  return coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " " + args);
}

using coachsim::testing::slurp;

fs::path fresh_dir(const std::string& name) {
  return coachsim::testing::fresh_dir("coachsim-cli-test-", name);
}

const std::string kSmall = std::string(COACHSIM_SOURCE_DIR) + "/scenarios/small.yaml";

TEST(Cli, RunWritesEveryOutputFile) {
  const fs::path out = fresh_dir("files");
  const Result r = run("run " + kSmall + " --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* f : {"regions.csv", "national.csv", "ledger.csv", "variance.csv", "missed.csv",
                        "packing.csv", "summary.json"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  EXPECT_FALSE(fs::exists(out / ".coachsim-staging"));
  // The hand-computed total of the small scenario (tests/results/small_scenario_test.cpp).
  EXPECT_NE(slurp(out / "national.csv").find(",131991.00,"), std::string::npos);
  EXPECT_NE(r.output.find("131,991.00"), std::string::npos) << r.output;
}

TEST(Cli, LedgerCsvSumsToTheNationalTotal) {
  const fs::path out = fresh_dir("ledger-sum");
  ASSERT_EQ(run("run " + kSmall + " --out " + out.string() + " -q").exit_code, 0);
  std::ifstream in(out / "ledger.csv");
  std::string line;
  std::getline(in, line);
  std::int64_t cents = 0;
  while (std::getline(in, line)) {
    // amount is the second-to-last column; amounts have exactly two decimals.
    const auto last = line.rfind(',');
    const auto prev = line.rfind(',', last - 1);
    std::string amount = line.substr(prev + 1, last - prev - 1);
    amount.erase(amount.find('.'), 1);
    cents += std::stoll(amount);
  }
  EXPECT_EQ(cents, 13199100);
}

TEST(Cli, SameSeedGivesByteIdenticalOutput) {
  const fs::path a = fresh_dir("same-a"), b = fresh_dir("same-b");
  ASSERT_EQ(run("run " + kSmall + " --out " + a.string() + " -q --seed 11").exit_code, 0);
  ASSERT_EQ(run("run " + kSmall + " --out " + b.string() + " -q --seed 11").exit_code, 0);
  for (const char* f : {"regions.csv", "national.csv", "ledger.csv", "variance.csv", "missed.csv",
                        "packing.csv", "summary.json"})
    EXPECT_EQ(slurp(a / f), slurp(b / f)) << f;
}

TEST(Cli, ValidateAcceptsAGoodFile) {
  const Result r = run("validate " + kSmall);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("valid"), std::string::npos);
}

TEST(Cli, BadScenarioExitsTwoAndWritesNothing) {
  const fs::path dir = fresh_dir("bad");
  fs::create_directories(dir);
  const fs::path bad = dir / "bad.yaml";
  std::string text = slurp(kSmall);
  text.replace(text.find("\"3000 PEN/month\""), 16, "\"35 km\"");
  std::ofstream(bad) << text;
  const fs::path out = dir / "out";
  const Result r = run("run " + bad.string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("bad.yaml:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("coach.monthly_fee"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("money per month"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(out));
}

TEST(Cli, MissingFileAndBadFlagsExitTwo) {
  EXPECT_EQ(run("run /nonexistent/x.yaml --out /tmp/coachsim-never").exit_code, 2);
  EXPECT_FALSE(fs::exists("/tmp/coachsim-never"));
  const Result flag = run("run --bogus");
  EXPECT_EQ(flag.exit_code, 2);
  EXPECT_NE(flag.output.find("--help"), std::string::npos);
  EXPECT_EQ(run("run " + kSmall + " --seed -3").exit_code, 2);
  EXPECT_EQ(run("").exit_code, 2);
}

TEST(Cli, HelpShowsAnExample) {
  const Result r = run("run --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("Example"), std::string::npos);
}

}  // namespace cli_test

namespace cli_test {

std::string sqlite(const fs::path& db, const std::string& sql) {
  return coachsim::testing::run_shell("sqlite3 " + db.string() + " \"" + sql + "\"").output;
}

TEST(Cli, SqliteLedgerSumsToTheReportedTotals) {
  const fs::path out = fresh_dir("sqlite");
  const fs::path db = out / "run.sqlite";
  fs::create_directories(out);
  ASSERT_EQ(
      run("run " + kSmall + " -q --out " + out.string() + " --sqlite " + db.string()).exit_code, 0);
  EXPECT_EQ(sqlite(db, "SELECT SUM(amount_centimos) FROM entries;"), "13199100\n");
  EXPECT_EQ(sqlite(db, "SELECT value FROM run WHERE key='cost_total_centimos';"), "13199100\n");
  // Category totals in the database match national.csv's travel and per diem columns.
  EXPECT_EQ(sqlite(db, "SELECT SUM(amount_centimos) FROM entries WHERE category='travel';"),
            "30000\n");
  EXPECT_EQ(sqlite(db, "SELECT SUM(amount_centimos) FROM entries WHERE category='per_diem';"),
            "90000\n");
  EXPECT_EQ(sqlite(db, "SELECT COUNT(*) FROM entries;"), "50\n");
  EXPECT_EQ(sqlite(db, "SELECT value FROM run WHERE key='seed';"), "7\n");
  EXPECT_EQ(sqlite(db, "SELECT yaml LIKE '%Small hand-checkable scenario%' FROM scenario;"), "1\n");
  for (const auto& e : fs::directory_iterator(out))  // the writer's temporary is gone
    EXPECT_EQ(e.path().filename().string().find(".partial-"), std::string::npos) << e.path();
}

}  // namespace cli_test

namespace cli_test {

const std::string kSmallActuals =
    std::string(COACHSIM_SOURCE_DIR) + "/tests/data/audit/small-actuals.csv";

TEST(Cli, AuditAttributesAFeeAboveTheStandardToPrice) {
  const fs::path out = fresh_dir("audit");
  const Result r = run("audit " + kSmall + " --actuals " + kSmallActuals + " --out " +
                       out.string() + " --xlsx " + out.string() + "/audit.xlsx");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* f : {"audit_regions.csv", "audit_gaps.csv", "audit_spread.csv",
                        "audit_regression.csv", "audit_residuals.csv", "findings.txt"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  // 36,000.00 reported against 30,000.00 expected: the whole gap is price.
  EXPECT_NE(slurp(out / "audit_gaps.csv")
                .find("2021,Alpha,coach_contracts,36000.00,30000.00,6000.00,6000.00,0.00,0.00"),
            std::string::npos);
  // One region: the regression cannot be estimated, and the files say why.
  EXPECT_NE(slurp(out / "audit_regression.csv").find("need more regions"), std::string::npos);
  // The workbook has the audit's sheets, and the gap as a number.
  const Result book = coachsim::testing::run_shell(
      "/usr/bin/python3 -c \"import openpyxl; b = openpyxl.load_workbook('" + out.string() +
      "/audit.xlsx'); print(b.sheetnames); g = b['Gaps by category']; "
      "print([r for r in g.iter_rows(values_only=True) if r[2] == 'coach_contracts'][0][5])\"");
  EXPECT_EQ(book.output,
            "['Findings', 'Spread', 'Regions', 'Gaps by category', 'Regression', 'Residuals']"
            "\n6000\n");
}

// The 2013 audit's Regression sheet reads at a glance: one header row (frozen), then one row a
// term, coefficients to the cent and t and R² to three decimals (not fifteen); the regions' fits
// on a sheet of their own, one row a region.
TEST(Cli, TheAuditWorkbooksRegressionSheetHasOneHeaderRowAndRoundedNumbers) {
  const fs::path out = fresh_dir("audit-2013-xlsx");
  const std::string dir = std::string(COACHSIM_SOURCE_DIR) + "/scenarios/";
  const Result r =
      run("audit " + dir + "peru-2013-standard.yaml --actuals " + dir +
          "actuals-2013.csv -q --out " + out.string() + " --xlsx " + out.string() + "/audit.xlsx");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Result book = coachsim::testing::run_shell(
      "/usr/bin/python3 -c \"import openpyxl; b = openpyxl.load_workbook('" + out.string() +
      "/audit.xlsx'); g = b['Regression']; print([c.value for c in g[1]]); print(g.freeze_panes); "
      "row = [c for c in g[2]]; print(row[1].value, row[2].number_format, row[3].number_format, "
      "row[4].number_format, row[6].number_format, row[7].number_format); "
      "print(g.max_row); s = b['Residuals']; print([c.value for c in s[1]]); print(s.max_row, "
      "s['C2'].number_format)\"");
  EXPECT_EQ(book.output,
            "['year', 'term', 'coefficient', 'std error', 't', 'n', 'R2', 'adjusted R2', 'note']\n"
            "A2\n"
            "intercept #,##0.00 #,##0.00 #,##0.000 #,##0.000 #,##0.000\n"
            "7\n"
            "['year', 'region', 'actual cost per teacher', 'fitted', 'residual', "
            "'residual (residual SD)']\n"
            "26 \"S/ \"#,##0.00\n");
}

TEST(Cli, AuditWithMalformedActualsExitsTwoAndWritesNothing) {
  const fs::path dir = fresh_dir("audit-bad");
  fs::create_directories(dir);
  std::ofstream(dir / "bad.csv") << "region,year,measure,value,status\nAlpha,2021,count.x,1,"
                                    "published\n";
  const Result r = run("audit " + kSmall + " --actuals " + (dir / "bad.csv").string() + " --out " +
                       (dir / "out").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("bad.csv:2:3: measure: unknown measure 'count.x'"), std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
}

}  // namespace cli_test

namespace cli_test {

TEST(Cli, NoLedgerRemovesALedgerLeftByAnEarlierRun) {
  const fs::path out = fresh_dir("stale");
  ASSERT_EQ(run("run " + kSmall + " -q --out " + out.string()).exit_code, 0);
  ASSERT_TRUE(fs::exists(out / "ledger.csv"));
  ASSERT_EQ(run("run " + kSmall + " -q --no-ledger --out " + out.string()).exit_code, 0);
  EXPECT_FALSE(fs::exists(out / "ledger.csv"));
  EXPECT_TRUE(fs::exists(out / "regions.csv"));
}

}  // namespace cli_test

namespace cli_test {

TEST(Cli, FormatJsonForScripts) {
  const fs::path out = fresh_dir("json");
  const Result r = run("run " + kSmall + " --format json --out " + out.string());
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output, slurp(out / "summary.json"));   // exactly summary.json, nothing else
  EXPECT_EQ(r.output.find('\r'), std::string::npos);  // no progress line when not a terminal
  const Result bad = run("validate /nonexistent.yaml --format json");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.output.find("\"valid\": false"), std::string::npos) << bad.output;
  EXPECT_NE(bad.output.find("cannot read scenario file"), std::string::npos);
  const Result good = run("validate " + kSmall + " --format json");
  EXPECT_EQ(good.exit_code, 0);
  EXPECT_NE(good.output.find("\"valid\": true"), std::string::npos);
  EXPECT_EQ(run("run " + kSmall + " --format xml").exit_code, 2);
}

TEST(Cli, EveryCommandHasHelpWithAnExample) {
  for (const char* cmd : {"run", "validate", "audit"}) {
    const Result r = run(std::string(cmd) + " --help");
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.output.find("Example: coachsim " + std::string(cmd)), std::string::npos) << cmd;
  }
}

}  // namespace cli_test

namespace cli_test {

TEST(Cli, RunWritesTheWorkbookAndTheHtmlReportOnRequest) {
  const fs::path out = fresh_dir("reports");
  fs::create_directories(out);
  const Result r = run("run " + kSmall + " -q --out " + out.string() + " --xlsx " +
                       (out / "run.xlsx").string() + " --html " + (out / "run.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_GT(fs::file_size(out / "run.xlsx"), 1000u);
  EXPECT_EQ(slurp(out / "run.xlsx").substr(0, 2), "PK");  // a zip container, as XLSX is
  const std::string html = slurp(out / "run.html");
  EXPECT_NE(html.find("<html"), std::string::npos);
  EXPECT_EQ(html.find("<script src=\"http"), std::string::npos);  // self-contained
  // A folder that cannot be written: exit 1 and a message naming the file.
  const Result bad =
      run("run " + kSmall + " -q --out " + out.string() + " --xlsx /nonexistent/x.xlsx");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("/nonexistent/x.xlsx"), std::string::npos) << bad.output;
}

// `--xlsx D/run.xlsx --out D` with D not there yet: the folder is made for the workbook (it was
// "no such folder"); a failed run leaves no folder behind.
TEST(Cli, AWorkbookInsideAnOutputFolderThatDoesNotExistYet) {
  const fs::path out = fresh_dir("xlsx-new-out");
  ASSERT_FALSE(fs::exists(out));
  const Result r = run("run " + kSmall + " -q --out " + out.string() + " --xlsx " +
                       (out / "book" / "run.xlsx").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(slurp(out / "book" / "run.xlsx").substr(0, 2), "PK");
  EXPECT_TRUE(fs::exists(out / "summary.json"));
  fs::remove_all(out);
  // A scenario that does not load: nothing is made.
  const Result bad = run("run /nonexistent.yaml -q --out " + out.string() + " --xlsx " +
                         (out / "run.xlsx").string());
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_FALSE(fs::exists(out));
}

// The default's workbook, read back with openpyxl: its "Ledger by month" equals ledger.csv summed
// per region, category and month to the céntimo, and "By region and year" carries regions.csv's
// prices: and outcomes: columns with the same values (tests/report/check_default_xlsx.py).
TEST(Cli, TheDefaultWorkbookSumsTheLedgerAndCarriesTheOutcomeColumns) {
  const fs::path out = fresh_dir("default-xlsx");
  fs::create_directories(out);
  const std::string book = (out / "default.xlsx").string();
  const Result r = run("run " + std::string(COACHSIM_SOURCE_DIR) +
                       "/scenarios/default.yaml -q --out " + out.string() + " --xlsx " + book);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const Result check = coachsim::testing::run_shell("/usr/bin/python3 " COACHSIM_SOURCE_DIR
                                                    "/tests/report/check_default_xlsx.py '" +
                                                    out.string() + "' '" + book + "'");
  EXPECT_NE(check.output.find("\npivot = ledger\n"), std::string::npos) << check.output;
  EXPECT_NE(check.output.find("\nregions.csv columns = sheet\n"), std::string::npos)
      << check.output;
  EXPECT_NE(check.output.find("| Ledger by month |"), std::string::npos) << check.output;
  fs::remove_all(out);  // ledger.csv is about 100 MB
}

// The workbook sums the ledger by month; every entry as a sheet only with --xlsx-ledger, which
// needs --xlsx and the ledger.
TEST(Cli, RunListsTheLedgerInTheWorkbookOnlyOnRequest) {
  const fs::path out = fresh_dir("xlsx-ledger");
  fs::create_directories(out);
  auto sheets = [&](const std::string& book) {
    return coachsim::testing::run_shell(
               "/usr/bin/python3 -c \"import openpyxl; print(openpyxl."
               "load_workbook('" +
               book + "').sheetnames)\"")
        .output;
  };
  const std::string plain = (out / "plain.xlsx").string(), full = (out / "full.xlsx").string();
  ASSERT_EQ(run("run " + kSmall + " -q --out " + out.string() + " --xlsx " + plain).exit_code, 0);
  ASSERT_EQ(
      run("run " + kSmall + " -q --out " + out.string() + " --xlsx " + full + " --xlsx-ledger")
          .exit_code,
      0);
  EXPECT_EQ(sheets(plain),
            "['Summary', 'By region and year', 'By category', 'PpR execution', "
            "'Regional variance', 'Ledger by month', 'Scenario inputs']\n");
  EXPECT_EQ(sheets(full),
            "['Summary', 'By region and year', 'By category', 'PpR execution', "
            "'Regional variance', 'Ledger by month', 'Ledger', 'Scenario inputs']\n");

  const Result alone = run("run " + kSmall + " -q --out " + out.string() + " --xlsx-ledger");
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_NE(alone.output.find("--xlsx-ledger needs --xlsx FILE"), std::string::npos)
      << alone.output;
  const Result no_ledger = run("run " + kSmall + " -q --out " + out.string() + " --no-ledger" +
                               " --xlsx " + (out / "x.xlsx").string() + " --xlsx-ledger");
  EXPECT_EQ(no_ledger.exit_code, 2);
  EXPECT_NE(no_ledger.output.find("--xlsx-ledger needs the ledger; drop --no-ledger"),
            std::string::npos)
      << no_ledger.output;
  EXPECT_FALSE(fs::exists(out / "x.xlsx"));
}

}  // namespace cli_test
