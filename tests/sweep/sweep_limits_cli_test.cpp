// `coachsim sweep` limits and targets: per year and for the total, in the YAML's forms, checked
// against the counts in replications.csv; a scenario with nothing uncertain is run once.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "../support/files.hpp"
#include "../support/process.hpp"
#include "../support/uncertain_small.hpp"

namespace sweep_limits_cli_test {

namespace fs = std::filesystem;
using coachsim::testing::CommandResult;
using coachsim::testing::slurp;

CommandResult sweep(const std::string& args) {
  return coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " sweep " + args);
}

fs::path fresh_dir(const std::string& name) {
  return coachsim::testing::fresh_dir("coachsim-sweep-limits-test-", name);
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, ',')) out.push_back(cell);
  return out;
}

// One column of a CSV without quoted commas, by header name.
std::vector<double> column(const std::string& csv, const std::string& name) {
  std::stringstream in(csv);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = split(line);
  std::size_t at = header.size();
  for (std::size_t k = 0; k < header.size(); ++k)
    if (header[k] == name) at = k;
  std::vector<double> out;
  while (at < header.size() && std::getline(in, line)) out.push_back(std::stod(split(line)[at]));
  return out;
}

// probabilities.csv as "scope year metric event threshold" -> probability.
std::map<std::string, double> probabilities(const std::string& csv) {
  std::map<std::string, double> out;
  std::stringstream in(csv);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const std::vector<std::string> c = split(line);
    out[c[0] + " " + c[1] + " " + c[2] + " " + c[3] + " " + c[4]] = std::stod(c[5]);
  }
  return out;
}

double share(const std::vector<double>& v, bool (*event)(double, double), double threshold) {
  int n = 0;
  for (double x : v) n += event(x, threshold) ? 1 : 0;
  return static_cast<double>(n) / static_cast<double>(v.size());
}

TEST(SweepLimits, EachLimitIsTestedWhereItWasGivenAndMatchesTheReplications) {
  const fs::path dir = fresh_dir("limits");
  const std::string scenario = coachsim::testing::write_uncertain_small(dir, "small-unc.yaml");
  // The small scenario costs about 132,000 PEN with the fee drawn from 2,500-4,000 a month:
  // these limits and the target split the 40 replications.
  const CommandResult r =
      sweep(scenario +
            " --replications 40 -q --budget-limit 2021=130000 --budget-limit 'total=S/ 135000' "
            "--full-protocol-target 100% --out " +
            (dir / "out").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string reps = slurp(dir / "out" / "replications.csv");
  const std::vector<double> cost = column(reps, "cost_total");
  const std::vector<double> full = column(reps, "full_protocol_pct");
  ASSERT_EQ(cost.size(), 40u);
  ASSERT_EQ(full.size(), 40u);
  const auto above = [](double x, double t) { return x > t; };
  const auto below = [](double x, double t) { return x < t; };
  const double p_year = share(cost, above, 130000.0);
  const double p_total = share(cost, above, 135000.0);
  ASSERT_GT(p_year, p_total);  // the limits differ where they apply, or the test says nothing
  const std::map<std::string, double> p = probabilities(slurp(dir / "out" / "probabilities.csv"));
  ASSERT_TRUE(p.count("national 2021 cost_total > 130000.00"))
      << slurp(dir / "out" / "probabilities.csv");
  EXPECT_NEAR(p.at("national 2021 cost_total > 130000.00"), p_year, 1e-4);
  ASSERT_TRUE(p.count("national all cost_total > 135000.00"));
  EXPECT_NEAR(p.at("national all cost_total > 135000.00"), p_total, 1e-4);
  // The year's limit is not tested against the total, nor the total's against the year.
  EXPECT_FALSE(p.count("national all cost_total > 130000.00"));
  EXPECT_FALSE(p.count("national 2021 cost_total > 135000.00"));
  EXPECT_FALSE(p.count("national any cost_total > 130000.00"));
  // Every teacher of the small scenario gets the full protocol, so this only checks that the
  // all-years row is there and agrees with the column; the cost limits above split the runs.
  ASSERT_TRUE(p.count("national all full_protocol_pct < 100"));
  EXPECT_NEAR(p.at("national all full_protocol_pct < 100"), share(full, below, 100.0), 1e-4);
}

TEST(SweepLimits, TheYamlFormsAreAcceptedAndABadYearIsRefusedWithASuggestion) {
  const fs::path dir = fresh_dir("forms");
  const std::string scenario = coachsim::testing::write_uncertain_small(dir, "small-unc.yaml");
  const CommandResult ok = sweep(scenario +
                                 " -n 2 -q --coverage-target 95% --budget-limit 'S/ 190000000' "
                                 "--budget-limit '2021=133000 PEN' --out " +
                                 (dir / "ok").string());
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  struct Case {
    std::string args, message;
  };
  for (const Case& c : {Case{"--budget-limit 2012=5",
                             "--budget-limit '2012=5': '2012' is not one of the "
                             "scenario's school years or 'total'; did you mean '2021'? "
                             "(expected total, 2021); nothing was run or written."},
                        Case{"--budget-limit totl=5", "did you mean 'total'?"},
                        Case{"--budget-limit '2021=12 km'", "--budget-limit '2021=12 km'"},
                        Case{"--full-protocol-target 101%",
                             "--full-protocol-target '101%': expected a "
                             "percentage from 0 to 100"},
                        Case{"--coverage-target lots", "--coverage-target 'lots'"}}) {
    const CommandResult r =
        sweep(scenario + " -n 2 " + c.args + " --out " + (dir / "bad").string());
    EXPECT_EQ(r.exit_code, 2) << c.args << "\n" << r.output;
    EXPECT_NE(r.output.find(c.message), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir / "bad")) << c.args;
  }
}

TEST(SweepLimits, AScenarioWithNothingUncertainIsRunOnceWithAWarning) {
  const fs::path out = fresh_dir("certain");
  const CommandResult r =
      sweep(std::string(COACHSIM_SOURCE_DIR) +
            "/scenarios/small.yaml --replications 50 --tornado --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("declares no uncertainty"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("running 1 replication instead of 50 and no tornado"), std::string::npos)
      << r.output;
  EXPECT_EQ(column(slurp(out / "replications.csv"), "cost_total").size(), 1u);
  EXPECT_FALSE(fs::exists(out / "tornado.csv"));
}

}  // namespace sweep_limits_cli_test
