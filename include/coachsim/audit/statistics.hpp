// Statistics for auditors: the spread of a ratio across regions with each region's z-score
// and flags, and ordinary least squares of a cost on its drivers.
//
// Plain vectors in and out: Eigen stays inside the .cpp files (build time). Nothing here knows
// about scenarios, ledgers or files.
#pragma once

#include <string>
#include <vector>

namespace coachsim::audit {

// One ratio (e.g. cost per teacher) across regions.
struct RatioSpread {
  std::string metric;
  int n = 0;
  double min = 0, max = 0, mean = 0, sd = 0;  // sd: sample standard deviation (n - 1)
  std::vector<std::string> regions;           // as given
  std::vector<double> values;                 // as given
  std::vector<double> z;                      // (value - mean) / sd; 0 when sd == 0
  std::vector<int> flag;                      // 0, 2 (|z| >= 2) or 3 (|z| >= 3)
};

// REQUIRES: regions.size() == values.size() >= 1.
RatioSpread spread_with_z(const std::string& metric, const std::vector<std::string>& regions,
                          const std::vector<double>& values);

// y = b0 + b1 x1 + ... + bk xk + e, by ordinary least squares (with an intercept).
struct Regression {
  std::vector<std::string> terms;  // "intercept", then the driver names
  std::vector<double> coefficients;
  std::vector<double> std_errors;  // classical (homoskedastic) standard errors
  std::vector<double> t_values;
  double r2 = 0, adjusted_r2 = 0;
  double residual_sd = 0;  // sqrt(RSS / (n - k - 1))
  int n = 0;
  std::vector<std::string> labels;  // one per observation, as given
  std::vector<double> fitted;
  std::vector<double> residuals;
  bool ok = false;  // false when n <= k + 1 or the drivers are collinear
  // Why not ok, in words: `problem` in English for audit_regression.csv (stable for scripts),
  // `problem_shown` in the language chosen by --lang for the terminal, workbook and page.
  std::string problem;
  std::string problem_shown;
};

// REQUIRES: x has one row per observation, each with drivers.size() values; y and labels one
// per observation.
Regression ols(const std::vector<std::string>& drivers, const std::vector<std::vector<double>>& x,
               const std::vector<double>& y, const std::vector<std::string>& labels);

}  // namespace coachsim::audit
