// `coachsim optimise` on a scenario with protocol variants: the same inputs give byte-identical
// plan.yaml and plan.csv, plan.csv names each coached school's variant, and the plan validates.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../support/files.hpp"
#include "../support/process.hpp"

namespace optimise_variants_cli_test {

namespace fs = std::filesystem;
using coachsim::testing::slurp;

// scenarios/small.yaml with a light variant of its school type (one visit instead of two).
fs::path variant_scenario(const fs::path& dir) {
  const fs::path path = dir / "small-light.yaml";
  std::ofstream(path) << "coachsim: 1\nextends: \"" << COACHSIM_SOURCE_DIR
                      << "/scenarios/small.yaml\"\nname: small with a light variant\n"
                         "protocol_variants:\n  - id: light\n    school_types:\n"
                         "      - {id: t, visit_days: [2]}\n";
  return path;
}

TEST(OptimiseVariantsCli, SameInputsGiveByteIdenticalOutputsNamingTheVariant) {
  const fs::path dir = coachsim::testing::fresh_dir("coachsim-optimise-variants-", "in");
  fs::create_directories(dir);
  const fs::path input = variant_scenario(dir);
  const fs::path a = dir / "a", b = dir / "b";
  const std::string cmd =
      std::string(COACHSIM_BINARY) + " optimise " + input.string() + " --budget 100% -q --out ";
  const auto ra = coachsim::testing::run_shell(cmd + a.string());
  const auto rb = coachsim::testing::run_shell(cmd + b.string());
  ASSERT_EQ(ra.exit_code, 0) << ra.output;
  ASSERT_EQ(rb.exit_code, 0) << rb.output;
  for (const char* f : {"plan.yaml", "plan.csv"}) {
    EXPECT_FALSE(slurp(a / f).empty()) << f;
    EXPECT_EQ(slurp(a / f), slurp(b / f)) << f;
  }
  // With the whole plan's money every school is coached with the full protocol (full_protocol
  // counts no teacher under the variant).
  std::istringstream csv(slurp(a / "plan.csv"));
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line, "school,region,ugel,year,coached,protocol_variant,cost,teachers,students");
  int rows = 0;
  while (std::getline(csv, line)) {
    ++rows;
    EXPECT_NE(line.find(",1,full,"), std::string::npos) << line;
  }
  EXPECT_GT(rows, 0);
  const auto v = coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " validate " +
                                              (a / "plan.yaml").string() + " -q");
  EXPECT_EQ(v.exit_code, 0) << v.output;
}

}  // namespace optimise_variants_cli_test
