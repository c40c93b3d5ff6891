// `coachsim optimise` on the built-in default (national, 2021): one solve of the 85% budget on
// an instance built once, 2021-2022 in one solve (85% each, continuity), and a 15-point frontier
// (50%..120%: 15 solves, each distinct plan simulated, on two threads) as the command runs it. The
// unlimited run and the instance are built once outside the timed loop, as the command builds them
// once per invocation.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "coachsim/optimise/optimise.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/loader.hpp"
#include "coachsim/units/rounding.hpp"

namespace {

using namespace coachsim;

struct Setup {
  scenario::Scenario s;
  std::unique_ptr<results::Simulation> base;
  optimise::Instance in;
};

const Setup& setup() {
  static const Setup st = [] {
    auto loaded = scenario::load_scenario_text(scenario::default_scenario_text(), "default", ".");
    if (!loaded.ok()) {
      for (const auto& e : loaded.errors) std::cerr << e.to_string() << "\n";
      std::exit(2);
    }
    Setup x;
    x.s = loaded.scenario;
    x.s.budget = scenario::Budget{};
    x.base = results::simulate(x.s, true);
    x.in = optimise::make_instance(x.s, x.base->population, x.base->ledger, 1);  // 2021
    return x;
  }();
  return st;
}

std::int64_t share_of_plan(double share) {
  return units::round_half_away(share * static_cast<double>(setup().in.plan_cost));
}

void BM_OptimiseSolve85(benchmark::State& state) {
  const Setup& st = setup();
  double teachers = 0;
  for (auto _ : state) {
    const optimise::Solution sol = optimise::solve(st.in, share_of_plan(0.85), 0.0);
    teachers = static_cast<double>(sol.teachers);
    benchmark::DoNotOptimize(sol.objective);
  }
  state.counters["groups"] = static_cast<double>(st.in.groups.size());
  state.counters["teachers"] = teachers;
}

void BM_OptimiseFrontier15(benchmark::State& state) {
  const Setup& st = setup();
  std::vector<std::int64_t> budgets;
  for (int k = 0; k < 15; ++k) budgets.push_back(share_of_plan(0.5 + 0.7 * k / 14));
  const optimise::PlanOutcome all = optimise::outcome_of(*st.base, st.in.year);
  for (auto _ : state) {
    const auto points = optimise::frontier(st.s, st.base->population, st.in, budgets, 0.0, all,
                                           static_cast<unsigned>(state.range(0)));
    benchmark::DoNotOptimize(points.back().simulated.full_protocol);
  }
}

// The unlimited run with its ledger and the instance: what one invocation builds once.
void BM_OptimiseInstance(benchmark::State& state) {
  const Setup& st = setup();
  for (auto _ : state) {
    auto base = results::simulate(st.s, true);
    const optimise::Instance in = optimise::make_instance(st.s, base->population, base->ledger, 1);
    benchmark::DoNotOptimize(in.plan_cost);
  }
}

// Several years in one program: 2021 and 2022 at 85% of each year's plan, with continuity
// (solve_years: 2 x 3,894 binaries, the continuity rows, CBC from the backward first plan).
void BM_OptimiseSolveYears85(benchmark::State& state) {
  const Setup& st = setup();
  std::vector<optimise::Instance> years = {
      st.in, optimise::make_instance(st.s, st.base->population, st.base->ledger, 2)};  // 2022
  std::vector<std::int64_t> budgets;
  for (const optimise::Instance& in : years)
    budgets.push_back(units::round_half_away(0.85 * static_cast<double>(in.plan_cost)));
  double objective = 0;
  for (auto _ : state) {
    const optimise::YearsSolution sol = optimise::solve_years(years, budgets, 0.0);
    objective = sol.objective;
    benchmark::DoNotOptimize(sol.objective);
  }
  state.counters["objective"] = objective;
}

BENCHMARK(BM_OptimiseSolve85)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_OptimiseSolveYears85)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_OptimiseInstance)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_OptimiseFrontier15)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
