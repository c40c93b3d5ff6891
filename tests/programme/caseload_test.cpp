// Caseload assignment by the protocol's ratio rules.
#include <gtest/gtest.h>

#include <algorithm>

#include "coachsim/programme/packing.hpp"
#include "coachsim/programme/population.hpp"
#include "coachsim/scenario/loader.hpp"
#include "growth_support.hpp"

namespace coachsim {
namespace caseload_test {

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

TEST(Caseload, PacksLargestFirstIntoTheFullestCaseloadWithRoom) {
  scenario::Scenario s = testing::small_scenario();
  s.caseload_rules[0].teachers_per_coach = 8;
  // Largest share first (nearer first among equals): 3 (5 km) and 3 (6 km) make 6; 3 (9 km)
  // does not fit and starts a second coach; 1 (12 km) goes to the fullest with room, the first.
  const auto coaches = programme::assign_caseloads(
      s, {school(0, 3, 9), school(0, 3, 5), school(0, 3, 6), school(0, 1, 12)});
  EXPECT_EQ(loads(coaches), (std::vector<int>{7, 3}));
  EXPECT_EQ(coaches[0].caseload[0].school, 1u);  // nearest school first
  EXPECT_EQ(coaches[0].caseload[1].school, 2u);
  EXPECT_EQ(coaches[0].caseload[2].school, 3u);
  EXPECT_EQ(coaches[1].caseload[0].school, 0u);
}

TEST(Caseload, SchoolsThatExactlyFillTheRatioNeedTheFewestCoaches) {
  scenario::Scenario s = testing::small_scenario();
  s.caseload_rules[0].teachers_per_coach = 8;
  // 24 teachers in schools of 5, 4, 3, 4, 6 and 2 (nearest first): three coaches of exactly 8
  // (6+2, 5+3, 4+4). Taken nearest first into one coach after another they needed four
  // (5, 4+3, 4, 6+2).
  const auto coaches =
      programme::assign_caseloads(s, {school(0, 5, 1), school(0, 4, 2), school(0, 3, 3),
                                      school(0, 4, 4), school(0, 6, 5), school(0, 2, 6)});
  EXPECT_EQ(loads(coaches), (std::vector<int>{8, 8, 8}));
  for (const auto& c : coaches) EXPECT_EQ(c.capacity, 8);
}

TEST(Caseload, SplitsSchoolsLargerThanACaseload) {
  scenario::Scenario s = testing::small_scenario();
  s.caseload_rules[0].teachers_per_coach = 8;
  const auto coaches = programme::assign_caseloads(s, {school(0, 20, 3)});
  EXPECT_EQ(loads(coaches), (std::vector<int>{8, 8, 4}));
  EXPECT_EQ(coaches[1].caseload[0].first_teacher, 8);
  EXPECT_EQ(coaches[0].students + coaches[1].students + coaches[2].students, 200);
}

TEST(Caseload, EachTeacherTakesOneOverItsRatioOfACoach) {
  scenario::Scenario s = testing::small_scenario();
  s.caseload_rules = {{"t", std::nullopt, std::nullopt, true, 6},
                      {"t", std::nullopt, std::nullopt, std::nullopt, 8}};
  // 4 near teachers (4/8) and 3 dispersed ones (3/6) fill one coach exactly: 7 teachers, between
  // the two ratios. By the smallest ratio the coach could take only 6 and a second was needed.
  const auto coaches = programme::assign_caseloads(s, {school(0, 4, 5), school(0, 3, 60)});
  EXPECT_EQ(loads(coaches), (std::vector<int>{7}));
  EXPECT_EQ(coaches[0].capacity, 7);
  EXPECT_EQ(coaches[0].rule, 0);  // the rule of its smallest ratio
  // One more dispersed teacher (1/6) does not fit: a second coach.
  const auto more =
      programme::assign_caseloads(s, {school(0, 4, 5), school(0, 3, 60), school(0, 1, 70)});
  EXPECT_EQ(more.size(), 2u);
}

TEST(Caseload, PoolsUgelsLastCaseloadsWithinADaysTravel) {
  scenario::Scenario s = testing::small_scenario();
  s.regions[0].ugels = {"U1", "U2"};
  s.caseload_rules[0].teachers_per_coach = 8;
  auto near = [](std::uint32_t ugel, int teachers) {
    School sc = school(ugel, teachers, 10);
    sc.travel_hours = 1.0;
    return sc;
  };
  // 4 teachers in each UGEL, an hour from their seats: through U2's seat (1 h + 1 h) a U2
  // school is 3 h from U1's, within a travel day (8 h): one coach for both UGELs.
  const auto pooled = programme::assign_caseloads(s, {near(0, 4), near(1, 4)});
  ASSERT_EQ(pooled.size(), 1u);
  EXPECT_EQ(pooled[0].teachers, 8);
  EXPECT_TRUE(pooled[0].remainder);
  EXPECT_EQ(pooled[0].caseload[1].school, 1u);
  EXPECT_DOUBLE_EQ(pooled[0].caseload[1].travel_hours, 3.0);  // its trip goes through U2's seat
  EXPECT_DOUBLE_EQ(pooled[0].caseload[1].distance_km, 30.0);
  // Three hours from their seats, a U2 school would be 9 h away: each UGEL keeps its coach.
  auto far = [](std::uint32_t ugel, int teachers) {
    School sc = school(ugel, teachers, 90);
    sc.travel_hours = 3.0;
    return sc;
  };
  const auto apart = programme::assign_caseloads(s, {far(0, 4), far(1, 4)});
  ASSERT_EQ(apart.size(), 2u);
  EXPECT_NE(apart[0].ugel, apart[1].ugel);
}

TEST(Caseload, EibIsNeverMixedWithAnotherType) {
  scenario::Scenario s = testing::small_scenario();
  scenario::SchoolTypeProtocol eib = s.school_types[0];
  eib.id = "eib";
  s.school_types.push_back(eib);  // same protocol as "t": only the language keeps them apart
  s.caseload_rules = {{"t", std::nullopt, std::nullopt, std::nullopt, 8},
                      {"eib", std::nullopt, std::nullopt, std::nullopt, 8}};
  School a = school(0, 3, 5), b = school(0, 2, 6), c = school(0, 2, 7);
  b.type = 1;
  const auto coaches = programme::assign_caseloads(s, {a, b, c});
  ASSERT_EQ(coaches.size(), 2u);  // 7 teachers would fit one coach of 8
  for (const auto& coach : coaches)
    for (const auto& item : coach.caseload) EXPECT_EQ(b.type == coach.type, item.school == 1u);
}

// A national-size population of mixed ratios and UGELs: no caseload holds more than its
// schools' ratios allow, every teacher is in exactly one, and the order is reproducible.
TEST(Caseload, NoCaseloadExceedsItsRatio) {
  scenario::Scenario s = testing::small_scenario();
  s.regions[0].ugels = {"U1", "U2", "U3"};
  s.regions[0].schools.clear();
  s.caseload_rules = {{"t", true, std::nullopt, std::nullopt, 7},
                      {"t", std::nullopt, std::nullopt, true, 6},
                      {"t", std::nullopt, true, std::nullopt, 12},
                      {"t", std::nullopt, std::nullopt, std::nullopt, 8}};
  scenario::SchoolAggregate agg;
  agg.school_type = "t";
  agg.count = 400;
  agg.teachers = {scenario::Distribution::Shape::kTriangular, 1, 20, 2};
  agg.students_per_teacher = {scenario::Distribution::Shape::kFixed, 10, 0, 0};
  agg.distance_km = {scenario::Distribution::Shape::kLognormal, 30, 0.8, 0, 300.0};
  agg.border_share = 0.2;
  agg.urban_share = 0.3;
  s.regions[0].aggregates = {agg};
  const programme::Population pop = programme::build_population(s);
  std::vector<int> seen(pop.teacher_count, 0);
  for (const auto& c : pop.coaches) {
    double load = 0.0;
    int largest = 0;
    for (const auto& item : c.caseload) {
      const int ratio = programme::school_ratio(s, pop.schools[item.school]);
      load += static_cast<double>(item.teachers) / ratio;
      largest = std::max(largest, ratio);
      for (int k = 0; k < item.teachers; ++k)
        ++seen[item.school_first_teacher + item.first_teacher + k];
    }
    EXPECT_LE(load, 1.0 + 1e-9);
    EXPECT_LE(c.teachers, largest);
    EXPECT_LE(c.teachers, c.capacity);
  }
  for (int n : seen) EXPECT_EQ(n, 1);
  const programme::Population again = programme::build_population(s);
  ASSERT_EQ(again.coaches.size(), pop.coaches.size());
  for (std::size_t c = 0; c < pop.coaches.size(); ++c)
    EXPECT_EQ(again.coaches[c].caseload.size(), pop.coaches[c].caseload.size());
}

TEST(Caseload, NearestFirstKeepsThePackingOfTheHistoricalScenarios) {
  scenario::Scenario s = testing::small_scenario();
  s.caseload_packing = scenario::CaseloadPacking::kNearestFirst;
  s.caseload_rules[0].teachers_per_coach = 8;
  // One coach after another, nearest first: 5; 4 + 3; 4; 6 + 2 (pooled packing needs three).
  const auto coaches =
      programme::assign_caseloads(s, {school(0, 5, 1), school(0, 4, 2), school(0, 3, 3),
                                      school(0, 4, 4), school(0, 6, 5), school(0, 2, 6)});
  EXPECT_EQ(loads(coaches), (std::vector<int>{5, 7, 4, 8}));
}

TEST(Caseload, PackingIsReadFromTheProtocolAndABadValueIsNamed) {
  const std::string dir = std::string(COACHSIM_SOURCE_DIR) + "/scenarios";
  std::string yaml = testing::small_yaml();
  const std::string anchor = "  dispersed_above: \"40 km\"\n";
  const std::size_t at = yaml.find(anchor);
  ASSERT_NE(at, std::string::npos);
  const auto line =
      std::count(yaml.begin(), yaml.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 2;
  std::string good = yaml, bad = yaml;
  good.insert(at + anchor.size(), "  caseload_packing: nearest_first\n");
  bad.insert(at + anchor.size(), "  caseload_packing: tightest\n");
  const auto loaded = scenario::load_scenario_text(good, "p.yaml", dir);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.scenario.caseload_packing, scenario::CaseloadPacking::kNearestFirst);
  EXPECT_EQ(scenario::load_scenario_text(yaml, "p.yaml", dir).scenario.caseload_packing,
            scenario::CaseloadPacking::kPooled);  // the default
  const auto failed = scenario::load_scenario_text(bad, "p.yaml", dir);
  ASSERT_EQ(failed.errors.size(), 1u);
  EXPECT_EQ(failed.errors[0].to_string(),
            "p.yaml:" + std::to_string(line) +
                ":21: protocol.caseload_packing: expected 'pooled' or 'nearest_first', got "
                "'tightest'");
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

}  // namespace caseload_test
}  // namespace coachsim
