// Money and counts that cannot overflow: the limits on single inputs (README "Limits") and the
// checked sums that back them up. Crossing one is bad input (exit 2), never a wrapped number.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace coachsim::units {

// An input so large that what the run multiplies or adds no longer fits: reported as bad input
// naming what overflowed (exit 2), never as a wrapped number or a crash.
class TooLarge : public std::overflow_error {
 public:
  using std::overflow_error::overflow_error;
};

// The largest amount of money one input may hold, in céntimos: one trillion (10^12) in the
// scenario currency, about 5,000 times Peru's whole education budget. Far from int64's
// 9.2 * 10^18 céntimos, so a sum of many such amounts still fits; the ledger checks the rest.
inline constexpr std::int64_t kMaxAmountCentimos = 100'000'000'000'000;

[[noreturn]] void throw_too_large(const std::string& what);

// a + b, or TooLarge naming `what` when the sum does not fit in int64 (a branch that a valid
// scenario never takes).
inline std::int64_t add_checked(std::int64_t a, std::int64_t b, const char* what) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) [[unlikely]]
    throw_too_large(std::string(what) + " does not fit in 64-bit céntimos");
  return sum;
}

}  // namespace coachsim::units
