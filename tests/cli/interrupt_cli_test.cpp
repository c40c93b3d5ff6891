// Runs killed at random moments (SIGINT, SIGTERM, SIGKILL) over an older output folder: every
// folder is the old complete set or the new one (SIGINT/SIGTERM), or tells by its manifest
// that it is incomplete (SIGKILL); no staging or temporary file is left behind for long.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>
#include <string>

#include "../support/files.hpp"
#include "../support/process.hpp"

namespace interrupt_cli_test {

namespace fs = std::filesystem;
using coachsim::testing::run_shell;
using coachsim::testing::slurp;
using FileSet = std::map<std::string, std::string>;  // name -> bytes

const std::string kBinary = COACHSIM_BINARY;
const std::string kSmall = std::string(COACHSIM_SOURCE_DIR) + "/scenarios/small.yaml";
const std::string kDefault = std::string(COACHSIM_SOURCE_DIR) + "/scenarios/default.yaml";

// The visible files of a folder (the staging folder is hidden and not part of a set).
FileSet files_of(const fs::path& dir) {
  FileSet set;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name != ".coachsim-staging") set[name] = slurp(e.path());
  }
  return set;
}

void restore(const fs::path& dir, const FileSet& set) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& [name, bytes] : set) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
  }
}

TEST(Interrupt, KilledRunsLeaveTheOldSetOrTheNewOne) {
  const fs::path root = coachsim::testing::fresh_dir("coachsim-interrupt-", "sets");
  const fs::path out = root / "out";
  ASSERT_EQ(
      run_shell(kBinary + " run " + kSmall + " -q --out " + (root / "old").string()).exit_code, 0);
  ASSERT_EQ(
      run_shell(kBinary + " run " + kDefault + " -q --out " + (root / "new").string()).exit_code,
      0);
  const FileSet old_set = files_of(root / "old"), new_set = files_of(root / "new");
  ASSERT_TRUE(old_set.count("manifest.json") && new_set.count("manifest.json"));

  std::mt19937 rng(20131);  // fixed: the same moments on every run of the test
  std::uniform_int_distribution<int> delay_ms(0, 900);
  const char* signals[] = {"INT", "TERM", "KILL"};
  int interrupted = 0;
  for (int i = 0; i < 9; ++i) {
    restore(out, old_set);
    const std::string signal = signals[i % 3];
    const int delay = delay_ms(rng);
    // Job control (set -m): a shell without it starts background commands ignoring SIGINT.
    const auto r = run_shell("bash -c 'set -m; " + kBinary + " run " + kDefault + " -q --out " +
                             out.string() + " --sqlite " + (root / "db.sqlite").string() +
                             " & p=$!; sleep " + std::to_string(delay / 1000.0) + "; kill -" +
                             signal + " $p; wait $p; echo rc=$?'");
    SCOPED_TRACE("kill -" + signal + " after " + std::to_string(delay) + " ms: " + r.output);
    const bool finished = r.output.find("rc=0") != std::string::npos;
    const FileSet now = files_of(out);
    if (signal != "KILL") {
      if (!finished) {
        ++interrupted;
        EXPECT_NE(r.output.find(signal == "INT" ? "rc=130" : "rc=143"), std::string::npos);
      }
      EXPECT_TRUE(now == old_set || now == new_set);
      EXPECT_FALSE(fs::exists(out / ".coachsim-staging"));
      for (const auto& e : fs::directory_iterator(root)) {
        EXPECT_EQ(e.path().filename().string().find("coachsim-part"), std::string::npos);
        EXPECT_EQ(e.path().filename().string().find(".partial-"), std::string::npos);
      }
    } else if (now.count("manifest.json")) {
      // SIGKILL cannot be handled: a folder with a manifest must be the set it lists.
      EXPECT_TRUE(now == old_set || now == new_set);
    }  // without a manifest the folder says it is incomplete
  }
  EXPECT_GT(interrupted, 0) << "no run was interrupted: the delays are too long here";
  // The next run cleans what a SIGKILL left and commits the new set.
  ASSERT_EQ(run_shell(kBinary + " run " + kDefault + " -q --out " + out.string() + " --sqlite " +
                      (root / "db.sqlite").string())
                .exit_code,
            0);
  EXPECT_EQ(files_of(out), new_set);
  EXPECT_FALSE(fs::exists(out / ".coachsim-staging"));
  EXPECT_FALSE(fs::exists(root / "db.sqlite.coachsim-part"));
  for (const auto& e : fs::directory_iterator(root))  // no writer's temporary is left
    EXPECT_EQ(e.path().filename().string().find(".partial-"), std::string::npos) << e.path();
}

TEST(Interrupt, TheManifestListsEveryFileWithItsSha256) {
  const fs::path out = coachsim::testing::fresh_dir("coachsim-interrupt-", "manifest");
  ASSERT_EQ(run_shell(kBinary + " run " + kSmall + " -q --out " + out.string()).exit_code, 0);
  const std::string manifest = slurp(out / "manifest.json");
  for (const char* f :
       {"regions.csv", "national.csv", "variance.csv", "missed.csv", "summary.json", "ledger.csv"})
    EXPECT_NE(manifest.find(std::string("\"name\": \"") + f + "\""), std::string::npos) << f;
  // The digest is sha256sum's: checked with the standard tool.
  const auto check = run_shell("cd " + out.string() +
                               " && grep -o '\"name\": \"[^\"]*\", \"sha256\": \"[0-9a-f]*\"' "
                               "manifest.json | sed -E 's/\"name\": \"([^\"]*)\", \"sha256\": "
                               "\"([0-9a-f]*)\"/\\2  \\1/' | sha256sum -c -");
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("national.csv: OK"), std::string::npos) << check.output;
}

}  // namespace interrupt_cli_test
