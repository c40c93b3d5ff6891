// Names and forms given on the command line or in a CSV are checked as the scenario loader
// checks YAML: a misspelt region, command or flag is refused with exit 2 and a suggestion.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../support/files.hpp"
#include "../support/process.hpp"

namespace names_cli_test {

namespace fs = std::filesystem;

using Result = coachsim::testing::CommandResult;

Result run(const std::string& args) {
  return coachsim::testing::run_shell(std::string(COACHSIM_BINARY) + " " + args);
}

fs::path fresh_dir(const std::string& name) {
  return coachsim::testing::fresh_dir("coachsim-names-test-", name);
}

const std::string kSource = COACHSIM_SOURCE_DIR;
const std::string kPeru2013 = kSource + "/scenarios/peru-2013.yaml";
const std::string kActuals2013 = kSource + "/scenarios/actuals-2013.csv";

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Names, AuditRefusesAMisspeltExcludedRegion) {
  const fs::path out = fresh_dir("exclude");
  const Result r = run("audit " + kPeru2013 + " --actuals " + kActuals2013 +
                       " --exclude Calao --out " + out.string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_TRUE(has(r.output,
                  "--exclude 'Calao': the scenario has no region of that name; did "
                  "you mean 'Callao'?"))
      << r.output;
  EXPECT_FALSE(fs::exists(out));
}

TEST(Names, AuditRefusesAMisspeltRegionInTheActuals) {
  const fs::path dir = fresh_dir("actuals");
  fs::create_directories(dir);
  // The published 2013 actuals with Cusco misspelt on every one of its rows.
  std::ifstream in(kActuals2013);
  std::ostringstream text;
  text << in.rdbuf();
  std::string csv = text.str();
  int first_line = 0, line = 1;
  for (std::size_t at = 0; at < csv.size(); ++at) {
    if (csv[at] == '\n') ++line;
    if (csv.compare(at, 6, "\nCusco") == 0) {
      csv.replace(at + 1, 5, "Cuzco");
      if (first_line == 0) first_line = line;
    }
  }
  ASSERT_GT(first_line, 1);
  std::ofstream(dir / "cuzco.csv") << csv;
  const Result r = run("audit " + kPeru2013 + " --actuals " + (dir / "cuzco.csv").string() +
                       " --out " + (dir / "out").string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_TRUE(has(r.output, "cuzco.csv:" + std::to_string(first_line) +
                                ":1: region: unknown region 'Cuzco'; did you mean 'Cusco'?"))
      << r.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(Names, AuditListsTheRegionsWhenNoNameIsClose) {
  const fs::path dir = fresh_dir("far");
  fs::create_directories(dir);
  std::ofstream(dir / "far.csv") << "region,year,measure,value,status\n"
                                    "Zanzibar,2021,count.coaches,1,published\n";
  const Result r = run("audit " + kSource + "/scenarios/small.yaml --actuals " +
                       (dir / "far.csv").string() + " --out " + (dir / "out").string());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_TRUE(has(r.output,
                  "far.csv:2:1: region: unknown region 'Zanzibar' (expected one of "
                  "the scenario's regions: Alpha)"))
      << r.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(Names, AMistypedCommandOrFlagGetsASuggestion) {
  const Result command = run("compre a.yaml b.yaml");
  EXPECT_EQ(command.exit_code, 2);
  EXPECT_TRUE(has(command.output, "coachsim: unknown command 'compre'; did you mean 'compare'?"))
      << command.output;
  const Result far = run("frobnicate");
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_TRUE(has(far.output,
                  "unknown command 'frobnicate' (expected one of run, validate, "
                  "audit, compare, sweep"))
      << far.output;
  const fs::path out = fresh_dir("flag");
  const Result flag = run("run " + kSource + "/scenarios/small.yaml --output " + out.string());
  EXPECT_EQ(flag.exit_code, 2);
  EXPECT_TRUE(has(flag.output, "coachsim run: unknown flag '--output'; did you mean '--out'?"))
      << flag.output;
  EXPECT_FALSE(fs::exists(out));
  const Result typo = run("sweep --replicatoins 3");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_TRUE(has(typo.output, "unknown flag '--replicatoins'; did you mean '--replications'?"))
      << typo.output;
}

TEST(Names, VersionAndHelp) {
  const Result version = run("--version");
  EXPECT_EQ(version.exit_code, 0) << version.output;
  EXPECT_EQ(version.output, std::string("coachsim ") + COACHSIM_VERSION + "\n");
  const Result help = run("run --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_TRUE(has(help.output, "--no-ledger")) << help.output;
  EXPECT_FALSE(has(help.output, "{false}")) << help.output;
}

TEST(Names, AuditNamesEveryFileItWrote) {
  const fs::path out = fresh_dir("wrote");
  const std::string xlsx = (out / "audit.xlsx").string(), html = (out / "audit.html").string();
  const Result r =
      run("audit " + kSource + "/scenarios/small.yaml --actuals " + kSource +
          "/tests/data/audit/small-actuals.csv --out " + out.string() + " --xlsx " + xlsx);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(has(r.output, "Wrote " + xlsx + "\n")) << r.output;
  EXPECT_TRUE(fs::exists(xlsx));
}

}  // namespace names_cli_test
