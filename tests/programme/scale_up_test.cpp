// Scale-up: eligibility, entry by targets, stages, and who is counted in a year.
#include <gtest/gtest.h>

#include <algorithm>

#include "coachsim/scenario/loader.hpp"
#include "growth_support.hpp"

namespace coachsim {
namespace scale_up_test {

using scenario::EnrolmentTarget;

EnrolmentTarget share(const std::string& region, int year, double s) {
  return {region, year, true, s, 0};
}

TEST(ScaleUp, ASchoolFailingAnyCriterionIsNeverCoached) {
  scenario::Scenario s = testing::small_scenario();
  scenario::SchoolTypeProtocol other = s.school_types.front();
  other.id = "u";
  s.school_types.push_back(other);
  s.caseload_rules.push_back({"u", std::nullopt, std::nullopt, std::nullopt, 3});
  auto& schools = s.regions.front().schools;
  schools.push_back({"Urban", "U1", "t", true, false, 1, 20, units::km(5), std::nullopt});
  schools.push_back({"Tiny", "U1", "t", false, false, 1, 8, units::km(6), std::nullopt});
  schools.push_back({"OtherType", "U1", "u", false, false, 1, 20, units::km(7), std::nullopt});
  s.scale_up.enabled = true;
  s.scale_up.eligibility = {{"t"}, true, 9};
  s.scale_up.targets = {share("all", 2021, 1.0)};
  ASSERT_TRUE(scenario::validate(s, "t").empty());

  const testing::GrowthRun r = testing::run(s);
  for (const programme::School& school : r.population.schools) {
    const bool in = school.id == "S1" || school.id == "S2";
    EXPECT_EQ(school.active_in(0), in) << school.id;
  }
  for (const programme::Coach& c : r.population.coaches)
    for (const programme::CaseloadItem& item : c.caseload)
      EXPECT_LT(item.school, 2u) << "a caseload holds ineligible school " << item.school;
  EXPECT_EQ(r.tally.at(0, 0).teachers, 3);
  EXPECT_EQ(r.tally.at(0, 0).schools, 2);
  EXPECT_EQ(r.tally.at(0, 0).visits_planned, 6);
}

// Four schools A (2 teachers, 10 km), B (1, 20 km), C (3, 30 km), D (2, 40 km): 8 eligible
// teachers. Targets 33% (2.64 -> 3), 67% (5.36 -> 5), 100% (8) in 2021-2023 and none in 2024.
scenario::Scenario four_schools() {
  scenario::Scenario s = testing::years_scenario(2021, 4);
  auto& schools = s.regions.front().schools;
  schools = {{"A", "U1", "t", false, false, 2, 20, units::km(10), std::nullopt},
             {"B", "U1", "t", false, false, 1, 10, units::km(20), std::nullopt},
             {"C", "U1", "t", false, false, 3, 30, units::km(30), std::nullopt},
             {"D", "U1", "t", false, false, 2, 20, units::km(40), std::nullopt}};
  s.scale_up.enabled = true;
  s.scale_up.targets = {share("all", 2021, 0.33), share("all", 2022, 0.67),
                        share("Alpha", 2023, 1.0)};
  return s;
}

TEST(ScaleUp, TargetsAreMetWithWholeSchoolsNearestFirst) {
  const scenario::Scenario s = four_schools();
  ASSERT_TRUE(scenario::validate(s, "t").empty());
  const testing::GrowthRun r = testing::run(s);
  // 2021: A + B = 3 (target 3); 2022: C joins, 6 >= 5; 2023: D joins, 8; 2024: A and B have
  // done their three stages, C (stage 3) and D (stage 2) remain.
  const std::int64_t teachers[] = {3, 6, 8, 5};
  for (std::size_t y = 0; y < 4; ++y) EXPECT_EQ(r.tally.at(y, 0).teachers, teachers[y]) << y;
  const std::uint16_t first[] = {0, 0, 1, 2}, last[] = {2, 2, 3, 3};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(r.population.schools[i].first_year, first[i]) << i;
    EXPECT_EQ(r.population.schools[i].last_year, last[i]) << i;
  }
}

TEST(ScaleUp, TeachersAreCountedByStage) {
  const testing::GrowthRun r = testing::run(four_schools());
  const std::int64_t stage[4][3] = {{3, 0, 0}, {3, 3, 0}, {2, 3, 3}, {0, 2, 3}};
  for (std::size_t y = 0; y < 4; ++y)
    for (int k = 0; k < 3; ++k) EXPECT_EQ(r.tally.at(y, 0).teachers_stage[k], stage[y][k]);
}

TEST(ScaleUp, CohortsHaveTheirOwnCoachesWhoCostNothingOutsideTheirYears) {
  const testing::GrowthRun r = testing::run(four_schools());
  // Cohort 2021 (A + B, 3 teachers) is one coach; C is one; D is one.
  ASSERT_EQ(r.population.coaches.size(), 3u);
  const std::int64_t coaches[] = {1, 2, 3, 2};
  for (std::size_t y = 0; y < 4; ++y) EXPECT_EQ(r.tally.at(y, 0).coaches, coaches[y]) << y;
  // The 2021 cohort's coach is paid 2021-2023 only: 10 months x 3,000.00 a year.
  for (std::size_t y = 0; y < 4; ++y) {
    std::int64_t paid = 0;
    for (const ledger::Entry& e : r.ledger.entries())
      if (e.year_index == y && e.coach == 0 && e.activity == costs::Activity::kCoachContract)
        paid += e.amount;
    EXPECT_EQ(paid, y < 3 ? 3000000 : 0) << y;
  }
  // Supervisors follow their coaches' cohorts.
  ASSERT_EQ(r.population.supervisors.size(), 3u);
  EXPECT_EQ(r.tally.at(3, 0).supervisors, 2);
}

TEST(ScaleUp, ARegionsOwnCountOverridesTheTargetForAll) {
  scenario::Scenario s = four_schools();
  s.scale_up.targets = {share("all", 2021, 1.0), {"Alpha", 2021, false, 0.0, 2}};
  const testing::GrowthRun r = testing::run(s);
  EXPECT_EQ(r.tally.at(0, 0).teachers, 2);  // school A alone meets the count of 2
  EXPECT_EQ(r.tally.at(1, 0).teachers, 2);  // no target in 2022: A continues, nobody enters
}

TEST(ScaleUp, ListedOrderTakesSchoolsAsListed) {
  scenario::Scenario s = four_schools();
  std::swap(s.regions.front().schools[0], s.regions.front().schools[3]);  // D, B, C, A
  s.scale_up.order = scenario::EntryOrder::kListed;
  const testing::GrowthRun r = testing::run(s);
  // 2021: D (2) + B (1) = 3.
  EXPECT_EQ(r.population.schools[0].first_year, 0);
  EXPECT_EQ(r.population.schools[1].first_year, 0);
  EXPECT_EQ(r.population.schools[2].first_year, 1);
}

TEST(ScaleUp, LoadsFromYamlAndReportsBadValuesWithTheirPosition) {
  // scenarios/small.yaml with growth sections appended, each value wrong in one way.
  const std::string dir = std::string(COACHSIM_SOURCE_DIR) + "/scenarios";
  std::string yaml = testing::small_yaml();
  const auto base = static_cast<int>(std::count(yaml.begin(), yaml.end(), '\n'));
  yaml += R"(scale_up:
  eligibility: {school_types: [nope], rural_only: true, min_students: -1}
  stages: 4
  order: farthest
  targets:
    - {region: Nowhere, year: 1999, teachers: "120%"}
    - {region: all, year: 2021, teachers: -5}
coach_supply:
  hires_per_month: -1
  initial_training: "20 km"
  attrition_per_year: "112%"
  visit_cancellation: "lots"
)";
  const auto result = scenario::load_scenario_text(yaml, "g.yaml", dir);
  std::vector<std::string> got;
  for (const auto& e : result.errors) got.push_back(e.to_string());
  const std::pair<int, std::string> expected[] = {
      {2,
       ":32: scale_up.eligibility.school_types[0]: unknown school type 'nope' (school types of "
       "the protocol: t)"},
      {2, ":71: scale_up.eligibility.min_students: expected a student count >= 0, got -1"},
      {3, ":11: scale_up.stages: expected 1 to 3 stages (years a school stays), got 4"},
      {4, ":10: scale_up.order: expected 'nearest_first' or 'listed', got 'farthest'"},
      {6,
       ":16: scale_up.targets[0].region: unknown region 'Nowhere' (region ids or 'all': all, "
       "Alpha)"},
      {6, ":31: scale_up.targets[0].year: unknown year '1999' (years of the scenario: 2021)"},
      {6, ":47: scale_up.targets[0].teachers: expected a share between 0% and 100%, got 120%"},
      {7, ":43: scale_up.targets[1].teachers: expected a teacher count >= 0, got -5"},
      {9,
       ":20: coach_supply.hires_per_month: expected a number of hires per month (0: no limit) "
       ">= 0, got -1"},
      {10,
       ":21: coach_supply.initial_training: expected a number of days (e.g. '3 days'), got "
       "'20 km' (a distance in km)"},
      {11, ":23: coach_supply.attrition_per_year: expected a share between 0% and 100%, got 112%"},
      {12,
       ":23: coach_supply.visit_cancellation: expected a share as a percentage or a fraction "
       "(e.g. '12%' or 0.12), got 'lots'"}};
  ASSERT_EQ(got.size(), std::size(expected));
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i], "g.yaml:" + std::to_string(base + expected[i].first) + expected[i].second);
  }
}

}  // namespace scale_up_test
}  // namespace coachsim
