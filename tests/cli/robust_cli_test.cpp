// The binary against hostile input: no crash, no wrapped number, no endless error list; exit 2
// with a message naming the input (README "Robustness").
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../support/files.hpp"
#include "../support/process.hpp"

namespace robust_cli_test {

namespace fs = std::filesystem;
using Result = coachsim::testing::CommandResult;

Result run(const std::string& args) {
  return coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " " + args);
}

fs::path fresh_dir(const std::string& name) {
  return coachsim::testing::fresh_dir("coachsim-robust-test-", name);
}

fs::path write(const fs::path& dir, const std::string& name, const std::string& text) {
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << text;
  return dir / name;
}

TEST(Robust, DevicesAreRefusedAsScenarioBaseSchoolsAndActuals) {
  const fs::path dir = fresh_dir("devices");
  const Result direct = run("run /dev/zero --out " + (dir / "out").string());
  EXPECT_EQ(direct.exit_code, 2) << direct.output;
  EXPECT_NE(direct.output.find("'/dev/zero': not a regular file"), std::string::npos);

  const fs::path base = write(dir, "base.yaml", "extends: /dev/zero\n");
  const Result extends = run("validate " + base.string());
  EXPECT_EQ(extends.exit_code, 2) << extends.output;
  EXPECT_NE(extends.output.find(base.string() + ":1:10: extends: cannot read scenario file "
                                                "'/dev/zero': not a regular file"),
            std::string::npos)
      << extends.output;

  const Result actuals = run("audit --actuals /dev/zero --out " + (dir / "audit").string());
  EXPECT_EQ(actuals.exit_code, 2) << actuals.output;
  EXPECT_NE(actuals.output.find("cannot read actuals file '/dev/zero': not a regular file"),
            std::string::npos)
      << actuals.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
  EXPECT_FALSE(fs::exists(dir / "audit"));
}

TEST(Robust, Latin1IsRefusedWithLineAndColumnInJson) {
  const fs::path dir = fresh_dir("latin1");
  const fs::path file = write(dir, "l.yaml", "coachsim: 1\nname: \"Apur\xEDmac\"\n");
  const Result r = run("validate --format json " + file.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("\"line\": 2,\n      \"column\": 12,"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("not valid UTF-8 (byte 0xED)"), std::string::npos) << r.output;
}

TEST(Robust, CostsThatWouldOverflowAreRefusedNotWrapped) {
  // Each amount is at the limit of one input; together over the default scenario's coach-
  // months and trips they pass int64 céntimos, which once printed a negative national cost.
  const fs::path dir = fresh_dir("overflow");
  const fs::path file = write(dir, "huge.yaml",
                              "extends: builtin:default\n"
                              "coach:\n  monthly_fee: \"1000000000000 PEN/month\"\n"
                              "costs:\n  per_diem: \"1000000000000 PEN/day\"\n"
                              "  materials_per_teacher: \"1000000000000 PEN/participant\"\n");
  const Result r = run("run " + file.string() + " --no-ledger --out " + (dir / "out").string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("beyond coachsim's limits: the run's costs add up to more than 64-bit "
                          "céntimos hold"),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
  // One céntimo more than the limit of one amount is refused by validate, naming the field.
  const fs::path over = write(dir, "over.yaml",
                              "extends: builtin:default\n"
                              "supervision:\n  monthly_fee: \"1000000000000.01 PEN/month\"\n");
  const Result v = run("validate " + over.string());
  EXPECT_EQ(v.exit_code, 2) << v.output;
  EXPECT_NE(v.output.find(over.string() + ":3:16: supervision.monthly_fee: amount too large"),
            std::string::npos)
      << v.output;
}

TEST(Robust, CompareAndSweepReportCostsThatWouldOverflowAsBadInput) {
  // The same scenario as above through the other commands that simulate: exit 2 (bad input,
  // as run gives), not 1 (a failure of coachsim), and nothing written.
  const fs::path dir = fresh_dir("overflow-compare-sweep");
  const fs::path file = write(dir, "huge.yaml",
                              "extends: builtin:default\n"
                              "coach:\n  monthly_fee: \"1000000000000 PEN/month\"\n"
                              "costs:\n  per_diem: \"1000000000000 PEN/day\"\n"
                              "  materials_per_teacher: \"1000000000000 PEN/participant\"\n");
  const Result c =
      run("compare builtin:default " + file.string() + " -q --out " + (dir / "cmp").string());
  EXPECT_EQ(c.exit_code, 2) << c.output;
  EXPECT_NE(c.output.find("beyond coachsim's limits"), std::string::npos) << c.output;
  EXPECT_FALSE(fs::exists(dir / "cmp"));
  const Result s = run("sweep " + file.string() + " --replications 2 --threads 1 -q --out " +
                       (dir / "sweep").string());
  EXPECT_EQ(s.exit_code, 2) << s.output;
  EXPECT_NE(s.output.find("beyond coachsim's limits"), std::string::npos) << s.output;
  EXPECT_FALSE(fs::exists(dir / "sweep"));
}

TEST(Robust, UncertaintyBoundsBeyondInt64CentimosAreRefusedAtLoad) {
  // Once an abort (round_half_away threw out of the loader); now an error at the entry.
  const fs::path dir = fresh_dir("uncertainty");
  const fs::path file =
      write(dir, "u.yaml",
            "extends: builtin:default\n"
            "uncertainty:\n"
            "  - field: coach.monthly_fee\n"
            "    uniform: [\"4000 PEN/month\", \"100000000000000000000 PEN/month\"]\n"
            "    source: \"test\"\n");
  const Result r = run("validate " + file.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("uncertainty[0]: at its high end"), std::string::npos) << r.output;
}

TEST(Robust, ErrorsArePrintedAtMostAHundredPerFileThenCounted) {
  const fs::path dir = fresh_dir("many-errors");
  std::string csv = "id,ugel,school_type,urban,border,teachers,students,distance_km\n";
  for (int i = 0; i < 500; ++i) csv += "S1,U1,t,false,false,2,30,15\n";  // 499 duplicates
  write(dir, "schools.csv", csv);
  std::ifstream small(std::string(COACHSIM_SOURCE_DIR) + "/scenarios/small.yaml");
  std::string yaml((std::istreambuf_iterator<char>(small)), std::istreambuf_iterator<char>());
  yaml.replace(yaml.find("small-schools.csv"), 17, "schools.csv");
  const fs::path file = write(dir, "s.yaml", yaml);
  const Result r = run("validate " + file.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("schools.csv: and 399 more problems in this file (only the first 100 "
                          "of each file are shown)"),
            std::string::npos)
      << r.output.substr(0, 2000);
  EXPECT_NE(r.output.find("coachsim: 499 problems in the scenario"), std::string::npos);
}

}  // namespace robust_cli_test
