// The optional `max:` beside a distribution's shape.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "coachsim/scenario/loader.hpp"

namespace coachsim::scenario {
namespace distribution_max_test {

std::string small_with_aggregate(const std::string& distance) {
  std::ifstream in(std::string(COACHSIM_SOURCE_DIR) + "/scenarios/small.yaml");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  const std::string csv = "    schools_csv: small-schools.csv";
  text.replace(text.find(csv), csv.size(),
               "    schools:\n      - {school_type: t, count: 3, teachers: 1, "
               "students_per_teacher: 10, distance_km: " +
                   distance + "}");
  return text;
}

TEST(DistributionMax, IsLoadedBesideTheShape) {
  const LoadResult r =
      load_scenario_text(small_with_aggregate("{lognormal: [80, 0.8], max: 300}"), "m.yaml", "");
  ASSERT_TRUE(r.ok()) << r.errors.front().to_string();
  const Distribution& d = r.scenario.regions[0].aggregates[0].distance_km;
  EXPECT_EQ(d.shape, Distribution::Shape::kLognormal);
  EXPECT_DOUBLE_EQ(d.a, 80);
  EXPECT_DOUBLE_EQ(d.max, 300);
}

TEST(DistributionMax, AloneIsNotADistribution) {
  const LoadResult r = load_scenario_text(small_with_aggregate("{max: 300}"), "m.yaml", "");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].field, "regions[0].schools[0].distance_km");
  EXPECT_NE(r.errors[0].message.find("expected exactly one of"), std::string::npos);
}

TEST(DistributionMax, MustBePositive) {
  const LoadResult r =
      load_scenario_text(small_with_aggregate("{uniform: [1, 5], max: 0}"), "m.yaml", "");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("expected max > 0"), std::string::npos);
  EXPECT_GT(r.errors[0].line, 0);
}

}  // namespace distribution_max_test
}  // namespace coachsim::scenario
