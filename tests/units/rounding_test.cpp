// Rounding rules: every expected value below is computed by hand in the comment next to it.
#include "coachsim/units/rounding.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include <gtest/gtest.h>

#include "coachsim/units/quantities.hpp"

namespace coachsim::units {
namespace rounding_test {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

// --- round_half_away -------------------------------------------------------------------------

TEST(RoundHalfAway, RoundsToNearest) {
  EXPECT_EQ(round_half_away(0.0), 0);
  EXPECT_EQ(round_half_away(-0.0), 0);
  EXPECT_EQ(round_half_away(1.4), 1);
  EXPECT_EQ(round_half_away(1.6), 2);
  EXPECT_EQ(round_half_away(-1.4), -1);
  EXPECT_EQ(round_half_away(-1.6), -2);
  EXPECT_EQ(round_half_away(0.4999), 0);
  EXPECT_EQ(round_half_away(-0.4999), 0);
  EXPECT_EQ(round_half_away(41.0), 41);
}

TEST(RoundHalfAway, HalvesGoAwayFromZero) {
  EXPECT_EQ(round_half_away(0.5), 1);
  EXPECT_EQ(round_half_away(-0.5), -1);
  EXPECT_EQ(round_half_away(1.5), 2);
  EXPECT_EQ(round_half_away(2.5), 3);  // not 2: this is not banker's rounding
  EXPECT_EQ(round_half_away(-2.5), -3);
  EXPECT_EQ(round_half_away(3017.5), 3018);
  // 1e15 + 0.5 is exact in binary (spacing of doubles there is 0.125).
  EXPECT_EQ(round_half_away(1e15 + 0.5), 1'000'000'000'000'001);
  EXPECT_EQ(round_half_away(-1e15 - 0.5), -1'000'000'000'000'001);
}

TEST(RoundHalfAway, ToleranceCatchesBinaryHalves) {
  // 1.005 * 100 is 100.5 in decimal but 100.49999999999999 in binary.
  const double product = 1.005 * 100;
  ASSERT_LT(product, 100.5);
  EXPECT_EQ(round_half_away(product), 101);
  EXPECT_EQ(round_half_away(-product), -101);
  // Within 1e-7 below a half counts as a half: 0.5 - 0.5e-7.
  EXPECT_EQ(round_half_away(0.49999995), 1);
  EXPECT_EQ(round_half_away(-0.49999995), -1);
  // Further than 1e-7 below a half does not: 0.5 - 2e-7.
  EXPECT_EQ(round_half_away(0.4999998), 0);
  EXPECT_EQ(round_half_away(-0.4999998), 0);
  EXPECT_EQ(round_half_away(7.4999998), 7);
}

TEST(RoundHalfAway, LargeValues) {
  EXPECT_EQ(round_half_away(9007199254740992.0), 9007199254740992);        // 2^53
  EXPECT_EQ(round_half_away(-9223372036854775808.0), kMin);                // -2^63 fits
  EXPECT_EQ(round_half_away(4611686018427387904.0), 4611686018427387904);  // 2^62
}

TEST(RoundHalfAway, RejectsValuesThatAreNotAmounts) {
  EXPECT_THROW(round_half_away(std::nan("")), std::domain_error);
  EXPECT_THROW(round_half_away(std::numeric_limits<double>::infinity()), std::domain_error);
  EXPECT_THROW(round_half_away(-std::numeric_limits<double>::infinity()), std::domain_error);
  EXPECT_THROW(round_half_away(9223372036854775808.0), std::overflow_error);  // 2^63
  EXPECT_THROW(round_half_away(1e19), std::overflow_error);
  EXPECT_THROW(round_half_away(-1e19), std::overflow_error);
}

// --- divide_half_away ------------------------------------------------------------------------

TEST(DivideHalfAway, ExactQuotients) {
  EXPECT_EQ(divide_half_away(0, 7), 0);
  EXPECT_EQ(divide_half_away(42, 7), 6);
  EXPECT_EQ(divide_half_away(-42, 7), -6);
}

TEST(DivideHalfAway, RoundsToNearest) {
  EXPECT_EQ(divide_half_away(1, 3), 0);    // 0.33
  EXPECT_EQ(divide_half_away(2, 3), 1);    // 0.67
  EXPECT_EQ(divide_half_away(-1, 3), 0);   // -0.33
  EXPECT_EQ(divide_half_away(-2, 3), -1);  // -0.67
  EXPECT_EQ(divide_half_away(14, 31), 0);  // 0.4516
  EXPECT_EQ(divide_half_away(16, 31), 1);  // 0.5161
}

TEST(DivideHalfAway, HalvesGoAwayFromZero) {
  EXPECT_EQ(divide_half_away(1, 2), 1);    // 0.5
  EXPECT_EQ(divide_half_away(-1, 2), -1);  // -0.5
  EXPECT_EQ(divide_half_away(5, 2), 3);    // 2.5
  EXPECT_EQ(divide_half_away(7, 2), 4);    // 3.5
  EXPECT_EQ(divide_half_away(-5, 2), -3);  // -2.5
  EXPECT_EQ(divide_half_away(-7, 2), -4);  // -3.5
  EXPECT_EQ(divide_half_away(15, 30), 1);  // 0.5
  EXPECT_EQ(divide_half_away(45, 30), 2);  // 1.5
}

TEST(DivideHalfAway, NegativeDenominatorIsHandled) {
  EXPECT_EQ(divide_half_away(7, -2), -4);  // -3.5
  EXPECT_EQ(divide_half_away(-7, -2), 4);  // 3.5
  EXPECT_EQ(divide_half_away(1, -3), 0);
}

TEST(DivideHalfAway, ExtremesDoNotOverflow) {
  EXPECT_EQ(divide_half_away(kMax, 1), kMax);
  EXPECT_EQ(divide_half_away(kMin, 1), kMin);
  // 9223372036854775807 / 2 = 4611686018427387903.5 -> ...904 (2 * remainder overflows int64
  // arithmetic only if done naively on the numerator).
  EXPECT_EQ(divide_half_away(kMax, 2), 4611686018427387904);
  // -9223372036854775808 / 2 = -4611686018427387904 exactly.
  EXPECT_EQ(divide_half_away(kMin, 2), -4611686018427387904);
  // kMax / kMax = 1; (kMax - 1) / kMax = 0.99999... -> 1; 1 / kMax -> 0.
  EXPECT_EQ(divide_half_away(kMax, kMax), 1);
  EXPECT_EQ(divide_half_away(kMax - 1, kMax), 1);
  EXPECT_EQ(divide_half_away(1, kMax), 0);
  EXPECT_EQ(divide_half_away(kMin, kMax), -1);  // -1.0000000000000000001 -> -1
}

TEST(DivideHalfAway, RejectsZeroDenominatorAndOverflow) {
  EXPECT_THROW(divide_half_away(1, 0), std::invalid_argument);
  EXPECT_THROW(divide_half_away(kMin, -1), std::overflow_error);  // 2^63 does not fit
}

// --- apply_rate ------------------------------------------------------------------------------

TEST(ApplyRate, PerKm) {
  // 85 ct/km x 35.5 km = 3017.5 ct (exact in binary) -> 3018.
  EXPECT_EQ(apply_rate(per_km(85), km(35.5)).value(), 3018);
  // 80 ct/km x 37.3 km = 2984.0 ct.
  EXPECT_EQ(apply_rate(per_km(80), km(37.3)).value(), 2984);
  // 85 ct/km x 35.4 km = 3009.0 ct.
  EXPECT_EQ(apply_rate(per_km(85), km(35.4)).value(), 3009);
  // 85 ct/km x 0 km = 0.
  EXPECT_EQ(apply_rate(per_km(85), km(0.0)).value(), 0);
}

TEST(ApplyRate, BinaryInexactHalvesRoundAwayFromZero) {
  // 15 ct x 4.1 = 61.5 ct in decimal; in binary 15 * 4.1 = 61.49999999999999.
  ASSERT_LT(15 * 4.1, 61.5);
  EXPECT_EQ(apply_rate(per_km(15), km(4.1)).value(), 62);
  EXPECT_EQ(apply_rate(per_km(-15), km(4.1)).value(), -62);
  // 25 ct x 2.3 = 57.5 ct in decimal; in binary 57.49999999999999.
  ASSERT_LT(25 * 2.3, 57.5);
  EXPECT_EQ(apply_rate(per_day(25), days(2.3)).value(), 58);
  EXPECT_EQ(apply_rate(per_participant_day(25), participant_days(2.3)).value(), 58);
}

TEST(ApplyRate, NegativeHalves) {
  // -85 ct/km x 35.5 km = -3017.5 -> -3018.
  EXPECT_EQ(apply_rate(per_km(-85), km(35.5)).value(), -3018);
  // 33 ct x -0.5 = -16.5 -> -17.
  EXPECT_EQ(apply_rate(per_day(33), days(-0.5)).value(), -17);
}

TEST(ApplyRate, EveryRateKind) {
  // 4500 PEN/month x 11 months = 49,500 PEN = 4,950,000 ct.
  EXPECT_EQ(apply_rate(per_month(450000), months(11.0)).value(), 4950000);
  // 4500 PEN/month x 0.5 month = 2250 PEN.
  EXPECT_EQ(apply_rate(per_month(450000), months(0.5)).value(), 225000);
  // 120 PEN/day x 3 days = 360 PEN; x 0.5 day = 60 PEN.
  EXPECT_EQ(apply_rate(per_day(12000), days(3.0)).value(), 36000);
  EXPECT_EQ(apply_rate(per_day(12000), days(0.5)).value(), 6000);
  // 33 ct/day x 0.5 day = 16.5 -> 17.
  EXPECT_EQ(apply_rate(per_day(33), days(0.5)).value(), 17);
  // 60 PEN/participant x 25 participants = 1500 PEN.
  EXPECT_EQ(apply_rate(per_participant(6000), participants(25.0)).value(), 150000);
  // 45 PEN/participant-day x 37.5 participant-days = 1687.50 PEN.
  EXPECT_EQ(apply_rate(per_participant_day(4500), participant_days(37.5)).value(), 168750);
  // 1 ct/day x 1/3 day = 0.333 -> 0; x 2/3 day -> 1.
  EXPECT_EQ(apply_rate(per_day(1), days(1.0 / 3.0)).value(), 0);
  EXPECT_EQ(apply_rate(per_day(1), days(2.0 / 3.0)).value(), 1);
}

// --- prorate_month ---------------------------------------------------------------------------

TEST(ProrateMonth, HandComputedCases) {
  // 4500 PEN/month over 15 of 30 days: 450000 * 15 / 30 = 225000 exactly.
  EXPECT_EQ(prorate_month(per_month(450000), 15, 30).value(), 225000);
  // Over 10 of 31 days: 4500000 / 31 = 145161 remainder 9 (145161.29) -> 145161.
  EXPECT_EQ(prorate_month(per_month(450000), 10, 31).value(), 145161);
  // 3600 PEN/month, 1 of 31 days: 360000 / 31 = 11612 remainder 28 (11612.90) -> 11613.
  EXPECT_EQ(prorate_month(per_month(360000), 1, 31).value(), 11613);
  // 6000 PEN/month, 14 of 28 days = 300000.
  EXPECT_EQ(prorate_month(per_month(600000), 14, 28).value(), 300000);
  // 4200 PEN/month, 20 of 29 days: 8400000 / 29 = 289655 remainder 5 (289655.17) -> 289655.
  EXPECT_EQ(prorate_month(per_month(420000), 20, 29).value(), 289655);
}

TEST(ProrateMonth, ExactHalvesRoundAwayFromZero) {
  // 4500.02 PEN/month, 1 of 28 days: 450002 / 28 = 16071 remainder 14 = 16071.5 -> 16072.
  EXPECT_EQ(prorate_month(per_month(450002), 1, 28).value(), 16072);
  // 0.45 PEN/month, 1 of 30 days: 45 / 30 = 1.5 -> 2; negated -> -2.
  EXPECT_EQ(prorate_month(per_month(45), 1, 30).value(), 2);
  EXPECT_EQ(prorate_month(per_month(-45), 1, 30).value(), -2);
}

TEST(ProrateMonth, WholeAndEmptyMonths) {
  for (int month_days = 28; month_days <= 31; ++month_days) {
    EXPECT_EQ(prorate_month(per_month(450000), month_days, month_days).value(), 450000);
    EXPECT_EQ(prorate_month(per_month(450000), 0, month_days).value(), 0);
  }
}

TEST(ProrateMonth, PartsOfAMonthAddUpWithinRounding) {
  // Splitting a 31-day month into 10 + 21 days: 145161.29 + 304838.71 -> 145161 + 304839.
  const Money first = prorate_month(per_month(450000), 10, 31);
  const Money second = prorate_month(per_month(450000), 21, 31);
  EXPECT_EQ(second.value(), 304839);
  EXPECT_EQ((first + second).value(), 450000);
}

TEST(ProrateMonth, HugeFeeUsesWideArithmetic) {
  // kMax * 31 overflows 64 bits, the result does not.
  EXPECT_EQ(prorate_month(per_month(kMax), 31, 31).value(), kMax);
  EXPECT_EQ(prorate_month(per_month(kMin), 31, 31).value(), kMin);
}

TEST(ProrateMonth, RejectsBrokenPreconditions) {
  EXPECT_THROW(prorate_month(per_month(450000), -1, 30), std::invalid_argument);
  EXPECT_THROW(prorate_month(per_month(450000), 31, 30), std::invalid_argument);
  EXPECT_THROW(prorate_month(per_month(450000), 1, 27), std::invalid_argument);
  EXPECT_THROW(prorate_month(per_month(450000), 1, 32), std::invalid_argument);
  EXPECT_THROW(prorate_month(per_month(450000), 0, 0), std::invalid_argument);
}

}  // namespace rounding_test
}  // namespace coachsim::units
