// Loading a scenario whose schools come from a CSV census, as `coachsim run` loads it (the
// document layer: YAML, CSV, validation). Reports the time per load and the memory the load
// takes, counted by a replacement of the global operator new: the peak of live heap bytes during
// the load, beyond the school records the loaded scenario holds (the data itself) and per school
// row. The file text read from disk counts as overhead too. Target (issue 17): 100,000 rows in
// under 0.2 s and under 300 bytes per row beyond the data.
//
// The census is written to a temporary folder: one region, 20 UGELs, two school types, N rows
// with ids, UGELs, types, flags and figures varying row by row (a fixed pattern, no random draw).
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <new>
#include <string>

#include "coachsim/scenario/document.hpp"

namespace {

std::atomic<std::size_t> g_live{0};
std::atomic<std::size_t> g_peak{0};

void count_alloc(void* p) {
  if (p == nullptr) return;
  const std::size_t live = g_live.fetch_add(malloc_usable_size(p)) + malloc_usable_size(p);
  std::size_t peak = g_peak.load();
  while (live > peak && !g_peak.compare_exchange_weak(peak, live)) {
  }
}

}  // namespace

void* operator new(std::size_t n) {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (p == nullptr) throw std::bad_alloc();
  count_alloc(p);
  return p;
}
// The replacement operator new above takes its memory from malloc, so free is the matching
// release; GCC cannot see that across the replacement and warns.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void operator delete(void* p) noexcept {
  if (p == nullptr) return;
  g_live.fetch_sub(malloc_usable_size(p));
  std::free(p);
}
#pragma GCC diagnostic pop
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

namespace {

namespace fs = std::filesystem;

constexpr const char* kScenario = R"(coachsim: 1
name: "Loading benchmark"
currency: PEN
years:
  - year: 2021
    terms:
      - {from: 2021-03-15, to: 2021-12-17}
    contract: {start: 2021-02-01, end: 2021-12-31}
    coach_workshops: [2021-02-08, 2021-07-19]
    teacher_workshops: [2021-03-08, 2021-08-02]
geographies:
  - {id: andes, speed: "25 km/h", fare: "0.40 PEN/km"}
protocol:
  dispersed_above: "50 km"
  school_types:
    - {id: eib, visit_days: [3, 3, 2, 2, 2, 2], gia: {count: 4, duration: "3 h", venue: school}, rtc: {count: 2, duration: "3 h", venue: cluster}, teacher_workshops: {count: 2, total_days: "10 days"}, coach_workshops: {count: 2, total_days: "16 days"}}
    - {id: multigrade, visit_days: [3, 3, 2, 2, 2, 2], gia: {count: 4, duration: "3 h", venue: school}, rtc: {count: 2, duration: "3 h", venue: cluster}, teacher_workshops: {count: 2, total_days: "10 days"}, coach_workshops: {count: 2, total_days: "16 days"}}
  caseload_rules:
    - {school_type: eib, teachers_per_coach: 8}
    - {school_type: multigrade, dispersed: true, teachers_per_coach: 6}
    - {school_type: multigrade, teachers_per_coach: 8}
coach: {monthly_fee: "2830 PEN/month", working_hours_per_day: "8 h", max_daily_commute: "2 h", travel_hours_per_day: "8 h"}
supervision: {coaches_per_supervisor: 9, visits_per_coach: 2, monthly_fee: "3400 PEN/month", days_per_visit: "1 day"}
costs: {per_diem: "120 PEN/day", teacher_workshop: "60 PEN/participant-day", teacher_workshop_travel: "60 PEN/participant", coach_workshop: "120 PEN/participant-day", coach_workshop_travel: "300 PEN/participant", gia_per_participant: "5 PEN/participant", rtc_per_participant: "0 PEN/participant", materials_per_teacher: "150 PEN/participant", materials_per_coach: "600 PEN/participant", overhead_rate: 0.03}
regions:
  - id: Cusco
    geography: andes
    ugels: 20
    schools_csv: schools.csv
)";

// Writes the scenario and its N-row census into a fresh folder; returns the scenario's path.
fs::path write_census(std::int64_t rows) {
  const fs::path dir = fs::temp_directory_path() / ("coachsim_bench_load_" + std::to_string(rows));
  fs::create_directories(dir);
  std::ofstream(dir / "census.yaml") << kScenario;
  std::ofstream csv(dir / "schools.csv");
  csv << "id,ugel,school_type,urban,border,teachers,students,distance_km\n";
  for (std::int64_t i = 0; i < rows; ++i) {
    const std::int64_t teachers = 1 + i % 4;
    csv << "IE-" << 100000 + i << ",UGEL " << 1 + i % 20 << ","
        << (i % 3 == 0 ? "eib" : "multigrade") << ",false," << (i % 11 == 0 ? "true" : "false")
        << "," << teachers << "," << teachers * (10 + i % 9) << "," << 5 + i % 97 << "." << i % 10
        << "\n";
  }
  return dir / "census.yaml";
}

// Heap bytes of the schools a scenario holds: the records and their strings' own buffers (a
// vector's unused capacity counts as overhead, not data).
std::size_t school_bytes(const coachsim::scenario::Scenario& s) {
  std::size_t bytes = 0;
  for (const auto& region : s.regions) {
    bytes += region.schools.size() * sizeof(coachsim::scenario::SchoolRecord);
    for (const auto& school : region.schools) {
      for (const std::string* text : {&school.id, &school.ugel, &school.school_type}) {
        if (text->capacity() > 15) bytes += text->capacity() + 1;
      }
    }
  }
  return bytes;
}

void BM_LoadSchoolsCsv(benchmark::State& state) {
  const std::int64_t rows = state.range(0);
  const fs::path path = write_census(rows);
  double peak_beyond = 0;
  double data = 0;
  for (auto _ : state) {
    const std::size_t before = g_live.load();
    g_peak.store(before);
    auto loaded = coachsim::scenario::load_document_file(path.string());
    if (!loaded.ok()) {
      for (const auto& e : loaded.errors) std::cerr << e.to_string() << "\n";
      std::exit(2);
    }
    data = static_cast<double>(school_bytes(loaded.document->nominal()));
    peak_beyond = static_cast<double>(g_peak.load() - before) - data;
    benchmark::DoNotOptimize(loaded.document.get());
  }
  fs::remove_all(path.parent_path());
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["data_bytes_per_row"] = data / static_cast<double>(rows);
  state.counters["peak_bytes_beyond_data_per_row"] = peak_beyond / static_cast<double>(rows);
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(rows) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

BENCHMARK(BM_LoadSchoolsCsv)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0);

}  // namespace

BENCHMARK_MAIN();
