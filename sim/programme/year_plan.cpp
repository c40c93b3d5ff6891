// Deriving each school year's shape from the scenario: school days, the window in which each
// visit round may start, the coaches' fixed-date workshops and each region's contract dates.
#include <algorithm>
#include <cmath>

#include "context.hpp"

namespace coachsim::programme {
namespace {

using std::chrono::days;

// The n-th (0-based) school day on or after `from`.
Date nth_school_day(const engine::Calendar& cal, Date from, int n) {
  Date d = cal.next_school_day(from);
  for (int i = 0; i < n; ++i) d = cal.next_school_day(d + days(1));
  return d;
}

// Workshops of one kind: the dates come from the year, the days from the protocol, split as
// evenly as whole days allow (the first workshops take the extra days).
void add_workshops(const engine::Calendar& cal, const std::vector<Date>& starts,
                   const scenario::WorkshopProtocol& protocol, bool coach_workshop, Date limit,
                   std::vector<Commitment>& out) {
  const int count = protocol.count;
  if (count <= 0) return;
  const int total = static_cast<int>(std::lround(protocol.total_days.value()));
  for (int k = 0; k < count && k < static_cast<int>(starts.size()); ++k) {
    Commitment c;
    c.coach_workshop = coach_workshop;
    c.number = k;
    c.days = total / count + (k < total % count ? 1 : 0);
    Date next;
    c.start = cal.next_working_day(starts[static_cast<std::size_t>(k)]);
    c.fits = c.start <= limit && take_working_days(cal, c.start, c.days, limit, c.end, next);
    if (!c.fits) c.end = c.start;
    out.push_back(c);
  }
}

}  // namespace

std::vector<YearPlan> plan_years(const scenario::Scenario& s, const engine::Calendar& cal) {
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
    for (const scenario::SchoolTypeProtocol& type : s.school_types) {
      // Visit rounds start evenly spread over the school days of the year, so that a coach who
      // is ahead waits instead of crowding a teacher's visits into the first months.
      const auto rounds = static_cast<int>(type.visit_days.size());
      std::vector<Date> starts;
      for (int r = 0; r < rounds; ++r)
        starts.push_back(nth_school_day(cal, p.first_school_day, r * p.school_days / rounds));
      p.round_starts.push_back(std::move(starts));

      std::vector<Commitment> commitments;
      add_workshops(cal, year.coach_workshop_starts, type.coach_workshops, true, p.contract_end,
                    commitments);
      add_workshops(cal, year.teacher_workshop_starts, type.teacher_workshops, false,
                    p.contract_end, commitments);
      std::stable_sort(commitments.begin(), commitments.end(),
                       [](const Commitment& a, const Commitment& b) { return a.start < b.start; });
      p.commitments.push_back(std::move(commitments));
    }
    plans.push_back(std::move(p));
  }
  return plans;
}

}  // namespace coachsim::programme
