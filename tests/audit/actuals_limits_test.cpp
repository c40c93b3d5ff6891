// The actuals reader refuses what it used to accept: rows with extra fields, an empty file
// without a line, invalid UTF-8 and values whose sums would not fit in int64.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "coachsim/audit/actuals.hpp"

namespace actuals_limits_test {

using coachsim::audit::load_actuals_text;
using ::testing::HasSubstr;

const std::string kHeader = "region,year,measure,value,status,source\n";

TEST(ActualsLimits, ARowWithAnExtraFieldIsRefusedAtItsLine) {
  const auto load = load_actuals_text(kHeader +
                                          "Cusco,2013,spending.travel,100.00,published,x\n"
                                          "Cusco,2013,count.coaches,5,published,x,surplus\n",
                                      "a.csv");
  ASSERT_EQ(load.errors.size(), 1u);
  EXPECT_EQ(load.errors[0].line, 3);
  EXPECT_EQ(load.errors[0].column, 7);
  EXPECT_THAT(load.errors[0].message, HasSubstr("expected 6 fields as in the header row, got 7"));
}

TEST(ActualsLimits, AnEmptyFileIsRefusedWithALine) {
  for (const std::string text : {"", "\n\n  \n"}) {
    const auto load = load_actuals_text(text, "empty.csv");
    ASSERT_EQ(load.errors.size(), 1u);
    EXPECT_GE(load.errors[0].line, 1);
    EXPECT_EQ(load.errors[0].to_string().rfind(
                  "empty.csv:" + std::to_string(load.errors[0].line) + ":1:", 0),
              0u)
        << load.errors[0].to_string();
    EXPECT_THAT(load.errors[0].message, HasSubstr("the file is empty"));
  }
}

TEST(ActualsLimits, InvalidUtf8IsRefusedAtItsLineAndColumn) {
  const auto load =
      load_actuals_text(kHeader + "Apur\xEDmac,2013,spending.travel,1.00,published,x\n", "l.csv");
  ASSERT_EQ(load.errors.size(), 1u);
  EXPECT_EQ(load.errors[0].line, 2);
  EXPECT_EQ(load.errors[0].column, 5);
  EXPECT_THAT(load.errors[0].message, HasSubstr("not valid UTF-8 (byte 0xED)"));
}

TEST(ActualsLimits, ValuesWhoseSumWouldOverflowAreRefused) {
  // One value above 10^12 PEN is refused; so is the value that takes the file's total past
  // 10^14 PEN, although each value alone is within the limit (these once summed past int64).
  const auto one = load_actuals_text(
      kHeader + "Cusco,2013,spending.travel,1000000000000.01,published,x\n", "one.csv");
  ASSERT_EQ(one.errors.size(), 1u);
  EXPECT_THAT(one.errors[0].message, HasSubstr("value too large"));

  std::string text = kHeader;
  for (int year = 2000; year < 2101; ++year)
    text += "Cusco," + std::to_string(year) + ",spending.travel,1000000000000,published,x\n";
  const auto many = load_actuals_text(text, "many.csv");
  ASSERT_EQ(many.errors.size(), 1u);
  EXPECT_EQ(many.errors[0].line, 102);  // the 101st value: 101 * 10^12 PEN > 10^14 PEN
  EXPECT_THAT(many.errors[0].message, HasSubstr("value too large"));
}

}  // namespace actuals_limits_test
