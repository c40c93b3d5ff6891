// One full run of the built-in default scenario (national scale, three school years):
// population expansion, the programme on the engine, aggregation. Reports events per second
// and ledger entries, with and without keeping the full ledger.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/loader.hpp"

namespace {

const coachsim::scenario::Scenario& default_scenario() {
  static const coachsim::scenario::Scenario s = [] {
    auto loaded = coachsim::scenario::load_scenario_text(
        coachsim::scenario::default_scenario_text(), "default", ".");
    if (!loaded.ok()) {
      for (const auto& e : loaded.errors) std::cerr << e.to_string() << "\n";
      std::exit(2);
    }
    return loaded.scenario;
  }();
  return s;
}

void run(benchmark::State& state, bool keep_ledger) {
  const auto& s = default_scenario();
  std::uint64_t events = 0, entries = 0, teachers = 0, coaches = 0;
  for (auto _ : state) {
    auto sim = coachsim::results::simulate(s, keep_ledger);
    events = sim->events;
    entries = sim->ledger.entry_count();
    teachers = static_cast<std::uint64_t>(sim->results.national.front().tally.teachers);
    coaches = static_cast<std::uint64_t>(sim->results.national.front().tally.coaches);
    benchmark::DoNotOptimize(sim->results.grand_total);
  }
  state.counters["events"] = static_cast<double>(events);
  state.counters["ledger_entries"] = static_cast<double>(entries);
  state.counters["teachers"] = static_cast<double>(teachers);
  state.counters["coaches"] = static_cast<double>(coaches);
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(events) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

void BM_DefaultScenarioRun(benchmark::State& state) { run(state, false); }
void BM_DefaultScenarioRunKeepLedger(benchmark::State& state) { run(state, true); }

BENCHMARK(BM_DefaultScenarioRun)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_DefaultScenarioRunKeepLedger)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
