// The protocol compiled per school type (sim/programme/protocol.hpp) and the year plan that
// dates it (year_plan.hpp), on their own: hand-built protocols, hand-counted rounds and dates.
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "../../sim/programme/context.hpp"
#include "../../sim/programme/protocol.hpp"
#include "../../sim/programme/year_plan.hpp"
#include "../support/small_scenario.hpp"

namespace coachsim::programme {
namespace protocol_test {

using namespace std::chrono;

calendar::Date day(int m, int d) { return sys_days{year{2021} / month(m) / d}; }

// The norm's protocol (NT-026 6.1): six visits, four GIA, two RTC, two teacher workshops of
// ten days in all, two coach workshops of sixteen.
scenario::SchoolTypeProtocol nt026(scenario::SessionVenue gia_venue) {
  scenario::SchoolTypeProtocol t;
  t.id = "nt026";
  t.visit_days = {2, 2, 3, 2, 3, 2};
  t.gia = {4, units::hours(3), gia_venue};
  t.rtc = {2, units::hours(3), scenario::SessionVenue::kSchool};
  t.teacher_workshops = {2, units::days(10)};
  t.coach_workshops = {2, units::days(16)};
  return t;
}

TEST(Protocol, SessionsFallAtTheCentreOfTheirShareOfTheRounds) {
  // Four sessions over six rounds: shares of 1.5 rounds, centres at 0.75, 2.25, 3.75, 5.25.
  EXPECT_EQ(session_round(0, 4, 6), 0);
  EXPECT_EQ(session_round(1, 4, 6), 2);
  EXPECT_EQ(session_round(2, 4, 6), 3);
  EXPECT_EQ(session_round(3, 4, 6), 5);
  // Two over six: centres at 1.5 and 4.5.
  EXPECT_EQ(session_round(0, 2, 6), 1);
  EXPECT_EQ(session_round(1, 2, 6), 4);
  // One over two rounds: the second.
  EXPECT_EQ(session_round(0, 1, 2), 1);
}

TEST(Protocol, TheNormCompilesToSixRoundsWithItsSessionsAtTheSchools) {
  scenario::Scenario s = testing::small_scenario();
  s.school_types = {nt026(scenario::SessionVenue::kSchool)};
  const std::vector<Protocol> p = compile_protocols(s);
  ASSERT_EQ(p.size(), 1u);
  ASSERT_EQ(p[0].rounds.size(), 6u);
  const int gia[] = {1, 0, 1, 1, 0, 1}, rtc[] = {0, 1, 0, 0, 1, 0};
  const int visit_days[] = {2, 2, 3, 2, 3, 2};
  for (std::size_t r = 0; r < 6; ++r) {
    SCOPED_TRACE(r);
    EXPECT_EQ(p[0].rounds[r].visit_days, visit_days[r]);
    EXPECT_EQ(p[0].rounds[r].gia, gia[r]);
    EXPECT_EQ(p[0].rounds[r].rtc, rtc[r]);
    EXPECT_FALSE(p[0].rounds[r].cluster_sessions());
  }
  // 3 h sessions in an 8 h working day: one day each.
  EXPECT_EQ(p[0].gia_session_days, 1);
  EXPECT_EQ(p[0].rtc_session_days, 1);
  EXPECT_EQ(p[0].coach_workshop_days, (std::vector<int>{8, 8}));
  EXPECT_EQ(p[0].teacher_workshop_days, (std::vector<int>{5, 5}));
  EXPECT_EQ(p[0].visits_per_teacher, 6);
  EXPECT_EQ(p[0].visit_days_per_teacher, 14);  // the norm's table: 14 visit days a year
  EXPECT_EQ(p[0].gia_per_teacher, 4);
  EXPECT_EQ(p[0].rtc_per_teacher, 2);
  EXPECT_EQ(p[0].teacher_workshop_days_per_teacher, 10);
  EXPECT_EQ(p[0].coach_workshop_days_per_coach, 16);
  // Round 2's visit of a school of 3 teachers: 3 x 3 visit days and one GIA day.
  EXPECT_EQ(p[0].school_visit_days(2, 3), 10);
  // Round 1's: 3 x 2 visit days and one RTC day.
  EXPECT_EQ(p[0].school_visit_days(1, 3), 7);
}

TEST(Protocol, ClusterSessionsMoveToTheRoundsClusterTrip) {
  scenario::Scenario s = testing::small_scenario();
  s.school_types = {nt026(scenario::SessionVenue::kCluster)};
  s.school_types[0].gia.duration = units::hours(10);  // longer than a working day: two days
  const Protocol p = compile_protocols(s).front();
  EXPECT_EQ(p.gia_session_days, 2);
  for (std::size_t r = 0; r < 6; ++r) {
    SCOPED_TRACE(r);
    EXPECT_EQ(p.rounds[r].gia, 0);  // none at the schools
    EXPECT_EQ(p.rounds[r].cluster_gia, (r == 0 || r == 2 || r == 3 || r == 5) ? 1 : 0);
    EXPECT_EQ(p.rounds[r].cluster_rtc, 0);  // RTC stays at the schools
    EXPECT_EQ(p.rounds[r].cluster_sessions(), r != 1 && r != 4);
  }
  EXPECT_EQ(p.cluster_session_days(0), 2);
  EXPECT_EQ(p.cluster_session_days(1), 0);
  EXPECT_EQ(p.school_visit_days(0, 3), 6);  // the visits only
}

TEST(Protocol, WorkshopDaysSplitWithTheFirstTakingTheExtra) {
  scenario::Scenario s = testing::small_scenario();
  s.school_types[0].teacher_workshops = {3, units::days(10)};
  s.school_types[0].coach_workshops = {0, units::days(0)};
  const Protocol p = compile_protocols(s).front();
  EXPECT_EQ(p.teacher_workshop_days, (std::vector<int>{4, 3, 3}));
  EXPECT_TRUE(p.coach_workshop_days.empty());
}

// The small scenario's calendar: weekends off, one term 1 March - 17 December 2021 (210 school
// days), no holidays.
calendar::Calendar small_calendar(const scenario::Scenario& s) {
  calendar::CalendarSpec spec;
  spec.first = day(1, 1);
  spec.last = day(12, 31);
  spec.weekend = s.weekend;
  spec.school_terms = s.years[0].terms;
  spec.rainy_seasons = {{}};
  return calendar::Calendar(spec);
}

TEST(YearPlan, RoundsOpenEvenlyOverTheSchoolDaysAndWorkshopsFallOnTheirDates) {
  scenario::Scenario s = testing::small_scenario();
  s.school_types = {nt026(scenario::SessionVenue::kSchool)};
  s.years[0].coach_workshop_starts = {day(3, 6), day(8, 2)};      // a Saturday; a Monday
  s.years[0].teacher_workshop_starts = {day(3, 1), day(12, 27)};  // the second runs past the end
  s.years[0].contract_end = day(12, 29);
  s.regions[0].contract_delay = units::days(14);
  const calendar::Calendar cal = small_calendar(s);
  const std::vector<YearPlan> plans = plan_years(s, compile_protocols(s), cal);
  ASSERT_EQ(plans.size(), 1u);
  const YearPlan& p = plans[0];
  EXPECT_EQ(p.first_school_day, day(3, 1));
  EXPECT_EQ(p.last_school_day, day(12, 17));
  EXPECT_EQ(p.school_days, 210);
  // Round r opens on school day r x 210 / 6 = 35 r (0-based), counted by hand on a calendar.
  EXPECT_EQ(p.round_starts[0], (std::vector<calendar::Date>{day(3, 1), day(4, 19), day(6, 7),
                                                            day(7, 26), day(9, 13), day(11, 1)}));
  EXPECT_EQ(p.contract_start, std::vector<calendar::Date>{day(3, 15)});
  // By start date: teachers' 1-5 March, coaches' 8-17 March (from Monday 8 after Saturday 6;
  // 8 working days), coaches' 2-11 August, teachers' from 27 December: 5 days do not fit
  // before the contract ends on the 29th.
  const std::vector<Workshop>& w = p.workshops[0];
  ASSERT_EQ(w.size(), 4u);
  EXPECT_FALSE(w[0].coach_workshop);
  EXPECT_EQ(w[0].start, day(3, 1));
  EXPECT_EQ(w[0].end, day(3, 5));
  EXPECT_TRUE(w[1].coach_workshop);
  EXPECT_EQ(w[1].number, 0);
  EXPECT_EQ(w[1].start, day(3, 8));
  EXPECT_EQ(w[1].end, day(3, 17));
  EXPECT_EQ(w[1].days, 8);
  EXPECT_TRUE(w[1].fits);
  EXPECT_EQ(w[2].start, day(8, 2));
  EXPECT_EQ(w[2].end, day(8, 11));
  EXPECT_FALSE(w[3].coach_workshop);
  EXPECT_EQ(w[3].number, 1);
  EXPECT_EQ(w[3].start, day(12, 27));
  EXPECT_FALSE(w[3].fits);
}

}  // namespace protocol_test
}  // namespace coachsim::programme
