#include "gaps.hpp"

#include "coachsim/units/rounding.hpp"

namespace coachsim::audit::detail {

Count driver_of(ledger::Category c) {
  switch (c) {
    case ledger::Category::kCoachContracts:
    case ledger::Category::kCoachTraining:
      return Count::kCoaches;
    case ledger::Category::kSupervision:
      return Count::kSupervisors;
    case ledger::Category::kRegionalStaff:
      return Count::kStaff;
    default:
      return Count::kTeachers;
  }
}

bool per_unit_is_price(ledger::Category c) {
  return c == ledger::Category::kCoachContracts || c == ledger::Category::kSupervision ||
         c == ledger::Category::kRegionalStaff;
}

CategoryGap decompose(ledger::Category c, std::int64_t actual, std::int64_t expected,
                      std::int64_t actual_count, std::int64_t expected_count) {
  CategoryGap g;
  g.actual = actual;
  g.expected = expected;
  // Quantity: the change in the driver, valued at the expected cost per unit, rounded once.
  if (actual_count >= 0 && expected_count > 0) {
    g.quantity =
        units::divide_half_away(expected * (actual_count - expected_count), expected_count);
  }
  const std::int64_t per_unit = actual - expected - g.quantity;
  (per_unit_is_price(c) ? g.price : g.rest) = per_unit;
  return g;
}

}  // namespace coachsim::audit::detail
