// The protocol tables of NT-026 (seed 003_77fb35d22d95a5bc.txt, 5.6.1-5.6.3) reproduced: a
// teacher coached for a full year with ample coach time receives exactly the norm's visits,
// visit days, GIA, RTC and workshop days, for every school type. Also the APM variant of the
// World Bank spotlight (seed 000_85dbdb8474134b3b.txt): 9 visits.
#include <gtest/gtest.h>

#include <numeric>

#include "../support/small_scenario.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim {
namespace protocol_test {

struct NormColumn {
  const char* id;
  std::vector<int> visit_days;
  int teacher_workshop_days;
  int coach_workshop_days;
};

class Protocol : public ::testing::TestWithParam<NormColumn> {};

TEST_P(Protocol, OneTeacherReceivesExactlyTheNorm) {
  using namespace std::chrono;
  const NormColumn& col = GetParam();
  scenario::Scenario s = testing::small_scenario();
  scenario::SchoolTypeProtocol& t = s.school_types[0];
  t.id = col.id;
  t.visit_days = col.visit_days;
  t.gia = {4, units::hours(3), scenario::SessionVenue::kSchool};
  t.rtc = {2, units::hours(3), scenario::SessionVenue::kSchool};
  t.teacher_workshops = {2, units::days(col.teacher_workshop_days)};
  t.coach_workshops = {2, units::days(col.coach_workshop_days)};
  s.caseload_rules[0].school_type = col.id;
  s.years[0].coach_workshop_starts = {sys_days{2021y / March / 1}, sys_days{2021y / July / 26}};
  s.years[0].teacher_workshop_starts = {sys_days{2021y / March / 15}, sys_days{2021y / August / 9}};
  s.regions[0].schools = {{"S1", "U1", col.id, false, false, 1, 20, units::km(10), {}}};
  ASSERT_TRUE(scenario::validate(s, "protocol").empty());

  const auto sim = results::simulate(s, false);
  const programme::RegionYearTally& r = sim->tally.at(0, 0);
  const int visits = static_cast<int>(col.visit_days.size());
  const int visit_days = std::accumulate(col.visit_days.begin(), col.visit_days.end(), 0);
  EXPECT_EQ(r.visits_done, visits);
  EXPECT_EQ(r.visit_days_done, visit_days);
  EXPECT_EQ(r.gia_done, 4);
  EXPECT_EQ(r.rtc_done, 2);
  EXPECT_EQ(r.teacher_workshop_days_done, col.teacher_workshop_days);
  EXPECT_EQ(r.coach_workshop_days_done, col.coach_workshop_days);
  EXPECT_EQ(r.teachers_full_protocol, 1);
  EXPECT_TRUE(sim->tally.missed().empty());
}

INSTANTIATE_TEST_SUITE_P(
    NT026, Protocol,
    ::testing::Values(NormColumn{"eib", {3, 3, 2, 2, 2, 2}, 10, 16},
                      NormColumn{"multigrade", {3, 3, 2, 2, 2, 2}, 10, 16},
                      NormColumn{"poli_inicial", {3, 3, 2, 2, 1, 1}, 8, 12},
                      NormColumn{"poli_primaria", {2, 1, 1, 1, 1, 1, 1}, 8, 12},
                      NormColumn{"poli_secundaria", {2, 1, 1, 1, 1, 1, 1}, 8, 12},
                      // APM: 1 diagnostic, 7 feedback and 1 evaluation visit.
                      NormColumn{"apm", {1, 1, 1, 1, 1, 1, 1, 1, 1}, 4, 12}),
    [](const ::testing::TestParamInfo<NormColumn>& info) { return std::string(info.param.id); });

}  // namespace protocol_test
}  // namespace coachsim
