// The optimiser on a three-caseload instance small enough to enumerate every plan: it finds
// the best plan, never exceeds the budget, never does worse with more money, reports an
// infeasible floor, and gives the same plan for the same inputs.
#include <gtest/gtest.h>

#include "../support/small_scenario.hpp"
#include "coachsim/optimise/optimise.hpp"
#include "coachsim/results/simulation.hpp"

namespace coachsim::optimise {
namespace {

using testing::three_caseloads;

struct Fixture {
  scenario::Scenario s = three_caseloads();
  std::unique_ptr<results::Simulation> base = results::simulate(s, true);
  Instance in = make_instance(s, base->population, base->ledger, 0);
};

// The best objective over every subset of groups within the budget (and the floor).
double enumerate_best(const Instance& in, std::int64_t budget, double floor) {
  double best = -1;
  const std::size_t n = in.groups.size();
  for (std::uint32_t mask = 0; mask < (1U << n); ++mask) {
    std::int64_t cost = in.fixed_cost, teachers = 0;
    std::vector<std::int64_t> by_region(in.region_teachers.size(), 0);
    for (std::size_t g = 0; g < n; ++g) {
      if (!((mask >> g) & 1U)) continue;
      cost += in.groups[g].cost;
      teachers += in.groups[g].teachers;
      by_region[in.groups[g].region] += in.groups[g].teachers;
    }
    bool ok = cost <= budget;
    for (std::size_t r = 0; r < by_region.size(); ++r)
      ok = ok && static_cast<double>(by_region[r]) >=
                     floor * static_cast<double>(in.region_teachers[r]) - 1e-9;
    if (ok) best = std::max(best, static_cast<double>(teachers));
  }
  return best;
}

TEST(Optimise, CostsAddUpToTheLedger) {
  Fixture f;
  ASSERT_EQ(f.in.groups.size(), 3u);
  std::int64_t sum = f.in.fixed_cost;
  for (const Group& g : f.in.groups) sum += g.cost;
  EXPECT_EQ(sum, f.base->results.national[0].cost_total);
  EXPECT_GT(f.in.fixed_cost, 0);  // the staff member and the supervisor
}

TEST(Optimise, FindsTheOptimumOfEveryPlanEnumerated) {
  Fixture f;
  // Every budget between the fixed cost and the whole plan, in 12 steps.
  for (int k = 0; k <= 12; ++k) {
    const std::int64_t budget = f.in.fixed_cost + (f.in.plan_cost - f.in.fixed_cost) * k / 12;
    const Solution sol = solve(f.in, budget, 0.0);
    ASSERT_TRUE(sol.feasible) << budget;
    EXPECT_EQ(sol.objective, enumerate_best(f.in, budget, 0.0)) << "budget " << budget;
    EXPECT_LE(sol.cost, budget);
    EXPECT_GE(sol.lp_bound + 1e-6, sol.objective);
  }
}

TEST(Optimise, TheSimulatedPlanNeverExceedsTheBudget) {
  Fixture f;
  for (int k = 0; k <= 6; ++k) {
    const std::int64_t budget = f.in.fixed_cost + (f.in.plan_cost - f.in.fixed_cost) * k / 6;
    const Solution sol = solve(f.in, budget, 0.0);
    ASSERT_TRUE(sol.feasible);
    scenario::Scenario plan = f.s;
    plan.not_coached = {{2021, schools_left_out(f.base->population, f.in, sol)}};
    const auto sim = results::simulate(plan, false);
    EXPECT_LE(sim->results.national[0].cost_total, budget) << "budget " << budget;
    // With a caseload kept the estimate is exact here (no overhead to round); with none, the
    // supervisor is not contracted either, which the estimate counts as a fixed cost.
    if (sol.objective > 0)
      EXPECT_EQ(sim->results.national[0].cost_total, sol.cost);
    else
      EXPECT_LT(sim->results.national[0].cost_total, sol.cost);
  }
}

TEST(Optimise, FrontierNeverDecreases) {
  Fixture f;
  double last = -1;
  std::vector<char> warm;
  for (int k = 0; k <= 20; ++k) {
    const std::int64_t budget = f.in.fixed_cost + (f.in.plan_cost - f.in.fixed_cost) * k / 20;
    const Solution sol = solve(f.in, budget, 0.0, warm.empty() ? nullptr : &warm);
    ASSERT_TRUE(sol.feasible);
    EXPECT_GE(sol.objective, last);
    last = sol.objective;
    warm = sol.chosen;
  }
  EXPECT_EQ(last, 5.0);
}

TEST(Optimise, AnInfeasibleFloorNamesTheConstraint) {
  Fixture f;
  // Money for one caseload at most, and a floor of every teacher in the region.
  const Solution sol = solve(f.in, f.in.fixed_cost + f.in.groups[0].cost, 1.0);
  EXPECT_FALSE(sol.feasible);
  EXPECT_NE(sol.infeasible.find("regional floors (each region keeps at least 100% of its "
                                "teachers)"),
            std::string::npos)
      << sol.infeasible;
  const Solution broke = solve(f.in, f.in.fixed_cost - 1, 0.0);
  EXPECT_NE(broke.infeasible.find("does not cover the costs every plan pays"), std::string::npos)
      << broke.infeasible;
}

TEST(Optimise, SameInputsSamePlan) {
  Fixture f, g;
  const std::int64_t budget = f.in.fixed_cost + (f.in.plan_cost - f.in.fixed_cost) / 2;
  EXPECT_EQ(solve(f.in, budget, 0.0).chosen, solve(g.in, budget, 0.0).chosen);
}

}  // namespace
}  // namespace coachsim::optimise
