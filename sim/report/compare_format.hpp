// Private to the report module: what the compare writers share. The headline metrics, and how a
// metric's unit shows in a file.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "coachsim/compare/compare.hpp"
#include "coachsim/results/metric_list.hpp"

namespace coachsim::report::cmp {

// The national figures shown first, in this order, on the terminal, the page and the workbook;
// their names and labels come from the metric list.
inline constexpr std::array<const results::MetricDef*, 10> kHeadlines{{
    &results::metric::kCostTotal,
    &results::metric::kCostPerTeacher,
    &results::metric::kCostPerStudent,
    &results::metric::kCostPerCoach,
    &results::metric::kCostPerFullProtocolTeacher,
    &results::metric::kTeachers,
    &results::metric::kCoaches,
    &results::metric::kCoveragePct,
    &results::metric::kCompliancePct,
    &results::metric::kFullProtocolPct,
}};

// Money metrics hold whole céntimos (or US cents) in a double; exact, so rounding only
// guards against a stray representation.
inline std::int64_t cents(double v) { return static_cast<std::int64_t>(std::llround(v)); }

// The unit column of compare.csv and the workbook: the currency for money (US$ figures are
// named *_usd), else the metric unit's id.
inline std::string unit_label(const compare::Row& row, const std::string& currency) {
  if (row.unit != results::MetricUnit::kCentimos)
    return std::string(results::metric_unit_id(row.unit));
  return results::money_currency(row.name, currency);
}

// "2021", or "all" for a figure over every school year.
inline std::string year_label(int year) { return year == 0 ? "all" : std::to_string(year); }

}  // namespace coachsim::report::cmp
