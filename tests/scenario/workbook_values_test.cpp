// Scenario values as cell values (sim/scenario/workbook_values.hpp): a value becomes a number
// only when the number reads back as the same text the loader would see.
#include <gtest/gtest.h>

#include "../../sim/scenario/workbook_values.hpp"

namespace workbook_values_test {

using namespace coachsim::scenario::detail;

TEST(WorkbookValues, ExactNumbers) {
  EXPECT_EQ(exact_number("12"), 12.0);
  EXPECT_EQ(exact_number("0.35"), 0.35);
  EXPECT_EQ(exact_number("-5"), -5.0);
  EXPECT_EQ(exact_number("10938000.00"), 10938000.0);
  EXPECT_FALSE(exact_number("007"));  // an id, kept as text
  EXPECT_FALSE(exact_number("1e3"));  // not how a cell shows it
  EXPECT_FALSE(exact_number("1."));
  EXPECT_FALSE(exact_number(".5"));
  EXPECT_FALSE(exact_number("-0"));                // would come back as "0"
  EXPECT_FALSE(exact_number("1234567890123456"));  // 16 digits: a cell keeps 15
  EXPECT_FALSE(exact_number("2020-03-16"));
  EXPECT_FALSE(exact_number("100%"));
  EXPECT_FALSE(exact_number(""));
}

TEST(WorkbookValues, SplitsAUnit) {
  const auto fee = split_unit("2830 PEN/month");
  ASSERT_TRUE(fee);
  EXPECT_EQ(fee->number, 2830.0);
  EXPECT_EQ(fee->unit, "PEN/month");
  EXPECT_EQ(split_unit("3 h")->unit, "h");
  EXPECT_FALSE(split_unit("3 weeks later"));  // two words
  EXPECT_FALSE(split_unit("EIB inicial"));
  EXPECT_FALSE(split_unit("2830PEN"));
  EXPECT_FALSE(split_unit("3 2"));
}

TEST(WorkbookValues, NumberTextNeverUsesAnExponent) {
  EXPECT_EQ(number_text(1000000.0), "1000000");
  EXPECT_EQ(number_text(0.35), "0.35");
  EXPECT_EQ(number_text(0.00001), "0.00001");
  EXPECT_EQ(number_text(-5.0), "-5");
  // The text a cell stores (%.16G) reads back as the text the YAML held.
  EXPECT_EQ(number_text(std::strtod("0.1", nullptr)), "0.1");
}

}  // namespace workbook_values_test
