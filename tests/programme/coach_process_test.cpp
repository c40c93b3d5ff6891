// The coach process on its own (sim/programme/coach_process.cpp): one coach, one or two
// schools, the small scenario's calendar (weekdays, one term 1 March - 17 December 2021, 210
// school days, no holidays), so every date and céntimo below is counted by hand. The second
// visit round opens on school day 105: Monday 26 July.
#include <gtest/gtest.h>

#include "programme_test_util.hpp"

namespace coachsim::programme {
namespace coach_process_test {

using costs::Activity;
using testing::Line;

const std::initializer_list<Activity> kCoachWork = {Activity::kTeacherMaterials,
                                                    Activity::kCoachMaterials,
                                                    Activity::kCoachWorkshop,
                                                    Activity::kTeacherWorkshop,
                                                    Activity::kVisitTrip,
                                                    Activity::kGia,
                                                    Activity::kRtc};

TEST(CoachProcess, OneSchoolFollowsTheProtocolDayByDay) {
  const auto run = testing::run_unlimited(testing::one_school());
  // Contract start, Monday 1 March: the materials (2 teachers x S/ 30, S/ 100 the coach). The
  // coach workshop (1-3 March) comes before the first visit, which would run into it (four
  // school days, 1-4 March), and so does the teacher workshop (4-5 March). Round 1: 2 teachers
  // x 2 days, Monday 8 to Thursday 11 March, commuting 2 x 15 km a day (120 km at S/ 0.50).
  // Round 2 opens 26 July: 2 teachers x 1 day, a GIA day and an RTC day, 26-29 July.
  const std::vector<Line> expected = {
      {"2021-03-01", "teacher_materials", "materials", 2, 6000},
      {"2021-03-01", "coach_materials", "materials", 1, 10000},
      {"2021-03-03", "coach_workshop", "coach_training", 3, 15000},      // 3 days x S/ 50
      {"2021-03-03", "coach_workshop", "coach_training", 1, 20000},      // its travel
      {"2021-03-05", "teacher_workshop", "teacher_workshops", 4, 8000},  // 2 x 2 days x S/ 20
      {"2021-03-05", "teacher_workshop", "teacher_workshops", 2, 2000},  // 2 x S/ 10 travel
      {"2021-03-11", "visit_trip", "travel", 120, 6000},
      {"2021-07-29", "visit_trip", "travel", 120, 6000},  // 4 days on site
      {"2021-07-29", "gia", "other", 2, 1000},            // 2 teachers x S/ 5
      {"2021-07-29", "rtc", "other", 2, 400},             // 2 teachers x S/ 2
  };
  EXPECT_EQ(testing::lines_of(run->ledger, kCoachWork), expected);
  const RegionYearTally& t = run->tally.at(0, 0);
  EXPECT_EQ(t.coaches, 1);
  EXPECT_EQ(t.trips, 2);
  EXPECT_EQ(t.overnight_trips, 0);
  EXPECT_EQ(t.visits_planned, 4);
  EXPECT_EQ(t.visits_done, 4);
  EXPECT_EQ(t.visit_days_done, 6);  // 2 x 2 + 2 x 1
  EXPECT_EQ(t.gia_done, 2);
  EXPECT_EQ(t.rtc_done, 2);
  EXPECT_EQ(t.teacher_workshop_days_done, 4);
  EXPECT_EQ(t.coach_workshop_days_done, 3);
  EXPECT_EQ(t.teachers_reached, 2);
  EXPECT_EQ(t.teachers_full_protocol, 2);
  EXPECT_TRUE(run->tally.missed().empty());
}

TEST(CoachProcess, ALateContractMissesTheWorkshopsBeforeItAndStartsVisitingOnItsFirstDay) {
  scenario::Scenario s = testing::one_school();
  s.regions[0].contract_delay = units::days(14);  // contracts start Monday 15 March
  const auto run = testing::run_unlimited(s);
  const std::vector<Line> expected = {
      {"2021-03-15", "teacher_materials", "materials", 2, 6000},
      {"2021-03-15", "coach_materials", "materials", 1, 10000},
      {"2021-03-18", "visit_trip", "travel", 120, 6000},  // 15-18 March
      {"2021-07-29", "visit_trip", "travel", 120, 6000},
      {"2021-07-29", "gia", "other", 2, 1000},
      {"2021-07-29", "rtc", "other", 2, 400},
  };
  EXPECT_EQ(testing::lines_of(run->ledger, kCoachWork), expected);
  const std::vector<MissedRecord>& missed = run->tally.missed();
  ASSERT_EQ(missed.size(), 2u);
  EXPECT_EQ(testing::iso(missed[0].date), "2021-03-01");  // found at the workshop's start
  EXPECT_EQ(missed[0].activity, Activity::kCoachWorkshop);
  EXPECT_EQ(missed[0].reason, MissReason::kLateContract);
  EXPECT_EQ(missed[0].quantity, 3u);  // workshop days
  EXPECT_EQ(testing::iso(missed[1].date), "2021-03-04");
  EXPECT_EQ(missed[1].activity, Activity::kTeacherWorkshop);
  EXPECT_EQ(missed[1].reason, MissReason::kLateContract);
  EXPECT_EQ(missed[1].quantity, 4u);  // 2 teachers x 2 days
  EXPECT_EQ(run->tally.at(0, 0).teacher_workshop_days_done, 0);
}

TEST(CoachProcess, ATripThatCannotEndBeforeTheYearIsMissedWithItsSessions) {
  scenario::Scenario s = testing::one_school();
  s.school_types[0].visit_days = {2, 60};  // round 2: 2 x 60 + 2 = 122 school days from 26 July
  const auto run = testing::run_unlimited(s);
  const std::vector<MissedRecord>& missed = run->tally.missed();
  ASSERT_EQ(missed.size(), 3u);
  const Activity activities[] = {Activity::kVisitTrip, Activity::kGia, Activity::kRtc};
  for (std::size_t k = 0; k < 3; ++k) {
    SCOPED_TRACE(k);
    EXPECT_EQ(missed[k].activity, activities[k]);
    EXPECT_EQ(missed[k].reason, MissReason::kNoCoachTime);
    EXPECT_EQ(missed[k].round, 1);
    EXPECT_EQ(missed[k].quantity, 2u);  // 2 teacher-visits, 2 teacher-sessions
    EXPECT_EQ(missed[k].school, 0u);
    // Found when the coach was free again after the first round's trip.
    EXPECT_EQ(testing::iso(missed[k].date), "2021-03-12");
  }
  const RegionYearTally& t = run->tally.at(0, 0);
  EXPECT_EQ(t.missed[static_cast<int>(MissReason::kNoCoachTime)], 2);
  EXPECT_EQ(t.visits_done, 2);
  EXPECT_EQ(t.teachers_reached, 2);
  EXPECT_EQ(t.teachers_full_protocol, 0);
  EXPECT_EQ(t.trips, 1);
}

TEST(CoachProcess, ClusterSessionsFollowTheRoundsLastSchoolAtTheHostSchool) {
  scenario::Scenario s = testing::one_school();
  // A second school, S3: 1 teacher at 30 km (an hour: commuted). GIA for the whole caseload at
  // the school with most teachers (S1); RTC at each school.
  s.regions[0].schools.push_back({"S3", "U1", "t", false, false, 1, 10, units::km(30), {}});
  s.school_types[0].gia.venue = scenario::SessionVenue::kCluster;
  const auto run = testing::run_unlimited(s);
  ASSERT_EQ(run->tally.at(0, 0).coaches, 1);
  const std::vector<Line> expected = {
      // Round 1 after the workshops: S1 (2 x 2 days) 8-11 March, S3 (2 days) 12 and 15 March.
      {"2021-03-11", "visit_trip", "travel", 120, 6000},
      {"2021-03-15", "visit_trip", "travel", 120, 6000},  // 2 x 30 km x 2 days
      // Round 2: S1 2 x 1 day and its RTC, 26-28 July; S3 1 day and its RTC, 29-30 July; then
      // the GIA of all 3 teachers at S1, Monday 2 August, its travel under the GIA.
      {"2021-07-28", "visit_trip", "travel", 90, 4500},
      {"2021-07-28", "rtc", "other", 2, 400},
      {"2021-07-30", "visit_trip", "travel", 120, 6000},
      {"2021-07-30", "rtc", "other", 1, 200},
      {"2021-08-02", "gia", "travel", 30, 1500},
      {"2021-08-02", "gia", "other", 3, 1500},
  };
  EXPECT_EQ(testing::lines_of(run->ledger, {Activity::kVisitTrip, Activity::kGia, Activity::kRtc}),
            expected);
  const RegionYearTally& t = run->tally.at(0, 0);
  EXPECT_EQ(t.trips, 5);
  EXPECT_EQ(t.gia_done, 3);
  EXPECT_EQ(t.rtc_done, 3);
}

}  // namespace coach_process_test
}  // namespace coachsim::programme
