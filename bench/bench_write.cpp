// Writing the default scenario's outputs: ledger.csv (about 890,000 entries, 95 MB) in MB/s,
// to /dev/null (formatting alone) and to a file on disk; and the Excel workbook.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "coachsim/report/run_report.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/loader.hpp"

namespace {

struct DefaultRun {
  coachsim::scenario::Scenario scenario;
  std::unique_ptr<coachsim::results::Simulation> sim;
};

const DefaultRun& default_run() {
  static const DefaultRun run = [] {
    auto loaded = coachsim::scenario::load_scenario_text(
        coachsim::scenario::default_scenario_text(), "default", ".");
    if (!loaded.ok()) {
      for (const auto& e : loaded.errors) std::cerr << e.to_string() << "\n";
      std::exit(2);
    }
    DefaultRun r{loaded.scenario, nullptr};
    r.sim = coachsim::results::simulate(r.scenario, true);
    return r;
  }();
  return run;
}

coachsim::report::RunReport report_of(const DefaultRun& r) {
  return coachsim::report::RunReport{r.scenario,   "default",      r.sim->population, r.sim->ledger,
                                     r.sim->tally, r.sim->results, r.sim->events};
}

// Bytes of the default's ledger.csv (/dev/null cannot tell).
std::uintmax_t ledger_bytes(const coachsim::report::RunReport& report) {
  const auto path = std::filesystem::temp_directory_path() / "coachsim-bench-ledger-size.csv";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr || !coachsim::report::write_ledger_csv(report, f)) std::exit(1);
  std::fclose(f);
  const std::uintmax_t bytes = std::filesystem::file_size(path);
  std::filesystem::remove(path);
  return bytes;
}

void ledger_csv(benchmark::State& state, const char* path) {
  const auto report = report_of(default_run());
  const std::uintmax_t bytes = ledger_bytes(report);
  for (auto _ : state) {
    std::FILE* f = std::fopen(path, "wb");
    if (f == nullptr || !coachsim::report::write_ledger_csv(report, f)) {
      state.SkipWithError("cannot write ledger.csv");
      break;
    }
    std::fclose(f);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
  state.counters["entries"] = static_cast<double>(report.ledger.entry_count());
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}

void BM_LedgerCsvFormat(benchmark::State& state) { ledger_csv(state, "/dev/null"); }

void BM_LedgerCsvToDisk(benchmark::State& state) {
  const auto path = std::filesystem::temp_directory_path() / "coachsim-bench-ledger.csv";
  ledger_csv(state, path.c_str());
  std::filesystem::remove(path);
}

void BM_DefaultWorkbook(benchmark::State& state) {
  const auto report = report_of(default_run());
  const auto path = std::filesystem::temp_directory_path() / "coachsim-bench.xlsx";
  for (auto _ : state) coachsim::report::write_xlsx(report, path.string(), "");
  state.counters["MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  std::filesystem::remove(path);
}

// CPU time of the writing thread: the machine is shared by several builds, so wall time
// mostly measures the wait for a core; on an idle core the two agree.
BENCHMARK(BM_LedgerCsvFormat)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_LedgerCsvToDisk)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_DefaultWorkbook)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
