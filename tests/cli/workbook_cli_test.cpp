// The input workbook (coachsim template --xlsx, and .xlsx scenarios on every command): a
// template read back gives byte-identical outputs to the YAML it came from, and a workbook
// edited the way a person edits it (openpyxl) reports each problem at its sheet and cell with
// the field and what was expected, exits 2 and writes nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../support/files.hpp"
#include "../support/process.hpp"

namespace workbook_cli_test {

namespace fs = std::filesystem;
using Result = coachsim::testing::CommandResult;
using coachsim::testing::slurp;

Result run(const std::string& args) {
  return coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " " + args);
}

// An empty folder that exists (the template writes into it).
fs::path fresh_dir(const std::string& name) {
  const fs::path dir = coachsim::testing::fresh_dir("coachsim-workbook-test-", name);
  fs::create_directories(dir);
  return dir;
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string scenario(const std::string& name) {
  return std::string(COACHSIM_SOURCE_DIR) + "/scenarios/" + name;
}

// Edits cells with openpyxl (tests/data/workbook/edit_workbook.py): "Sheet!CELL=VALUE", where
// CELL may be "column@row-id".
Result edit(const fs::path& in, const fs::path& out, const std::vector<std::string>& edits) {
  std::string command = "/usr/bin/python3 " COACHSIM_SOURCE_DIR
                        "/tests/data/workbook/edit_workbook.py '" +
                        in.string() + "' '" + out.string() + "'";
  for (const std::string& e : edits) command += " '" + e + "'";
  return coachsim::testing::run_shell(command);
}

// Every CSV the YAML run writes, written byte for byte the same by the workbook run.
void expect_same_csvs(const fs::path& yaml_out, const fs::path& xlsx_out) {
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(yaml_out)) {
    if (entry.path().extension() != ".csv") continue;
    const fs::path other = xlsx_out / entry.path().filename();
    ASSERT_TRUE(fs::exists(other)) << other;
    EXPECT_EQ(slurp(entry.path()), slurp(other)) << entry.path().filename();
    ++compared;
  }
  EXPECT_GE(compared, 6);
}

class WorkbookRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(WorkbookRoundTrip, TemplateReadBackGivesIdenticalOutputs) {
  const std::string name = GetParam();
  const fs::path dir = fresh_dir("round-trip-" + name);
  const std::string yaml = name == "builtin" ? std::string() : scenario(name + ".yaml");
  const fs::path book = dir / "inputs.xlsx";
  const Result made = run("template " + yaml + " --xlsx " + book.string());
  ASSERT_EQ(made.exit_code, 0) << made.output;
  EXPECT_NE(made.output.find("Wrote " + book.string()), std::string::npos) << made.output;
  const Result from_yaml = run("run " + yaml + " -q --out " + (dir / "yaml").string());
  ASSERT_EQ(from_yaml.exit_code, 0) << from_yaml.output;
  const Result from_xlsx = run("run " + book.string() + " -q --out " + (dir / "xlsx").string());
  ASSERT_EQ(from_xlsx.exit_code, 0) << from_xlsx.output;
  expect_same_csvs(dir / "yaml", dir / "xlsx");
  // A template of the workbook is the workbook again: nothing is lost on the second trip
  // (checked on the smaller scenarios: a default run takes seconds).
  if (name != "small" && name != "peru-2013") return;
  const fs::path again = dir / "again.xlsx";
  ASSERT_EQ(run("template " + book.string() + " --xlsx " + again.string() + " -q").exit_code, 0);
  ASSERT_EQ(run("run " + again.string() + " -q --out " + (dir / "again").string()).exit_code, 0);
  expect_same_csvs(dir / "yaml", dir / "again");
}

