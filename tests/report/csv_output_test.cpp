// Output CSVs for Excel (csv_output.hpp): a byte-order mark on request, and ';' with decimal
// commas, leaving quoted text as it is.
#include <gtest/gtest.h>

#include "coachsim/report/csv_output.hpp"

namespace coachsim::report {
namespace csv_output_test {

TEST(CsvOutput, ThePlainConventionIsUnchangedAndTheBomIsOnlyAdded) {
  const std::string csv = "region,cost\nÁncash,1234.50\n";
  EXPECT_EQ(convert_csv(csv, CsvOutput{}), csv);
  EXPECT_EQ(convert_csv(csv, CsvOutput{true, ','}), "\xEF\xBB\xBF" + csv);
}

TEST(CsvOutput, SemicolonsAndDecimalCommasForASpanishExcel) {
  const std::string csv =
      "region,year,cost,share,note\n"
      "Huánuco,2021,-1234.50,0.25,\"a, b \"\"quoted\"\"\"\n"
      "national,2021,7,12.5%,x;y\n"
      "\"multi\nline\",2021,1.5,,2021-03-01\n";
  EXPECT_EQ(convert_csv(csv, CsvOutput{false, ';'}),
            "region;year;cost;share;note\n"
            "Huánuco;2021;-1234,50;0,25;\"a, b \"\"quoted\"\"\"\n"
            "national;2021;7;12.5%;\"x;y\"\n"
            "\"multi\nline\";2021;1,5;;2021-03-01\n");
}

}  // namespace csv_output_test
}  // namespace coachsim::report
