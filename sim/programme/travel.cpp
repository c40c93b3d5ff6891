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

TravelPlan plan_travel(const Context& ctx, double dry_hours, std::uint32_t zone, Date start) {
  const scenario::Geography& geo = ctx.scenario.geographies[zone];
  const scenario::CoachTerms& terms = ctx.scenario.coach;
  const bool rainy = ctx.calendar.is_rainy(start, zone);
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

namespace {

template <class IsUsable>
bool take_days(const calendar::Calendar& cal, Date from, int n, Date limit, Date& last, Date& next,
               IsUsable usable) {
  Date d = from;
  for (int i = 0; i < n; ++i) {
    while (d <= limit && !usable(d)) d += std::chrono::days(1);
    if (d > limit) return false;
    last = d;
    d += std::chrono::days(1);
  }
  next = d;
  (void)cal;
  return true;
}

}  // namespace

bool take_working_days(const calendar::Calendar& cal, Date from, int n, Date limit, Date& last,
                       Date& next) {
  return take_days(cal, from, n, limit, last, next, [&](Date d) { return cal.is_working_day(d); });
}

bool take_school_days(const calendar::Calendar& cal, Date from, int n, Date limit, Date& last,
                      Date& next) {
  return take_days(cal, from, n, limit, last, next, [&](Date d) { return cal.is_school_day(d); });
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
