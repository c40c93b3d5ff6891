// From the treasury's month-ends to execution rows: region rows as recorded, national rows as
// their sums, physical targets from the tally.
#include "coachsim/results/execution.hpp"

namespace coachsim::results {

Execution make_execution(const scenario::Scenario& scenario,
                         const programme::Population& population, const programme::Tally& tally,
                         const programme::BudgetRecord& record) {
  Execution x;
  x.enabled = true;
  x.events = record.events;
  x.dropped = record.dropped;
  x.deferred = record.deferred;
  x.min_cash = record.min_cash;
  const std::size_t regions = population.regions.size();
  auto pct = [](std::int64_t a, std::int64_t b) {
    return b > 0 ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0;
  };
  for (std::size_t i = 0; i < record.months.size(); i += regions) {
    ExecutionRow nat;
    nat.region = "national";
    nat.teachers_full_protocol = 0;
    for (std::size_t r = 0; r < regions; ++r) {
      const programme::BudgetMonth& m = record.months[i + r];
      const programme::RegionYearTally& t = tally.at(m.year_index, m.region);
      ExecutionRow row;
      row.region = population.regions[m.region].id;
      row.year = scenario.years[m.year_index].year;
      row.month = m.month;
      row.pia = m.pia;
      row.pim = m.pim;
      row.released = m.released;
      row.accrued = m.accrued;
      row.execution_pct = pct(m.accrued, m.pim);
      row.physical_target = t.teachers;
      row.teachers_reached = m.teachers_reached;
      if (m.month == 12) row.teachers_full_protocol = t.teachers_full_protocol;
      row.withheld = m.withheld;
      row.forfeited = m.forfeited;
      row.top_ups = m.top_ups;
      nat.year = row.year;
      nat.month = row.month;
      nat.pia += row.pia;
      nat.pim += row.pim;
      nat.released += row.released;
      nat.accrued += row.accrued;
      nat.physical_target += row.physical_target;
      nat.teachers_reached += row.teachers_reached;
      nat.teachers_full_protocol += m.month == 12 ? row.teachers_full_protocol : 0;
      nat.withheld += row.withheld;
      nat.forfeited += row.forfeited;
      nat.top_ups += row.top_ups;
      x.rows.push_back(std::move(row));
    }
    nat.execution_pct = pct(nat.accrued, nat.pim);
    if (nat.month != 12) nat.teachers_full_protocol = -1;
    if (nat.month == 12) {
      x.pia += nat.pia;
      x.pim += nat.pim;
      x.released += nat.released;
      x.accrued += nat.accrued;
      x.forfeited += nat.forfeited;
      x.top_ups += nat.top_ups;
    }
    x.rows.push_back(std::move(nat));
  }
  for (const programme::BudgetEvent& e : record.events)
    x.suspensions += e.kind == programme::BudgetEventKind::kSuspension;
  return x;
}

}  // namespace coachsim::results
