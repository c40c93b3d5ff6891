// Input CSVs in either convention (csv_dialect.hpp): ',' with decimal points, or ';' with decimal
// commas and a byte-order mark as Excel saves them in a Spanish locale; errors keep their exact
// line and column.
#include <gtest/gtest.h>

#include "../../sim/scenario/schools_csv.hpp"
#include "coachsim/scenario/csv_dialect.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace csv_dialect_test {

using testing::dump;
using testing::load_small_with;

TEST(CsvDialect, DetectsSeparatorDecimalsAndBom) {
  CsvDialect d = detect_csv_dialect("a,b\n1,2.5\n");
  EXPECT_TRUE(d.plain());
  d = detect_csv_dialect(
      "\xEF\xBB\xBF"
      "a;b;c\n1;x;2\n3;\"y;z\";4,5\n");
  EXPECT_EQ(d.separator, ';');
  EXPECT_EQ(d.decimal, ',');
  EXPECT_TRUE(d.bom);
  EXPECT_EQ(d.describe(), "separator ';', decimal comma, UTF-8 byte-order mark");
  d = detect_csv_dialect("a;b\n1;2\n");  // no decimals to tell by: points
  EXPECT_EQ(d.separator, ';');
  EXPECT_EQ(d.decimal, '.');
  // Commas inside quotes do not count: the header has two ';' fields.
  d = detect_csv_dialect("\"a,b,c\";d\n1;2\n");
  EXPECT_EQ(d.separator, ';');
}

TEST(CsvDialect, DecimalCommasBecomePointsAndOtherTextIsLeftAlone) {
  const CsvDialect spanish = detect_csv_dialect("a;b\n1;2,5\n");
  EXPECT_EQ(decimal_point("45,5", spanish), "45.5");
  EXPECT_EQ(decimal_point("-0,25", spanish), "-0.25");
  EXPECT_EQ(decimal_point("1.234,5", spanish), "1.234,5");  // reported as written
  EXPECT_EQ(decimal_point("abc", spanish), "abc");
  EXPECT_EQ(decimal_point("45,5", CsvDialect{}), "45,5");
}

TEST(CsvDialect, ASpanishSchoolsCsvLoadsAsThePlainOneAndIsReported) {
  const LoadResult plain = load_scenario_file(testing::data_dir() + "/small.yaml");
  const LoadResult es =
      load_small_with("schools_csv: small-schools.csv", "schools_csv: small-schools-es.csv");
  ASSERT_TRUE(plain.ok()) << dump(plain.errors);
  ASSERT_TRUE(es.ok()) << dump(es.errors);
  const auto& a = plain.scenario.regions[1].schools;
  const auto& b = es.scenario.regions[1].schools;
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].teachers, b[i].teachers);
    EXPECT_EQ(a[i].distance.value(), b[i].distance.value());
    EXPECT_EQ(a[i].travel_time.has_value(), b[i].travel_time.has_value());
    if (a[i].travel_time) {
      EXPECT_EQ(a[i].travel_time->value(), b[i].travel_time->value());
    }
  }
  EXPECT_DOUBLE_EQ(b[0].distance.value(), 45.5);
  EXPECT_TRUE(plain.scenario.provenance.empty());
  ASSERT_EQ(es.scenario.provenance.size(), 1u);
  EXPECT_NE(es.scenario.provenance[0].find(
                "small-schools-es.csv: separator ';', decimal comma, UTF-8 byte-order mark"),
            std::string::npos)
      << es.scenario.provenance[0];
}

TEST(CsvDialect, ErrorsInASpanishCsvKeepTheirLineAndColumn) {
  const std::string text =
      "\xEF\xBB\xBF"
      "id;ugel;school_type;urban;border;teachers;students;distance_km\r\n"
      "A1;Tumbes;eib;false;true;2;31;45,5\r\n"
      "A2;Tumbes;eib;false;true;dos;31;4x5\r\n";
  std::vector<SchoolRecord> schools;
  detail::FieldIndex index;
  std::vector<LoadError> errors;
  CsvDialect dialect;
  detail::parse_schools_csv(text, "es.csv", "regions[0].schools_csv", schools, index, errors,
                            &dialect);
  EXPECT_EQ(dialect.separator, ';');
  ASSERT_EQ(errors.size(), 2u) << dump(errors);
  EXPECT_EQ(errors[0].to_string(),
            "es.csv:3:6: regions[0].schools_csv[1].teachers: expected an integer, got 'dos'");
  EXPECT_EQ(errors[1].line, 3);
  EXPECT_EQ(errors[1].column, 8);
  EXPECT_NE(errors[1].message.find("'4x5'"), std::string::npos) << errors[1].message;
  EXPECT_DOUBLE_EQ(schools[0].distance.value(), 45.5);
}

}  // namespace csv_dialect_test
}  // namespace coachsim::scenario
