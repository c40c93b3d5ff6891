// Budget execution (PpR) of a budgeted run: the treasury month by month per region and for the
// nation, every budget event, and the totals a finance officer reads first. Empty
// (enabled == false) when the scenario has no budget.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "coachsim/programme/budget.hpp"
#include "coachsim/programme/population.hpp"
#include "coachsim/programme/tally.hpp"
#include "coachsim/scenario/scenario.hpp"

namespace coachsim::results {

struct ExecutionRow {
  std::string region;  // a region id, or "national"
  int year = 0;
  unsigned month = 1;
  std::int64_t pia = 0, pim = 0, released = 0, accrued = 0;  // céntimos; cumulative in the year
  double execution_pct = 0;                                  // accrued / pim
  std::int64_t physical_target = 0;  // teachers planned in the programme that year
  std::int64_t teachers_reached = 0;
  std::int64_t teachers_full_protocol = -1;  // known at year end (December rows); -1 before
  std::int64_t withheld = 0, forfeited = 0, top_ups = 0;
};

struct Execution {
  bool enabled = false;
  std::vector<ExecutionRow> rows;  // per year and month: regions in scenario order, then national
  std::vector<programme::BudgetEvent> events;
  // Totals over all years and regions (céntimos).
  std::int64_t pia = 0, pim = 0, released = 0, accrued = 0, forfeited = 0, top_ups = 0;
  std::array<std::int64_t, programme::kCostClassCount> dropped{};   // activities dropped, by class
  std::array<std::int64_t, programme::kCostClassCount> deferred{};  // deferrals, by class
  std::int64_t suspensions = 0;
  std::int64_t min_cash = 0;  // lowest released - accrued after any posting
};

Execution make_execution(const scenario::Scenario& scenario,
                         const programme::Population& population, const programme::Tally& tally,
                         const programme::BudgetRecord& record);

}  // namespace coachsim::results
