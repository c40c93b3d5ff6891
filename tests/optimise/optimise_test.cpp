// The optimiser on a three-caseload instance small enough to enumerate every plan: it finds
// the best plan, never exceeds the budget, never does worse with more money, reports an
// infeasible floor, and gives the same plan for the same inputs.
#include <gtest/gtest.h>

#include <algorithm>

#include "../support/small_scenario.hpp"
#include "coachsim/i18n/language.hpp"
#include "coachsim/optimise/optimise.hpp"
#include "coachsim/optimise/planning.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim::optimise {
namespace optimise_test {

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

// Learning: each caseload's students times the one-year effect (0.1 SD) times the dose share of
// the full protocol: S1 30 students, FAR 24, ONE 12 (tests/support/small_scenario.hpp).
TEST(Optimise, LearningValuesAreTheStudentsTimesTheEffectOfTheFullDose) {
  scenario::Scenario s = three_caseloads();
  s.outcomes = scenario::Outcomes{};
  s.outcomes->student_learning_sd = {0.1, 0.2, 0.3};
  const auto base = results::simulate(s, true);
  Instance in = make_instance(s, base->population, base->ledger, 0);
  set_objective(in, s, base->population, Objective::kLearning, {});
  ASSERT_EQ(in.groups.size(), 3u);
  std::vector<double> values;
  double sum = 0;
  for (const Group& g : in.groups) {
    values.push_back(g.value);
    sum += g.value;
  }
  std::sort(values.begin(), values.end());
  EXPECT_NEAR(values[0], 1.2, 1e-9);
  EXPECT_NEAR(values[1], 2.4, 1e-9);
  EXPECT_NEAR(values[2], 3.0, 1e-9);
  // The run (every visit made with unlimited money) records the same gain.
  EXPECT_NEAR(base->results.national[0].tally.student_sd_sum, sum, 1e-9);
  // Against a study protocol of twice the visits (visits weigh 1), the full dose earns half.
  s.outcomes->reference = scenario::ReferenceProtocol{"study", 4, 0, 0.0};
  set_objective(in, s, base->population, Objective::kLearning, {});
  double half = 0;
  for (const Group& g : in.groups) half += g.value;
  EXPECT_NEAR(half, sum / 2, 1e-9);
  // With money for any one caseload, the plan is worth at least that caseload's gain.
  for (const Group& g : in.groups) {
    const Solution sol = solve(in, in.fixed_cost + g.cost, 0.0);
    ASSERT_TRUE(sol.feasible);
    EXPECT_GE(sol.objective + 1e-9, g.value);
    EXPECT_LE(sol.cost, in.fixed_cost + g.cost);
  }
}

TEST(Optimise, EquityWeightsMultiplyPerTeacher) {
  scenario::Scenario s = three_caseloads();
  s.regions[0].schools[1].border = true;  // FAR
  s.regions[0].schools[2].urban = true;   // ONE
  const auto base = results::simulate(s, true);
  Instance in = make_instance(s, base->population, base->ledger, 0);
  set_objective(in, s, base->population, Objective::kEquity,
                {{"rural", 2.0}, {"border", 1.5}, {"t", 3.0}});
  std::vector<std::pair<std::int64_t, double>> by_teachers;
  for (const Group& g : in.groups) by_teachers.emplace_back(g.teachers, g.value);
  std::sort(by_teachers.begin(), by_teachers.end());
  EXPECT_DOUBLE_EQ(by_teachers[0].second, 1 * 1.0 * 3.0);  // ONE: urban (weighs 1), type t
  // S1 (rural, type t) and FAR (rural, border, type t), 2 teachers each.
  EXPECT_DOUBLE_EQ(std::min(by_teachers[1].second, by_teachers[2].second), 2 * 2.0 * 3.0);
  EXPECT_DOUBLE_EQ(std::max(by_teachers[1].second, by_teachers[2].second), 2 * 2.0 * 1.5 * 3.0);
}

// frontier(): each point's simulation is that plan's own run; a plan with every caseload is
// the unlimited run; the objective never decreases.
TEST(Optimise, FrontierSimulatesEachPlan) {
  Fixture f;
  std::vector<std::int64_t> budgets;
  for (int k = 0; k <= 6; ++k)
    budgets.push_back(f.in.fixed_cost + (f.in.plan_cost - f.in.fixed_cost) * k / 5);
  const PlanOutcome all = outcome_of(*f.base, 0);
  const auto points = frontier(f.s, f.base->population, f.in, budgets, 0.0, all, 2);
  ASSERT_EQ(points.size(), budgets.size());
  double last = -1;
  for (const FrontierPoint& p : points) {
    ASSERT_TRUE(p.solution.feasible);
    EXPECT_GE(p.solution.objective, last);
    last = p.solution.objective;
    scenario::Scenario plan = f.s;
    plan.not_coached = {{2021, schools_left_out(f.base->population, f.in, p.solution)}};
    const PlanOutcome own = outcome_of(*results::simulate(plan, false), 0);
    EXPECT_EQ(p.simulated.cost, own.cost) << p.budget;
    EXPECT_EQ(p.simulated.full_protocol, own.full_protocol) << p.budget;
    EXPECT_LE(p.simulated.cost, p.budget);
  }
  EXPECT_EQ(points.back().simulated.cost, all.cost);
}

TEST(Optimise, CoachSupplyAndRegionalBudgetsLimitThePlan) {
  Fixture f;
  // One coach: the best single caseload (S1 or FAR, 2 teachers), whatever the money.
  f.in.region_coaches = {1};
  const Solution one = solve(f.in, f.in.plan_cost, 0.0);
  ASSERT_TRUE(one.feasible);
  EXPECT_EQ(one.teachers, 2);
  EXPECT_EQ(std::count(one.chosen.begin(), one.chosen.end(), 1), 1);
  // The region's budget binds like the national one when it is the smaller.
  f.in.region_coaches.clear();
  const std::int64_t half = f.in.fixed_cost + (f.in.plan_cost - f.in.fixed_cost) / 2;
  f.in.region_budget = {half};
  const Solution regional = solve(f.in, f.in.plan_cost, 0.0);
  ASSERT_TRUE(regional.feasible);
  EXPECT_EQ(regional.objective, enumerate_best(f.in, half, 0.0));
  EXPECT_LE(regional.cost, half);
  // A floor the coach supply cannot meet names the region and the supply.
  f.in.region_budget.clear();
  f.in.region_coaches = {1};
  const Solution floor = solve(f.in, f.in.plan_cost, 1.0);
  EXPECT_FALSE(floor.feasible);
  EXPECT_NE(floor.infeasible.find("the floor of region Alpha (5 teachers) with its coach supply "
                                  "(1 coaches)"),
            std::string::npos)
      << floor.infeasible;
  // A regional budget below what the region pays whatever the plan.
  f.in.region_coaches.clear();
  f.in.region_budget = {f.in.region_fixed[0] - 1};
  EXPECT_NE(solve(f.in, f.in.plan_cost, 0.0).infeasible.find("the budget of region Alpha"),
            std::string::npos);
}

// --budget-region: the simulated plan is within each region's cap too, and overshoot_of /
// tighten measure and remove what a plan goes over (the CLI's re-solve loop).
TEST(Optimise, TheSimulatedPlanStaysWithinEachRegionsBudget) {
  const scenario::Scenario s = testing::two_regions();
  const auto base = results::simulate(s, true);
  Instance in = make_instance(s, base->population, base->ledger, 0);
  ASSERT_EQ(in.region_names.size(), 2u);
  std::int64_t beta_plan = in.region_fixed[1];
  for (const Group& g : in.groups) beta_plan += g.region == 1 ? g.cost : 0;
  int capped = 0;
  for (int k = 0; k <= 4; ++k) {
    // Beta's cap from its fixed cost to its whole plan; the nation unlimited.
    const std::int64_t cap = in.region_fixed[1] + (beta_plan - in.region_fixed[1]) * k / 4;
    in.region_budget = {-1, cap};
    const Solution sol = solve(in, in.plan_cost, 0.0);
    ASSERT_TRUE(sol.feasible) << cap;
    scenario::Scenario plan = s;
    plan.not_coached = {{2021, schools_left_out(base->population, in, sol)}};
    const auto sim = results::simulate(plan, false);
    const Overshoot over = overshoot_of(in, in.plan_cost, in.region_budget, *sim);
    EXPECT_LE(over.region[1], 0) << "cap " << cap;
    EXPECT_LE(over.region_cost[1], cap);
    EXPECT_EQ(over.region[0], 0);  // no cap: not checked
    EXPECT_FALSE(over.any());
    capped += over.region_cost[1] < beta_plan ? 1 : 0;
  }
  EXPECT_GE(capped, 3);  // the cap bound below the whole plan

  // A cap one céntimo under the simulated cost is one céntimo over; tightening lowers the cap
  // and the national target by what went over.
  const Overshoot full = overshoot_of(in, in.plan_cost, {-1, -1}, *base);
  EXPECT_EQ(
      full.region_cost[0] + full.region_cost[1] + base->results.national[0].cost_outside_regions,
      base->results.national[0].cost_total);
  const Overshoot over = overshoot_of(in, in.plan_cost - 5, {-1, full.region_cost[1] - 1}, *base);
  EXPECT_EQ(over.national, 5);
  EXPECT_EQ(over.region[1], 1);
  EXPECT_TRUE(over.any());
  in.region_budget = {-1, full.region_cost[1] - 1};
  std::int64_t target = in.plan_cost - 5;
  tighten(in, target, over);
  EXPECT_EQ(target, in.plan_cost - 10);
  EXPECT_EQ(in.region_budget[1], full.region_cost[1] - 2);
  EXPECT_EQ(in.region_budget[0], -1);
}

// ---------------------------------------------------------------------------------------------
// Several years in one program.

// three_caseloads() over two school years, 2021 and 2022 (the same calendar a year later).
scenario::Scenario three_caseloads_two_years() {
  scenario::Scenario s = three_caseloads();
  scenario::SchoolYear y = s.years.front();
  const std::chrono::days year{365};  // 2021-03-01 + 365 days = 2022-03-01
  y.year = 2022;
  for (auto& t : y.terms) t = {t.first + year, t.last + year};
  for (auto& h : y.holidays) h += year;
  y.contract_start += year;
  y.contract_end += year;
  for (auto& d : y.coach_workshop_starts) d += year;
  for (auto& d : y.teacher_workshop_starts) d += year;
  s.years.push_back(y);
  return s;
}

// The best summed objective over every pair of plans (2021, 2022) within each year's budget
// where a group coached in 2021 is coached in 2022 (continuity), by enumeration.
double enumerate_two_years(const std::vector<Instance>& in, const std::vector<std::int64_t>& b) {
  const std::size_t n = in[0].groups.size();
  EXPECT_EQ(in[1].groups.size(), n);
  double best = -1;
  for (std::uint32_t m0 = 0; m0 < (1U << n); ++m0)
    for (std::uint32_t m1 = 0; m1 < (1U << n); ++m1) {
      if ((m0 & ~m1) != 0) continue;  // continuity: 2021's groups stay in 2022
      double value = 0;
      bool ok = true;
      for (std::size_t t = 0; t < 2; ++t) {
        const std::uint32_t m = t == 0 ? m0 : m1;
        std::int64_t cost = in[t].fixed_cost;
        for (std::size_t g = 0; g < n; ++g)
          if ((m >> g) & 1U) {
            cost += in[t].groups[g].cost;
            value += in[t].groups[g].value;
          }
        ok = ok && cost <= b[t];
      }
      if (ok) best = std::max(best, value);
    }
  return best;
}

TEST(OptimiseYears, FindsTheOptimumOfEveryPairOfPlansWithContinuity) {
  const scenario::Scenario s = three_caseloads_two_years();
  const auto base = results::simulate(s, true);
  const std::vector<Instance> in = {make_instance(s, base->population, base->ledger, 0),
                                    make_instance(s, base->population, base->ledger, 1)};
  ASSERT_EQ(in[0].groups.size(), 3u);
  ASSERT_EQ(in[1].groups.size(), 3u);
  // The same caseloads both years, the same coaches (continuity links them).
  for (std::size_t g = 0; g < 3; ++g) EXPECT_EQ(in[0].groups[g].coaches, in[1].groups[g].coaches);
  int continuity_binds = 0;
  for (int k0 = 0; k0 <= 6; ++k0)
    for (int k1 = 0; k1 <= 6; ++k1) {
      const std::vector<std::int64_t> b = {
          in[0].fixed_cost + (in[0].plan_cost - in[0].fixed_cost) * k0 / 6,
          in[1].fixed_cost + (in[1].plan_cost - in[1].fixed_cost) * k1 / 6};
      const YearsSolution sol = solve_years(in, b, 0.0);
      ASSERT_TRUE(sol.feasible) << k0 << " " << k1 << ": " << sol.infeasible;
      EXPECT_EQ(sol.objective, enumerate_two_years(in, b)) << k0 << " " << k1;
      for (std::size_t t = 0; t < 2; ++t) EXPECT_LE(sol.years[t].cost, b[t]);
      for (std::size_t g = 0; g < 3; ++g)
        EXPECT_LE(sol.years[0].chosen[g], sol.years[1].chosen[g]) << "continuity, group " << g;
      // Where each year alone would do better than the pair, continuity is what binds.
      const double alone = solve(in[0], b[0], 0.0).objective + solve(in[1], b[1], 0.0).objective;
      continuity_binds += alone > sol.objective ? 1 : 0;
    }
  EXPECT_GT(continuity_binds, 0);  // the test covers budgets where continuity costs teachers
}

TEST(OptimiseYears, TheSimulatedPlanOfEachYearIsWithinItsBudget) {
  const scenario::Scenario s = three_caseloads_two_years();
  const auto base = results::simulate(s, true);
  const std::vector<Instance> in = {make_instance(s, base->population, base->ledger, 0),
                                    make_instance(s, base->population, base->ledger, 1)};
  for (int k = 0; k <= 4; ++k) {
    const std::vector<std::int64_t> b = {
        in[0].fixed_cost + (in[0].plan_cost - in[0].fixed_cost) * k / 4,
        in[1].fixed_cost + (in[1].plan_cost - in[1].fixed_cost) * (4 - k) / 4};
    const YearsSolution sol = solve_years(in, b, 0.0);
    ASSERT_TRUE(sol.feasible);
    scenario::Scenario plan = s;
    for (std::size_t t = 0; t < 2; ++t)
      plan.not_coached.push_back(
          {s.years[t].year, schools_left_out(base->population, in[t], sol.years[t])});
    const auto sim = results::simulate(plan, false);
    for (std::size_t t = 0; t < 2; ++t) {
      const Overshoot over = overshoot_of(in[t], b[t], {}, *sim);
      EXPECT_LE(over.national, 0) << "k " << k << " year " << t;
    }
  }
}

TEST(OptimiseYears, AYearThatCannotBeMetIsNamed) {
  const scenario::Scenario s = three_caseloads_two_years();
  const auto base = results::simulate(s, true);
  const std::vector<Instance> in = {make_instance(s, base->population, base->ledger, 0),
                                    make_instance(s, base->population, base->ledger, 1)};
  // 2022 below its fixed cost.
  YearsSolution sol = solve_years(in, {in[0].plan_cost, in[1].fixed_cost - 1}, 0.0);
  EXPECT_FALSE(sol.feasible);
  EXPECT_EQ(sol.failed_year, 1);
  EXPECT_NE(sol.infeasible.find("does not cover the costs every plan pays"), std::string::npos);
  // Every teacher kept in 2021 but not the money for them in 2022: each year alone is
  // feasible only without the floor; with it, 2022 is named.
  sol = solve_years(in, {in[0].plan_cost, in[1].fixed_cost}, 1.0);
  EXPECT_FALSE(sol.feasible);
  EXPECT_EQ(sol.failed_year, 1);
  EXPECT_NE(sol.infeasible.find("each region keeps at least 100% of its teachers"),
            std::string::npos)
      << sol.infeasible;
}

TEST(OptimiseYears, ContinuityThatCannotBeMetIsNamed) {
  const scenario::Scenario s = three_caseloads_two_years();
  const auto base = results::simulate(s, true);
  std::vector<Instance> in = {make_instance(s, base->population, base->ledger, 0),
                              make_instance(s, base->population, base->ledger, 1)};
  // The group of a school, by its id.
  auto group_of = [&](const Instance& year, const std::string& id) {
    for (std::size_t g = 0; g < year.groups.size(); ++g)
      for (std::uint32_t c : year.groups[g].coaches)
        for (const programme::CaseloadItem& item : base->population.coaches[c].caseload)
          if (base->population.schools[item.school].id == id) return g;
    return year.groups.size();
  };
  const std::size_t s1 = group_of(in[0], "S1"), far = group_of(in[0], "FAR");
  ASSERT_LT(s1, 3u);
  ASSERT_LT(far, 3u);
  // With a floor of 2 of the region's 5 teachers (40%), 2021 can only afford FAR and 2022 only
  // S1 (their other costs set out of reach): each year alone has a plan, but FAR coached in
  // 2021 must stay in 2022.
  in[0].groups[s1].cost = in[0].plan_cost;
  in[1].groups[far].cost = in[1].plan_cost;
  const std::vector<std::int64_t> b = {in[0].fixed_cost + in[0].groups[far].cost,
                                       in[1].fixed_cost + in[1].groups[s1].cost};
  EXPECT_TRUE(solve(in[0], b[0], 0.4).feasible);
  EXPECT_TRUE(solve(in[1], b[1], 0.4).feasible);
  const YearsSolution sol = solve_years(in, b, 0.4);
  EXPECT_FALSE(sol.feasible);
  EXPECT_EQ(sol.failed_year, -1);
  EXPECT_EQ(sol.infeasible.rfind("continuity (a caseload coached in a year stays coached in the "
                                 "next year of its stages)",
                                 0),
            0u)
      << sol.infeasible;
}

// The coach cap from coach_supply: hires_per_month for each month a new contract can start
// before the contract ends, plus returning coaches.
TEST(OptimiseYears, TheCoachCapFollowsTheScenariosHiringLimit) {
  using namespace std::chrono;
  scenario::Scenario s = three_caseloads_two_years();
  const auto base = results::simulate(s, true);
  // No hiring limit declared: no cap.
  EXPECT_EQ(coach_supply_caps(s, base->population, 0), (std::vector<std::int64_t>{-1}));
  s.coach_supply.enabled = true;
  s.coach_supply.hires_per_month = 1;
  s.years[0].contract_end = sys_days{2021y / April / 15};
  // Contracts can start on 1 March and 1 April (1 May is after 15 April): 2 new coaches.
  EXPECT_EQ(coach_supply_caps(s, base->population, 0), (std::vector<std::int64_t>{2}));
  s.coach_supply.hires_per_month = 3;
  EXPECT_EQ(coach_supply_caps(s, base->population, 0), (std::vector<std::int64_t>{6}));
  // A region whose contracts start 31 days later (1 April): one month, 3 coaches.
  s.regions[0].contract_delay = units::days(31);
  EXPECT_EQ(coach_supply_caps(s, base->population, 0), (std::vector<std::int64_t>{3}));
  // 2022: the three coaches return (not hired again), plus 3 hires in each of the nine months
  // from 1 April (the region's delay) to 1 December.
  EXPECT_EQ(coach_supply_caps(s, base->population, 1), (std::vector<std::int64_t>{3 + 9 * 3}));
  // The cap binds the program: with one hire a month and two months, two caseloads at most.
  s.coach_supply.hires_per_month = 1;
  s.regions[0].contract_delay = units::days(0);
  Instance in = make_instance(s, base->population, base->ledger, 0);
  in.region_coaches = coach_supply_caps(s, base->population, 0);
  const Solution sol = solve(in, in.plan_cost, 0.0);
  ASSERT_TRUE(sol.feasible);
  EXPECT_EQ(std::count(sol.chosen.begin(), sol.chosen.end(), 1), 2);
}

// Under a hiring limit of one new coach a month the unlimited run hires the three coaches on
// 1 March, 1 April and 1 May; a plan that leaves the first out moves the others a month earlier,
// so the unlimited run's postings understate it. Costs as hired on the first day bound every
// plan: the simulated plan stays within every budget, where the slot costs went over.
TEST(OptimiseHiring, UnderAHiringLimitTheSimulatedPlanStaysWithinTheBudget) {
  scenario::Scenario s = three_caseloads();
  s.coach_supply.enabled = true;
  s.coach_supply.hires_per_month = 1;
  ASSERT_TRUE(hiring_limited(s));
  const auto base = results::simulate(s, true);
  const auto early = results::simulate(hired_at_start(s), true);
  const Instance slots = make_instance(s, base->population, base->ledger, 0);
  Instance in = slots;
  cost_as_hired_at_start(in, make_instance(hired_at_start(s), early->population, early->ledger, 0));
  ASSERT_EQ(in.groups.size(), 3u);
  // Each coach costs at least its slot's cost; the two hired late gain 1 and 2 months of the
  // 3,000.00 fee at least (no overhead in this scenario).
  std::int64_t gained = 0;
  for (std::size_t c = 0; c < in.coach_cost.size(); ++c) {
    EXPECT_GE(in.coach_cost[c], slots.coach_cost[c]) << c;
    gained += in.coach_cost[c] - slots.coach_cost[c];
  }
  EXPECT_GE(gained, 3 * 300000);
  EXPECT_EQ(in.plan_cost, slots.plan_cost);  // budget shares still refer to the plan as run
  bool slots_went_over = false;
  for (int k = 0; k <= 12; ++k) {
    const std::int64_t budget = in.fixed_cost + (in.plan_cost - in.fixed_cost) * k / 12;
    for (const Instance* i : {&slots, static_cast<const Instance*>(&in)}) {
      const Solution sol = solve(*i, budget, 0.0);
      ASSERT_TRUE(sol.feasible) << budget;
      scenario::Scenario plan = s;
      plan.not_coached = {{2021, schools_left_out(base->population, *i, sol)}};
      const std::int64_t cost = results::simulate(plan, false)->results.national[0].cost_total;
      if (i == &in)
        EXPECT_LE(cost, budget) << "budget " << budget;
      else
        slots_went_over = slots_went_over || cost > budget;
    }
  }
  EXPECT_TRUE(slots_went_over);  // the failure the costs as hired on the first day remove
}

// A fake simulation of the one year: the three caseloads' run, posting `cost` for the nation.
std::unique_ptr<results::Simulation> posting(std::int64_t cost) {
  auto sim = results::simulate(three_caseloads(), false);
  sim->results.national[0].cost_total = cost;
  return sim;
}

SolvePlan one_year_solver() {
  return [](const std::vector<Instance>& i, const std::vector<std::int64_t>& targets) {
    return one_year(solve(i.front(), targets.front(), 0.0));
  };
}

TEST(OptimiseResolve, APlanWhoseSimulationStaysOverIsNotWithin) {
  Fixture f;
  const std::int64_t budget = f.in.fixed_cost + (f.in.plan_cost - f.in.fixed_cost) / 2;
  std::vector<Instance> years{f.in};
  int simulations = 0;
  const Resolved r = resolve(years, {budget}, one_year_solver(), [&](const YearsSolution&) {
    ++simulations;
    return posting(budget + 100);  // 1.00 over, whatever the plan
  });
  EXPECT_TRUE(r.solution.feasible);
  EXPECT_FALSE(r.within());
  EXPECT_EQ(r.rounds, 5);
  EXPECT_EQ(simulations, 6);
  const std::string words = over_limits(r, years, {budget}, {2021});
  EXPECT_EQ(words.rfind("2021: simulated ", 0), 0u) << words;
  EXPECT_NE(words.find(", over by 1.00"), std::string::npos) << words;
  // The same words in Spanish (coachsim optimise --lang es prints them before exit 2), with
  // the same figures.
  i18n::set_language("es");
  const std::string palabras = over_limits(r, years, {budget}, {2021});
  i18n::set_language("en");
  EXPECT_EQ(palabras.rfind("2021: simulado ", 0), 0u) << palabras;
  EXPECT_NE(palabras.find(" frente al presupuesto "), std::string::npos) << palabras;
  EXPECT_NE(palabras.find(", lo supera en 1.00"), std::string::npos) << palabras;
}

// Costs that run twice as high as the simulation (as costs as hired on the first day do): the
// first plan leaves money unspent, the loop loosens and keeps the best plan within the budget.
TEST(OptimiseResolve, MoneyLeftUnspentByHighCostsIsUsed) {
  Fixture f;
  const std::int64_t variable = f.in.plan_cost - f.in.fixed_cost;
  const std::int64_t budget = f.in.fixed_cost + variable * 6 / 10;
  std::vector<Instance> years{f.in};
  std::int64_t last = 0;
  const Resolved r = resolve(years, {budget}, one_year_solver(), [&](const YearsSolution& y) {
    last = f.in.fixed_cost + (y.years[0].cost - f.in.fixed_cost) / 2;
    return posting(last);
  });
  const Solution first = solve(f.in, budget, 0.0);
  ASSERT_TRUE(r.within());
  EXPECT_LT(first.objective, 5.0);       // the estimate alone leaves a caseload out
  EXPECT_EQ(r.solution.objective, 5.0);  // every caseload: simulated fixed + 50% of the rest
  EXPECT_LE(r.simulation->results.national[0].cost_total, budget);
  EXPECT_EQ(over_limits(r, years, {budget}, {2021}), "");
}

// An over-budget re-solve keeps the best plan found within: a fake whose costs are exact below
// the budget's estimate and over it above.
TEST(OptimiseResolve, TheBestPlanWithinIsKept) {
  Fixture f;
  const std::int64_t budget = f.in.fixed_cost + (f.in.plan_cost - f.in.fixed_cost) / 2;
  std::vector<Instance> years{f.in};
  // Half the estimate the first time (so the loop loosens), then over the budget every time.
  int round = 0;
  const Resolved r = resolve(years, {budget}, one_year_solver(), [&](const YearsSolution& y) {
    return posting(round++ == 0 ? f.in.fixed_cost + (y.years[0].cost - f.in.fixed_cost) / 2
                                : budget + 1);
  });
  const Solution first = solve(f.in, budget, 0.0);
  ASSERT_TRUE(r.within());
  EXPECT_EQ(r.solution.years[0].chosen, first.chosen);
  EXPECT_EQ(r.rounds, 5);
}

// A budget one céntimo short of every caseload's cost drops exactly one caseload; at the cost
// itself, every caseload is kept.
TEST(Optimise, ABudgetSpentExactlyKeepsEveryCaseload) {
  Instance in;
  std::int64_t total = 0;
  for (std::uint32_t g = 0; g < 4000; ++g) {
    const std::int64_t cost = 5000000 + (g * 7919) % 100000 + 1;  // 50,000.01 to 51,000.00
    in.groups.push_back({0, {g}, cost, 1, 1, 1.0});
    total += cost;
  }
  in.region_teachers = {4000};
  in.region_names = {"A"};
  in.region_fixed = {0};
  in.plan_cost = total;
  const Solution sol = solve(in, total, 0.0);
  ASSERT_TRUE(sol.feasible) << sol.infeasible;
  EXPECT_EQ(sol.teachers, 4000);
  EXPECT_EQ(sol.cost, total);
  // One céntimo less: one caseload must go.
  const Solution less = solve(in, total - 1, 0.0);
  ASSERT_TRUE(less.feasible) << less.infeasible;
  EXPECT_EQ(less.teachers, 3999);
  EXPECT_LE(less.cost, total - 1);
}

// The default's 2022 at exactly 100% of its plan: every caseload (the sum of 3,894 costs in soles
// as doubles is not exact, and without half a céntimo of room in the budget row CBC found no
// plan and the command said the floors could not be met).
TEST(Optimise, TheDefaultAtItsWholePlanKeepsEveryCaseload) {
  auto loaded = scenario::load_scenario_text(scenario::default_scenario_text(), "default", ".");
  ASSERT_TRUE(loaded.ok());
  scenario::Scenario s = loaded.scenario;
  s.budget = scenario::Budget{};
  const auto base = results::simulate(s, true);
  const Instance in = make_instance(s, base->population, base->ledger, 2);
  const Solution sol = solve(in, in.plan_cost, 0.0);
  ASSERT_TRUE(sol.feasible) << sol.infeasible;
  EXPECT_EQ(std::count(sol.chosen.begin(), sol.chosen.end(), 1),
            static_cast<std::ptrdiff_t>(in.groups.size()));
  EXPECT_EQ(sol.cost, in.plan_cost);
}

// Under a hiring limit each frontier point goes through the re-solve loop a single solve goes
// through: each point has the single solve's plan, simulation and re-solves at its budget
// (or, when worth more, the previous point's plan); every point's simulated plan is within its
// budget; the objective never decreases.
TEST(OptimiseHiring, EachFrontierPointIsReSolvedAsASingleSolveIs) {
  scenario::Scenario s = three_caseloads();
  s.coach_supply.enabled = true;
  s.coach_supply.hires_per_month = 1;
  Request request;
  request.years = {0};
  request.frontier_from = 0.5;
  request.frontier_to = 1.0;
  request.frontier_steps = 11;  // 0.5, 0.55, ..., 1.0
  Prepared p = prepare(s, request);
  ASSERT_TRUE(p.runs.at_start);
  const std::vector<std::vector<std::int64_t>> caps = {p.instances.front().region_budget};
  const std::vector<ProgramPoint> points = frontier_points(p, request, caps);
  ASSERT_EQ(points.size(), 11u);
  // A single solve at each point's budget, through the loop the command runs.
  double previous = -1;
  int resolved_some = 0;
  for (const ProgramPoint& point : points) {
    std::vector<Instance> in = p.instances;
    const Resolved single =
        resolve(in, point.budgets, one_year_solver(), [&](const YearsSolution& sol) {
          scenario::Scenario plan = p.unlimited;
          plan.not_coached = {
              {2021, schools_left_out(p.runs.base->population, in.front(), sol.years.front())}};
          return results::simulate(plan, false);
        });
    EXPECT_EQ(point.solution.feasible, single.solution.feasible) << point.share;
    if (!single.within()) continue;  // 50%: the fixed costs alone are over
    EXPECT_LE(point.simulated.front().cost, point.budgets.front()) << point.share;
    EXPECT_GE(point.solution.objective, previous) << point.share;
    previous = point.solution.objective;
    resolved_some += point.rounds > 0;
    if (point.solution.objective > single.solution.objective) continue;  // the previous plan
    EXPECT_EQ(point.solution.years.front().chosen, single.solution.years.front().chosen)
        << point.share;
    EXPECT_EQ(point.rounds, single.rounds) << point.share;
    EXPECT_EQ(point.simulated.front().cost, outcome_of(*single.simulation, 0).cost) << point.share;
  }
  EXPECT_GT(resolved_some, 0);  // the loop ran: a plan solved once would not have been loosened
}

}  // namespace optimise_test
}  // namespace coachsim::optimise
