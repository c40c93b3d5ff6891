// Boost.Units dimensions: money adds to money, rates times quantities give money, and money
// does not add to days (see also tests/compile_fail/money_plus_days.cpp).
#include "coachsim/units/quantities.hpp"

#include <cstdint>
#include <type_traits>

#include <gtest/gtest.h>
#include <boost/units/is_dimensionless_quantity.hpp>

namespace coachsim::units {
namespace quantities_test {

template <typename A, typename B>
concept Addable = requires(A a, B b) {
  a + b;
};

template <typename Q>
using dimension_of = typename Q::unit_type::dimension_type;

template <typename Q, typename Dimension>
constexpr bool has_dimension = std::is_same_v<dimension_of<Q>, Dimension>;

using Product = decltype(per_day(1) * days(1.0));

// Money + Money is Money, still integer céntimos.
static_assert(std::is_same_v<decltype(centimos(1) + centimos(2)), Money>);
static_assert(std::is_same_v<decltype(centimos(1) - centimos(2)), Money>);
static_assert(std::is_same_v<Money::value_type, std::int64_t>);
static_assert(Addable<Money, Money>);

// Rates times quantities are money-dimensioned, whatever the unit system of the quantity.
static_assert(has_dimension<Product, currency_dimension>);
static_assert(std::is_same_v<Product::unit_type, money_unit>);
static_assert(has_dimension<decltype(per_km(1) * km(1.0)), currency_dimension>);
static_assert(has_dimension<decltype(per_month(1) * months(1.0)), currency_dimension>);
static_assert(has_dimension<decltype(per_participant(1) * participants(1.0)), currency_dimension>);
static_assert(
    has_dimension<decltype(per_participant_day(1) * participant_days(1.0)), currency_dimension>);

// Other compositions.
static_assert(
    std::is_same_v<decltype(participants(1.0) * days(1.0))::unit_type, participant_day_unit>);
static_assert(std::is_same_v<decltype(km(1.0) / hours(1.0))::unit_type, km_per_hour_unit>);
static_assert(std::is_same_v<decltype(centimos(1) / days(1.0))::unit_type, money_per_day_unit>);
static_assert(boost::units::is_dimensionless_quantity<decltype(km(1.0) / km(1.0))>::value);

// Money and days do not mix; neither do money and a money rate, or distance and time.
static_assert(!Addable<Money, Days>);
static_assert(!Addable<Days, Money>);
static_assert(!Addable<Money, MoneyPerDay>);
static_assert(!Addable<Km, Hours>);
static_assert(!Addable<Money, std::int64_t>);

TEST(Quantities, MoneyPlusMoney) {
  const Money total = centimos(450000) + centimos(12050);
  EXPECT_EQ(total.value(), 462050);
  EXPECT_EQ((centimos(100) - centimos(250)).value(), -150);
  Money running = centimos(0);
  running += centimos(5);
  running += centimos(7);
  EXPECT_EQ(running.value(), 12);
  EXPECT_TRUE(centimos(3) < centimos(4));
  EXPECT_TRUE(centimos(4) == centimos(4));
}

TEST(Quantities, RateTimesQuantityKeepsTheNumber) {
  // The raw Boost.Units product is a double money quantity; apply_rate rounds it (rounding.hpp).
  EXPECT_DOUBLE_EQ((per_day(12000) * days(3.0)).value(), 36000.0);
  EXPECT_DOUBLE_EQ((per_km(85) * km(35.5)).value(), 3017.5);
  EXPECT_DOUBLE_EQ((km(50.0) / km_per_hour(25.0)).value(), 2.0);
}

TEST(Quantities, HelpersStoreTheGivenValue) {
  EXPECT_EQ(centimos(-5).value(), -5);
  EXPECT_EQ(per_month(450000).value(), 450000);
  EXPECT_EQ(per_day(12000).value(), 12000);
  EXPECT_EQ(per_km(85).value(), 85);
  EXPECT_EQ(per_participant(6000).value(), 6000);
  EXPECT_EQ(per_participant_day(4500).value(), 4500);
  EXPECT_DOUBLE_EQ(days(3.0).value(), 3.0);
  EXPECT_DOUBLE_EQ(hours(2.5).value(), 2.5);
  EXPECT_DOUBLE_EQ(months(11.0).value(), 11.0);
  EXPECT_DOUBLE_EQ(km(35.0).value(), 35.0);
  EXPECT_DOUBLE_EQ(participants(25.0).value(), 25.0);
  EXPECT_DOUBLE_EQ(participant_days(37.5).value(), 37.5);
  EXPECT_DOUBLE_EQ(km_per_hour(25.0).value(), 25.0);
}

}  // namespace quantities_test
}  // namespace coachsim::units
