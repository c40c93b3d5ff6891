// The treasury: it never goes negative, a deeper cut never raises coverage, the priority list
// decides what is dropped, and a budget of exactly the plan changes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "../support/small_scenario.hpp"
#include "budget_test_util.hpp"

namespace coachsim::programme {
namespace budget_treasury_test {

using scenario::BudgetClass;
using testing::default_scenario;
using testing::plan_of;
using testing::Run;
using testing::run_budget;

// Checks released - accrued >= 0 per region and year on every day with a posting, from the
// ledger's entries and the cash the budget events released (valid when no change comes after
// the year's tranches: then changes only resize tranches and never move cash themselves).
void expect_never_negative(const Run& run, std::size_t regions) {
  std::map<std::tuple<std::size_t, std::size_t, std::int32_t>, std::int64_t> flow;
  for (const BudgetEvent& e : run.record.events) {
    if (e.kind == BudgetEventKind::kTranche || e.kind == BudgetEventKind::kRuleMet ||
        e.kind == BudgetEventKind::kTopUp)
      flow[{e.year_index, e.region, e.date}] += e.amount;
  }
  for (const ledger::Entry& e : run.ledger.entries())
    if (e.region < regions) flow[{e.year_index, e.region, e.date}] -= e.amount;
  std::int64_t cash = 0;
  std::size_t last_year = SIZE_MAX, last_region = SIZE_MAX;
  int checked = 0;
  for (const auto& [key, amount] : flow) {
    const auto [year, region, date] = key;
    if (year != last_year || region != last_region) cash = 0;
    last_year = year;
    last_region = region;
    cash += amount;
    ASSERT_GE(cash, 0) << "region " << region << " year " << year << " day " << date;
    ++checked;
  }
  EXPECT_GT(checked, 0);
  EXPECT_GE(run.record.min_cash, 0);  // the treasury's own check after every posting
  for (const BudgetMonth& m : run.record.months) EXPECT_GE(m.released, m.accrued);
}

scenario::Scenario budgeted(scenario::Scenario s, double pia, scenario::BudgetRelease release) {
  s.budget.enabled = true;
  s.budget.release = release;
  s.budget.pia = {true, pia, 0};
  return s;
}

TEST(BudgetTreasury, SmallScenarioNeverNegativeWithA30PercentCut) {
  const scenario::Scenario s =
      budgeted(coachsim::testing::small_scenario(), 0.7, scenario::BudgetRelease::kQuarterly);
  const Population pop = build_population(s);
  const auto run = run_budget(s, pop, plan_of(s, pop));
  expect_never_negative(*run, pop.regions.size());
  // 70% of 131,991.00 cannot pay every contract: some are suspended, never overdrawn.
  EXPECT_LE(run->ledger.grand_total(), 9239370);
}

TEST(BudgetTreasury, DefaultNeverNegativeWithA30PercentCut) {
  scenario::Scenario s = default_scenario();
  s.budget.enabled = true;
  s.budget.changes.push_back(
      {calendar::Date{std::chrono::year{2021} / 1 / 1}, "all", {true, -0.3, 0}});
  const Population pop = build_population(s);
  const auto run = run_budget(s, pop, plan_of(s, pop));
  expect_never_negative(*run, pop.regions.size());
  std::int64_t dropped = 0;
  for (std::int64_t d : run->record.dropped) dropped += d;
  EXPECT_GT(dropped, 0);
}

// With the whole year's money released on 1 January. (With quarterly tranches the timing of
// cash matters too: see docs/budget.md, "What is left out".)
TEST(BudgetTreasury, DeeperCutNeverRaisesCoverage) {
  const scenario::Scenario base = default_scenario();
  const Population pop = build_population(base);
  const BudgetPlan plan = plan_of(base, pop);
  // Coverage (teachers reached) never rises with a deeper cut. Visits done and full-protocol
  // teachers may rise a little with a small cut: workshops are dropped first (docs/budget.md),
  // and a coach who skips a workshop has those days for visits it would otherwise miss for lack
  // of time (default at 2,830 PEN/month: +987 teacher-visits with a 10% cut). A deep cut must
  // still cost visits against no cut.
  std::int64_t last_reached = INT64_MAX, first_done = -1, first_full = -1, done = 0, full = 0;
  for (double cut : {0.0, 0.1, 0.2, 0.4}) {
    const scenario::Scenario s = budgeted(base, 1.0 - cut, scenario::BudgetRelease::kAnnual);
    const auto run = run_budget(s, pop, plan, false);
    std::int64_t reached = 0;
    done = 0;
    full = 0;
    for (std::size_t y = 0; y < s.years.size(); ++y) {
      for (std::size_t r = 0; r < pop.regions.size(); ++r) {
        reached += run->tally.at(y, r).teachers_reached;
        done += run->tally.at(y, r).visits_done;
        full += run->tally.at(y, r).teachers_full_protocol;
      }
    }
    EXPECT_LE(reached, last_reached) << "cut " << cut;
    last_reached = reached;
    if (first_done < 0) first_done = done, first_full = full;
  }
  EXPECT_LT(done, first_done) << "a 40% cut";
  EXPECT_LT(full, first_full) << "a 40% cut";
}

// Equal quarterly tranches of exactly the plan run short in the third quarter (contracts start
// in March): dropping loses visits for good, deferring waits for the October tranche.
TEST(BudgetTreasury, DeferWaitsForTheNextTrancheInsteadOfDropping) {
  const scenario::Scenario drop =
      budgeted(default_scenario(), 1.0, scenario::BudgetRelease::kQuarterly);
  scenario::Scenario defer = drop;
  defer.budget.shortfall = scenario::BudgetShortfall::kDefer;
  const Population pop = build_population(drop);
  const BudgetPlan plan = plan_of(drop, pop);
  const auto dropped = run_budget(drop, pop, plan, false);
  const auto deferred = run_budget(defer, pop, plan);
  expect_never_negative(*deferred, pop.regions.size());
  const auto visits = static_cast<std::size_t>(BudgetClass::kVisits);
  EXPECT_EQ(dropped->record.deferred[visits], 0);
  EXPECT_GT(deferred->record.deferred[visits], 0);
  // Every deferral is also a budget event, naming its class and the coach or supervisor.
  std::int64_t deferral_events = 0, deferrals = 0;
  for (const programme::BudgetEvent& e : deferred->record.events)
    if (e.kind == programme::BudgetEventKind::kDeferral) {
      ++deferral_events;
      EXPECT_GE(e.cost_class, 0);
    }
  for (std::int64_t n : deferred->record.deferred) deferrals += n;
  EXPECT_EQ(deferral_events, deferrals);
  EXPECT_LT(deferred->record.dropped[visits], dropped->record.dropped[visits]);
  std::int64_t done_drop = 0, done_defer = 0;
  for (std::size_t y = 0; y < drop.years.size(); ++y)
    for (std::size_t r = 0; r < pop.regions.size(); ++r) {
      done_drop += dropped->tally.at(y, r).visits_done;
      done_defer += deferred->tally.at(y, r).visits_done;
    }
  EXPECT_GT(done_defer, done_drop);
}

// The small scenario's fixed costs are 130,190.00; its droppable classes cost: coach workshop
// 350.00, teacher workshop 150.00, visits 1,200.00, GIA/RTC fees 21.00, supervisor visits 80.00.
std::int64_t category(const Run& run, costs::Category c) { return run.ledger.total(0, 0, c); }

TEST(BudgetTreasury, PriorityDropsTheFirstListedClassFirst) {
  scenario::Scenario s = coachsim::testing::small_scenario();
  s.budget.enabled = true;
  s.budget.release = scenario::BudgetRelease::kAnnual;
  s.budget.pia = {false, 0.0, 13184100};  // the plan less 150.00: room for all but one workshop
  const Population pop = build_population(s);
  const BudgetPlan plan = plan_of(s, pop);
  {
    const auto run = run_budget(s, pop, plan);  // default: teacher workshops dropped first
    EXPECT_EQ(category(*run, costs::Category::kTeacherWorkshops), 0);
    EXPECT_EQ(category(*run, costs::Category::kCoachTraining), 35000);
    EXPECT_EQ(category(*run, costs::Category::kTravel), 30000);
    EXPECT_EQ(category(*run, costs::Category::kPerDiem), 90000);
    EXPECT_EQ(category(*run, costs::Category::kSupervision), 4008000);
    EXPECT_EQ(run->record.dropped[static_cast<std::size_t>(BudgetClass::kTeacherWorkshops)], 1);
    EXPECT_EQ(run->record.dropped[static_cast<std::size_t>(BudgetClass::kCoachWorkshops)], 0);
    EXPECT_EQ(run->tally.at(0, 0).visits_done, 6);
  }
  s.budget.priority = {BudgetClass::kCoachWorkshops, BudgetClass::kTeacherWorkshops,
                       BudgetClass::kGiaRtc, BudgetClass::kSupervisorVisits, BudgetClass::kVisits};
  {
    const auto run = run_budget(s, pop, plan);  // coach workshops first: teacher workshops stay
    EXPECT_EQ(category(*run, costs::Category::kTeacherWorkshops), 15000);
    EXPECT_EQ(category(*run, costs::Category::kCoachTraining), 0);
    EXPECT_EQ(run->record.dropped[static_cast<std::size_t>(BudgetClass::kCoachWorkshops)], 1);
  }
}

TEST(BudgetTreasury, ReversedPriorityDropsVisitsFirst) {
  scenario::Scenario s = coachsim::testing::small_scenario();
  s.budget.enabled = true;
  s.budget.release = scenario::BudgetRelease::kAnnual;
  s.budget.pia = {false, 0.0, 13079100};  // the plan less 1,200.00
  s.budget.priority = {BudgetClass::kVisits, BudgetClass::kSupervisorVisits, BudgetClass::kGiaRtc,
                       BudgetClass::kCoachWorkshops, BudgetClass::kTeacherWorkshops};
  const Population pop = build_population(s);
  const auto run = run_budget(s, pop, plan_of(s, pop));
  EXPECT_EQ(run->tally.at(0, 0).visits_done, 0);
  EXPECT_EQ(category(*run, costs::Category::kTravel), 0);
  EXPECT_EQ(category(*run, costs::Category::kPerDiem), 0);
  EXPECT_EQ(category(*run, costs::Category::kTeacherWorkshops), 15000);
  EXPECT_EQ(category(*run, costs::Category::kCoachTraining), 35000);
  EXPECT_EQ(category(*run, costs::Category::kSupervision), 4008000);
  int no_funds = 0;
  for (const MissedRecord& m : run->tally.missed()) no_funds += m.reason == MissReason::kNoFunds;
  EXPECT_GT(no_funds, 0);
}

TEST(BudgetTreasury, ExactlyThePlanChangesNothing) {
  const scenario::Scenario base = coachsim::testing::small_scenario();
  const Population pop = build_population(base);
  const BudgetPlan plan = plan_of(base, pop);
  const auto free = run_budget(base, pop, plan);
  for (auto release : {scenario::BudgetRelease::kAnnual, scenario::BudgetRelease::kQuarterly,
                       scenario::BudgetRelease::kMonthly}) {
    const auto run = run_budget(budgeted(base, 1.0, release), pop, plan);
    EXPECT_EQ(run->ledger.grand_total(), free->ledger.grand_total());
    EXPECT_EQ(run->tally.at(0, 0).visits_done, free->tally.at(0, 0).visits_done);
    EXPECT_EQ(run->tally.missed().size(), free->tally.missed().size());
  }
}

}  // namespace budget_treasury_test
}  // namespace coachsim::programme
