// Travel and working-day arithmetic on their own (sim/programme/travel.cpp): a hand-built
// calendar for 2021 with weekends off, Peru's national holidays of 28-29 July, and a school
// break from Saturday 24 July to Sunday 8 August (terms 1 March - 23 July, 9 August - 17
// December).
#include <gtest/gtest.h>

#include <chrono>

#include "../../sim/programme/context.hpp"
#include "../support/small_scenario.hpp"
#include "coachsim/programme/population.hpp"

namespace coachsim::programme {
namespace travel_test {

using namespace std::chrono;

calendar::Date day(int m, int d) { return sys_days{year{2021} / month(m) / d}; }

calendar::Calendar calendar() {
  calendar::CalendarSpec spec;
  spec.first = day(1, 1);
  spec.last = day(12, 31);
  spec.weekend = {Saturday, Sunday};
  spec.holidays = {day(7, 28), day(7, 29)};
  spec.school_terms = {{day(3, 1), day(7, 23)}, {day(8, 9), day(12, 17)}};
  spec.rainy_seasons = {{{{1, 1}, {3, 31}}}};  // zone 0: January to March
  return calendar::Calendar(spec);
}

YearPlan year_plan(const calendar::Calendar& cal) {
  YearPlan p;
  p.first_school_day = day(3, 1);
  p.last_school_day = day(12, 17);
  p.contract_end = day(12, 31);
  (void)cal;
  return p;
}

TEST(Travel, WorkingDaysSkipWeekendsAndHolidays) {
  const calendar::Calendar cal = calendar();
  calendar::Date last, next;
  // From Monday 26 July: 26, 27, (28, 29 holidays), 30, (weekend), 2 August.
  ASSERT_TRUE(take_working_days(cal, day(7, 26), 4, day(12, 31), last, next));
  EXPECT_EQ(last, day(8, 2));
  EXPECT_EQ(next, day(8, 3));
  // School days in the break: none until 9 August.
  ASSERT_TRUE(take_school_days(cal, day(7, 22), 3, day(12, 17), last, next));
  EXPECT_EQ(last, day(8, 9));  // 22, 23 July, 9 August
  EXPECT_FALSE(take_working_days(cal, day(12, 29), 4, day(12, 31), last, next));  // 29-31 only
  // None asked: `last` untouched, `next` the day itself.
  last = day(1, 1);
  ASSERT_TRUE(take_working_days(cal, day(7, 28), 0, day(12, 31), last, next));
  EXPECT_EQ(last, day(1, 1));
  EXPECT_EQ(next, day(7, 28));
}

TEST(Travel, AnOutboundLegDoesNotSetOffInABreakBeforeTheSessions) {
  const calendar::Calendar cal = calendar();
  const YearPlan plan = year_plan(cal);
  calendar::Date depart, last, after;
  // Asked to leave Monday 26 July (in the break) for 1 travel day and 2 school days: it leaves
  // on the first school day after the break, Monday 9 August, holds sessions on the 10th and
  // 11th, and is back on the 12th.
  ASSERT_TRUE(fit_trip(cal, plan, day(7, 26), 1, 2, depart, last, after));
  EXPECT_EQ(depart, day(8, 9));
  EXPECT_EQ(last, day(8, 12));
  EXPECT_EQ(after, day(8, 13));
  // A commuter has no outbound leg: 2 school days from 22 July are 22 and 23 July.
  ASSERT_TRUE(fit_trip(cal, plan, day(7, 22), 0, 2, depart, last, after));
  EXPECT_EQ(depart, day(7, 22));
  EXPECT_EQ(last, day(7, 23));
  // Sessions past the last school day do not fit.
  EXPECT_FALSE(fit_trip(cal, plan, day(12, 14), 1, 5, depart, last, after));
}

TEST(Travel, PerDiemDaysCountedByEachBasis) {
  const calendar::Calendar cal = calendar();
  // Away from Friday 13 to Tuesday 17 August, 2 days on site.
  EXPECT_EQ(
      per_diem_days(cal, scenario::PerDiemBasis::kPerDayOfCommission, day(8, 13), day(8, 17), 2),
      5);
  EXPECT_EQ(per_diem_days(cal, scenario::PerDiemBasis::kWorkingDayAway, day(8, 13), day(8, 17), 2),
            3);
  EXPECT_EQ(per_diem_days(cal, scenario::PerDiemBasis::kSessionDay, day(8, 13), day(8, 17), 2), 2);
}

TEST(Travel, TheRainySeasonCanTurnACommuteIntoAnOvernightTrip) {
  scenario::Scenario s = coachsim::testing::small_scenario();
  s.geographies[0].rainy_travel_factor = 3.0;
  const Population pop = build_population(s);
  const calendar::Calendar cal = calendar();
  const RunInputs in{s, pop, cal, {}, {}, {}, 0};
  // Commute at most 2 h one way; 8 h of travel fill a travel day.
  const TravelPlan dry = plan_travel(in, 1.5, 0, day(4, 5));
  EXPECT_FALSE(dry.overnight);
  EXPECT_EQ(dry.days_each_way, 0);
  EXPECT_DOUBLE_EQ(dry.one_way_hours, 1.5);
  const TravelPlan wet = plan_travel(in, 1.5, 0, day(3, 30));  // 4.5 h in the rains
  EXPECT_TRUE(wet.overnight);
  EXPECT_EQ(wet.days_each_way, 1);
  EXPECT_EQ(wet.rain_extra_days, 2);  // one more travel day each way than in the dry season
  EXPECT_DOUBLE_EQ(wet.one_way_hours, 4.5);
  const TravelPlan far = plan_travel(in, 9.0, 0, day(4, 5));  // two travel days each way
  EXPECT_EQ(far.days_each_way, 2);
  EXPECT_EQ(far.rain_extra_days, 0);
}

}  // namespace travel_test
}  // namespace coachsim::programme
