// How run time grows with the programme: the default national scenario with every regional
// school aggregate multiplied by 1, 2, 5 and 10 (coaches and supervisors follow from the
// caseload rules). The target: 10 times the teachers takes at most 12 times as long.
// Population expansion is part of the timed work, as in a real run; aggregates only (no ledger).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/loader.hpp"

namespace {

coachsim::scenario::Scenario scaled_default(int factor) {
  auto loaded = coachsim::scenario::load_scenario_text(coachsim::scenario::default_scenario_text(),
                                                       "default", ".");
  if (!loaded.ok()) {
    for (const auto& e : loaded.errors) std::cerr << e.to_string() << "\n";
    std::exit(2);
  }
  for (auto& region : loaded.scenario.regions)
    for (auto& aggregate : region.aggregates) aggregate.count *= factor;
  return loaded.scenario;
}

void BM_DefaultScaled(benchmark::State& state) {
  const auto s = scaled_default(static_cast<int>(state.range(0)));
  std::uint64_t events = 0, teachers = 0, coaches = 0;
  for (auto _ : state) {
    auto sim = coachsim::results::simulate(s, false);
    events = sim->events;
    teachers = static_cast<std::uint64_t>(sim->results.national.front().tally.teachers);
    coaches = static_cast<std::uint64_t>(sim->results.national.front().tally.coaches);
    benchmark::DoNotOptimize(sim->results.grand_total);
  }
  state.counters["teachers"] = static_cast<double>(teachers);
  state.counters["coaches"] = static_cast<double>(coaches);
  state.counters["events"] = static_cast<double>(events);
  // Time per teacher-year: flat when cost grows linearly with the programme.
  state.counters["per_teacher_year"] = benchmark::Counter(
      static_cast<double>(teachers) * 3.0 * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

BENCHMARK(BM_DefaultScaled)
    ->Arg(1)
    ->Arg(2)
    ->Arg(5)
    ->Arg(10)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0);

}  // namespace

BENCHMARK_MAIN();
