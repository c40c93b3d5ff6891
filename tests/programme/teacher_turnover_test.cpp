// Teacher turnover: newcomers restart the stages; draws are per post and year (common random
// numbers); the section loads and reports bad values with their position.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "coachsim/scenario/loader.hpp"
#include "growth_support.hpp"

namespace coachsim {
namespace teacher_turnover_test {

// `n` one-coach schools of 3 teachers, over three school years (2021-2023).
scenario::Scenario three_years(int n, double turnover) {
  scenario::Scenario s = testing::years_scenario(2021, 3);
  s.regions.front().schools = testing::many_coaches(n).regions.front().schools;
  s.supervision.coaches_per_supervisor = 0;
  s.teacher_turnover.enabled = true;
  s.teacher_turnover.share_per_year = turnover;
  for (const auto& e : scenario::validate(s, "t")) ADD_FAILURE() << e.to_string();
  return s;
}

// Teachers whose post holder has been coached `years` years, in a year of region 0.
std::int64_t coached_for(const testing::GrowthRun& r, std::size_t year, int years) {
  std::int64_t n = 0;
  for (std::int64_t k : r.tally.at(year, 0).teachers_by_dose[years - 1]) n += k;
  return n;
}

TEST(TeacherTurnover, EveryPostTurningOverKeepsEveryTeacherAtStageOne) {
  const testing::GrowthRun r = testing::run(three_years(4, 1.0));
  // The schools' first year has no newcomers (everyone starts then); later, all 12 are new.
  EXPECT_EQ(r.tally.at(0, 0).teachers_new, 0);
  EXPECT_EQ(r.tally.at(1, 0).teachers_new, 12);
  EXPECT_EQ(r.tally.at(2, 0).teachers_new, 12);
  for (std::size_t y = 0; y < 3; ++y) {
    EXPECT_EQ(coached_for(r, y, 1), 12) << "year " << y;
    EXPECT_EQ(coached_for(r, y, 2) + coached_for(r, y, 3), 0) << "year " << y;
  }
}

TEST(TeacherTurnover, NoTurnoverIsTheSameAsNoSection) {
  scenario::Scenario with = three_years(4, 0.0);
  scenario::Scenario without = with;
  without.teacher_turnover = {};
  const testing::GrowthRun a = testing::run(with), b = testing::run(without);
  for (std::size_t y = 0; y < 3; ++y) {
    EXPECT_EQ(a.tally.at(y, 0).teachers_new, 0);
    for (int years = 1; years <= 3; ++years)
      EXPECT_EQ(coached_for(a, y, years), coached_for(b, y, years));
    EXPECT_EQ(coached_for(b, y, static_cast<int>(y) + 1), 12);  // stage = year, everyone
  }
  EXPECT_EQ(a.ledger.grand_total(), b.ledger.grand_total());
}

TEST(TeacherTurnover, NewcomersCountAsTheirOwnYearsAndShareMatchesTheRate) {
  const int schools = 2000;  // 6,000 posts
  const testing::GrowthRun r = testing::run(three_years(schools, 0.25));
  const double posts = 3.0 * schools, sd = std::sqrt(posts * 0.25 * 0.75);
  for (std::size_t y = 1; y < 3; ++y) {
    const std::int64_t fresh = r.tally.at(y, 0).teachers_new;
    EXPECT_NEAR(static_cast<double>(fresh), posts * 0.25, 4 * sd) << "year " << y;
    // This year's newcomers are exactly the teachers at stage 1.
    EXPECT_EQ(coached_for(r, y, 1), fresh) << "year " << y;
  }
  // Year 3: stage 2 are last year's newcomers who stayed; stage 3 those never replaced. With
  // independent draws about 0.75 x 0.25 and 0.75 x 0.75 of the posts.
  EXPECT_EQ(coached_for(r, 2, 1) + coached_for(r, 2, 2) + coached_for(r, 2, 3), 3 * schools);
  EXPECT_NEAR(static_cast<double>(coached_for(r, 2, 2)), posts * 0.1875, 4 * sd);
  EXPECT_NEAR(static_cast<double>(coached_for(r, 2, 3)), posts * 0.5625, 4 * sd);
  // Cost follows the post, not the person.
  scenario::Scenario none = three_years(schools, 0.25);
  none.teacher_turnover = {};
  EXPECT_EQ(r.ledger.grand_total(), testing::run(none).ledger.grand_total());
}

TEST(TeacherTurnover, DrawsAreCommonRandomNumbersKeyedByPostYearAndReplication) {
  scenario::Scenario base = three_years(300, 0.3);
  scenario::Scenario dearer = base;  // same structure, another price: the same newcomers
  dearer.costs.per_diem = units::per_day(99900);
  const testing::GrowthRun a = testing::run(base), b = testing::run(dearer);
  const testing::GrowthRun other = testing::run(base, 1);
  bool differs = false;
  for (std::size_t y = 1; y < 3; ++y) {
    EXPECT_EQ(a.tally.at(y, 0).teachers_new, b.tally.at(y, 0).teachers_new);
    for (int years = 1; years <= 3; ++years)
      EXPECT_EQ(coached_for(a, y, years), coached_for(b, y, years));
    differs |= a.tally.at(y, 0).teachers_new != other.tally.at(y, 0).teachers_new;
  }
  EXPECT_TRUE(differs) << "another replication draws other newcomers";
}

TEST(TeacherTurnover, LoadsFromYamlAndReportsBadValuesWithTheirPosition) {
  const std::string dir = std::string(COACHSIM_SOURCE_DIR) + "/scenarios";
  std::string yaml = testing::small_yaml();
  const auto base = static_cast<int>(std::count(yaml.begin(), yaml.end(), '\n'));

  auto load = [&](const std::string& section) {
    return scenario::load_scenario_text(yaml + section, "t.yaml", dir);
  };
  const auto good = load("teacher_turnover: {share_per_year: 12%}\n");
  ASSERT_TRUE(good.ok());
  EXPECT_TRUE(good.scenario.teacher_turnover.enabled);
  EXPECT_DOUBLE_EQ(good.scenario.teacher_turnover.share_per_year, 0.12);

  const auto over = load("teacher_turnover:\n  share_per_year: \"130%\"\n");
  ASSERT_EQ(over.errors.size(), 1u);
  EXPECT_EQ(over.errors.front().to_string(),
            "t.yaml:" + std::to_string(base + 2) +
                ":19: teacher_turnover.share_per_year: expected a share between 0% and 100%, "
                "got 130%");
  const auto missing = load("teacher_turnover: {rate: 5%}\n");
  ASSERT_FALSE(missing.ok());
  bool names_key = false;
  for (const auto& e : missing.errors)
    names_key |= e.to_string().find("share_per_year") != std::string::npos;
  EXPECT_TRUE(names_key);
}

}  // namespace teacher_turnover_test
}  // namespace coachsim
