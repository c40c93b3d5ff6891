// `coachsim run` with a budget: a budget of exactly the plan, released on 1 January, gives the
// unconstrained results byte for byte; a budgeted run writes execution.csv and
// budget_events.csv and a budget block in summary.json.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../support/files.hpp"
#include "../support/process.hpp"

namespace budget_cli_test {

namespace fs = std::filesystem;

coachsim::testing::CommandResult run(const std::string& args) {
  return coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " " + args);
}

using coachsim::testing::slurp;

fs::path fresh_dir(const std::string& name) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-budget-test-", name);
  fs::create_directories(d);
  return d;
}

// `scenario` (a file in scenarios/) copied to `dir` with `budget` appended.
fs::path with_budget(const fs::path& dir, const std::string& scenario, const std::string& budget) {
  const fs::path src = fs::path(COACHSIM_SOURCE_DIR) / "scenarios";
  fs::copy_file(src / "small-schools.csv", dir / "small-schools.csv");
  const fs::path out = dir / scenario;
  std::ofstream(out, std::ios::binary) << slurp(src / scenario) << budget;
  return out;
}

const char* kPlan = "budget:\n  release: annual\n  pia: \"100%\"\n";

void expect_same_outputs(const std::string& scenario) {
  const fs::path dir = fresh_dir("same-" + scenario);
  const fs::path file = with_budget(dir, scenario, kPlan);
  const std::string plain = (fs::path(COACHSIM_SOURCE_DIR) / "scenarios" / scenario).string();
  ASSERT_EQ(run("run " + plain + " --no-ledger -q --out " + (dir / "free").string()).exit_code, 0);
  const auto r = run("run " + file.string() + " --no-ledger -q --out " + (dir / "bud").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* f : {"regions.csv", "national.csv", "variance.csv"})
    EXPECT_EQ(slurp(dir / "free" / f), slurp(dir / "bud" / f)) << f;
  EXPECT_TRUE(fs::exists(dir / "bud" / "execution.csv"));
  EXPECT_FALSE(fs::exists(dir / "free" / "execution.csv"));
}

TEST(BudgetCli, ExactlyThePlanIsByteIdenticalOnTheSmallScenario) {
  expect_same_outputs("small.yaml");
}

TEST(BudgetCli, ExactlyThePlanIsByteIdenticalOnTheDefaultScenario) {
  expect_same_outputs("default.yaml");
}

TEST(BudgetCli, WritesExecutionAndEvents) {
  const fs::path dir = fresh_dir("files");
  const fs::path file = with_budget(dir, "small.yaml",
                                    "budget:\n  release: quarterly\n  pia: \"100%\"\n"
                                    "  changes:\n    - {date: 2021-01-01, region: all, "
                                    "change: \"-10%\"}\n");
  const auto r = run("run " + file.string() + " --out " + (dir / "out").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Budget ("), std::string::npos) << r.output;
  const std::string exec = slurp(dir / "out" / "execution.csv");
  EXPECT_EQ(exec.substr(0, exec.find('\n')),
            "region,year,month,pia,pim,released,accrued,execution_pct,physical_target,"
            "teachers_reached,teachers_full_protocol,withheld,forfeited,top_ups");
  const std::string events = slurp(dir / "out" / "budget_events.csv");
  EXPECT_NE(events.find(",change,"), std::string::npos) << events;
  EXPECT_NE(events.find(",tranche,"), std::string::npos) << events;
  EXPECT_NE(slurp(dir / "out" / "summary.json").find("\"budget\""), std::string::npos);
  EXPECT_NE(slurp(dir / "out" / "missed.csv").find(",budget_class"), std::string::npos);
}

TEST(BudgetCli, BadBudgetIsExitCode2WithPosition) {
  const fs::path dir = fresh_dir("bad");
  const fs::path file = with_budget(dir, "small.yaml", "budget:\n  pia: \"120%\"\n");
  const auto r = run("run " + file.string() + " --out " + (dir / "out").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("small.yaml:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("budget.pia: expected a share between 0% and 100%, got 120%"),
            std::string::npos)
      << r.output;
}

}  // namespace budget_cli_test
