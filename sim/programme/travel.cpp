// Travel time and working-day arithmetic shared by coaches and supervisors.
//
// A place within `coach.max_daily_commute` (one way) is visited from base every day; a farther
// one means an overnight trip: `ceil(hours / travel_hours_per_day)` travel days each way, and
// per diem for its days as costs.per_diem_basis counts them (by default every day of the
// commission, departure to return, as D.S. 007-2013-EF grants viáticos). In the rainy season of the
// region's geography travel time is multiplied by `rainy_travel_factor`, which can turn a commute
// into an overnight trip.
#include <algorithm>
#include <cmath>

#include "context.hpp"

namespace coachsim::programme {

namespace {

// `nth_usable(d, n)` is the calendar's n-th usable day on or after `d` (after its last day when
// there are fewer), an O(1) lookup, so a trip's days are taken at once, not tested day by day.
template <class NthUsable>
bool take_days(const calendar::Calendar& cal, Date from, int n, Date limit, Date& last, Date& next,
               NthUsable nth_usable) {
  if (n <= 0) {
    next = from;
    return true;
  }
  const Date d = nth_usable(from, n);
  if (d > limit || d > cal.last()) return false;
  last = d;
  next = d + std::chrono::days(1);
  return true;
}

}  // namespace

bool take_working_days(const calendar::Calendar& cal, Date from, int n, Date limit, Date& last,
                       Date& next) {
  return take_days(cal, from, n, limit, last, next,
                   [&](Date d, int k) { return cal.nth_working_day(d, k); });
}

bool take_school_days(const calendar::Calendar& cal, Date from, int n, Date limit, Date& last,
                      Date& next) {
  return take_days(cal, from, n, limit, last, next,
                   [&](Date d, int k) { return cal.nth_school_day(d, k); });
}

bool fit_trip(const calendar::Calendar& cal, const YearPlan& plan, Date start, int travel_days,
              int site_days, Date& depart, Date& last, Date& after) {
  depart = start;
  for (;;) {
    after = depart;
    if (depart > plan.contract_end ||
        !take_working_days(cal, after, travel_days, plan.contract_end, last, after))
      return false;
    // An outbound leg runs straight into the sessions: a holiday or a school-break weekday
    // between departure and the first session means leaving after it instead (a coach does not
    // set off on 28 July for sessions on 9 August, nor split a leg around Easter).
    const Date first_session = site_days > 0 ? cal.next_school_day(after) : after;
    Date gap = depart;
    if (travel_days > 0)
      while (gap < first_session && !cal.is_break_day(gap)) gap += std::chrono::days(1);
    if (travel_days > 0 && gap < first_session) {
      depart = cal.next_school_day(gap);
      continue;
    }
    return take_school_days(cal, after, site_days, plan.last_school_day, last, after) &&
           take_working_days(cal, after, travel_days, plan.contract_end, last, after);
  }
}

int per_diem_days(const calendar::Calendar& cal, scenario::PerDiemBasis basis, Date depart,
                  Date back, int site_days) {
  switch (basis) {
    case scenario::PerDiemBasis::kPerDayOfCommission:
      return static_cast<int>((back - depart).count()) + 1;
    case scenario::PerDiemBasis::kWorkingDayAway:
      return cal.working_days(depart, back);
    case scenario::PerDiemBasis::kSessionDay:
      return site_days;
  }
  return 0;
}

}  // namespace coachsim::programme
