// Private to the programme module: what every programme process of a run shares.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "budget_gate.hpp"
#include "coachsim/calendar/calendar.hpp"
#include "coachsim/engine/simulator.hpp"
#include "coachsim/ledger/ledger.hpp"
#include "coachsim/programme/population.hpp"
#include "coachsim/programme/tally.hpp"
#include "coachsim/scenario/scenario.hpp"
#include "protocol.hpp"
#include "year_plan.hpp"

namespace coachsim::programme {

// Times of day at which the programme's events fire, so that same-day events have a fixed order.
inline constexpr engine::SimTime kMorning = 8 * 60;      // a coach or supervisor sets out
inline constexpr engine::SimTime kEvening = 17 * 60;     // a trip or workshop ends
inline constexpr engine::SimTime kMonthClose = 23 * 60;  // payroll and overhead
inline constexpr engine::SimTime kYearClose = 23 * 60 + 30;

// What a run's processes share, in three parts, so that each process is handed only the parts
// it uses and the compiler keeps the rest out of its reach:
//   RunInputs  what the run reads and never changes once it starts (const to every process);
//   Clock      the engine's time as dates;
//   Books      the only way to spend: post() stamps an entry, feeds the month's overhead base,
//              the ledger and the budget, and the budget gate asks before an activity starts.
// A process that keeps counts also gets the Tally; the coach and the payroll get the coach
// supply (hiring, training, attrition, cancellations); nothing else does.
struct RunInputs {
  const scenario::Scenario& scenario;
  const Population& population;
  const calendar::Calendar& calendar;
  std::vector<Protocol> protocols;  // per school type (protocol.hpp)
  std::vector<YearPlan> years;
  ExtraLines extra_lines{};       // the scenario's extra_costs:, by driver (cost_model.hpp)
  std::uint64_t replication = 0;  // keys the programme's random streams with scenario.seed
};

struct Clock {
  const calendar::Calendar& calendar;
  engine::Simulator& sim;

  engine::SimTime at(Date d, engine::SimTime time_of_day) const {
    return engine::day_start(calendar.index(d)) + time_of_day;
  }
  Date today() const { return calendar.date(sim.now() / engine::kMinutesPerDay); }
  static std::int32_t day_number(Date d) {
    return static_cast<std::int32_t>(d.time_since_epoch().count());
  }
};

struct Books {
  ledger::Ledger& ledger;
  std::vector<std::int64_t> month_direct;  // per region (+ outside): direct cost this month
  std::uint64_t current_event = 0;  // set by each handler: the event entries are stamped with
  BudgetGate budget{};              // default: unlimited money
  // The overhead base by the month of each entry's date rather than by the month it was posted
  // in: [year][month - 1][region (+ outside)], empty when off. The two are the same in a run in
  // event order (every entry is dated the day it is posted, before that day's month close); by
  // date, a coach may post its year ahead (CoachProcess, run.hpp). On when money is unlimited
  // (the treasury forecasts from month_direct); the calendar year of each school year checks
  // that every direct entry falls in a month its year closes.
  std::vector<std::int64_t> dated_direct{};
  std::vector<int> calendar_years{};  // per school year, with dated_direct

