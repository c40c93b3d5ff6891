// Summary statistics against answers computed by hand.
#include "coachsim/sweep/statistics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace coachsim::sweep {
namespace statistics_test {

std::vector<double> one_to(int n) {
  std::vector<double> v;
  for (int i = 1; i <= n; ++i) v.push_back(i);
  return v;
}

TEST(SweepStatistics, OneToHundredUnderType7) {
  // Reversed input: summarise must sort.
  std::vector<double> v = one_to(100);
  std::reverse(v.begin(), v.end());
  const Summary s = summarise(v);
  EXPECT_DOUBLE_EQ(s.mean, 50.5);
  // Variance of 1..n with n - 1: n (n + 1) / 12 = 841.666...
  EXPECT_DOUBLE_EQ(s.sd, std::sqrt(100.0 * 101.0 / 12.0));
  // h = 99 p: P5 = x[4] + 0.95 (x[5] - x[4]) = 5.95; P50 = 50.5; P95 = x[94] + 0.05 = 95.05.
  EXPECT_DOUBLE_EQ(s.p5, 5.95);
  EXPECT_DOUBLE_EQ(s.p50, 50.5);
  EXPECT_DOUBLE_EQ(s.p95, 95.05);
  EXPECT_EQ(s.min, 1);
  EXPECT_EQ(s.max, 100);
}

TEST(SweepStatistics, QuantileEndsAndSingleValue) {
  const std::vector<double> v{2, 4, 8};
  EXPECT_EQ(quantile_type7(v, 0.0), 2);
  EXPECT_EQ(quantile_type7(v, 1.0), 8);
  EXPECT_EQ(quantile_type7(v, 0.75), 6);  // h = 1.5: 4 + 0.5 (8 - 4)
  const Summary s = summarise({3.5});
  EXPECT_EQ(s.mean, 3.5);
  EXPECT_EQ(s.sd, 0);
  EXPECT_EQ(s.p5, 3.5);
  EXPECT_EQ(s.p95, 3.5);
}

TEST(SweepStatistics, ExceedanceIsStrict) {
  const std::vector<double> v{1, 2, 3, 4, 5};
  EXPECT_DOUBLE_EQ(share_above(v, 3), 0.4);
  EXPECT_DOUBLE_EQ(share_below(v, 3), 0.4);
  EXPECT_DOUBLE_EQ(share_above(v, 5), 0.0);
  EXPECT_DOUBLE_EQ(share_below(v, 5.5), 1.0);
  EXPECT_DOUBLE_EQ(share_above({}, 0), 0.0);
}

}  // namespace statistics_test
}  // namespace coachsim::sweep
