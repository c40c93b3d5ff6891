// Private to the audit module: the gap decomposition of one region and year (audit.hpp).
#pragma once

#include "coachsim/audit/audit.hpp"

namespace coachsim::audit::detail {

// The driver count of each category, and whether its per-unit difference is a price.
Count driver_of(ledger::Category c);
bool per_unit_is_price(ledger::Category c);

// Splits actual - expected into price, quantity and rest for one category.
// `actual_count` < 0 means the actuals do not give the driver count (then quantity = 0).
CategoryGap decompose(ledger::Category c, std::int64_t actual, std::int64_t expected,
                      std::int64_t actual_count, std::int64_t expected_count);

}  // namespace coachsim::audit::detail
