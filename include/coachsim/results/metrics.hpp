// Every output figure of a run as a flat list of named metrics: the common currency of
// `coachsim sweep` (statistics over replications) and `coachsim compare` (differences between
// scenarios). The list for a scenario is the same, in the same order, for every replication,
// so metric i of one run lines up with metric i of another.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coachsim/results/metric_list.hpp"
#include "coachsim/results/results.hpp"

namespace coachsim::results {

std::string_view metric_unit_id(MetricUnit u);  // "centimos", "count", "percent", "ratio"

struct Metric {
  std::string scope;  // a region id, or "national"
  int year = 0;       // a school year; 0 for all years of the scenario (national scope only)
  std::string name;   // e.g. "cost_total", "cost_travel", "coverage_pct"
  MetricUnit unit = MetricUnit::kCount;
  double value = 0.0;    // céntimos for money (exact: totals stay far below 2^53)
  std::string category;  // a category's cost (cost_<id>): the category id; else empty
};

// Per region and year, per year nationally, and over all years nationally; in that order,
// regions in scenario order, names in the order of metrics_layout (metric_list.cpp).
std::vector<Metric> metrics_of(const Results& results);

// The currency a money metric is in: "USD" for the US$ figures of prices: (names ending in
// "_usd", held in US cents), else the scenario's `currency`.
std::string money_currency(std::string_view metric_name, const std::string& currency);

// "Cajamarca/2021/cost_total", "national/all/coverage_pct": a key that names one metric.
std::string metric_key(const Metric& m);

}  // namespace coachsim::results
