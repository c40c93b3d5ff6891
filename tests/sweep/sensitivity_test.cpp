// Standardised regression coefficients on synthetic models with known answers, and the
// tornado's ordering.
#include "coachsim/sweep/sensitivity.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "coachsim/stochastic/random.hpp"

namespace coachsim::sweep {
namespace sensitivity_test {

double sd_of(const std::vector<double>& v) {
  double m = 0;
  for (double x : v) m += x;
  m /= static_cast<double>(v.size());
  double ss = 0;
  for (double x : v) ss += (x - m) * (x - m);
  return std::sqrt(ss / static_cast<double>(v.size()));
}

double corr(const std::vector<double>& a, const std::vector<double>& b) {
  const auto n = static_cast<double>(a.size());
  double ma = 0, mb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) ma += a[i], mb += b[i];
  ma /= n;
  mb /= n;
  double c = 0;
  for (std::size_t i = 0; i < a.size(); ++i) c += (a[i] - ma) * (b[i] - mb);
  return c / n / (sd_of(a) * sd_of(b));
}

struct Synthetic {
  std::vector<std::vector<double>> x;
  std::vector<double> y;
};

// y = 3 x0 - 2 x1 + 0 x2 + 10 (+ noise), inputs uniform on different ranges.
Synthetic make(double noise_sd) {
  stochastic::RandomStream rng({1, 2, 3, 4});
  Synthetic s;
  s.x.assign(3, {});
  for (int i = 0; i < 500; ++i) {
    const double a = rng.uniform(0, 10), b = rng.uniform(-5, 5), c = rng.uniform(100, 200);
    s.x[0].push_back(a);
    s.x[1].push_back(b);
    s.x[2].push_back(c);
    s.y.push_back(3 * a - 2 * b + 0 * c + 10 + (noise_sd > 0 ? rng.normal(0, noise_sd) : 0.0));
  }
  return s;
}

TEST(SweepSensitivity, SrcRecoversAnExactLinearModel) {
  const Synthetic s = make(0);
  const Regression r = standardised_regression(s.x, s.y);
  // For an exact linear model SRC_j = b_j sd(x_j) / sd(y), and R² = 1.
  const double sy = sd_of(s.y);
  EXPECT_NEAR(r.src[0], 3 * sd_of(s.x[0]) / sy, 1e-9);
  EXPECT_NEAR(r.src[1], -2 * sd_of(s.x[1]) / sy, 1e-9);
  EXPECT_NEAR(r.src[2], 0, 1e-9);
  EXPECT_NEAR(r.r2, 1.0, 1e-12);
  EXPECT_TRUE(r.note.empty()) << r.note;
  // Least squares on standardised columns: R² = sum_j SRC_j corr(x_j, y), exactly.
  double explained = 0;
  for (std::size_t j = 0; j < 3; ++j) explained += r.src[j] * corr(s.x[j], s.y);
  EXPECT_NEAR(explained, r.r2, 1e-9);
}

TEST(SweepSensitivity, NoiseLowersRSquared) {
  const Synthetic s = make(10);
  const Regression r = standardised_regression(s.x, s.y);
  EXPECT_LT(r.r2, 0.8);
  EXPECT_GT(r.r2, 0.3);
  EXPECT_GT(r.src[0], 0.3);
  EXPECT_LT(r.src[1], -0.15);
  EXPECT_LT(std::abs(r.src[2]), 0.1);
}

TEST(SweepSensitivity, ZeroVarianceInputsAreLeftOutWithANote) {
  Synthetic s = make(0);
  s.x[2].assign(s.y.size(), 7.0);
  const Regression r = standardised_regression(s.x, s.y);
  EXPECT_FALSE(r.included[2]);
  EXPECT_EQ(r.src[2], 0);
  EXPECT_TRUE(r.included[0]);
  EXPECT_NE(r.note.find("zero variance"), std::string::npos);
  EXPECT_NEAR(r.r2, 1.0, 1e-12);
}

TEST(SweepSensitivity, ConstantOutputAndTooFewRows) {
  Synthetic s = make(0);
  const Regression flat = standardised_regression(s.x, std::vector<double>(s.y.size(), 1.0));
  EXPECT_NE(flat.note.find("does not vary"), std::string::npos);
  EXPECT_FALSE(flat.included[0]);
  for (auto& col : s.x) col.resize(3);
  s.y.resize(3);
  const Regression few = standardised_regression(s.x, s.y);
  EXPECT_NE(few.note.find("too few"), std::string::npos);
}

TEST(SweepSensitivity, TornadoSortsBySwingWithinEachOutput) {
  std::vector<TornadoRow> rows;
  auto add = [&](std::size_t input, const char* out, double swing) {
    TornadoRow r;
    r.input = input;
    r.output = out;
    r.swing = swing;
    rows.push_back(r);
  };
  add(0, "cost_total", 5);
  add(1, "cost_total", 50);
  add(2, "cost_total", 5);
  add(0, "coverage_pct", 1);
  add(1, "coverage_pct", 3);
  sort_tornado(rows);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].input, 1u);
  EXPECT_EQ(rows[1].input, 0u);  // a tie keeps input order
  EXPECT_EQ(rows[2].input, 2u);
  EXPECT_EQ(rows[3].output, "coverage_pct");
  EXPECT_EQ(rows[3].input, 1u);
  EXPECT_EQ(rows[4].input, 0u);
}

}  // namespace sensitivity_test
}  // namespace coachsim::sweep
