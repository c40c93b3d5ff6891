// Budgets inside the simulation: the PLAN a budget refers to (what the protocol costs with
// unlimited money, from a first run) and the RECORD a budgeted run leaves (the treasury month
// by month, every budget event, what was dropped).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "coachsim/ledger/ledger.hpp"
#include "coachsim/scenario/budget.hpp"

namespace coachsim::programme {

// The classes a budget may drop (the five built-in ones, then room for the scenario's own),
// then "fixed": contracts, staff, materials and overhead, which are paid before any of them.
inline constexpr int kFixedClass = scenario::kMaxBudgetClasses;
inline constexpr int kCostClassCount = scenario::kMaxBudgetClasses + 1;

// The classes a run's outputs list, in their order: the budget's droppable classes (built-in,
// then declared), then kFixedClass.
std::vector<int> output_classes(const scenario::Budget& budget);
using ClassCosts = std::array<std::int64_t, kCostClassCount>;  // céntimos by class

// The class of a ledger activity, from the run's cost table (kFixedClass for contracts, staff,
// materials, overhead and the extra costs that ride with them).
int cost_class(const costs::CostTable& table, costs::Activity a);

struct BudgetPlanCell {
  std::int64_t total = 0;  // everything the region posted in the year (with overhead)
  // PIA shares refer to this total when set (shortfall: protect_teachers, where the plan the
  // treasury admits against is the one left after dropping caseloads): else to `total`.
  std::int64_t basis = -1;
  ClassCosts direct{};                    // direct cost by class (overhead not included)
  std::array<ClassCosts, 12> by_month{};  // direct cost by calendar month and class
};

struct BudgetPlan {
  std::size_t regions = 0;
  std::vector<BudgetPlanCell> cells;  // [year * regions + region]
  const BudgetPlanCell& at(std::size_t year, std::size_t region) const {
    return cells[year * regions + region];
  }
};

// REQUIRES: `ledger` kept its entries (regions + 1 slots, the last outside the regions).
BudgetPlan make_budget_plan(const ledger::Ledger& ledger, std::size_t regions);

// The treasury of one region at a month's end (money in céntimos, cumulative over the year).
struct BudgetMonth {
  std::uint16_t year_index = 0;
  std::uint16_t region = 0;
  unsigned month = 1;
  std::int64_t pia = 0, pim = 0, released = 0, accrued = 0;
  std::int64_t withheld = 0;   // still held back by rules not yet met
  std::int64_t forfeited = 0;  // withheld by rules whose date passed unmet
  std::int64_t top_ups = 0;
  std::int64_t teachers_reached = 0;  // teachers with their first visit so far
};

enum class BudgetEventKind : std::uint8_t {
  kTranche,        // a share of the year's budget released on its date
  kChange,         // a PIM modification
  kRuleMet,        // a rule's target reached: its withheld share released
  kTopUp,          // a rule's performance top-up released
  kRuleForfeited,  // a rule's date passed unmet: its withheld share is lost
  kRuleMissed,     // a top-up rule's date passed unmet (nothing withheld)
  kSuspension,     // a coach or supervisor contract that could not be paid
  kStaffUnpaid,    // a month of regional staff that could not be paid
  kDeferral,       // an activity (shortfall: defer) waiting for the next tranche
  kCoachDropped,   // protect_teachers: a caseload left out of the year (amount: its plan cost)
};
const char* budget_event_id(BudgetEventKind k);

struct BudgetEvent {
  std::int32_t date = 0;  // days since 1970-01-01
  std::uint16_t year_index = 0;
  std::uint16_t region = 0;
  BudgetEventKind kind = BudgetEventKind::kTranche;
  std::int64_t amount = 0;      // céntimos
  double indicator = -1.0;      // the rule's indicator when it was decided (-1: none)
  double target = -1.0;         // the rule's target (-1: none)
  std::int32_t rule = -1;       // index into scenario.budget.rules (-1: none)
  std::uint32_t who = 0;        // suspensions and deferrals: the coach or supervisor index
  bool supervisor = false;      // suspensions and deferrals: a supervisor (else a coach)
  std::int8_t cost_class = -1;  // deferrals: the activity's class (programme::cost_class ids)
};

struct BudgetRecord {
  std::vector<BudgetMonth> months;  // per year: month-major, regions in scenario order
  std::vector<BudgetEvent> events;  // in simulation order
  std::array<std::int64_t, kCostClassCount> dropped{};   // activities dropped, by class
  std::array<std::int64_t, kCostClassCount> deferred{};  // deferrals (shortfall: defer), by class
  std::int64_t min_cash = 0;  // the lowest released - accrued seen after any posting (>= 0)
  // Cost the treasury committed that was never posted, by class, summed over the years' ends:
  // 0 when every admitted activity posts exactly what was committed for it (an invariant).
  std::array<std::int64_t, kCostClassCount> uncleared{};
};

}  // namespace coachsim::programme
