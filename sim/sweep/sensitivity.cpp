#include "coachsim/sweep/sensitivity.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <map>

namespace coachsim::sweep {

void sort_tornado(std::vector<TornadoRow>& rows) {
  std::map<std::string, std::size_t> first;
  for (const TornadoRow& r : rows) first.emplace(r.output, first.size());
  std::stable_sort(rows.begin(), rows.end(), [&](const TornadoRow& a, const TornadoRow& b) {
    const std::size_t oa = first.at(a.output), ob = first.at(b.output);
    if (oa != ob) return oa < ob;
    return a.swing > b.swing;
  });
}

namespace {

// Mean and population SD; z-scores use the same n so that R² and SRC are scale-free.
void moments(const std::vector<double>& v, double& mean, double& sd) {
  double s = 0;
  for (const double x : v) s += x;
  mean = s / static_cast<double>(v.size());
  double ss = 0;
  for (const double x : v) ss += (x - mean) * (x - mean);
  sd = std::sqrt(ss / static_cast<double>(v.size()));
}

// A column is constant when its spread is below rounding noise relative to its size.
bool constant(double mean, double sd) { return !(sd > 1e-12 * std::max(1.0, std::abs(mean))); }

}  // namespace

Regression standardised_regression(const std::vector<std::vector<double>>& x,
                                   const std::vector<double>& y) {
  Regression r;
  r.src.assign(x.size(), 0.0);
  r.included.assign(x.size(), false);
  const std::size_t n = y.size();
  double ym = 0, ysd = 0;
  if (n > 0) moments(y, ym, ysd);
  if (n == 0 || constant(ym, ysd)) {
    r.note = "the output does not vary across replications";
    return r;
  }
  std::vector<std::size_t> cols;
  std::vector<double> means, sds;
  for (std::size_t j = 0; j < x.size(); ++j) {
    double m = 0, s = 0;
    moments(x[j], m, s);
    if (constant(m, s)) continue;
    cols.push_back(j);
    means.push_back(m);
    sds.push_back(s);
  }
  if (cols.size() < x.size()) r.note = "inputs with zero variance left out";
  if (cols.empty()) {
    r.note = "no input varies across replications";
    return r;
  }
  if (n <= cols.size() + 1) {
    r.note = "too few replications for a regression (need more than inputs + 1)";
    return r;
  }
  Eigen::MatrixXd a(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(cols.size()));
  Eigen::VectorXd b(static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < n; ++i) {
    b(static_cast<Eigen::Index>(i)) = (y[i] - ym) / ysd;
    for (std::size_t c = 0; c < cols.size(); ++c)
      a(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(c)) =
          (x[cols[c]][i] - means[c]) / sds[c];
  }
  // No intercept: every column is centred. Column-pivoting QR copes with collinear inputs.
  const Eigen::VectorXd beta = a.colPivHouseholderQr().solve(b);
  const Eigen::VectorXd resid = b - a * beta;
  r.r2 = 1.0 - resid.squaredNorm() / b.squaredNorm();
  for (std::size_t c = 0; c < cols.size(); ++c) {
    r.src[cols[c]] = beta(static_cast<Eigen::Index>(c));
    r.included[cols[c]] = true;
  }
  return r;
}

}  // namespace coachsim::sweep
