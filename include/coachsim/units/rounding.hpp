// The one place where coachsim turns a rate times a quantity into céntimos.
//
// Rule (documented in the README): amounts are rounded to the nearest céntimo, halves away
// from zero ("half up" for positive amounts, as a finance officer rounds by hand). Inputs are
// decimal numbers with few digits, so a product that is mathematically an exact half may be a
// hair below it in binary floating point; `round_half_away` adds a tolerance of 1e-7 céntimo
// so such halves still round up.
//
// Monthly fees are prorated by calendar days: fee * active_days / days_in_month, computed in
// integer arithmetic and rounded the same way.
#pragma once

#include <cmath>
#include <cstdint>

#include "coachsim/units/quantities.hpp"

namespace coachsim::units {

namespace detail {
// Fractions this close below one half still count as a half (see above).
inline constexpr double kHalfTolerance = 1e-7;
// 2^63 as a double: every finite double strictly inside (-2^63, 2^63) fits an int64 after
// truncation, and -2^63 itself is representable.
inline constexpr double kTwoPow63 = 9223372036854775808.0;
// Throws what round_half_away promises for a value outside that range (NaN and infinities too).
[[noreturn]] void throw_not_roundable(double value);
}  // namespace detail

// Nearest integer, halves away from zero, with a 1e-7 tolerance for binary representation.
// Throws std::domain_error for NaN or infinity, std::overflow_error if the result does not fit.
// Inline, with apply_rate below: every cost line of a run goes through both (README
// "Performance").
inline std::int64_t round_half_away(double value) {
  // NaN fails both comparisons, so it takes the throwing path too.
  if (!(value >= -detail::kTwoPow63 && value < detail::kTwoPow63)) [[unlikely]]
    detail::throw_not_roundable(value);
  // trunc() and the subtraction are exact for every double, so `fraction` is the exact
  // fractional part; doubles of magnitude >= 2^52 are integers and have fraction 0.
  const double whole = std::trunc(value);
  const double fraction = value - whole;
  auto result = static_cast<std::int64_t>(whole);
  if (fraction >= 0.5 - detail::kHalfTolerance) {
    ++result;
  } else if (fraction <= -(0.5 - detail::kHalfTolerance)) {
    --result;
  }
  return result;
}

// Exact integer rounding of numerator/denominator (denominator > 0), halves away from zero.
// A negative denominator is accepted (the signs are flipped); zero throws std::invalid_argument,
// a quotient that does not fit (INT64_MIN / -1) throws std::overflow_error.
std::int64_t divide_half_away(std::int64_t numerator, std::int64_t denominator);

// rate x quantity -> money, rounded once. One overload per rate so that a per-day rate can
// never be applied to hours or months by mistake.
namespace detail {
template <typename Rate, typename Quantity>
Money apply_rate(Rate rate, Quantity quantity) {
  // One multiplication, one rounding. Rates are at most a few million céntimos and quantities
  // have few digits, so the product of the two doubles is within one ulp of the exact value.
  return centimos(round_half_away(static_cast<double>(rate.value()) * quantity.value()));
}
}  // namespace detail
inline Money apply_rate(MoneyPerMonth rate, Months quantity) {
  return detail::apply_rate(rate, quantity);
}
inline Money apply_rate(MoneyPerDay rate, Days quantity) {
  return detail::apply_rate(rate, quantity);
}
inline Money apply_rate(MoneyPerKm rate, Km quantity) { return detail::apply_rate(rate, quantity); }
inline Money apply_rate(MoneyPerParticipant rate, Participants quantity) {
  return detail::apply_rate(rate, quantity);
}
inline Money apply_rate(MoneyPerParticipantDay rate, ParticipantDays quantity) {
  return detail::apply_rate(rate, quantity);
}

// The part of a monthly fee earned over `active_days` of a month of `days_in_month` days.
// REQUIRES: 0 <= active_days <= days_in_month, days_in_month in 28..31 (else throws
// std::invalid_argument). The product fee * active_days is formed in 128 bits, so it cannot
// overflow.
Money prorate_month(MoneyPerMonth fee, int active_days, int days_in_month);

}  // namespace coachsim::units
