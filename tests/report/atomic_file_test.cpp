// write_atomically: the one all-or-nothing writer of the workbook, the HTML pages, the SQLite
// ledger and the input template (sim/report/atomic_file.hpp).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "../../sim/report/atomic_file.hpp"
#include "../support/files.hpp"

namespace coachsim::report {
namespace atomic_file_test {

namespace fs = std::filesystem;

fs::path folder(const std::string& name) {
  const fs::path d = coachsim::testing::fresh_dir("coachsim-atomic-test-", name);
  fs::create_directories(d);
  return d;
}

TEST(WriteAtomically, TheTargetAppearsOnlyWhenComplete) {
  const fs::path dir = folder("complete");
  const fs::path target = dir / "page.html";
  write_atomically(target.string(), [&](const fs::path& partial) {
    EXPECT_EQ(partial.parent_path(), dir);  // beside the target: the rename stays on one disk
    EXPECT_EQ(partial.filename().string().rfind(".page.html.partial-", 0), 0u);
    EXPECT_FALSE(fs::exists(target));
    std::ofstream(partial) << "done";
  });
  EXPECT_EQ(coachsim::testing::slurp(target), "done");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);
}

TEST(WriteAtomically, AFailureKeepsTheOldFileRemovesThePartialAndNamesTheTarget) {
  const fs::path dir = folder("failure");
  const fs::path target = dir / "book.xlsx";
  std::ofstream(target) << "old";
  try {
    write_atomically(target.string(), [&](const fs::path& partial) {
      std::ofstream(partial) << "half";
      throw std::runtime_error("disk full");
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot write '" + target.string() + "': disk full");
  }
  EXPECT_EQ(coachsim::testing::slurp(target), "old");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);
}

TEST(WriteAtomically, AMissingFolderIsNamed) {
  const fs::path target = folder("missing") / "no" / "such.sqlite";
  bool called = false;
  try {
    write_atomically(target.string(), [&](const fs::path&) { called = true; });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot write '" + target.string() + "': no such folder");
  }
  EXPECT_FALSE(called);
}

}  // namespace atomic_file_test
}  // namespace coachsim::report
