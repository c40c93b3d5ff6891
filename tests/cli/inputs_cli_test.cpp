// What-ifs and Excel on the command line: --set, --csv-bom and --csv-sep end to end.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "../support/files.hpp"
#include "../support/process.hpp"

namespace inputs_cli_test {

namespace fs = std::filesystem;

using Result = coachsim::testing::CommandResult;

Result run(const std::string& args) {
  return coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " " + args);
}

const std::string kSmall = std::string(COACHSIM_SOURCE_DIR) + "/scenarios/small.yaml";

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(InputsCli, SetChangesTheRunAndIsRecordedInItsProvenance) {
  const fs::path out = coachsim::testing::fresh_dir("coachsim-inputs-test-", "set");
  const Result r = run("run " + kSmall + " --no-ledger --out " + out.string() +
                       " --set 'regions[Alpha].coaches=2'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(has(r.output,
                  "Alpha: 2 coaches (coaches: 2) for 3 teachers: 1.50 teachers per "
                  "coach, against 3.00 at the norm's ratios (1.0 coaches)"))
      << r.output;
  EXPECT_TRUE(has(r.output, "Input: --set 'regions[Alpha].coaches=2'")) << r.output;
  const std::string summary = coachsim::testing::slurp(out / "summary.json");
  EXPECT_TRUE(has(summary, "\"inputs\": [\n      \"--set 'regions[Alpha].coaches=2'\"")) << summary;
  EXPECT_TRUE(has(coachsim::testing::slurp(out / "manifest.json"),
                  "\"inputs\": [\n    \"--set 'regions[Alpha].coaches=2'\"\n  ],"));
  EXPECT_TRUE(has(coachsim::testing::slurp(out / "packing.csv"), "\nAlpha,3,2,1.00,1.00,"));
}

TEST(InputsCli, ABadSetIsBadInputNamingTheArgumentAndWritesNothing) {
  const fs::path out = coachsim::testing::fresh_dir("coachsim-inputs-test-", "bad-set");
  const Result r =
      run("run " + kSmall + " --out " + out.string() + " --set 'coach.monthly_fee=4200 PEN/day'");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_TRUE(has(r.output,
                  "--set 'coach.monthly_fee=4200 PEN/day': coach.monthly_fee: "
                  "expected money per month"))
      << r.output;
  EXPECT_FALSE(fs::exists(out / "summary.json"));
  const Result no_equals = run("validate " + kSmall + " --set coach.monthly_fee");
  EXPECT_EQ(no_equals.exit_code, 2);
  EXPECT_TRUE(has(no_equals.output, "expected PATH=VALUE")) << no_equals.output;
}

TEST(InputsCli, CsvForASpanishExcel) {
  const fs::path out = coachsim::testing::fresh_dir("coachsim-inputs-test-", "excel");
  const Result r =
      run("run " + kSmall + " --no-ledger -q --csv-bom --csv-sep ';' --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string packing = coachsim::testing::slurp(out / "packing.csv");
  EXPECT_EQ(packing.rfind("\xEF\xBB\xBFregion;teachers;coaches;coaches_at_ratio;", 0), 0u)
      << packing;
  EXPECT_TRUE(has(packing, "\nAlpha;3;1;1,00;0,00;")) << packing;
  // summary.json is for scripts: unchanged by the CSV options.
  EXPECT_FALSE(has(coachsim::testing::slurp(out / "summary.json"), "\xEF\xBB\xBF"));
}

}  // namespace inputs_cli_test
