// Rounding rules for coachsim: see include/coachsim/units/rounding.hpp.
#include "coachsim/units/rounding.hpp"

#include "coachsim/units/checked.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace coachsim::units {

namespace {

// GCC and Clang provide a 128-bit integer; `__extension__` keeps -Wpedantic quiet about it.
__extension__ typedef __int128 Int128;

std::int64_t narrow_or_throw(Int128 value, const char* what) {
  if (value > std::numeric_limits<std::int64_t>::max() ||
      value < std::numeric_limits<std::int64_t>::min()) {
    throw TooLarge(std::string(what) + ": result does not fit in 64-bit céntimos");
  }
  return static_cast<std::int64_t>(value);
}

// Exact round-half-away division on 128-bit integers; denominator must be non-zero.
Int128 divide_half_away_wide(Int128 numerator, Int128 denominator) {
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const Int128 quotient = numerator / denominator;   // truncates toward zero
  const Int128 remainder = numerator % denominator;  // same sign as numerator
  const Int128 magnitude = remainder < 0 ? -remainder : remainder;
  // |remainder| / denominator >= 1/2  <=>  2 |remainder| >= denominator (no overflow: both
  // are below 2^64 in magnitude when they come from 64-bit inputs).
  if (2 * magnitude >= denominator) {
    return numerator < 0 ? quotient - 1 : quotient + 1;
  }
  return quotient;
}

}  // namespace

void detail::throw_not_roundable(double value) {
  if (!std::isfinite(value)) {
    throw std::domain_error("round_half_away: value is not a finite number");
  }
  throw TooLarge(
      "an amount the run computes (a rate times a quantity, or a share of an amount) does "
      "not fit in 64-bit céntimos");
}

std::int64_t divide_half_away(std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) {
    throw std::invalid_argument("divide_half_away: denominator is zero");
  }
  return narrow_or_throw(divide_half_away_wide(numerator, denominator), "divide_half_away");
}

Money prorate_month(MoneyPerMonth fee, int active_days, int days_in_month) {
  if (days_in_month < 28 || days_in_month > 31) {
    throw std::invalid_argument("prorate_month: days_in_month must be 28..31, got " +
                                std::to_string(days_in_month));
  }
  if (active_days < 0 || active_days > days_in_month) {
    throw std::invalid_argument("prorate_month: active_days must be 0.." +
                                std::to_string(days_in_month) + ", got " +
                                std::to_string(active_days));
  }
  const Int128 numerator = static_cast<Int128>(fee.value()) * active_days;
  return centimos(
      narrow_or_throw(divide_half_away_wide(numerator, days_in_month), "prorate_month"));
}

void throw_too_large(const std::string& what) {
  throw TooLarge(what +
                 "; an amount, rate or count in the scenario is too large (see README "
                 "\"Limits\")");
}

}  // namespace coachsim::units
