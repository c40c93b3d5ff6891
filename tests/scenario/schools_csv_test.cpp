// The schools CSV: errors name the CSV file and line, with the 1-based field index as column.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "coachsim/scenario/loader.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace schools_csv_test {

using testing::data_dir;
using testing::dump;
using ::testing::HasSubstr;
using testing::load_small_with;
using testing::only_error;

LoadResult with_csv(const std::string& name) {
  return load_small_with("schools_csv: small-schools.csv", "schools_csv: " + name);
}

TEST(SchoolsCsv, ResolvedRelativeToScenarioFolder) {
  const LoadResult r = load_scenario_file(data_dir() + "/small.yaml");
  ASSERT_TRUE(r.ok()) << dump(r.errors);
  EXPECT_EQ(r.scenario.regions[1].schools.size(), 3u);
}

TEST(SchoolsCsv, MissingFileReportedAtTheYamlKey) {
  const LoadResult r = with_csv("missing.csv");
  EXPECT_TRUE(only_error(
      r.errors, "small.yaml", 101, 18, "regions[1].schools_csv",
      {"cannot read schools CSV '" + data_dir() + "/missing.csv'", "No such file or directory"}));
}

TEST(SchoolsCsv, EmptyFile) {
  const LoadResult r = with_csv("empty.csv");
  EXPECT_TRUE(only_error(r.errors, data_dir() + "/empty.csv", 1, 0, "regions[1].schools_csv",
                         {"empty", "header row"}));
}

TEST(SchoolsCsv, HeaderProblems) {
  const LoadResult r = with_csv("bad-header.csv");
  const std::string file = data_dir() + "/bad-header.csv";
  ASSERT_EQ(r.errors.size(), 2u) << dump(r.errors);
  EXPECT_EQ(r.errors[0].to_string(),
            file +
                ":1: regions[1].schools_csv: missing column 'distance_km' in the header row "
                "(required: id, ugel, school_type, urban, border, teachers, students, "
                "distance_km; optional: travel_time_h)");
  EXPECT_EQ(r.errors[1].file, file);
  EXPECT_EQ(r.errors[1].line, 1);
  EXPECT_EQ(r.errors[1].column, 8);
  EXPECT_THAT(r.errors[1].message,
              HasSubstr("unknown column 'distnce_km'; did you mean 'distance_km'?"));
}

TEST(SchoolsCsv, EveryBadRowReportedWithLineAndColumn) {
  const LoadResult r = with_csv("bad-values.csv");
  const std::string f = data_dir() + "/bad-values.csv";
  const std::string p = "regions[1].schools_csv";
  std::vector<std::string> got;
  for (const auto& e : r.errors) got.push_back(e.to_string());
  EXPECT_THAT(
      got, ::testing::ElementsAre(
               f + ":3:2: " + p + "[1].ugel: unknown UGEL 'Piura' (UGELs of region 'Tumbes': " +
                   "Tumbes, Zarumilla)",
               f + ":4:4: " + p + "[2].urban: expected true, false, 1 or 0, got 'yes'",
               f + ":5:6: " + p + "[3].teachers: expected an integer, got 'two'",
               f + ":6:6: " + p + "[4].teachers: expected a number of teachers >= 1, got 0",
               f + ":8:1: " + p + "[5].id: duplicate school id 'A1' (also " + p + "[0])",
               f + ":9: " + p + "[6]: expected 8 fields as in the header row, got 7",
               f + ":10:3: " + p + "[7].school_type: unknown school type 'ebi'; did you mean " +
                   "'eib'? (known: eib, poli_primaria)",
               f + ":10:8: " + p + "[7].distance_km: expected a plain number of km (the unit is " +
                   "in the column name), got '12 km'"));
  // Indices follow the data rows (blank lines skipped), so every row is still there.
  EXPECT_EQ(r.scenario.regions[1].schools.size(), 8u);
}

TEST(SchoolsCsv, CsvErrorsComeAfterScenarioErrors) {
  std::string text =
      testing::replaced(testing::small_text(), "small-schools.csv", "bad-header.csv");
  text = testing::replaced(text, "count: 420", "count: -1");
  const LoadResult r = testing::load_as_small(text);
  ASSERT_EQ(r.errors.size(), 3u) << dump(r.errors);
  EXPECT_EQ(r.errors[0].file, "small.yaml");
  EXPECT_EQ(r.errors[1].file, data_dir() + "/bad-header.csv");
}

}  // namespace schools_csv_test
}  // namespace coachsim::scenario
