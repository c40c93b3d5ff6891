// Caseload assignment by the protocol's ratio rules.
#include <gtest/gtest.h>

#include "../support/small_scenario.hpp"
#include "coachsim/programme/population.hpp"

namespace coachsim {
namespace {

using programme::School;

School school(std::uint32_t ugel, int teachers, double km, bool border = false) {
  School s;
  s.ugel = ugel;
  s.teachers = teachers;
  s.students = teachers * 10;
  s.distance_km = km;
  s.border = border;
  s.dispersed = km > 40;
  return s;
}

std::vector<int> loads(const std::vector<programme::Coach>& coaches) {
  std::vector<int> out;
  for (const auto& c : coaches) out.push_back(c.teachers);
  return out;
}

TEST(Caseload, FirstMatchingRuleWins) {
  scenario::Scenario s = testing::small_scenario();
  s.caseload_rules = {{"t", true, std::nullopt, std::nullopt, 7},
                      {"t", std::nullopt, std::nullopt, true, 6},
                      {"t", std::nullopt, std::nullopt, std::nullopt, 8}};
  EXPECT_EQ(programme::matching_rule(s, school(0, 1, 10, true)), 0u);
  EXPECT_EQ(programme::matching_rule(s, school(0, 1, 60, true)), 0u);
  EXPECT_EQ(programme::matching_rule(s, school(0, 1, 60)), 1u);
  EXPECT_EQ(programme::matching_rule(s, school(0, 1, 10)), 2u);
}

TEST(Caseload, PacksNearestFirstWithoutSplittingSchoolsThatFit) {
  scenario::Scenario s = testing::small_scenario();
  s.caseload_rules[0].teachers_per_coach = 8;
  // Nearest first: 3 (5 km), 3 (6 km), then 3 does not fit in the 2 places left -> new coach.
  const auto coaches = programme::assign_caseloads(
      s, {school(0, 3, 9), school(0, 3, 5), school(0, 3, 6), school(0, 1, 12)});
  EXPECT_EQ(loads(coaches), (std::vector<int>{6, 4}));
  EXPECT_EQ(coaches[0].caseload[0].school, 1u);
  EXPECT_EQ(coaches[0].caseload[1].school, 2u);
  EXPECT_EQ(coaches[1].caseload[0].school, 0u);
}

TEST(Caseload, SplitsSchoolsLargerThanACaseload) {
  scenario::Scenario s = testing::small_scenario();
  s.caseload_rules[0].teachers_per_coach = 8;
  const auto coaches = programme::assign_caseloads(s, {school(0, 20, 3)});
  EXPECT_EQ(loads(coaches), (std::vector<int>{8, 8, 4}));
  EXPECT_EQ(coaches[1].caseload[0].first_teacher, 8);
  EXPECT_EQ(coaches[0].students + coaches[1].students + coaches[2].students, 200);
}

TEST(Caseload, NeverMixesUgelsAndTheSmallestRatioSetsTheCapacity) {
  scenario::Scenario s = testing::small_scenario();
  s.caseload_rules = {{"t", true, std::nullopt, std::nullopt, 3},
                      {"t", std::nullopt, std::nullopt, std::nullopt, 8}};
  // UGEL 0, nearest first: 2 (5 km, ratio 8); 2 (6 km, border, ratio 3: with it the first
  // coach could take only 3, so it starts a coach of capacity 3); 2 (7 km, ratio 8: only 1
  // place left with the border coach, so a third coach). UGEL 1: 2 (5 km), its own coach.
  const auto coaches = programme::assign_caseloads(
      s, {school(0, 2, 5), school(1, 2, 5), school(0, 2, 6, true), school(0, 2, 7)});
  ASSERT_EQ(coaches.size(), 4u);
  EXPECT_EQ(loads(coaches), (std::vector<int>{2, 2, 2, 2}));
  EXPECT_EQ(coaches[0].capacity, 8);
  EXPECT_EQ(coaches[1].capacity, 3);
  EXPECT_EQ(coaches[2].capacity, 8);
  EXPECT_EQ(coaches[3].ugel, 1u);
}

TEST(Caseload, ASmallerRatioLowersTheCapacityOfTheCoachWhoTakesTheSchool) {
  scenario::Scenario s = testing::small_scenario();
  s.caseload_rules = {{"t", true, std::nullopt, std::nullopt, 7},
                      {"t", std::nullopt, std::nullopt, std::nullopt, 8}};
  // 4 teachers (ratio 8), then 2 at a border school (ratio 7): 6 <= 7, same coach, capacity 7;
  // then 2 more (ratio 8): 8 > 7, new coach.
  const auto coaches =
      programme::assign_caseloads(s, {school(0, 4, 5), school(0, 2, 6, true), school(0, 2, 7)});
  EXPECT_EQ(loads(coaches), (std::vector<int>{6, 2}));
  EXPECT_EQ(coaches[0].capacity, 7);
  EXPECT_EQ(coaches[0].rule, 0);
}

TEST(Population, AggregatesExpandDeterministicallyFromTheSeed) {
  scenario::Scenario s = testing::small_scenario();
  scenario::SchoolAggregate a;
  a.school_type = "t";
  a.count = 50;
  a.teachers = {scenario::Distribution::Shape::kTriangular, 1, 4, 2};
  a.students_per_teacher = {scenario::Distribution::Shape::kUniform, 8, 20, 0};
  a.distance_km = {scenario::Distribution::Shape::kLognormal, 30, 0.5, 0, 45.0};
  a.border_share = 0.2;
  s.regions[0].aggregates.push_back(a);
  const auto p1 = programme::build_population(s);
  const auto p2 = programme::build_population(s);
  ASSERT_EQ(p1.schools.size(), 52u);
  int border = 0;
  for (std::size_t i = 0; i < p1.schools.size(); ++i) {
    EXPECT_EQ(p1.schools[i].teachers, p2.schools[i].teachers);
    EXPECT_EQ(p1.schools[i].distance_km, p2.schools[i].distance_km);
    EXPECT_GE(p1.schools[i].teachers, 1);
    EXPECT_LE(p1.schools[i].teachers, 4);
    if (i >= 2) {
      EXPECT_LE(p1.schools[i].distance_km, 45.0);  // drawn: within the max
    }
    border += p1.schools[i].border;
  }
  EXPECT_GT(border, 0);
  s.seed = 8;
  const auto p3 = programme::build_population(s);
  bool differs = false;
  for (std::size_t i = 0; i < p1.schools.size(); ++i)
    differs |= p1.schools[i].distance_km != p3.schools[i].distance_km;
  EXPECT_TRUE(differs);
  std::uint32_t teachers = 0;
  for (const auto& c : p1.coaches) teachers += static_cast<std::uint32_t>(c.teachers);
  EXPECT_EQ(teachers, p1.teacher_count);  // every teacher has exactly one coach
}

TEST(Population, ARegionsSchoolsDoNotDependOnWhereItIsListed) {
  scenario::Scenario s = testing::small_scenario();
  scenario::SchoolAggregate a;
  a.school_type = "t";
  a.count = 20;
  a.teachers = {scenario::Distribution::Shape::kUniform, 1, 6, 0};
  a.students_per_teacher = {scenario::Distribution::Shape::kFixed, 10, 0, 0};
  a.distance_km = {scenario::Distribution::Shape::kUniform, 1, 80, 0};
  s.regions[0].schools.clear();
  s.regions[0].aggregates = {a};
  scenario::Region b = s.regions[0];
  b.id = "Beta";
  s.regions.push_back(b);
  const auto ab = programme::build_population(s);
  std::swap(s.regions[0], s.regions[1]);
  const auto ba = programme::build_population(s);
  ASSERT_EQ(ab.schools.size(), 40u);
  for (std::size_t i = 0; i < 20; ++i) {
    EXPECT_EQ(ab.schools[i].teachers, ba.schools[20 + i].teachers);  // Alpha's schools
    EXPECT_EQ(ab.schools[i].distance_km, ba.schools[20 + i].distance_km);
  }
}

}  // namespace
}  // namespace coachsim
