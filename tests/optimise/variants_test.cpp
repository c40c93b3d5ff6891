// Protocol variants in the optimiser, on the three-caseload instance with a light variant of
// its school type (one visit of 2 days instead of two, no GIA): each caseload's option under the
// variant costs what the run with every school under it posts; the optimiser finds the best of
// every plan enumerated (each caseload left out, full or light); the simulated plan, each school
// under its variant, stays within the budget and earns the learning gain estimated.
#include <gtest/gtest.h>

#include <algorithm>

#include "../support/small_scenario.hpp"
#include "coachsim/optimise/optimise.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim::optimise {
namespace variants_test {

scenario::Scenario with_light() {
  scenario::Scenario s = testing::three_caseloads();
  scenario::SchoolTypeOverride light;
  light.id = "t";
  light.visit_days = std::vector<int>{2};
  light.gia = scenario::SessionProtocol{0, units::hours(3), scenario::SessionVenue::kSchool};
  s.protocol_variants.push_back({"light", "light", {light}});
  s.outcomes = scenario::Outcomes{};
  s.outcomes->student_learning_sd = {0.1, 0.2, 0.3};
  // A small fee and dear per diem, so that the visits a variant saves weigh against the contract
  // and the light option is the best use of some budgets.
  s.coach.monthly_fee = units::per_month(10000);
  s.costs.per_diem = units::per_day(200000);
  return s;
}

struct Fixture {
  explicit Fixture(Objective objective = Objective::kLearning) {
    in = make_instance(s, base->population, base->ledger, 0);
    add_variant_options(in, s, base->population, runs);
    set_objective(in, s, base->population, objective, {});
  }
  scenario::Scenario s = with_light();
  std::unique_ptr<results::Simulation> base = results::simulate(s, true);
  std::vector<std::unique_ptr<results::Simulation>> runs = variant_cost_runs(s);
  Instance in;
};

// The best objective over every plan: each of the 3 caseloads left out, full or light (3^3).
double enumerate_best(const Instance& in, std::int64_t budget) {
  const std::size_t units = 3;
  double best = -1;
  for (int code = 0; code < 27; ++code) {
    std::int64_t cost = in.fixed_cost;
    double value = 0;
    int c = code;
    for (std::size_t u = 0; u < units; ++u, c /= 3) {
      const int pick = c % 3;  // 0 out, 1 full, 2 light
      if (pick == 0) continue;
      for (std::size_t g = 0; g < in.groups.size(); ++g)
        if (unit_of(in, g) == u && in.groups[g].variant == pick - 1) {
          cost += in.groups[g].cost;
          value += in.groups[g].value;
        }
    }
    if (cost <= budget) best = std::max(best, value);
  }
  return best;
}

TEST(OptimiseVariants, EachCaseloadGetsAnOptionCostedByTheRunUnderTheVariant) {
  Fixture f;
  ASSERT_EQ(f.in.groups.size(), 6u);  // 3 caseloads, full and light
  std::int64_t light_total = f.in.fixed_cost;
  for (std::size_t g = 0; g < 3; ++g) {
    const Group& full = f.in.groups[g];
    const Group& light = f.in.groups[3 + g];
    EXPECT_EQ(light.unit, g);
    EXPECT_EQ(light.variant, 1);
    EXPECT_EQ(light.coaches, full.coaches);
    EXPECT_LT(light.cost, full.cost);  // one trip and no GIA fewer
    // Without a study's reference the dose is visits over the protocol's as written: 1 of 2.
    EXPECT_NEAR(light.value, full.value / 2, 1e-9);
    light_total += light.cost;
  }
  // The options' costs are the run's with every school under the variant: they add up to it.
  EXPECT_EQ(light_total, f.runs[0]->results.national[0].cost_total);
  EXPECT_EQ(f.runs[0]->results.national[0].tally.teachers_full_protocol, 0);
  // full_protocol counts no teacher under the variant.
  const Fixture teachers(Objective::kFullProtocol);
  for (std::size_t g = 3; g < 6; ++g) EXPECT_EQ(teachers.in.groups[g].value, 0.0);
}

TEST(OptimiseVariants, FindsTheOptimumOfEveryPlanEnumerated) {
  Fixture f;
  bool light_chosen = false;
  for (int k = 0; k <= 24; ++k) {
    const std::int64_t budget = f.in.fixed_cost + (f.in.plan_cost - f.in.fixed_cost) * k / 24;
    const Solution sol = solve(f.in, budget, 0.0);
    ASSERT_TRUE(sol.feasible) << budget;
    EXPECT_NEAR(sol.objective, enumerate_best(f.in, budget), 1e-9) << "budget " << budget;
    EXPECT_LE(sol.cost, budget);
    std::vector<int> per_unit(3, 0);
    for (std::size_t g = 0; g < 6; ++g) {
      per_unit[unit_of(f.in, g)] += sol.chosen[g];
      light_chosen = light_chosen || (sol.chosen[g] && f.in.groups[g].variant == 1);
    }
    for (int n : per_unit) EXPECT_LE(n, 1);  // at most one option per caseload
  }
  EXPECT_TRUE(light_chosen);  // the variant is the optimum at some budget: the test can fail
}

TEST(OptimiseVariants, TheSimulatedPlanStaysWithinTheBudgetWithEachSchoolUnderItsVariant) {
  Fixture f;
  for (int k = 0; k <= 8; ++k) {
    const std::int64_t budget = f.in.fixed_cost + (f.in.plan_cost - f.in.fixed_cost) * k / 8;
    const Solution sol = solve(f.in, budget, 0.0);
    ASSERT_TRUE(sol.feasible);
    scenario::Scenario plan = f.s;
    plan.not_coached = {{2021, schools_left_out(f.base->population, f.in, sol)}};
    plan.protocol_plan = variant_schools(f.s, f.base->population, f.in, sol);
    ASSERT_TRUE(scenario::validate(plan, "plan").empty());
    const auto sim = results::simulate(plan, false);
    const results::Row& year = sim->results.national[0];
    EXPECT_LE(year.cost_total, budget) << "budget " << budget;
    // With unlimited money every planned visit is made, so the run earns what was estimated,
    // which it does only if each school followed the variant it was given.
    if (sol.objective > 0) {
      EXPECT_EQ(year.cost_total, sol.cost) << "budget " << budget;
      EXPECT_NEAR(year.tally.student_sd_sum, sol.objective, 1e-9) << "budget " << budget;
    }
  }
}

TEST(OptimiseVariants, SameInputsSamePlan) {
  Fixture f, g;
  const std::int64_t budget = f.in.fixed_cost + (f.in.plan_cost - f.in.fixed_cost) * 5 / 8;
  const Solution a = solve(f.in, budget, 0.0), b = solve(g.in, budget, 0.0);
  EXPECT_EQ(a.chosen, b.chosen);
  EXPECT_EQ(protocol_plan_yaml(variant_schools(f.s, f.base->population, f.in, a)),
            protocol_plan_yaml(variant_schools(g.s, g.base->population, g.in, b)));
}

}  // namespace variants_test
}  // namespace coachsim::optimise
