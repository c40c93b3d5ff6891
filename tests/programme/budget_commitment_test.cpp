// What the treasury commits for an activity before it starts is what the activity posts when it
// ends, to the céntimo (sim/programme/cost_model.hpp feeds both). A formula changed on one side
// only — a per diem left out of the estimate, a rate applied twice — leaves a commitment that is
// never cleared, which BudgetRecord::uncleared reports at the year's end.
#include <gtest/gtest.h>

#include "../support/small_scenario.hpp"
#include "budget_test_util.hpp"

namespace coachsim::programme {
namespace budget_commitment_test {

using testing::default_scenario;
using testing::plan_of;
using testing::run_budget;

// Direct cost the ledger holds for droppable classes (every one was committed before it ran).
std::int64_t droppable_posted(const ledger::Ledger& ledger) {
  std::int64_t sum = 0;
  for (const ledger::Entry& e : ledger.entries())
    if (e.activity != costs::Activity::kOverhead &&
        cost_class(ledger.costs(), e.activity) != kFixedClass)
      sum += e.amount;
  return sum;
}

void expect_every_commitment_posted(scenario::Scenario s, double pia,
                                    scenario::BudgetRelease release,
                                    scenario::BudgetShortfall shortfall) {
  s.budget.enabled = true;
  s.budget.release = release;
  s.budget.pia = {true, pia, 0};
  s.budget.shortfall = shortfall;
  const Population pop = build_population(s);
  const auto run = run_budget(s, pop, plan_of(s, pop));
  for (int k = 0; k < kCostClassCount; ++k)
    EXPECT_EQ(run->record.uncleared[static_cast<std::size_t>(k)], 0) << "class " << k;
  EXPECT_GT(droppable_posted(run->ledger), 0);  // trips, visits and workshops were admitted
}

TEST(BudgetCommitment, SmallScenarioPostsWhatWasCommitted) {
  // The small scenario has overnight and commuting trips, GIA/RTC fees, both workshops and a
  // supervisor: every kind of droppable activity, with and without a binding budget.
  const scenario::Scenario s = coachsim::testing::small_scenario();
  // (Quarterly tranches of less than the plan leave it no droppable activity at all.)
  expect_every_commitment_posted(s, 1.0, scenario::BudgetRelease::kQuarterly,
                                 scenario::BudgetShortfall::kDrop);
  expect_every_commitment_posted(s, 1.0, scenario::BudgetRelease::kQuarterly,
                                 scenario::BudgetShortfall::kDefer);
  expect_every_commitment_posted(s, 0.99, scenario::BudgetRelease::kAnnual,
                                 scenario::BudgetShortfall::kDrop);
}

TEST(BudgetCommitment, ExtraCostsArePostedAsCommitted) {
  // One extra cost per driver (extra_costs:): the visit trip's line is committed with the trip
  // (class visits), the others with contracts and materials (fixed).
  scenario::Scenario s = coachsim::testing::small_scenario();
  s.cost_categories = {{"insurance", "Coach insurance"}};
  using D = scenario::CostDriver;
  s.extra_costs = {{"coach_insurance", "insurance", D::kCoachMonth, 8500, "", ""},
                   {"tablets", "materials", D::kTeacherYear, 12000, "", ""},
                   {"coach_phone", "insurance", D::kCoachYear, 6000, "", ""},
                   {"school_kit", "materials", D::kSchoolYear, 2500, "", ""},
                   {"trip_insurance", "insurance", D::kVisitTrip, 750, "", ""}};
  expect_every_commitment_posted(s, 1.0, scenario::BudgetRelease::kQuarterly,
                                 scenario::BudgetShortfall::kDefer);
  expect_every_commitment_posted(s, 0.99, scenario::BudgetRelease::kAnnual,
                                 scenario::BudgetShortfall::kDrop);
}

TEST(BudgetCommitment, DefaultScenarioPostsWhatWasCommitted) {
  // Rainy seasons, per diem bases and cluster sessions of the national default, with deferrals.
  expect_every_commitment_posted(default_scenario(), 0.8, scenario::BudgetRelease::kQuarterly,
                                 scenario::BudgetShortfall::kDefer);
}

}  // namespace budget_commitment_test
}  // namespace coachsim::programme
