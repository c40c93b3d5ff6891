#include "gaps.hpp"

#include "coachsim/units/rounding.hpp"

namespace coachsim::audit::detail {

Count driver_of(const costs::CategoryRow& c) {
  switch (c.driver) {
    case costs::CategoryDriver::kCoaches:
      return Count::kCoaches;
    case costs::CategoryDriver::kSupervisors:
      return Count::kSupervisors;
    case costs::CategoryDriver::kStaff:
      return Count::kStaff;
    case costs::CategoryDriver::kTeachers:
      break;
  }
  return Count::kTeachers;
}

CategoryGap decompose(const costs::CategoryRow& c, std::int64_t actual, std::int64_t expected,
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
  (c.per_unit_is_price ? g.price : g.rest) = per_unit;
  return g;
}

}  // namespace coachsim::audit::detail
