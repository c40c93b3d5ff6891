// Distributions for declared uncertainty: sample moments against the known moments of every
// shape, quantiles exact at known points, clamps and bernoulli frequencies.
//
// Tolerances: with n = 200,000 draws (40,000 for PERT), a sample mean is checked within 5 standard
// errors (sqrt(variance / n)) and a sample variance within 5 standard errors of the variance
// (sqrt((m4 - variance^2) / n), with m4 the sample fourth central moment). A correct
// implementation fails one of these checks with probability below 1e-6 per check, and the
// streams are seeded, so the test is deterministic.
#include "coachsim/stochastic/distributions.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace coachsim::stochastic {
namespace distributions_test {

constexpr int kDraws = 200000;
constexpr double kZ = 5.0;

Distribution make(Shape shape, double a, double b, double c, double p = 0) {
  Distribution d;
  d.shape = shape;
  d.a = a;
  d.b = b;
  d.c = c;
  d.p = p;
  return d;
}

struct Moments {
  double mean = 0, variance = 0, m4 = 0;
};

Moments sample_moments(const Distribution& d, std::uint64_t purpose, int n) {
  RandomStream stream(StreamKey{12345, 0, 0, purpose});
  std::vector<double> x(static_cast<std::size_t>(n));
  for (double& v : x) v = draw(d, stream);
  Moments m;
  for (double v : x) m.mean += v;
  m.mean /= n;
  for (double v : x) {
    const double e = (v - m.mean) * (v - m.mean);
    m.variance += e;
    m.m4 += e * e;
  }
  m.variance /= n - 1;
  m.m4 /= n;
  return m;
}

void expect_moments(const Distribution& d, std::uint64_t purpose, int n = kDraws) {
  const Moments m = sample_moments(d, purpose, n);
  const double se_mean = std::sqrt(variance(d) / n);
  const double se_var = std::sqrt((m.m4 - m.variance * m.variance) / n);
  EXPECT_NEAR(m.mean, mean(d), kZ * se_mean);
  EXPECT_NEAR(m.variance, variance(d), kZ * se_var);
}

TEST(Distributions, UniformMoments) { expect_moments(make(Shape::kUniform, 2, 0, 7), 1); }
TEST(Distributions, TriangularMoments) { expect_moments(make(Shape::kTriangular, 1, 2, 6), 2); }
TEST(Distributions, NormalMoments) { expect_moments(make(Shape::kNormal, 10, 3, 0), 3); }
TEST(Distributions, LognormalMoments) { expect_moments(make(Shape::kLognormal, 5, 0.4, 0), 4); }
// PERT draws invert the incomplete beta function (about 20 us each): fewer draws.
TEST(Distributions, PertMoments) { expect_moments(make(Shape::kPert, 0, 15, 60), 5, 40000); }

TEST(Distributions, PertMeanIsTheWeightedThreePointEstimate) {
  const Distribution d = make(Shape::kPert, 0, 15, 60);
  EXPECT_DOUBLE_EQ(mean(d), (0 + 4 * 15 + 60) / 6.0);
  // alpha = 1 + 4 * 15/60 = 2, beta = 1 + 4 * 45/60 = 4: variance 60^2 * 8 / (36 * 7).
  EXPECT_NEAR(variance(d), 3600.0 * 8.0 / (36.0 * 7.0), 1e-9);
}

TEST(Distributions, BernoulliFrequencyIsP) {
  const Distribution d = make(Shape::kBernoulli, 25, 0, 10, 0.2);  // then 25, else 10
  RandomStream stream(StreamKey{1, 2, 3, 4});
  int thens = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double v = draw(d, stream);
    ASSERT_TRUE(v == 25 || v == 10);
    thens += v == 25;
  }
  const double se = std::sqrt(0.2 * 0.8 / kDraws);
  EXPECT_NEAR(static_cast<double>(thens) / kDraws, 0.2, kZ * se);
  EXPECT_DOUBLE_EQ(mean(d), 0.2 * 25 + 0.8 * 10);
  // Quantiles order the two values: 10 has probability 0.8.
  EXPECT_EQ(quantile(d, 0.5), 10);
  EXPECT_EQ(quantile(d, 0.81), 25);
  EXPECT_EQ(low_end(d), 10);
  EXPECT_EQ(high_end(d), 25);
  EXPECT_EQ(low_end(make(Shape::kBernoulli, 25, 0, 10, 1.0)), 25);  // else never happens
}

