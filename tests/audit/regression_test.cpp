// ols: coefficients, standard errors and fit statistics against closed forms worked out in the
// test (textbook simple regression; normal equations solved by Cramer's rule), and the cases
// where no regression can be fitted.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "coachsim/audit/statistics.hpp"
#include "coachsim/i18n/language.hpp"

namespace coachsim::audit {
namespace regression_test {

using Mat3 = std::array<std::array<double, 3>, 3>;

std::vector<std::string> names(std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back("R" + std::to_string(i));
  return out;
}

std::vector<std::vector<double>> rows(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<std::vector<double>> x;
  for (std::size_t i = 0; i < a.size(); ++i) x.push_back({a[i], b[i]});
  return x;
}

double det3(const Mat3& m) {
  return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
         m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
         m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
}

void expect_rel(double actual, double expected, double tol) {
  EXPECT_NEAR(actual, expected, tol * std::max(1.0, std::abs(expected)));
}

TEST(Ols, SimpleRegressionMatchesTextbookFormulas) {
  const std::vector<double> x = {1, 2, 3, 4, 5, 6, 7};
  const std::vector<double> y = {2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.7};
  const double n = 7;
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mx += x[i] / n, my += y[i] / n;
  double sxx = 0, sxy = 0, tss = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
    tss += (y[i] - my) * (y[i] - my);
  }
  const double slope = sxy / sxx, intercept = my - slope * mx;
  double rss = 0;
  for (std::size_t i = 0; i < x.size(); ++i) rss += std::pow(y[i] - intercept - slope * x[i], 2);
  const double s = std::sqrt(rss / (n - 2));
  const double se_slope = s / std::sqrt(sxx);
  const double se_intercept = s * std::sqrt(1 / n + mx * mx / sxx);
  const double r2 = 1 - rss / tss;

  std::vector<std::vector<double>> xr;
  for (double v : x) xr.push_back({v});
  const Regression r = ols({"teachers"}, xr, y, names(x.size()));
  ASSERT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.terms, (std::vector<std::string>{"intercept", "teachers"}));
  EXPECT_EQ(r.n, 7);
  EXPECT_EQ(r.labels, names(x.size()));
  expect_rel(r.coefficients[0], intercept, 1e-10);
  expect_rel(r.coefficients[1], slope, 1e-10);
  expect_rel(r.std_errors[0], se_intercept, 1e-10);
  expect_rel(r.std_errors[1], se_slope, 1e-10);
  expect_rel(r.t_values[0], intercept / se_intercept, 1e-9);
  expect_rel(r.t_values[1], slope / se_slope, 1e-9);
  expect_rel(r.r2, r2, 1e-12);
  expect_rel(r.adjusted_r2, 1 - (1 - r2) * (n - 1) / (n - 2), 1e-12);
  expect_rel(r.residual_sd, s, 1e-10);
  for (std::size_t i = 0; i < x.size(); ++i) {
    expect_rel(r.fitted[i], intercept + slope * x[i], 1e-10);
    expect_rel(r.residuals[i], y[i] - intercept - slope * x[i], 1e-10);
  }
}