  std::int64_t& dated(std::size_t year, unsigned month, std::size_t region) {
    return dated_direct[(year * 12 + (month - 1)) * month_direct.size() + region];
  }
  // Posts `e` after stamping it with the current event; direct costs feed the month's overhead
  // base. By reference: a copy of an entry just written field by field is reloaded in wider
  // words than it was stored in (a store-forwarding stall on every posting).
  void post(ledger::Entry& e) {
    e.event = current_event;
    ledger.post(e);
    if (e.activity != costs::Activity::kOverhead) {
      if (dated_direct.empty()) {
        month_direct[e.region] += e.amount;
      } else {
        if (ledger.last_calendar_year() != calendar_years[e.year_index]) [[unlikely]]
          throw_outside_year(e);
        dated(e.year_index, ledger.last_month(), e.region) += e.amount;
      }
    }
    budget.posted(e);
  }
  [[noreturn]] static void throw_outside_year(const ledger::Entry& e);
};

// Whose activity was missed: a coach's, in `region` and `ugel`, at `school` (UINT32_MAX for a
// coach-level activity: a workshop, materials, a supervisor's visit).
struct MissedBy {
  std::size_t region = 0;
  std::uint32_t ugel = 0;
  std::uint32_t coach = 0;
  std::uint32_t school = UINT32_MAX;
};
// Records an activity that did not happen (missed.csv): found on `when`, in school year `year`,
// with its visit round or workshop number and its quantity (teacher-visits, teacher-sessions,
// workshop participant-days, teachers, visits).
inline void record_missed(Tally& tally, Date when, std::size_t year, const MissedBy& who,
                          costs::Activity activity, MissReason reason, std::uint16_t round,
                          std::uint32_t quantity) {
  MissedRecord m;
  m.date = Clock::day_number(when);
  m.year_index = static_cast<std::uint16_t>(year);
  m.region = static_cast<std::uint16_t>(who.region);
  m.ugel = who.ugel;
  m.coach = who.coach;
  m.school = who.school;
  m.activity = activity;
  m.reason = reason;
  m.round = round;
  m.quantity = quantity;
  tally.missed().push_back(m);
}

// One-way travel to a place, as planned on the day a trip starts.
struct TravelPlan {
  double one_way_hours = 0.0;  // after the rainy-season factor
  bool overnight = false;      // beyond the daily commute: stay, with per diem
  int days_each_way = 0;       // travel days out and back (0 when commuting)
  int rain_extra_days = 0;     // travel days added by the rainy season, both ways
  int per_diem_days = 0;       // set once the trip is fitted: per_diem_days() when overnight
};
// The travel of one trip, planned on its departure day (travel.cpp explains the rules). Inline:
// it runs on every trip fitted, and returned from a call its small fields are reloaded in
// wider words than they were stored in (a store-forwarding stall).
inline TravelPlan plan_travel(const RunInputs& in, double dry_hours, std::uint32_t zone,
                              Date start) {
  const scenario::Geography& geo = in.scenario.geographies[zone];
  const scenario::CoachTerms& terms = in.scenario.coach;
  const bool rainy = in.calendar.is_rainy(start, zone);
  auto days_for = [&](double hours) {
    if (hours <= terms.max_daily_commute.value()) return 0;
    // More travel days than a year has can never fit; the cap keeps the count an int.
    const double d = std::ceil(hours / terms.travel_hours_per_day.value() - 1e-9);
    return static_cast<int>(std::min(d, 1000.0));
  };
  TravelPlan plan;
  plan.one_way_hours = rainy ? dry_hours * geo.rainy_travel_factor : dry_hours;
  plan.overnight = plan.one_way_hours > terms.max_daily_commute.value();
  plan.days_each_way = days_for(plan.one_way_hours);
  plan.rain_extra_days = 2 * (plan.days_each_way - days_for(dry_hours));
  return plan;
}

// Consumes `n` working (or school) days from `from`: sets `last` to the last day used (left
// untouched when n == 0) and `next` to the day after. Returns false, leaving both untouched,
// when the days run past `limit`.
bool take_working_days(const calendar::Calendar& cal, Date from, int n, Date limit, Date& last,
                       Date& next);
bool take_school_days(const calendar::Calendar& cal, Date from, int n, Date limit, Date& last,
                      Date& next);

// A trip from `start`: travel days out, `site_days` school days on site, travel days back,
// all before the contract ends (site days before the last school day). An outbound leg is not
// split by, nor started before, a holiday or school break that comes before the first session:
// the departure moves to the first school day after it. Sets the departure day, the trip's last
// day and the first day after it; false when it does not fit in the year.
bool fit_trip(const calendar::Calendar& cal, const YearPlan& plan, Date start, int travel_days,
              int site_days, Date& depart, Date& last, Date& after);

// Days of per diem of an overnight trip that leaves on `depart`, is back on `back` and spends
// `site_days` on site, counted by `basis` (scenario costs.per_diem_basis).
int per_diem_days(const calendar::Calendar& cal, scenario::PerDiemBasis basis, Date depart,
                  Date back, int site_days);

}  // namespace coachsim::programme
