// The flat metric list: the figures of metrics_layout (metric_list.cpp) that a sweep or a
// comparison summarises, per region and year, and national totals over all years.
#include "coachsim/results/metrics.hpp"

namespace coachsim::results {
namespace {

void add_row(const std::vector<const MetricDef*>& layout, const Row& row, int year,
             std::vector<Metric>& out) {
  for (const MetricDef* m : layout)
    out.push_back(Metric{row.region, year, std::string(m->id), m->unit, value_as_double(*m, row),
                         m->category >= 0 ? std::string(m->id.substr(5)) : std::string()});
}

}  // namespace

std::string_view metric_unit_id(MetricUnit u) {
  switch (u) {
    case MetricUnit::kCentimos:
      return "centimos";
    case MetricUnit::kCount:
      return "count";
    case MetricUnit::kPercent:
      return "percent";
    case MetricUnit::kRatio:
      return "ratio";
  }
  return "count";
}

std::vector<Metric> metrics_of(const Results& results) {
  // Prices and outcome metrics only for scenarios with prices: / outcomes:, so every run of one
  // scenario has one layout.
  const auto regional =
      metrics_layout(false, results.has_prices, results.has_outcomes, results.costs.get());
  const auto national =
      metrics_layout(true, results.has_prices, results.has_outcomes, results.costs.get());
  std::vector<Metric> out;
  for (const Row& row : results.regions) add_row(regional, row, row.year, out);
  Row all;
  all.region = "national";
  all.national = true;
  all.cost_by_category.assign(results.category_count(), 0);
  for (const Row& row : results.national) {
    add_row(national, row, row.year, out);
    for (std::size_t c = 0; c < all.cost_by_category.size(); ++c)
      all.cost_by_category[c] += row.cost_by_category[c];
    all.cost_outside_regions += row.cost_outside_regions;
    all.cost_total += row.cost_total;
    // Teacher-years: a teacher coached in three years counts three times.
    add_declared_counts(all.tally, row.tally);
    add_dose(all.tally, row.tally);
    all.outcome.cost_total_nominal += row.outcome.cost_total_nominal;
    all.outcome.cost_total_usd += row.outcome.cost_total_usd;
  }
  derive_ratios(all);
  finish_outcomes(all);
  // Each cohort's gain at its end over the cost of every year that produced it (not a sum of
  // the yearly figures: the effects are levels, not increments).
  all.outcome.sd_per_usd100 = results.sd_per_usd100_all;
  add_row(national, all, 0, out);
  return out;
}

std::string money_currency(std::string_view metric_name, const std::string& currency) {
  const std::string_view suffix = "_usd";
  const bool usd = metric_name.size() > suffix.size() &&
                   metric_name.substr(metric_name.size() - suffix.size()) == suffix;
  return usd ? "USD" : currency;
}

std::string metric_key(const Metric& m) {
  return m.scope + "/" + (m.year == 0 ? std::string("all") : std::to_string(m.year)) + "/" + m.name;
}

}  // namespace coachsim::results