TEST(Distributions, QuantilesAreExactAtKnownPoints) {
  EXPECT_DOUBLE_EQ(quantile(make(Shape::kUniform, 2, 0, 7), 0.25), 3.25);
  const Distribution tri = make(Shape::kTriangular, 1, 2, 6);
  EXPECT_DOUBLE_EQ(quantile(tri, 0.2), 2.0);  // F(mode) = (2 - 1) / (6 - 1)
  EXPECT_DOUBLE_EQ(quantile(tri, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(quantile(tri, 1.0), 6.0);
  const Distribution normal = make(Shape::kNormal, 10, 3, 0);
  EXPECT_NEAR(quantile(normal, 0.5), 10.0, 1e-12);
  EXPECT_NEAR(quantile(normal, 0.975), 10 + 3 * 1.959963984540054, 1e-9);
  EXPECT_NEAR(quantile(normal, 0.05), 10 - 3 * 1.6448536269514722, 1e-9);
  const Distribution lognormal = make(Shape::kLognormal, 5, 0.4, 0);
  EXPECT_NEAR(quantile(lognormal, 0.5), 5.0, 1e-12);
  EXPECT_NEAR(quantile(lognormal, 0.975), 5 * std::exp(0.4 * 1.959963984540054), 1e-9);
  // PERT(0, 0, 1) is Beta(1, 5): F(x) = 1 - (1 - x)^5.
  const Distribution pert = make(Shape::kPert, 0, 0, 1);
  for (double q : {0.1, 0.5, 0.9}) {
    EXPECT_NEAR(quantile(pert, q), 1 - std::pow(1 - q, 0.2), 1e-12) << q;
  }
  // A symmetric PERT has its median at the mode.
  EXPECT_NEAR(quantile(make(Shape::kPert, 2, 5, 8), 0.5), 5.0, 1e-12);
  EXPECT_EQ(quantile(make(Shape::kFixed, 4, 0, 0), 0.3), 4.0);
}

TEST(Distributions, EndsAreTheSupportOrTheMiddle99Percent) {
  EXPECT_EQ(low_end(make(Shape::kUniform, 2, 0, 7)), 2.0);
  EXPECT_EQ(high_end(make(Shape::kUniform, 2, 0, 7)), 7.0);
  EXPECT_EQ(low_end(make(Shape::kPert, 0, 15, 60)), 0.0);
  EXPECT_EQ(high_end(make(Shape::kPert, 0, 15, 60)), 60.0);
  const Distribution normal = make(Shape::kNormal, 1, 0.1, 0);
  EXPECT_NEAR(low_end(normal), 1 - 0.1 * 2.5758293035489004, 1e-9);
  EXPECT_NEAR(high_end(normal), 1 + 0.1 * 2.5758293035489004, 1e-9);
}

TEST(Distributions, ClampsBoundEveryDrawAndQuantile) {
  Distribution d = make(Shape::kNormal, 1.0, 0.5, 0);
  d.min = 0.5;
  d.max = 1.2;
  RandomStream stream(StreamKey{9, 9, 9, 9});
  int at_min = 0;
  for (int i = 0; i < 10000; ++i) {
    const double v = draw(d, stream);
    ASSERT_GE(v, 0.5);
    ASSERT_LE(v, 1.2);
    at_min += v == 0.5;
  }
  EXPECT_GT(at_min, 0);  // P(x < 0.5) = 16%: the clamp is reached
  EXPECT_EQ(low_end(d), 0.5);
  EXPECT_EQ(high_end(d), 1.2);
  EXPECT_EQ(quantile(d, 0.01), 0.5);
  EXPECT_NEAR(quantile(d, 0.5), 1.0, 1e-12);
}

TEST(Distributions, DrawsAreInverseCdfOfOneUniform) {
  // The same stream key gives the same draws; a draw is the quantile of the stream's uniform.
  const Distribution d = make(Shape::kTriangular, 0, 1, 4);
  RandomStream a(StreamKey{5, 6, 7, 8});
  RandomStream b(StreamKey{5, 6, 7, 8});
  for (int i = 0; i < 100; ++i) {
    const double u = b.uniform01();
    EXPECT_EQ(draw(d, a), quantile(d, u + 0x1.0p-54));
  }
  EXPECT_TRUE(std::isfinite(draw_from_uniform(make(Shape::kNormal, 0, 1, 0), 0.0)));
}

}  // namespace distributions_test
}  // namespace coachsim::stochastic
