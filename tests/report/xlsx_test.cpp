// The Excel workbook of a run: written from the small scenario (tests/support), read back with
// openpyxl by tests/report/read_xlsx.py, whose printout is asserted line by line.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/process.hpp"
#include "../support/small_scenario.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "coachsim/results/metric_list.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/units/parse.hpp"

namespace coachsim {
namespace {

namespace fs = std::filesystem;

// The YAML text is only listed by the workbook, not parsed: indentation must survive.
constexpr const char* kScenarioText =
    "name: small\n"
    "coach:\n"
    "  monthly_fee: \"3000 PEN/month\"\n";

class XlsxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("coachsim-xlsx-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  struct Run {
    scenario::Scenario scenario;
    std::unique_ptr<results::Simulation> sim;
    report::RunReport report() const {
      return {scenario,        "small (built in code)",
              sim->population, sim->ledger,
              sim->tally,      sim->results,
              sim->events};
    }
  };
  static Run simulate(scenario::Scenario s, bool keep_ledger) {
    Run run{std::move(s), nullptr};
    run.sim = results::simulate(run.scenario, keep_ledger);
    return run;
  }
  static scenario::Scenario with_sources() {
    scenario::Scenario s = testing::small_scenario();
    s.sources = {{"coach.monthly_fee", "ASSUMPTION: a round number"},
                 {"protocol", "003_77fb35d22d95a5bc.txt, tables 1-3"}};
    return s;
  }