// y = b0 + b1 x1 + b2 x2: solve (X'X) b = X'y by Cramer's rule; Var(b_j) = s^2 C_jj / det,
// with C_jj the cofactor (the 2x2 minor left after removing row and column j).
void check_against_normal_equations(const std::vector<double>& x1, const std::vector<double>& x2,
                                    const std::vector<double>& y, double tol) {
  const std::size_t n = y.size();
  Mat3 a{};
  std::array<double, 3> c{};
  for (std::size_t i = 0; i < n; ++i) {
    const std::array<double, 3> row = {1.0, x1[i], x2[i]};
    for (int j = 0; j < 3; ++j) {
      c[j] += row[j] * y[i];
      for (int k = 0; k < 3; ++k) a[j][k] += row[j] * row[k];
    }
  }
  const double det = det3(a);
  std::array<double, 3> b{};
  for (int j = 0; j < 3; ++j) {
    Mat3 m = a;
    for (int i = 0; i < 3; ++i) m[i][j] = c[i];
    b[j] = det3(m) / det;
  }
  double rss = 0, my = 0, tss = 0;
  for (std::size_t i = 0; i < n; ++i) {
    rss += std::pow(y[i] - b[0] - b[1] * x1[i] - b[2] * x2[i], 2);
    my += y[i] / static_cast<double>(n);
  }
  for (double v : y) tss += (v - my) * (v - my);
  const double s2 = rss / static_cast<double>(n - 3);
  const std::array<double, 3> cofactor = {a[1][1] * a[2][2] - a[1][2] * a[2][1],
                                          a[0][0] * a[2][2] - a[0][2] * a[2][0],
                                          a[0][0] * a[1][1] - a[0][1] * a[1][0]};
  const double r2 = 1 - rss / tss;

  const Regression r = ols({"teachers", "rural"}, rows(x1, x2), y, names(n));
  ASSERT_TRUE(r.ok) << r.problem;
  ASSERT_EQ(r.coefficients.size(), 3u);
  for (int j = 0; j < 3; ++j) {
    const double se = std::sqrt(s2 * cofactor[j] / det);
    expect_rel(r.coefficients[j], b[j], tol);
    expect_rel(r.std_errors[j], se, tol);
    expect_rel(r.t_values[j], b[j] / se, tol);
  }
  expect_rel(r.r2, r2, tol);
  expect_rel(r.adjusted_r2, 1 - (1 - r2) * static_cast<double>(n - 1) / (n - 3), tol);
  expect_rel(r.residual_sd, std::sqrt(s2), tol);
}

const std::vector<double> kTeachers = {120, 340, 560, 210, 890, 430, 670, 150};
const std::vector<double> kRural = {0.8, 0.3, 0.5, 0.9, 0.2, 0.6, 0.4, 0.7};
const std::vector<double> kCost = {5200, 9100, 15800, 7900, 21000, 13500, 17200, 6100};

TEST(Ols, TwoDriversMatchHandSolvedNormalEquations) {
  check_against_normal_equations(kTeachers, kRural, kCost, 1e-9);
}

// Drivers on very different scales (millions next to a share) give the same answer.
TEST(Ols, DriversOnDifferentScales) {
  std::vector<double> big, cost;
  for (std::size_t i = 0; i < kTeachers.size(); ++i) {
    big.push_back(kTeachers[i] * 1e4);
    cost.push_back(kCost[i] * 1e3);
  }
  check_against_normal_equations(big, kRural, cost, 1e-7);
}

TEST(Ols, ExactFit) {
  std::vector<double> y;
  for (std::size_t i = 0; i < kTeachers.size(); ++i)
    y.push_back(300 + 20 * kTeachers[i] - 500 * kRural[i]);
  const Regression r = ols({"teachers", "rural"}, rows(kTeachers, kRural), y, names(y.size()));
  ASSERT_TRUE(r.ok) << r.problem;
  expect_rel(r.coefficients[0], 300, 1e-9);
  expect_rel(r.coefficients[1], 20, 1e-9);
  expect_rel(r.coefficients[2], -500, 1e-9);
  EXPECT_DOUBLE_EQ(r.r2, 1.0);
  EXPECT_DOUBLE_EQ(r.adjusted_r2, 1.0);
  EXPECT_EQ(r.residual_sd, 0.0);
  for (std::size_t i = 0; i < y.size(); ++i) {
    EXPECT_EQ(r.residuals[i], 0.0);
    EXPECT_EQ(r.fitted[i], y[i]);
  }
  for (std::size_t j = 0; j < 3; ++j) {
    EXPECT_EQ(r.std_errors[j], 0.0);
    EXPECT_TRUE(std::isinf(r.t_values[j]));  // determined without error
  }
  EXPECT_LT(r.t_values[2], 0.0);
}

TEST(Ols, ConstantCostHasZeroR2) {
  const std::vector<double> y(kTeachers.size(), 0.1);
  const Regression r = ols({"teachers", "rural"}, rows(kTeachers, kRural), y, names(y.size()));
  ASSERT_TRUE(r.ok) << r.problem;
  expect_rel(r.coefficients[0], 0.1, 1e-12);
  EXPECT_NEAR(r.coefficients[1], 0.0, 1e-12);
  EXPECT_NEAR(r.coefficients[2], 0.0, 1e-12);
  EXPECT_EQ(r.r2, 0.0);
  EXPECT_EQ(r.adjusted_r2, 0.0);
}

