// The Excel workbook of a run: written from the small scenario (tests/support), read back with
// openpyxl by tests/report/read_xlsx.py, whose printout is asserted line by line.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/process.hpp"
#include "../support/small_scenario.hpp"
#include "coachsim/calendar/calendar.hpp"
#include "coachsim/ledger/entry.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "coachsim/results/metric_list.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/units/parse.hpp"

namespace coachsim {
namespace xlsx_test {

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

  // The tests below that read the Ledger sheet ask for it (`run --xlsx-ledger`).
  static report::XlsxOptions with_ledger() {
    report::XlsxOptions options;
    options.full_ledger = true;
    return options;
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
  report::write_xlsx(run.report(), file.string(), kScenarioText, with_ledger());
  const auto lines = read_back(file);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0],
            "sheets: Summary | By region and year | By category | PpR execution | "
            "Regional variance | Ledger by month | Ledger | Scenario inputs");
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
  report::write_xlsx(run.report(), file.string(), kScenarioText, with_ledger());
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
  report::write_xlsx(run.report(), file.string(), kScenarioText, with_ledger());
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
  report::write_xlsx(run.report(), file.string(), kScenarioText, with_ledger());
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
  report::write_xlsx(run.report(), file.string(), kScenarioText, with_ledger());
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
  report::write_xlsx(run.report(), file.string(), kScenarioText, with_ledger());
  expect_lines(read_back(file), {"Summary: 2021 cost total = 131991.00 (n, \"USD \"#,##0.00)"});
}

TEST_F(XlsxTest, ALongLedgerIsCappedWithANoteCountingWhatWasLeftOut) {
  const Run run = simulate(with_sources(), true);
  const fs::path file = dir_ / "run.xlsx";
  report::XlsxOptions options = with_ledger();
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
  report::write_xlsx(run.report(), file.string(), kScenarioText, with_ledger());
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

// By default the workbook sums the ledger per region, category and calendar month instead of
// listing every entry (the default's 890,000 rows made it 59 MB); each cell equals the sum of
// the matching entries, computed here from the ledger itself.
TEST_F(XlsxTest, ByDefaultTheLedgerIsSummedByMonthToTheCentimo) {
  scenario::Scenario s = with_sources();
  s.central_costs.push_back({2021, "materials", units::centimos(100000), "books", "test"});
  const Run run = simulate(s, true);
  const fs::path file = dir_ / "run.xlsx";
  report::write_xlsx(run.report(), file.string(), kScenarioText);

  std::map<std::string, std::int64_t> cells;   // "region category YYYY-MM"
  std::map<std::string, std::int64_t> totals;  // "region category"
  for (const ledger::Entry& e : run.sim->ledger.entries()) {
    const std::string region = e.region < run.sim->population.regions.size()
                                   ? run.sim->population.regions[e.region].id
                                   : "(outside regions)";
    const std::string key =
        region + " " + std::string(run.sim->ledger.costs().category_id(e.category));
    const std::string month =
        calendar::format_date(calendar::Date{std::chrono::days{e.date}}).substr(0, 7);
    const std::string national =
        "national " + std::string(run.sim->ledger.costs().category_id(e.category));
    cells[key + " " + month] += e.amount;
    cells[national + " " + month] += e.amount;
    cells["national all categories " + month] += e.amount;
    totals[key] += e.amount;
    totals[national] += e.amount;
    totals["national all categories"] += e.amount;
  }
  ASSERT_EQ(totals["national all categories"], 13299100);  // céntimos: 131,991.00 + 1,000.00
  const auto lines = read_back(file);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0],
            "sheets: Summary | By region and year | By category | PpR execution | "
            "Regional variance | Ledger by month | Scenario inputs");
  std::vector<std::string> expected;
  for (const auto& [key, amount] : cells)
    expected.push_back("Ledger by month: " + key + " = " + units::format_centimos(amount) +
                       " (n, \"S/ \"#,##0.00)");
  for (const auto& [key, amount] : totals)
    expected.push_back("Ledger by month: " + key + " total = " + units::format_centimos(amount) +
                       " (n, \"S/ \"#,##0.00), sum of months = " + units::format_centimos(amount));
  expect_lines(lines, expected);
  // Nothing else: one line per non-empty cell and one per row, besides the sheet's own line
  // (freeze panes, filter) and the months line.
  const auto pivot_lines = std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
    return l.rfind("Ledger by month: ", 0) == 0 && l.rfind("Ledger by month: months ", 0) != 0 &&
           l.rfind("Ledger by month: freeze=", 0) != 0;
  });
  EXPECT_EQ(static_cast<std::size_t>(pivot_lines), cells.size() + totals.size());
}

// A scenario with a budget gets a Budget sheet (PIA, PIM, devengado per region and year), and
// PpR execution measures against the PIM instead of saying that there is no budget.
TEST_F(XlsxTest, ABudgetScenarioHasTheBudgetSheetAndExecutionAgainstThePim) {
  scenario::Scenario s = with_sources();
  s.budget.enabled = true;
  s.budget.release = scenario::BudgetRelease::kAnnual;  // PIA "100%" of the plan
  const Run run = simulate(s, true);
  ASSERT_TRUE(run.sim->results.execution.enabled);
  const fs::path file = dir_ / "run.xlsx";
  report::write_xlsx(run.report(), file.string(), kScenarioText);
  const auto lines = read_back(file);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0],
            "sheets: Summary | By region and year | By category | PpR execution | Budget | "
            "Regional variance | Ledger by month | Scenario inputs");
  // The plan of the small scenario costs 131,991.00 (the hand-computed total above); a PIA of
  // 100% of the plan, released at once, pays all of it.
  expect_lines(
      lines,
      {
          "Budget: columns ['region', 'year', 'PIA', 'PIM', 'released', 'devengado (accrued)', "
          "'execution (devengado / PIM)', 'withheld', 'forfeited', 'top-ups']",
          "Budget: Alpha 2021 PIA = 131991.00 (n, \"S/ \"#,##0.00)",
          "Budget: Alpha 2021 PIM = 131991.00 (n, \"S/ \"#,##0.00)",
          "Budget: Alpha 2021 released = 131991.00 (n, \"S/ \"#,##0.00)",
          "Budget: Alpha 2021 devengado (accrued) = 131991.00 (n, \"S/ \"#,##0.00)",
          "Budget: Alpha 2021 execution (devengado / PIM) = 1 (n, 0.0%)",
          "Budget: national 2021 PIA = 131991.00 (n, \"S/ \"#,##0.00)",
          "Budget: national 'all years' PIM = 131991.00 (n, \"S/ \"#,##0.00)",
          "PpR execution: A3 = \"Financial: the target is the year's modified budget (PIM); "
          "execution is accrued / PIM. The Budget sheet has PIA, PIM, released and devengado.\"",
          "PpR execution: Alpha financial target (PIM) = 131991.00 (n, \"S/ \"#,##0.00)",
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

}  // namespace xlsx_test
}  // namespace coachsim