// The default, one with a schools CSV (small), a budget (cut-15-year2, with extends:), central
// costs and child tables (peru-2013), outcomes (apm-multigrade). Every scenario in scenarios/
// was checked the same way by hand (README "Input workbook").
INSTANTIATE_TEST_SUITE_P(Scenarios, WorkbookRoundTrip,
                         ::testing::Values("builtin", "small", "cut-15-year2", "peru-2013",
                                           "apm-multigrade"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

// Each test edits a workbook of its own: ctest runs the tests of this file as separate
// processes, in parallel, so a shared folder would be removed under another test's feet.
class WorkbookErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_dir(std::string("errors-") +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    ASSERT_EQ(run("template --xlsx " + (dir_ / "inputs.xlsx").string() + " -q").exit_code, 0);
  }
  // Edits the default's workbook, checks it is refused with every `expected` line, and that a
  // run writes nothing.
  void expect_refused(const std::string& name, const std::vector<std::string>& edits,
                      const std::vector<std::string>& expected) {
    const fs::path book = dir_ / (name + ".xlsx");
    const Result edited = edit(dir_ / "inputs.xlsx", book, edits);
    ASSERT_EQ(edited.exit_code, 0) << edited.output;
    const Result checked = run("validate " + book.string());
    EXPECT_EQ(checked.exit_code, 2) << checked.output;
    for (const std::string& line : expected)
      EXPECT_NE(checked.output.find(book.string() + ": " + line), std::string::npos)
          << "missing: " << line << "\n"
          << checked.output;
    const fs::path out = dir_ / ("out-" + name);
    const Result ran = run("run " + book.string() + " --out " + out.string());
    EXPECT_EQ(ran.exit_code, 2) << ran.output;
    EXPECT_NE(ran.output.find("nothing was run or written"), std::string::npos) << ran.output;
    EXPECT_FALSE(fs::exists(out));
  }
  fs::path dir_;
};

// Loreto is the 17th region (regions[16]) in row 18; its coaches column is C.
TEST_F(WorkbookErrors, TextInANumberCell) {
  expect_refused("text", {"Regions!coaches@Loreto=many"},
                 {"Regions!C18: regions[16].coaches: expected an integer, got 'many'"});
}

TEST_F(WorkbookErrors, NegativeNumber) {
  expect_refused("negative", {"Regions!coaches@Loreto=-5"},
                 {"Regions!C18: regions[16].coaches: expected coaches in the region between 1 "
                  "and 100000, got -5"});
}

TEST_F(WorkbookErrors, WrongUnit) {
  // coach.monthly_fee is the first row of Unit costs; its unit is in column C.
  expect_refused("unit", {"Unit costs!C2=USD/month", "Regions!contract_delay@Puno=text:3 weeks"},
                 {"Unit costs!B2: coach.monthly_fee: wrong currency 'USD' in '2830 USD/month'",
                  "Regions!K23: regions[21].contract_delay: unknown unit 'weeks' in '3 weeks'"});
}

TEST_F(WorkbookErrors, UnknownRegion) {
  expect_refused("region",
                 {"Schools by type!A2=Amazonaz", "Budget by region and year!A2=Cuzco",
                  "Budget by region and year!B2=2021", "Budget by region and year!C2=17000000"},
                 {"Schools by type!A2: regions.schools: no region 'Amazonaz' in sheet "
                  "'Regions'; did you mean 'Amazonas'?",
                  "Budget by region and year!A2: budget.pia_overrides[0].region: unknown region "
                  "'Cuzco'; did you mean 'Cusco'?"});
}

TEST_F(WorkbookErrors, UnknownColumn) {
  // A misspelt header is an unknown key, reported at each row's cell with a did-you-mean.
  expect_refused("column", {"Regions!C1=coachs", "Regions!coachs@Loreto=320"},
                 {"Regions!C18: regions[16].coachs: unknown key 'coachs'; did you mean "
                  "'coaches'?"});
}

// The "Done when" of issue 14: Loreto's coaches and Cusco's budget changed in the workbook.
TEST_F(WorkbookErrors, LoretoCoachesAndCuscoBudgetRun) {
  const fs::path book = dir_ / "edited.xlsx";
  ASSERT_EQ(
      edit(dir_ / "inputs.xlsx", book,
           {"Regions!coaches@Loreto=320", "Budget!B2=annual", "Budget by region and year!A2=Cusco",
            "Budget by region and year!B2=2021", "Budget by region and year!C2=17000000"})
          .exit_code,
      0);
  const fs::path out = dir_ / "out-edited";
  const Result ran = run("run " + book.string() + " -q --out " + out.string());
  ASSERT_EQ(ran.exit_code, 0) << ran.output;
  const std::string regions = slurp(out / "regions.csv");
  EXPECT_NE(regions.find("\nLoreto,2021,2131,1221,31532,320,"), std::string::npos);
  // Cusco's 2021 spending stays within its PIA of 17,000,000 (the rules' plan costs 18.8 M).
  const std::string execution = slurp(out / "execution.csv");
  EXPECT_NE(execution.find("\nCusco,2021,12,17000000.00,17000000.00,17000000.00,"),
            std::string::npos);
}

TEST(WorkbookFiles, NotAWorkbook) {
  const fs::path dir = fresh_dir("not-a-workbook");
  const fs::path bad = dir / "bad.xlsx";
  write_file(bad, "region,year\n");
  const Result r = run("validate " + bad.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find(bad.string() + ": cannot read workbook '" + bad.string() +
                          "': not an .xlsx workbook"),
            std::string::npos)
      << r.output;
}

TEST(WorkbookFiles, AWorkbookWithoutLayoutIsNotAnInputWorkbook) {
  const fs::path dir = fresh_dir("no-layout");
  const fs::path out = dir / "out.xlsx";
  // A run's output workbook is a workbook, but not one of inputs.
  ASSERT_EQ(
      run("run " + scenario("small.yaml") + " -q --out " + dir.string() + " --xlsx " + out.string())
          .exit_code,
      0);
  const Result r = run("validate " + out.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("not a coachsim input workbook: it has no sheet '_layout'"),
            std::string::npos)
      << r.output;
}

TEST(WorkbookFiles, TemplateOfABadScenarioWritesNothing) {
  const fs::path dir = fresh_dir("bad-template");
  const fs::path yaml = dir / "bad.yaml";
  write_file(yaml, "coachsim: 1\nname: x\n");
  const Result r = run("template " + yaml.string() + " --xlsx " + (dir / "t.xlsx").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("no workbook was written"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / "t.xlsx"));
}

TEST(WorkbookFiles, SetAppliesToAWorkbook) {
  const fs::path dir = fresh_dir("set");
  const fs::path book = dir / "small.xlsx";
  ASSERT_EQ(
      run("template " + scenario("small.yaml") + " --xlsx " + book.string() + " -q").exit_code, 0);
  // The Schools sheet is read as the small scenario's CSV: its total is the hand-computed one.
  const Result base = run("run " + book.string() + " -q --out " + (dir / "a").string());
  ASSERT_EQ(base.exit_code, 0) << base.output;
  EXPECT_NE(slurp(dir / "a" / "national.csv").find(",131991.00,"), std::string::npos);
  const Result set = run("validate " + book.string() + " --set 'regions[Alpha].coaches=abc'");
  EXPECT_EQ(set.exit_code, 2);
  EXPECT_NE(set.output.find("--set 'regions[Alpha].coaches=abc': regions[0].coaches: expected an "
                            "integer, got 'abc'"),
            std::string::npos)
      << set.output;
}

TEST(WorkbookFiles, SchoolsSheetErrorsNameTheirCell) {
  const fs::path dir = fresh_dir("schools");
  const fs::path book = dir / "small.xlsx";
  ASSERT_EQ(
      run("template " + scenario("small.yaml") + " --xlsx " + book.string() + " -q").exit_code, 0);
  const fs::path bad = dir / "bad.xlsx";
  // Schools: region, id, ugel, school_type, urban, border, teachers (G) ...; S2 is row 3.
  ASSERT_EQ(edit(book, bad, {"Schools!G3=two"}).exit_code, 0);
  const Result r = run("validate " + bad.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find(bad.string() + ": Schools!G3: "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("teachers"), std::string::npos) << r.output;
}

}  // namespace workbook_cli_test

namespace workbook_cli_test {

// optimise writes a plan that `extends:` the scenario it was given: a workbook, Schools sheet
// included, gives the plan the YAML gives.
TEST(WorkbookFiles, OptimiseOnAWorkbookGivesTheYamlPlan) {
  const fs::path dir = fresh_dir("optimise");
  const fs::path book = dir / "small.xlsx";
  ASSERT_EQ(
      run("template " + scenario("small.yaml") + " --xlsx " + book.string() + " -q").exit_code, 0);
  const Result x =
      run("optimise " + book.string() + " --budget 90% -q --out " + (dir / "x").string());
  ASSERT_EQ(x.exit_code, 0) << x.output;
  const Result y =
      run("optimise " + scenario("small.yaml") + " --budget 90% -q --out " + (dir / "y").string());
  ASSERT_EQ(y.exit_code, 0) << y.output;
  EXPECT_EQ(slurp(dir / "x" / "plan.csv"), slurp(dir / "y" / "plan.csv"));
  EXPECT_FALSE(slurp(dir / "x" / "plan.csv").empty());
}

}  // namespace workbook_cli_test