  // read_xlsx.py's printout, one string per line. openpyxl is the Debian package
  // python3-openpyxl, so the system interpreter runs it (a pyenv or venv `python3` earlier in
  // PATH would not see it).
  static std::vector<std::string> read_back(const fs::path& file) {
    const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    const auto r = testing::run_shell(
        python + " " COACHSIM_SOURCE_DIR "/tests/report/read_xlsx.py '" + file.string() + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    std::vector<std::string> lines;
    std::istringstream in(r.output);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

  fs::path dir_;
};

// Every line of `expected` is in `lines`, exactly; on failure the whole printout is shown.
void expect_lines(const std::vector<std::string>& lines, const std::vector<std::string>& expected) {
  std::string all;
  for (const std::string& l : lines) all += l + "\n";
  for (const std::string& e : expected)
    EXPECT_TRUE(std::find(lines.begin(), lines.end(), e) != lines.end())
        << "missing line: " << e << "\nread_xlsx.py printed:\n"
        << all;
}

TEST_F(XlsxTest, HasTheSheetsInOrderWithFrozenBoldHeadersAndFilters) {
  const Run run = simulate(with_sources(), true);
  const fs::path file = dir_ / "run.xlsx";
  report::write_xlsx(run.report(), file.string(), kScenarioText);
  const auto lines = read_back(file);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0],
            "sheets: Summary | By region and year | By category | PpR execution | "
            "Regional variance | Ledger | Scenario inputs");
  expect_lines(
      lines,
      {
          "Summary: freeze=None filter=None header_row=20 header_bold=True rows=22",
          "By region and year: freeze=C2 filter=A1:AV2 header_row=1 header_bold=True rows=2",
          "By category: freeze=A2 filter=A1:E19 header_row=1 header_bold=True rows=19",
          "PpR execution: freeze=C6 filter=A5:AK7 header_row=5 header_bold=True rows=7",
          "Regional variance: freeze=C4 filter=A3:I9 header_row=3 header_bold=True rows=9",
          "Ledger: freeze=A2 filter=A1:O51 header_row=1 header_bold=True rows=51",
          "Scenario inputs: freeze=A2 filter=None header_row=1 header_bold=True rows=4",
          "Summary: A1 bold=True notes start A4='Summary: this note and the national figures "
          "per school year (below).'",
          "By region and year: 48 columns, first ['region', 'year', 'teachers'], last cost_other",
      });
}

// The sheet's columns are regions.csv's, from the metric list's table layout (no optional
// columns), in its order.
TEST_F(XlsxTest, ByRegionAndYearHeaderIsTheTableLayout) {
  const Run run = simulate(with_sources(), true);
  const fs::path file = dir_ / "run.xlsx";
  report::write_xlsx(run.report(), file.string(), kScenarioText);
  std::string header = "By region and year: header region,year";
  for (const results::MetricDef* m : results::table_layout({})) header += "," + std::string(m->id);
  expect_lines(read_back(file), {header});
}

TEST_F(XlsxTest, NumbersAreNumbersWithCurrencyPercentAndCountFormats) {
  const Run run = simulate(with_sources(), true);
  const fs::path file = dir_ / "run.xlsx";
  report::write_xlsx(run.report(), file.string(), kScenarioText);
  expect_lines(
      read_back(file),
      {
          "Summary: 2021 year = 2021 (n, 0)",
          "Summary: 2021 teachers = 3 (n, #,##0)",
          "Summary: 2021 compliance = 1 (n, 0.0%)",
          "Summary: 2021 cost total = 131991.00 (n, \"S/ \"#,##0.00)",
          "Summary: 2021 cost per teacher = 43997.00 (n, \"S/ \"#,##0.00)",
          "Summary: 2021 teachers per coach = 3.00 (n, #,##0.00)",
          "By region and year: row 2 region = 'Alpha' (s, General)",
          "By region and year: row 2 teachers = 3 (n, #,##0)",
          "By region and year: row 2 compliance_pct = 1 (n, 0.0%)",
          "By region and year: row 2 cost_per_teacher = 43997.00 (n, \"S/ \"#,##0.00)",
          "By region and year: row 2 cost_supervision = 40080.00 (n, \"S/ \"#,##0.00)",
          // Coach contracts are 30,000.00 of 131,991.00.
          "By category: row 2 = 2021 (n, 0), 'Alpha' (s, General), 'coach_contracts' (s, "
          "General), 30000.00 (n, \"S/ \"#,##0.00), 0.227288 (n, 0.0%)",
          "PpR execution: Alpha teachers in caseloads (target) = 3 (n, #,##0)",
          "PpR execution: Alpha teacher-visits planned (target) = 6 (n, #,##0)",
          "PpR execution: Alpha teacher-visits done = 6 (n, #,##0)",
          "PpR execution: Alpha coverage = 1 (n, 0.0%)",
          "PpR execution: Alpha execution = 1 (n, 0.0%)",
          "Regional variance: Cost per student: N = 1 (n, #,##0), Mean = 3142.64 (n, \"S/ "
          "\"#,##0.00), SD = 0.00 (n, \"S/ \"#,##0.00)",
          "Regional variance: Teachers per coach: N = 1 (n, #,##0), Mean = 3.00 (n, #,##0.00), "
          "SD = 0.00 (n, #,##0.00)",
          "Regional variance: Compliance (teacher-visits done / planned): N = 1 (n, #,##0), Mean "
          "= 1 (n, 0.0%), SD = 0 (n, 0.0%)",
          "Ledger: row 2 entry = 1 (n, 0)",
          "Ledger: row 2 date = 2021-01-31 (d, yyyy-mm-dd)",  // a date is a number, shown as one
          "Ledger: row 2 quantity = 1 (n, General)",
          "Ledger: row 2 rate = 5000.00 (n, \"S/ \"#,##0.00)",
          "Ledger: row 2 amount = 5000.00 (n, \"S/ \"#,##0.00)",
      });
}

TEST_F(XlsxTest, EveryTotalReadBackIsTheHandComputedTotal) {
  const Run run = simulate(with_sources(), true);
  const fs::path file = dir_ / "run.xlsx";
  report::write_xlsx(run.report(), file.string(), kScenarioText);
  expect_lines(read_back(file),
               {
                   "Summary: all years cost total = 131991.00 (n, \"S/ \"#,##0.00)",
                   "By region and year: sum cost_total = 131991.00, sum of categories = 131991.00",
                   "By category: 18 rows; regions and outside = 131991.00; national = 131991.00; "
                   "outside = 0.00",
                   "PpR execution: Alpha financial target (reference: year's accrued) = 131991.00 "
                   "(n, \"S/ \"#,##0.00)",
                   "PpR execution: Alpha accrued in the year = 131991.00 (n, \"S/ \"#,##0.00)",
                   "PpR execution: Alpha sum of months = 131991.00",
                   "PpR execution: national cumulative Dec = 131991.00 (n, \"S/ \"#,##0.00)",
                   "Ledger: 15 columns; 50 entries; sum amount = 131991.00",
               });
}

TEST_F(XlsxTest, ListsTheSourcesAndTheScenarioTextLineByLine) {
  const Run run = simulate(with_sources(), true);
  const fs::path file = dir_ / "run.xlsx";
  report::write_xlsx(run.report(), file.string(), kScenarioText);
  expect_lines(
      read_back(file),
      {
          "Scenario inputs: columns ['input', 'source', 'line', 'scenario file as run: small "
          "(built in code)']",
          "Scenario inputs: source 'coach.monthly_fee' -> 'ASSUMPTION: a round number'",
          "Scenario inputs: source 'protocol' -> '003_77fb35d22d95a5bc.txt, tables 1-3'",
          "Scenario inputs: line 1 (n, 0) 'name: small'",
          "Scenario inputs: line 3 (n, 0) '  monthly_fee: \"3000 PEN/month\"'",
      });
}

TEST_F(XlsxTest, SpendingOutsideTheRegionsIsInTheNationalRows) {
  scenario::Scenario s = with_sources();
  s.central_costs.push_back({2021, "materials", units::centimos(100000), "books", "test"});
  const Run run = simulate(s, true);
  const fs::path file = dir_ / "run.xlsx";
  report::write_xlsx(run.report(), file.string(), kScenarioText);
  expect_lines(read_back(file),
               {
                   "Summary: 2021 cost outside regions = 1000.00 (n, \"S/ \"#,##0.00)",
                   "Summary: all years cost total = 132991.00 (n, \"S/ \"#,##0.00)",
                   "By region and year: sum cost_total = 131991.00, sum of categories = 131991.00",
                   "By category: 27 rows; regions and outside = 132991.00; national = 132991.00; "
                   "outside = 1000.00",
                   "PpR execution: Alpha cumulative Dec = 131991.00 (n, \"S/ \"#,##0.00)",
                   "PpR execution: national cumulative Dec = 132991.00 (n, \"S/ \"#,##0.00)",
                   "PpR execution: national sum of months = 132991.00",
                   "Ledger: 15 columns; 51 entries; sum amount = 132991.00",
               });
}

TEST_F(XlsxTest, OtherCurrenciesAreShownByTheirCode) {
  scenario::Scenario s = with_sources();
  s.currency = "USD";
  const Run run = simulate(s, true);
  const fs::path file = dir_ / "run.xlsx";
  report::write_xlsx(run.report(), file.string(), kScenarioText);
  expect_lines(read_back(file), {"Summary: 2021 cost total = 131991.00 (n, \"USD \"#,##0.00)"});
}

TEST_F(XlsxTest, ALongLedgerIsCappedWithANoteCountingWhatWasLeftOut) {
  const Run run = simulate(with_sources(), true);
  const fs::path file = dir_ / "run.xlsx";
  report::XlsxOptions options;
  options.ledger_row_cap = 10;
  report::write_xlsx(run.report(), file.string(), kScenarioText, options);
  std::int64_t first_ten = 0;
  for (std::size_t i = 0; i < 10; ++i) first_ten += run.sim->ledger.entries().at(i).amount;
  expect_lines(
      read_back(file),
      {
          "Ledger: freeze=A2 filter=A1:O11 header_row=1 header_bold=True rows=12",
          "Ledger: 15 columns; 10 entries; sum amount = " + units::format_centimos(first_ten),
          "Ledger: note '40 more entries (of 50) were left out: a sheet holds about a "
          "million rows. ledger.csv lists them all.'",
      });
}

TEST_F(XlsxTest, WithoutKeptEntriesTheLedgerSheetSaysHowToListThem) {
  const Run run = simulate(with_sources(), false);
  const fs::path file = dir_ / "run.xlsx";
  report::write_xlsx(run.report(), file.string(), kScenarioText);
  expect_lines(
      read_back(file),
      {
          "Ledger: freeze=None filter=None header_row=1 header_bold=False rows=3",
          "Ledger: \"This run did not keep the ledger's entries (--no-ledger). Run coachsim "
          "without --no-ledger to list every entry here.\" (s, General)",
          "Ledger: 'entries posted' (s, General) | 50 (n, #,##0)",
          "Ledger: 'total' (s, General) | 131991.00 (n, \"S/ \"#,##0.00)",
      });
}

TEST_F(XlsxTest, AFailedWriteNamesTheFileAndLeavesNothingBehind) {
  const Run run = simulate(with_sources(), true);
  // The target is an existing folder: the workbook is written, then cannot be moved into place.
  const fs::path folder = dir_ / "taken.xlsx";
  fs::create_directories(folder);
  try {
    report::write_xlsx(run.report(), folder.string(), kScenarioText);
    ADD_FAILURE() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot write '" + folder.string() + "'"),
              std::string::npos)
        << e.what();
  }
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir_))
    left.push_back(entry.path().filename().string());
  EXPECT_EQ(left, std::vector<std::string>{"taken.xlsx"});
  EXPECT_TRUE(fs::is_empty(folder));

  // A missing folder.
  const fs::path missing = dir_ / "no-such-folder" / "run.xlsx";
  EXPECT_THROW(
      {
        try {
          report::write_xlsx(run.report(), missing.string(), kScenarioText);
        } catch (const std::runtime_error& e) {
          EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos) << e.what();
          throw;
        }
      },
      std::runtime_error);
}

}  // namespace
}  // namespace coachsim
