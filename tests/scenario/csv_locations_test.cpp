// Error locations in a large schools CSV: the loader keeps one line number per row and one
// position per column (not a location per cell), and must still name the exact line and
// column of any cell, far down the file, with its columns in any order and blank lines in it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../support/files.hpp"
#include "coachsim/scenario/loader.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace csv_locations_test {

using testing::dump;
using testing::load_small_with;

// 3,000 schools, columns shuffled (teachers is column 6, id column 3), a blank line after the
// 1,000th row; row 2,500 has no teachers and row 2,999 repeats the id of row 10.
// In a folder of the running test's own: ctest runs the tests of this file at once, and one of
// them appends a bad row to its copy.
std::string write_census() {
  const auto dir = coachsim::testing::fresh_dir(
      "coachsim_csv_locations_", ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::create_directories(dir);
  const auto path = dir / "census.csv";
  std::ofstream csv(path);
  csv << "distance_km,ugel,id,school_type,urban,teachers,border,students\n";
  for (int row = 0; row < 3000; ++row) {
    if (row == 1000) csv << "\n";
    const int teachers = row == 2500 ? 0 : 1 + row % 3;
    const int id = row == 2999 ? 10 : row;
    csv << 5 + row % 40 << ",Tumbes,S" << id << ",eib,false," << teachers << ",false,"
        << 10 * (1 + row % 3) << "\n";
  }
  return path.string();
}

TEST(CsvLocations, CellsFarDownTheFileKeepTheirLineAndColumn) {
  const std::string file = write_census();
  const LoadResult r = load_small_with("schools_csv: small-schools.csv", "schools_csv: " + file);
  ASSERT_EQ(r.errors.size(), 2u) << dump(r.errors);
  // Row 2,500 is on line 2,503: the header, 2,500 rows before it and the blank line.
  EXPECT_EQ(r.errors[0].to_string(),
            file +
                ":2503:6: regions[1].schools_csv[2500].teachers: expected a number of teachers "
                ">= 1, got 0");
  EXPECT_EQ(r.errors[1].to_string(),
            file +
                ":3002:3: regions[1].schools_csv[2999].id: duplicate school id 'S10' (also "
                "regions[1].schools_csv[10])");
}

TEST(CsvLocations, ABadRowIsLocatedAtItsLine) {
  const std::string file = write_census();
  {
    std::ofstream csv(file, std::ios::app);
    csv << "7,Tumbes,S9999,eib,false,1\n";  // row 3,000: 6 fields instead of 8
  }
  const LoadResult r = load_small_with("schools_csv: small-schools.csv", "schools_csv: " + file);
  ASSERT_EQ(r.errors.size(), 3u) << dump(r.errors);
  EXPECT_EQ(r.errors[2].to_string(),
            file +
                ":3003: regions[1].schools_csv[3000]: expected 8 fields as in the header row, "
                "got 6");
}

}  // namespace csv_locations_test
}  // namespace coachsim::scenario
