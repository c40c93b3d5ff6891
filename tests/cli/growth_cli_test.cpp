// Growth sections through the binary: the growth columns come after every existing column of
// regions.csv and national.csv, the existing part of each row is unchanged, and bad growth input
// exits with code 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../support/files.hpp"
#include "../support/process.hpp"

namespace growth_cli_test {

namespace fs = std::filesystem;

using coachsim::testing::slurp;

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// scenarios/small.yaml (and its school list) copied to a fresh folder with `extra` appended.
fs::path small_with(const std::string& name, const std::string& extra) {
  const fs::path dir = fs::temp_directory_path() / ("coachsim-growth-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path src = fs::path(COACHSIM_SOURCE_DIR) / "scenarios";
  fs::copy_file(src / "small-schools.csv", dir / "small-schools.csv");
  std::ofstream(dir / "s.yaml") << slurp(src / "small.yaml") << "\n" << extra;
  return dir;
}

coachsim::testing::CommandResult run(const fs::path& dir) {
  return coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " run " +
                                      (dir / "s.yaml").string() + " -q --out " +
                                      (dir / "out").string());
}

TEST(GrowthCli, GrowthColumnsAreAppendedAndTheRestOfEachRowIsUnchanged) {
  const fs::path plain = small_with("plain", "");
  const fs::path grown = small_with("grown", R"(coach_supply:
  hires_per_month: 40
  attrition_per_year: "0%"
)");
  ASSERT_EQ(run(plain).exit_code, 0);
  ASSERT_EQ(run(grown).exit_code, 0);
  const std::string extra_header =
      ",visits_missed_vacancy,visits_missed_cancelled,visits_missed_not_hired,coaches_hired,"
      "coaches_left,coaches_replaced,coach_training_days,teachers_stage1,teachers_stage2,"
      "teachers_stage3";
  for (const char* file : {"regions.csv", "national.csv"}) {
    const auto a = lines(slurp(plain / "out" / file)), b = lines(slurp(grown / "out" / file));
    ASSERT_EQ(a.size(), 2u) << file;
    ASSERT_EQ(b.size(), 2u) << file;
    EXPECT_EQ(b[0], a[0] + extra_header) << file;
    // One region, one year: no misses, 1 coach hired in its first year, no training days, the
    // 3 teachers at stage 1.
    EXPECT_EQ(b[1], a[1] + ",0,0,0,1,0,0,0,3,0,0") << file;
  }
  for (const char* file : {"ledger.csv", "missed.csv", "variance.csv"})
    EXPECT_EQ(slurp(plain / "out" / file), slurp(grown / "out" / file)) << file;
}

TEST(GrowthCli, BadGrowthInputExitsWithCode2AndNamesThePlace) {
  const fs::path dir = small_with("bad", R"(scale_up:
  targets:
    - {region: Nowhere, year: 2021, teachers: "50%"}
)");
  const auto r = run(dir);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("s.yaml:80:16: scale_up.targets[0].region: unknown region 'Nowhere'"),
            std::string::npos)
      << r.output;
}

}  // namespace growth_cli_test
