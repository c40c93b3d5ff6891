// Cost-effectiveness as J-PAL computes it (DOMAIN.md "How cost-effectiveness is computed"): the
// effects are levels reached after 1, 2 or 3 years, so the gain at the end of a period is set
// against the cost per student of every year that produced it, not against one year's cost.
//
// Each school belongs to the cohort of the year it entered the programme. A cohort's cost in a
// year is its share of that year's teachers of caseloads times the year's cost (ASSUMPTION: a
// teacher costs the same whichever cohort it belongs to); it is turned into soles of the entry
// year (price index), US$ at the entry year's exchange rate, and discounted to the entry year.
#include <cmath>

#include "coachsim/results/results.hpp"

namespace coachsim::results {
namespace {

// Cost (US cents of entry year `c`, discounted to it) of cohort c in the row of year index y.
double cohort_cost(const Row& row, std::size_t c, const scenario::Scenario& s) {
  const std::size_t y = row.year_index;
  if (y < c) return 0.0;
  const programme::RegionYearTally& t = row.tally;
  std::int64_t teachers = 0;
  for (std::int64_t n : t.cohort_teachers) teachers += n;
  const std::size_t k = std::min<std::size_t>(y - c, programme::kMaxYearsCoached - 1);
  if (teachers == 0 || t.cohort_teachers[k] == 0) return 0.0;
  const int entry_year = s.years[c].year;
  const auto rate = scenario::exchange_rate(*s.prices, entry_year);
  if (!rate || *rate <= 0) return 0.0;
  const double usd_cents =
      static_cast<double>(row.cost_total) * scenario::price_index(*s.prices, entry_year) / *rate;
  const double share = static_cast<double>(t.cohort_teachers[k]) / static_cast<double>(teachers);
  const double discount = std::pow(1.0 + s.outcomes->discount_rate, s.years[y].year - entry_year);
  return usd_cents * share / discount;
}

// Sets the cost-effectiveness of `rows[y]` (one row per year index of one region, or national).
void rows_effectiveness(std::vector<Row*>& rows, const scenario::Scenario& s) {
  for (Row* row : rows) {
    const std::size_t y = row->year_index;
    double gain = 0.0, cost = 0.0;
    for (std::size_t k = 0; k < programme::kMaxYearsCoached && k <= y; ++k) {
      if (row->tally.cohort_students[k] == 0) continue;
      gain += row->tally.cohort_student_sd[k];
      const std::size_t c = y - k;  // the cohort's entry year index
      for (Row* earlier : rows)
        if (earlier->year_index >= c && earlier->year_index <= y)
          cost += cohort_cost(*earlier, c, s);
    }
    row->outcome.cost_to_date_usd = cost;
    row->outcome.sd_per_usd100 = cost <= 0 ? 0.0 : gain * 10000.0 / cost;
  }
}

}  // namespace

void cost_effectiveness(Results& results, const scenario::Scenario& s) {
  if (!s.outcomes || !s.prices) return;
  const std::size_t years = s.years.size();
  const std::size_t regions = years == 0 ? 0 : results.regions.size() / years;
  for (std::size_t r = 0; r < regions; ++r) {
    std::vector<Row*> rows;
    for (std::size_t y = 0; y < years; ++y) rows.push_back(&results.regions[y * regions + r]);
    rows_effectiveness(rows, s);
  }
  std::vector<Row*> nation;
  for (Row& row : results.national) nation.push_back(&row);
  rows_effectiveness(nation, s);

  // Each cohort at its end: its third year, or the scenario's last.
  results.cohorts.clear();
  double gain = 0.0, cost = 0.0;
  for (std::size_t c = 0; c < results.national.size(); ++c) {
    const std::size_t end = std::min(c + programme::kMaxYearsCoached - 1, years - 1);
    const Row& last = results.national[end];
    const std::size_t k = end - c;
    if (last.tally.cohort_students[k] == 0) continue;
    CohortEffect e;
    e.entry_year = s.years[c].year;
    e.end_year = s.years[end].year;
    e.teachers = last.tally.cohort_teachers[k];
    e.students = last.tally.cohort_students[k];
    e.student_sd_sum = last.tally.cohort_student_sd[k];
    for (std::size_t y = c; y <= end; ++y) e.cost_usd += cohort_cost(results.national[y], c, s);
    gain += e.student_sd_sum;
    cost += e.cost_usd;
    results.cohorts.push_back(e);
  }
  results.sd_per_usd100_all = cost <= 0 ? 0.0 : gain * 10000.0 / cost;
}

}  // namespace coachsim::results
