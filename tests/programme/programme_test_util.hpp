// Helpers for the tests of one programme process on a hand-built scenario: the programme run
// with its ledger entries kept, and the entries of some activities as comparable rows.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "../support/small_scenario.hpp"
#include "coachsim/ledger/ledger.hpp"
#include "coachsim/programme/cost_table.hpp"
#include "coachsim/programme/population.hpp"
#include "coachsim/programme/run.hpp"
#include "coachsim/programme/tally.hpp"

namespace coachsim::programme::testing {

struct ProgrammeRun {
  ProgrammeRun(const scenario::Scenario& s, const Population& pop)
      : ledger(s.years.size(), pop.regions.size() + 1, true, cost_table(s)),
        tally(s.years.size(), pop.regions.size()) {}
  ledger::Ledger ledger;
  Tally tally;
};

inline std::unique_ptr<ProgrammeRun> run_unlimited(const scenario::Scenario& s) {
  const Population pop = build_population(s);
  auto run = std::make_unique<ProgrammeRun>(s, pop);
  run_programme(s, pop, run->ledger, run->tally);
  return run;
}

inline std::string iso(std::int32_t day_number) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day_number}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

// One ledger line as the tests write it down: date, activity, category, quantity, céntimos.
struct Line {
  std::string date;
  std::string activity;
  std::string category;
  double quantity = 0;
  std::int64_t amount = 0;
  bool operator==(const Line&) const = default;
};
inline std::ostream& operator<<(std::ostream& os, const Line& l) {
  return os << l.date << ' ' << l.activity << ' ' << l.category << ' ' << l.quantity << ' '
            << l.amount;
}

// The ledger's lines of the given activities, in posting order.
inline std::vector<Line> lines_of(const ledger::Ledger& ledger,
                                  std::initializer_list<costs::Activity> activities) {
  std::vector<Line> out;
  for (const ledger::Entry& e : ledger.entries())
    for (costs::Activity a : activities)
      if (e.activity == a)
        out.push_back({iso(e.date), std::string(ledger.costs().activity_id(e.activity)),
                       std::string(ledger.costs().category_id(e.category)), e.quantity, e.amount});
  return out;
}

// The small scenario with one school, S1: 2 teachers at 15 km (half an hour: commuted), so one
// coach. Protocol: visits of 2 and 1 days, one GIA and one RTC of 3 h (in the second round),
// a 3-day coach workshop from Monday 1 March and a 2-day teacher workshop from Thursday 4.
inline scenario::Scenario one_school() {
  scenario::Scenario s = coachsim::testing::small_scenario();
  s.regions[0].schools.resize(1);
  return s;
}

}  // namespace coachsim::programme::testing
