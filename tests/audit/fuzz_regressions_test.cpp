// Every input the fuzzer ever found failing (tests/fuzz/regressions/<target>/) is replayed here
// on every build, so a fixed crash stays fixed; the sanitizer build runs it too.
#include <gtest/gtest.h>

#include <filesystem>

#include "../fuzz/fuzz_inputs.hpp"
#include "../support/files.hpp"

namespace fuzz_regressions_test {

namespace fs = std::filesystem;
using coachsim::fuzz::Target;

int replay(const std::string& folder, Target target) {
  const fs::path dir = fs::path(COACHSIM_SOURCE_DIR) / "tests/fuzz/regressions" / folder;
  int count = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().filename() == ".gitkeep") continue;
    SCOPED_TRACE(e.path().string());
    EXPECT_NO_THROW(coachsim::fuzz::feed(target, coachsim::testing::slurp(e.path())));
    ++count;
  }
  return count;
}

TEST(FuzzRegressions, ScenarioInputsLoadWithoutCrashing) {
  EXPECT_GT(replay("scenario", Target::kScenario), 0);
}

TEST(FuzzRegressions, SchoolsCsvInputsLoadWithoutCrashing) {
  EXPECT_GT(replay("schools_csv", Target::kSchoolsCsv), 0);
}

TEST(FuzzRegressions, ActualsInputsLoadWithoutCrashing) {
  EXPECT_GT(replay("actuals", Target::kActuals), 0);
}

}  // namespace fuzz_regressions_test
