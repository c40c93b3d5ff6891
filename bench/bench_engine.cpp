// Engine benchmarks: event throughput of the Simulator and calendar query rates.
//
//   BM_SelfRescheduling/1000    1,000 processes, each re-scheduling itself 10,000 times
//   BM_SelfRescheduling/100000  100,000 pending processes, 100 times each
// Both process 10 million events per iteration and report items_per_second = events/s.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "coachsim/calendar/calendar.hpp"
#include "coachsim/engine/simulator.hpp"

namespace {

using coachsim::calendar::Calendar;
using coachsim::calendar::CalendarSpec;
using coachsim::calendar::Date;
using coachsim::calendar::SeasonRange;
using coachsim::engine::Event;
using coachsim::engine::EventHandler;
using coachsim::engine::SimTime;
using coachsim::engine::Simulator;

constexpr std::uint64_t kTotalEvents = 10'000'000;

// A process that wakes up, draws a delay from its own tiny generator and sleeps again.
class Process : public EventHandler {
 public:
  std::uint32_t target = 0;
  std::uint64_t state = 1;
  std::uint64_t remaining = 0;
  void handle(Simulator& sim, const Event& e) override {
    if (--remaining == 0) return;
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto delay = 1 + static_cast<SimTime>((state >> 33) % 1440);  // up to a day
    sim.schedule_in(delay, target, e.kind, e.payload);
  }
};

void BM_SelfRescheduling(benchmark::State& st) {
  const auto processes = static_cast<std::size_t>(st.range(0));
  const std::uint64_t per_process = kTotalEvents / processes;
  std::uint64_t events = 0;
  for (auto _ : st) {
    st.PauseTiming();
    auto sim = std::make_unique<Simulator>();
    std::vector<Process> procs(processes);
    for (std::size_t i = 0; i < processes; ++i) {
      procs[i].state = i + 1;
      procs[i].remaining = per_process;
      procs[i].target = sim->add_handler(&procs[i]);
    }
    for (std::size_t i = 0; i < processes; ++i) {
      sim->schedule_at(static_cast<SimTime>(i % 1440), procs[i].target, 0, i);
    }
    st.ResumeTiming();
    events += sim->run();
    benchmark::DoNotOptimize(sim->now());
    st.PauseTiming();
    sim.reset();
    procs.clear();
    st.ResumeTiming();
  }
  st.SetItemsProcessed(static_cast<std::int64_t>(events));
}
BENCHMARK(BM_SelfRescheduling)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

// Ten school years, three zones, a dozen holidays a year.
Calendar make_calendar() {
  CalendarSpec s;
  s.first = D(2024, 1, 1);
  s.last = D(2033, 12, 31);
  s.weekend = {std::chrono::Saturday, std::chrono::Sunday};
  for (int y = 2024; y <= 2033; ++y) {
    for (const auto& [m, d] : std::vector<std::pair<unsigned, unsigned>>{{1, 1},
                                                                         {5, 1},
                                                                         {6, 7},
                                                                         {6, 29},
                                                                         {7, 23},
                                                                         {7, 28},
                                                                         {7, 29},
                                                                         {8, 6},
                                                                         {8, 30},
                                                                         {10, 8},
                                                                         {11, 1},
                                                                         {12, 8},
                                                                         {12, 9},
                                                                         {12, 25}}) {
      s.holidays.push_back(D(y, m, d));
    }
    s.school_terms.push_back({D(y, 3, 11), D(y, 7, 19)});
    s.school_terms.push_back({D(y, 8, 5), D(y, 12, 20)});
  }
  s.rainy_seasons = {{SeasonRange{{12, 1}, {4, 30}}},
                     {SeasonRange{{11, 1}, {3, 31}}},
                     {SeasonRange{{1, 1}, {3, 15}}, SeasonRange{{6, 1}, {6, 30}}}};
  return Calendar(s);
}

// Pseudo-random days inside the calendar, drawn before timing.
std::vector<Date> query_days(const Calendar& cal, std::size_t n) {
  std::vector<Date> out(n);
  std::uint64_t x = 12345;
  const auto span = static_cast<std::uint64_t>(cal.index(cal.last()) + 1);
  for (auto& d : out) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    d = cal.date(static_cast<std::int64_t>((x >> 33) % span));
  }
  return out;
}

void BM_CalendarDayFlags(benchmark::State& st) {
  const Calendar cal = make_calendar();
  const auto days = query_days(cal, 4096);
  std::size_t i = 0;
  for (auto _ : st) {
    const Date d = days[i++ & 4095];
    benchmark::DoNotOptimize(cal.is_school_day(d));
    benchmark::DoNotOptimize(cal.is_working_day(d));
    benchmark::DoNotOptimize(cal.is_rainy(d, 1));
  }
  st.SetItemsProcessed(st.iterations() * 3);
}
BENCHMARK(BM_CalendarDayFlags);

void BM_CalendarNextSchoolDay(benchmark::State& st) {
  const Calendar cal = make_calendar();
  const auto days = query_days(cal, 4096);
  std::size_t i = 0;
  for (auto _ : st) benchmark::DoNotOptimize(cal.next_school_day(days[i++ & 4095]));
  st.SetItemsProcessed(st.iterations());
}
BENCHMARK(BM_CalendarNextSchoolDay);

void BM_CalendarSchoolDaysInRange(benchmark::State& st) {
  const Calendar cal = make_calendar();
  const auto days = query_days(cal, 4096);
  std::size_t i = 0;
  for (auto _ : st) {
    const Date a = days[i++ & 4095];
    const Date b = days[i++ & 4095];
    benchmark::DoNotOptimize(cal.school_days(a < b ? a : b, a < b ? b : a));
  }
  st.SetItemsProcessed(st.iterations());
}
BENCHMARK(BM_CalendarSchoolDaysInRange);

void BM_CalendarBuild(benchmark::State& st) {
  for (auto _ : st) benchmark::DoNotOptimize(make_calendar());
  st.SetItemsProcessed(st.iterations());
}
BENCHMARK(BM_CalendarBuild)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
