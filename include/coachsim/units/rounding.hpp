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

#include <cstdint>

#include "coachsim/units/quantities.hpp"

namespace coachsim::units {

// Nearest integer, halves away from zero, with a 1e-7 tolerance for binary representation.
// Throws std::domain_error for NaN or infinity, std::overflow_error if the result does not fit.
std::int64_t round_half_away(double value);

// Exact integer rounding of numerator/denominator (denominator > 0), halves away from zero.
// A negative denominator is accepted (the signs are flipped); zero throws std::invalid_argument,
// a quotient that does not fit (INT64_MIN / -1) throws std::overflow_error.
std::int64_t divide_half_away(std::int64_t numerator, std::int64_t denominator);

// rate x quantity -> money, rounded once. One overload per rate so that a per-day rate can
// never be applied to hours or months by mistake.
Money apply_rate(MoneyPerMonth rate, Months quantity);
Money apply_rate(MoneyPerDay rate, Days quantity);
Money apply_rate(MoneyPerKm rate, Km quantity);
Money apply_rate(MoneyPerParticipant rate, Participants quantity);
Money apply_rate(MoneyPerParticipantDay rate, ParticipantDays quantity);

// The part of a monthly fee earned over `active_days` of a month of `days_in_month` days.
// REQUIRES: 0 <= active_days <= days_in_month, days_in_month in 28..31 (else throws
// std::invalid_argument). The product fee * active_days is formed in 128 bits, so it cannot
// overflow.
Money prorate_month(MoneyPerMonth fee, int active_days, int days_in_month);

}  // namespace coachsim::units
