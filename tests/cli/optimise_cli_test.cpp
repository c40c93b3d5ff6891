// `coachsim optimise` on the command line: same inputs give byte-identical outputs, the plan
// loads as a scenario, and bad input (an infeasible floor, an unknown year) exits 2 naming the
// problem with nothing written.
#include <gtest/gtest.h>

#include <filesystem>
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
  const auto ra = run(args + a.string());
  const auto rb = run(args + b.string());
  ASSERT_EQ(ra.exit_code, 0) << ra.output;
  ASSERT_EQ(rb.exit_code, 0) << rb.output;
  for (const char* f : {"plan.yaml", "plan.csv", "frontier.csv"}) {
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

}  // namespace
