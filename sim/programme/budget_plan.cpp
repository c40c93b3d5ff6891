// The plan a budget refers to: a region's cost by year, class and month from a run with
// unlimited money; and the names of budget events.
#include <chrono>
#include <iterator>

#include "coachsim/programme/budget.hpp"

namespace coachsim::programme {

namespace {

// The budget class of every ledger activity, one row each in ledger::Activity order: the
// droppable activities by their class, the rest fixed (paid before any droppable one).
struct ActivityClass {
  ledger::Activity activity;
  int cost_class;
};
constexpr int droppable(scenario::BudgetClass c) { return static_cast<int>(c); }
constexpr ActivityClass kActivityClasses[] = {
    {ledger::Activity::kCoachContract, kFixedClass},
    {ledger::Activity::kVisitTrip, droppable(scenario::BudgetClass::kVisits)},
    {ledger::Activity::kGia, droppable(scenario::BudgetClass::kGiaRtc)},
    {ledger::Activity::kRtc, droppable(scenario::BudgetClass::kGiaRtc)},
    {ledger::Activity::kTeacherWorkshop, droppable(scenario::BudgetClass::kTeacherWorkshops)},
    {ledger::Activity::kCoachWorkshop, droppable(scenario::BudgetClass::kCoachWorkshops)},
    {ledger::Activity::kSupervisorContract, kFixedClass},
    {ledger::Activity::kSupervisorVisit, droppable(scenario::BudgetClass::kSupervisorVisits)},
    {ledger::Activity::kStaffSalary, kFixedClass},
    {ledger::Activity::kTeacherMaterials, kFixedClass},
    {ledger::Activity::kCoachMaterials, kFixedClass},
    {ledger::Activity::kOverhead, kFixedClass},
    {ledger::Activity::kCentralSpending, kFixedClass},
};
static_assert(std::size(kActivityClasses) == ledger::kActivityCount,
              "kActivityClasses: one row per ledger::Activity");
constexpr bool activities_in_enum_order() {
  for (int a = 0; a < ledger::kActivityCount; ++a)
    if (static_cast<int>(kActivityClasses[a].activity) != a) return false;
  return true;
}
static_assert(activities_in_enum_order(), "kActivityClasses: in ledger::Activity order");

}  // namespace

int cost_class(ledger::Activity a) {
  return kActivityClasses[static_cast<std::size_t>(a)].cost_class;
}

BudgetPlan make_budget_plan(const ledger::Ledger& ledger, std::size_t regions) {
  BudgetPlan plan;
  plan.regions = regions;
  plan.cells.resize(ledger.years() * regions);
  for (const ledger::Entry& e : ledger.entries()) {
    if (e.region >= regions) continue;  // spent outside the regions: not a regional budget
    BudgetPlanCell& cell = plan.cells[e.year_index * regions + e.region];
    cell.total += e.amount;
    if (e.activity == ledger::Activity::kOverhead) continue;
    const int c = cost_class(e.activity);
    cell.direct[c] += e.amount;
    const std::chrono::year_month_day ymd{engine::Date{std::chrono::days{e.date}}};
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
