// Results-based rules on the small scenario: a withheld share is released on the exact day the
// indicator first reaches its target (the day computed here from the run's own ledger), and
// forfeited at its date when it is not.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "../support/small_scenario.hpp"
#include "budget_test_util.hpp"

namespace coachsim::programme {
namespace budget_rules_test {

using testing::plan_of;
using testing::run_budget;

std::int32_t day(int y, unsigned m, unsigned d) {
  return static_cast<std::int32_t>(
      calendar::Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}}
          .time_since_epoch()
          .count());
}

scenario::Scenario with_rule(scenario::BudgetIndicator indicator, double target, unsigned month,
                             unsigned dayofmonth) {
  scenario::Scenario s = coachsim::testing::small_scenario();
  s.budget.enabled = true;
  s.budget.release = scenario::BudgetRelease::kAnnual;
  scenario::BudgetRule r;
  r.id = "rule";
  r.indicator = indicator;
  r.target = target;
  r.by = {month, dayofmonth};
  r.withhold = 0.25;
  s.budget.rules.push_back(r);
  return s;
}

const BudgetEvent* find_event(const BudgetRecord& rec, BudgetEventKind kind) {
  for (const BudgetEvent& e : rec.events)
    if (e.kind == kind) return &e;
  return nullptr;
}

// The small scenario's fixed costs are 98.6% of its plan: a PIA of 140,000.00 with 5% withheld
// still leaves every activity funded, so the indicators follow the unconstrained schedule.
void generous(scenario::Scenario& s) {
  s.budget.pia = {false, 0.0, 14000000};
  s.budget.rules[0].withhold = 0.05;
}

TEST(BudgetRules, DiagnosticShareReleasesOnTheDayTheLastTeacherIsFirstVisited) {
  scenario::Scenario s = with_rule(scenario::BudgetIndicator::kDiagnosticVisitShare, 1.0, 6, 30);
  generous(s);
  const Population pop = build_population(s);
  const BudgetPlan plan = plan_of(s, pop);
  const auto run = run_budget(s, pop, plan);
  // Every teacher is reached when each school has had its first visit trip: the latest of the
  // schools' first visit-trip postings (a trip posts on its last day).
  std::map<std::uint32_t, std::int32_t> first_visit;
  for (const ledger::Entry& e : run->ledger.entries()) {
    if (e.activity != costs::Activity::kVisitTrip) continue;
    auto [it, inserted] = first_visit.emplace(e.ref_id, e.date);
    if (!inserted) it->second = std::min(it->second, e.date);
  }
  ASSERT_EQ(first_visit.size(), 2u);  // S1 and S2
  std::int32_t crossing = 0;
  for (const auto& [school, date] : first_visit) crossing = std::max(crossing, date);

  const BudgetEvent* met = find_event(run->record, BudgetEventKind::kRuleMet);
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->date, crossing);
  EXPECT_DOUBLE_EQ(met->indicator, 1.0);
  // 5% of 140,000.00 withheld.
  EXPECT_EQ(met->amount, 700000);
  EXPECT_EQ(find_event(run->record, BudgetEventKind::kRuleForfeited), nullptr);
  // The tranche released the rest on 1 January.
  const BudgetEvent* tranche = find_event(run->record, BudgetEventKind::kTranche);
  ASSERT_NE(tranche, nullptr);
  EXPECT_EQ(tranche->date, day(2021, 1, 1));
  EXPECT_EQ(tranche->amount, 14000000 - 700000);
}

TEST(BudgetRules, VisitsDoneShareReleasesOnTheCrossingDay) {
  scenario::Scenario s = with_rule(scenario::BudgetIndicator::kVisitsDoneShare, 0.5, 12, 1);
  generous(s);
  const Population pop = build_population(s);
  const BudgetPlan plan = plan_of(s, pop);
  const auto run = run_budget(s, pop, plan);
  // Teacher-visits done, trip by trip (one trip may post travel and per diem: count it once).
  std::map<std::int32_t, std::int64_t> done_by_day;
  std::set<std::uint64_t> trips;
  for (const ledger::Entry& e : run->ledger.entries()) {
    if (e.activity != costs::Activity::kVisitTrip || !trips.insert(e.event).second) continue;
    done_by_day[e.date] += pop.schools[e.ref_id].teachers;
  }
  const std::int64_t planned = run->tally.at(0, 0).visits_planned;
  ASSERT_EQ(planned, 6);  // 3 teachers x 2 rounds
  std::int64_t cumulative = 0;
  std::int32_t crossing = -1;
  for (const auto& [date, n] : done_by_day) {
    cumulative += n;
    if (2 * cumulative >= planned) {
      crossing = date;
      break;
    }
  }
  ASSERT_GE(crossing, 0);
  const BudgetEvent* met = find_event(run->record, BudgetEventKind::kRuleMet);
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->date, crossing);
  EXPECT_GE(met->indicator, 0.5);
}

TEST(BudgetRules, UnmetByItsDateIsForfeited) {
  // Nobody is visited before the contracts start on 1 March.
  const scenario::Scenario s =
      with_rule(scenario::BudgetIndicator::kDiagnosticVisitShare, 0.8, 2, 15);
  const Population pop = build_population(s);
  const BudgetPlan plan = plan_of(s, pop);
  const auto run = run_budget(s, pop, plan);
  const BudgetEvent* lost = find_event(run->record, BudgetEventKind::kRuleForfeited);
  ASSERT_NE(lost, nullptr);
  EXPECT_EQ(lost->date, day(2021, 2, 15));
  EXPECT_EQ(lost->amount, 3299775);
  EXPECT_DOUBLE_EQ(lost->indicator, 0.0);
  EXPECT_EQ(find_event(run->record, BudgetEventKind::kRuleMet), nullptr);
  // PIA = the plan, 131,991.00; 25% withheld = 32,997.75.
  EXPECT_EQ(plan.at(0, 0).total, 13199100);
  const BudgetMonth& dec = run->record.months.back();
  EXPECT_EQ(dec.forfeited, 3299775);
  EXPECT_EQ(dec.released, 13199100 - 3299775);
  EXPECT_LE(dec.accrued, dec.released);
}

TEST(BudgetRules, TopUpIsReleasedWhenMet) {
  scenario::Scenario s = with_rule(scenario::BudgetIndicator::kDiagnosticVisitShare, 0.5, 12, 31);
  s.budget.rules[0].withhold = 0;
  s.budget.rules[0].top_up = 0.05;
  const Population pop = build_population(s);
  const BudgetPlan plan = plan_of(s, pop);
  const auto run = run_budget(s, pop, plan);
  const BudgetEvent* top = find_event(run->record, BudgetEventKind::kTopUp);
  ASSERT_NE(top, nullptr);
  EXPECT_EQ(top->amount, 659955);  // 5% of 131,991.00
  EXPECT_EQ(run->record.months.back().top_ups, 659955);
  EXPECT_EQ(run->record.months.back().released, 13199100 + 659955);
}

}  // namespace budget_rules_test
}  // namespace coachsim::programme
