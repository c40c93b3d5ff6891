// `coachsim sweep` as users meet it: identical files for any thread count, bad flags.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../support/files.hpp"
#include "../support/process.hpp"
#include "../support/uncertain_small.hpp"

namespace sweep_cli_test {

namespace fs = std::filesystem;
using coachsim::testing::CommandResult;

CommandResult sweep(const std::string& args) {
  return coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " sweep " + args);
}

using coachsim::testing::slurp;

fs::path fresh_dir(const std::string& name) {
  return coachsim::testing::fresh_dir("coachsim-sweep-test-", name);
}

const char* const kFiles[] = {"sweep.csv",       "replications.csv",  "tornado.csv",
                              "sensitivity.csv", "probabilities.csv", "sweep.json"};

TEST(SweepCli, FilesAreByteIdenticalForOneTwoAndFourThreads) {
  const fs::path dir = fresh_dir("threads");
  const std::string scenario = coachsim::testing::write_uncertain_small(dir, "small-unc.yaml");
  const std::string common = scenario +
                             " --replications 12 --tornado --budget-limit '133000 PEN' "
                             "--coverage-target 95 -q --out ";
  for (const char* t : {"1", "2", "4"}) {
    const CommandResult r =
        sweep(common + (dir / ("out" + std::string(t))).string() + " --threads " + t);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(r.output, "");  // -q
  }
  for (const char* f : kFiles) {
    const std::string one = slurp(dir / "out1" / f);
    EXPECT_FALSE(one.empty()) << f;
    EXPECT_EQ(one, slurp(dir / "out2" / f)) << f;
    EXPECT_EQ(one, slurp(dir / "out4" / f)) << f;
  }
  // 12 replications, a header, and the drawn fee in the second column.
  const std::string reps = slurp(dir / "out1" / "replications.csv");
  EXPECT_EQ(std::count(reps.begin(), reps.end(), '\n'), 13);
  EXPECT_EQ(reps.rfind("replication,coach.monthly_fee,", 0), 0u) << reps;
  EXPECT_NE(slurp(dir / "out1" / "sweep.csv").find("national,all,cost_total,PEN,"),
            std::string::npos);
}

TEST(SweepCli, BadFlagsExitTwoAndWriteNothing) {
  const fs::path out = fresh_dir("bad-flags");
  const std::string small = std::string(COACHSIM_SOURCE_DIR) + "/scenarios/small.yaml";
  struct Case {
    std::string args, message;
  };
  for (const Case& c : {Case{"--replications 0", "--replications must be at least 1, got 0"},
                        Case{"--replications 3 --threads -1", "--threads must be at least 1"},
                        Case{"--replications 3 --threads 0", "--threads must be at least 1"},
                        Case{"--replications 3 --budget-limit '12 km'", "--budget-limit"},
                        Case{"--replications 3 --coverage-target 120", "--coverage-target"}}) {
    const CommandResult r = sweep(small + " " + c.args + " --out " + out.string());
    EXPECT_EQ(r.exit_code, 2) << c.args << "\n" << r.output;
    EXPECT_NE(r.output.find(c.message), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out)) << c.args;
  }
  const CommandResult missing = sweep(small + " --out " + out.string());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.output.find("--replications"), std::string::npos) << missing.output;
  const CommandResult bad_file = sweep("/nonexistent.yaml --replications 2 --out " + out.string());
  EXPECT_EQ(bad_file.exit_code, 2);
  EXPECT_FALSE(fs::exists(out));
}

TEST(SweepCli, JsonOnStandardOutputMatchesTheFile) {
  const fs::path dir = fresh_dir("json");
  const std::string scenario = coachsim::testing::write_uncertain_small(dir, "small-unc.yaml");
  const CommandResult r = coachsim::testing::run_shell(
      std::string(COACHSIM_BINARY) + " sweep " + scenario +
      " --replications 3 --format json --out " + (dir / "out").string() + " 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output, slurp(dir / "out" / "sweep.json"));
  EXPECT_NE(r.output.find("\"replications\": 3"), std::string::npos);
}

}  // namespace sweep_cli_test