TEST(Ols, NoDriversGivesTheMeanAndItsStandardError) {
  const std::vector<double> y = {4, 8, 6, 10};  // mean 7, sample SD sqrt(20 / 3)
  const Regression r = ols({}, {{}, {}, {}, {}}, y, names(4));
  ASSERT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.terms, std::vector<std::string>{"intercept"});
  expect_rel(r.coefficients[0], 7.0, 1e-12);
  expect_rel(r.std_errors[0], std::sqrt(20.0 / 3.0) / 2.0, 1e-12);
  EXPECT_EQ(r.r2, 0.0);
}

TEST(Ols, TooFewRegions) {
  const Regression r = ols({"a", "b"}, {{1, 2}, {2, 1}, {3, 5}}, {1, 2, 3}, names(3));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem, "need more regions than drivers + 1: 3 regions for 2 drivers");
  EXPECT_TRUE(r.coefficients.empty());
  const Regression one = ols({"a"}, {{1}, {2}}, {1, 2}, names(2));
  EXPECT_FALSE(one.ok);
  EXPECT_EQ(one.problem, "need more regions than drivers + 1: 2 regions for 1 driver");
}

TEST(Ols, CollinearDriversAreNamed) {
  std::vector<double> sum;  // an exact combination of the other two, up to rounding
  for (std::size_t i = 0; i < kTeachers.size(); ++i) sum.push_back(2 * kTeachers[i] + kRural[i]);
  std::vector<std::vector<double>> x;
  for (std::size_t i = 0; i < sum.size(); ++i) x.push_back({kTeachers[i], kRural[i], sum[i]});
  const Regression r = ols({"teachers", "rural", "total"}, x, kCost, names(x.size()));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem,
            "drivers are collinear: 'total' is a combination of the others ('teachers', 'rural')");
  // A driver with one value everywhere is a multiple of the intercept.
  const std::vector<double> same(kTeachers.size(), 5.0);
  const Regression c = ols({"teachers", "ugel"}, rows(kTeachers, same), kCost, names(same.size()));
  EXPECT_FALSE(c.ok);
  EXPECT_NE(c.problem.find("'ugel' is the same for every region"), std::string::npos) << c.problem;
}

TEST(Ols, MismatchedInputsAreRefused) {
  EXPECT_FALSE(ols({"a"}, {{1}, {2}, {3}, {4}}, {1, 2, 3}, names(3)).ok);
  const Regression r = ols({"a", "b"}, {{1, 2}, {2}, {3, 1}, {4, 4}}, {1, 2, 3, 4}, names(4));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem, "region 'R1' has 1 driver value, expected 2");
}

// In another language the reason is also given translated (for the terminal, workbook and page);
// `problem` stays English for audit_regression.csv.
TEST(Ols, TheReasonIsAlsoGivenInTheChosenLanguage) {
  struct Spanish {
    Spanish() { i18n::set_language("es"); }
    ~Spanish() { i18n::set_language("en"); }
  } spanish;
  const Regression r = ols({"a", "b"}, {{1, 2}, {2, 1}, {3, 5}}, {1, 2, 3}, names(3));
  EXPECT_EQ(r.problem, "need more regions than drivers + 1: 3 regions for 2 drivers");
  EXPECT_EQ(r.problem_shown,
            "se necesitan más regiones que factores + 1: 3 regiones para 2 factores");
  const Regression one = ols({"a"}, {{1}, {2}}, {1, 2}, names(2));
  EXPECT_EQ(one.problem_shown,
            "se necesitan más regiones que factores + 1: 2 regiones para 1 factor");
  const Regression bad = ols({"a", "b"}, {{1, 2}, {2}, {3, 1}, {4, 4}}, {1, 2, 3, 4}, names(4));
  EXPECT_EQ(bad.problem, "region 'R1' has 1 driver value, expected 2");
  EXPECT_EQ(bad.problem_shown, "la región 'R1' tiene 1 valor de factor; se esperaban 2");
}

}  // namespace regression_test
}  // namespace coachsim::audit
