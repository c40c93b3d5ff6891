// The plan a budget refers to: a region's cost by year, class and month from a run with
// unlimited money; and the names of budget events.
#include <chrono>

#include "coachsim/programme/budget.hpp"

namespace coachsim::programme {

BudgetPlan make_budget_plan(const ledger::Ledger& ledger, std::size_t regions) {
  BudgetPlan plan;
  plan.regions = regions;
  plan.cells.resize(ledger.years() * regions);
  for (const ledger::Entry& e : ledger.entries()) {
    if (e.region >= regions) continue;  // spent outside the regions: not a regional budget
    BudgetPlanCell& cell = plan.cells[e.year_index * regions + e.region];
    cell.total += e.amount;
    if (e.activity == costs::Activity::kOverhead) continue;
    const int c = cost_class(ledger.costs(), e.activity);
    cell.direct[c] += e.amount;
    const std::chrono::year_month_day ymd{calendar::Date{std::chrono::days{e.date}}};
    cell.by_month[static_cast<unsigned>(ymd.month()) - 1][static_cast<std::size_t>(c)] += e.amount;
  }
  return plan;
}

const char* budget_event_id(BudgetEventKind k) {
  switch (k) {
    case BudgetEventKind::kTranche:
      return "tranche";
    case BudgetEventKind::kChange:
      return "change";
    case BudgetEventKind::kRuleMet:
      return "rule_met";
    case BudgetEventKind::kTopUp:
      return "top_up";
    case BudgetEventKind::kRuleForfeited:
      return "rule_forfeited";
    case BudgetEventKind::kRuleMissed:
      return "rule_missed";
    case BudgetEventKind::kSuspension:
      return "suspension";
    case BudgetEventKind::kStaffUnpaid:
      return "staff_unpaid";
    case BudgetEventKind::kDeferral:
      return "deferred";
    case BudgetEventKind::kCoachDropped:
      return "coach_dropped";
  }
  return "?";
}

}  // namespace coachsim::programme
