// spread_with_z: summary statistics, z-scores and flags, against values worked out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "coachsim/audit/statistics.hpp"

namespace coachsim::audit {
namespace statistics_test {

std::vector<std::string> names(std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back("R" + std::to_string(i));
  return out;
}

// Deviations 3, -2, -1 and twelve zeros: they sum to 0 and their squares to 14 = n - 1, so
// the sample SD is exactly the unit. With mean 100 and unit 7 every step is exact in binary
// floating point (integers; 686 / 14 = 49; sqrt(49) = 7), so z is exactly 3, -2, -1 and 0.
TEST(SpreadWithZ, ValuesExactlyTwoAndThreeSdAwayAreFlagged) {
  std::vector<double> values = {121.0, 86.0, 93.0};
  for (int i = 0; i < 12; ++i) values.push_back(100.0);
  const auto regions = names(values.size());
  const RatioSpread s = spread_with_z("cost per teacher", regions, values);

  EXPECT_EQ(s.metric, "cost per teacher");
  EXPECT_EQ(s.regions, regions);
  EXPECT_EQ(s.values, values);
  EXPECT_EQ(s.n, 15);
  EXPECT_DOUBLE_EQ(s.min, 86.0);
  EXPECT_DOUBLE_EQ(s.max, 121.0);
  EXPECT_DOUBLE_EQ(s.mean, 100.0);
  EXPECT_DOUBLE_EQ(s.sd, 7.0);
  ASSERT_EQ(s.z.size(), values.size());
  ASSERT_EQ(s.flag.size(), values.size());
  EXPECT_DOUBLE_EQ(s.z[0], 3.0);
  EXPECT_DOUBLE_EQ(s.z[1], -2.0);
  EXPECT_DOUBLE_EQ(s.z[2], -1.0);
  EXPECT_EQ(s.flag[0], 3);  // |z| >= 3
  EXPECT_EQ(s.flag[1], 2);  // |z| >= 2, below the mean
  EXPECT_EQ(s.flag[2], 0);
  for (std::size_t i = 3; i < values.size(); ++i) {
    EXPECT_DOUBLE_EQ(s.z[i], 0.0);
    EXPECT_EQ(s.flag[i], 0);
  }
}

// Deviations 3, 2, five -1 and twelve zeros (n = 19, squares sum to 18 = n - 1): z of 3 and 2
// above the mean.
TEST(SpreadWithZ, FlagsAboveTheMean) {
  std::vector<double> values = {13.0, 12.0};
  for (int i = 0; i < 5; ++i) values.push_back(9.0);
  for (int i = 0; i < 12; ++i) values.push_back(10.0);
  const RatioSpread s = spread_with_z("m", names(values.size()), values);
  EXPECT_DOUBLE_EQ(s.mean, 10.0);
  EXPECT_DOUBLE_EQ(s.sd, 1.0);
  EXPECT_EQ(s.flag[0], 3);
  EXPECT_EQ(s.flag[1], 2);
  for (std::size_t i = 2; i < values.size(); ++i) EXPECT_EQ(s.flag[i], 0);
}

TEST(SpreadWithZ, MatchesTwoPassFormulas) {
  const std::vector<double> values = {3.2, 4.5, 1.1, 7.9, 5.05};
  double sum = 0;
  for (double v : values) sum += v;
  const double mean = sum / 5.0;
  double ss = 0;
  for (double v : values) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / 4.0);

  const RatioSpread s = spread_with_z("m", names(values.size()), values);
  EXPECT_EQ(s.n, 5);
  EXPECT_DOUBLE_EQ(s.min, 1.1);
  EXPECT_DOUBLE_EQ(s.max, 7.9);
  EXPECT_NEAR(s.mean, mean, 1e-12);
  EXPECT_NEAR(s.sd, sd, 1e-12);
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_NEAR(s.z[i], (values[i] - mean) / sd, 1e-12);
    EXPECT_EQ(s.flag[i], 0);  // five values cannot be 2 SD away: max |z| = 4 / sqrt(5) < 2
  }
}

TEST(SpreadWithZ, OneRegionHasNoSpread) {
  const RatioSpread s = spread_with_z("m", {"Lima"}, {42.5});
  EXPECT_EQ(s.n, 1);
  EXPECT_DOUBLE_EQ(s.min, 42.5);
  EXPECT_DOUBLE_EQ(s.max, 42.5);
  EXPECT_DOUBLE_EQ(s.mean, 42.5);
  EXPECT_EQ(s.sd, 0.0);
  ASSERT_EQ(s.z.size(), 1u);
  EXPECT_EQ(s.z[0], 0.0);
  EXPECT_EQ(s.flag[0], 0);
}

// 0.1 is not exact in binary: a naive mean of three 0.1s is not 0.1, which would leave a
// rounding-sized SD and arbitrary z-scores. All-equal values must give sd 0 and z 0 exactly.
TEST(SpreadWithZ, AllEqualValuesHaveZeroSpreadExactly) {
  const std::vector<double> values = {0.1, 0.1, 0.1};
  const RatioSpread s = spread_with_z("m", names(3), values);
  EXPECT_EQ(s.n, 3);
  EXPECT_EQ(s.mean, 0.1);
  EXPECT_EQ(s.sd, 0.0);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(s.z[i], 0.0);
    EXPECT_EQ(s.flag[i], 0);
  }
}

}  // namespace statistics_test
}  // namespace coachsim::audit
