// Dating each school year (year_plan.hpp): school days, the day each visit round may start, the
// workshops of each school type and each region's contract dates.
#include "year_plan.hpp"

#include <algorithm>
#include <cmath>

#include "context.hpp"

namespace coachsim::programme {
namespace {

using std::chrono::days;

// The workshops of one kind: the dates come from the year, the days from the protocol.
void add_workshops(const calendar::Calendar& cal, const std::vector<Date>& starts,
                   const std::vector<int>& days_each, bool coach_workshop, Date limit,
                   std::vector<Workshop>& out) {
  for (std::size_t k = 0; k < days_each.size() && k < starts.size(); ++k) {
    Workshop w;
    w.coach_workshop = coach_workshop;
    w.number = static_cast<int>(k);
    w.days = days_each[k];
    Date next;
    w.start = cal.next_working_day(starts[k]);
    w.fits = w.start <= limit && take_working_days(cal, w.start, w.days, limit, w.end, next);
    if (!w.fits) w.end = w.start;
    out.push_back(w);
  }
}

}  // namespace

Date nth_school_day(const calendar::Calendar& cal, Date from, int n) {
  Date d = cal.next_school_day(from);
  for (int i = 0; i < n; ++i) d = cal.next_school_day(d + days(1));
  return d;
}

std::vector<YearPlan> plan_years(const scenario::Scenario& s,
                                 const std::vector<Protocol>& protocols,
                                 const calendar::Calendar& cal) {
  std::vector<YearPlan> plans;
  for (std::size_t y = 0; y < s.years.size(); ++y) {
    const scenario::SchoolYear& year = s.years[y];
    YearPlan p;
    p.index = y;
    const std::chrono::year cy{year.year};
    p.first_day = Date{cy / std::chrono::January / 1};
    p.last_day = Date{cy / std::chrono::December / 31};
    p.first_school_day = cal.next_school_day(year.terms.front().first);
    p.last_school_day = year.terms.back().last;
    while (p.last_school_day > p.first_school_day && !cal.is_school_day(p.last_school_day))
      p.last_school_day -= days(1);
    p.school_days = cal.school_days(p.first_school_day, p.last_school_day);
    p.contract_end = year.contract_end;
    for (const scenario::Region& region : s.regions) {
      const auto delay = static_cast<int>(std::lround(region.contract_delay.value()));
      p.contract_start.push_back(year.contract_start + days(delay));
    }
    for (const Protocol& protocol : protocols) {
      // Visit rounds start evenly spread over the school days of the year, so that a coach who
      // is ahead waits instead of crowding a teacher's visits into the first months.
      const auto rounds = static_cast<int>(protocol.rounds.size());
      std::vector<Date> starts;
      for (int r = 0; r < rounds; ++r)
        starts.push_back(nth_school_day(cal, p.first_school_day, r * p.school_days / rounds));
      p.round_starts.push_back(std::move(starts));

      std::vector<Workshop> workshops;
      add_workshops(cal, year.coach_workshop_starts, protocol.coach_workshop_days, true,
                    p.contract_end, workshops);
      add_workshops(cal, year.teacher_workshop_starts, protocol.teacher_workshop_days, false,
                    p.contract_end, workshops);
      std::stable_sort(workshops.begin(), workshops.end(),
                       [](const Workshop& a, const Workshop& b) { return a.start < b.start; });
      p.workshops.push_back(std::move(workshops));
    }
    plans.push_back(std::move(p));
  }
  return plans;
}

}  // namespace coachsim::programme
