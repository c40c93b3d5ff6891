// Private to the audit module: the gap decomposition of one region and year (audit.hpp).
#pragma once

#include "coachsim/audit/audit.hpp"

namespace coachsim::audit::detail {

// The driver count of a category (its cost table row's driver).
Count driver_of(const costs::CategoryRow& c);

// Splits actual - expected into price, quantity and rest for one category: the per-unit part
// is "price" when the row says its cost per unit is a price (fees, salaries).
// `actual_count` < 0 means the actuals do not give the driver count (then quantity = 0).
CategoryGap decompose(const costs::CategoryRow& c, std::int64_t actual, std::int64_t expected,
                      std::int64_t actual_count, std::int64_t expected_count);

}  // namespace coachsim::audit::detail
