// Helpers for the growth tests: a multi-year copy of the small scenario, a scenario with many
// one-school coaches, and a run of the programme on a scenario built in code.
#pragma once

#include <chrono>
#include <string>

#include "../support/files.hpp"
#include "../support/small_scenario.hpp"
#include "coachsim/ledger/ledger.hpp"
#include "coachsim/programme/population.hpp"
#include "coachsim/programme/run.hpp"
#include "coachsim/programme/tally.hpp"

namespace coachsim::testing {

// The small scenario's year repeated for `first` .. `first + count - 1`, same dates each year.
inline scenario::Scenario years_scenario(int first, int count) {
  using namespace std::chrono;
  scenario::Scenario s = small_scenario();
  const scenario::SchoolYear base = s.years.front();
  s.years.clear();
  for (int k = 0; k < count; ++k) {
    const years shift{first + k - 2021};
    auto move = [&](calendar::Date d) {
      const year_month_day ymd{d};
      return calendar::Date{sys_days{(ymd.year() + shift) / ymd.month() / ymd.day()}};
    };
    scenario::SchoolYear y = base;
    y.year = first + k;
    y.terms = {{move(base.terms.front().first), move(base.terms.front().last)}};
    y.contract_start = move(base.contract_start);
    y.contract_end = move(base.contract_end);
    y.coach_workshop_starts = {move(base.coach_workshop_starts.front())};
    y.teacher_workshop_starts = {move(base.teacher_workshop_starts.front())};
    s.years.push_back(y);
  }
  return s;
}

// `n` schools of 3 teachers, 10 km and up in steps of 1 m, so each is one coach's caseload.
inline scenario::Scenario many_coaches(int n) {
  scenario::Scenario s = small_scenario();
  s.regions.front().schools.clear();
  for (int k = 0; k < n; ++k) {
    s.regions.front().schools.push_back({"S" + std::to_string(k + 1), "U1", "t", false, false, 3,
                                         30, units::km(10.0 + 0.001 * k), std::nullopt});
  }
  s.supervision.coaches_per_supervisor = 0;
  return s;
}

// scenarios/small.yaml's text, ending in a newline, for tests that append sections to it.
inline std::string small_yaml() {
  std::string yaml = slurp(std::string(COACHSIM_SOURCE_DIR) + "/scenarios/small.yaml");
  if (yaml.empty() || yaml.back() != '\n') yaml += '\n';
  return yaml;
}

struct GrowthRun {
  programme::Population population;
  ledger::Ledger ledger;
  programme::Tally tally;
};

inline GrowthRun run(const scenario::Scenario& s, std::uint64_t replication = 0) {
  programme::Population pop = programme::build_population(s);
  GrowthRun r{std::move(pop), ledger::Ledger(s.years.size(), s.regions.size() + 1, true),
              programme::Tally(s.years.size(), s.regions.size())};
  programme::run_programme(s, r.population, r.ledger, r.tally, replication);
  return r;
}

}  // namespace coachsim::testing
