// Ordinary least squares with an intercept, by column-pivoted Householder QR on the design
// matrix with columns scaled to unit length (so drivers in soles and in ratios are judged alike).
#include <Eigen/Dense>
#include <cmath>
#include <limits>

#include "coachsim/audit/statistics.hpp"
#include "coachsim/i18n/tr.hpp"

namespace coachsim::audit {

namespace {

// Pivots below this fraction of the largest (on unit-length columns) count as zero: such a
// column is a combination of the others up to rounding.
constexpr double kRankTolerance = 1e-10;

// Relative size under which a sum of squares counts as zero (a residual or spread of y
// within rounding of the data).
constexpr double kZeroSumOfSquares = 1e-24;

std::string quoted(const std::string& name) { return "'" + name + "'"; }

// A reason the regression was not estimated, in English (audit_regression.csv keeps it so for
// scripts) and in the language chosen by --lang (the terminal, workbook and page). `pattern` is
// an N_() message; the arguments are the same in both.
struct Reason {
  std::string english, shown;
};
Reason reason(const char* pattern, std::initializer_list<std::string_view> args = {}) {
  return {fill(pattern, args), trf(pattern, args)};
}
// "3 regions" in both: the English count by the English rule, the other by its language's.
Reason counted(long n, const char* singular, const char* plural, const std::string& shown) {
  return {fill(n == 1 ? singular : plural, {std::to_string(n)}), fill(shown, {std::to_string(n)})};
}

Eigen::Index rank_of(const Eigen::MatrixXd& m) {
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(m);
  qr.setThreshold(kRankTolerance);
  return qr.rank();
}

// The first driver that adds nothing to the intercept and the drivers before it, in words.
Reason collinearity(const std::vector<std::string>& drivers, const Eigen::MatrixXd& xs) {
  for (Eigen::Index j = 1; j < xs.cols(); ++j) {
    const std::string& name = drivers[static_cast<std::size_t>(j - 1)];
    Eigen::MatrixXd with_intercept(xs.rows(), 2);
    with_intercept << xs.col(0), xs.col(j);
    if (rank_of(with_intercept) < 2)
      return reason(N_("drivers are collinear: {0} is the same for every region, so it cannot be "
                       "told apart from the intercept"),
                    {quoted(name)});
    if (rank_of(xs.leftCols(j + 1)) < j + 1) {
      std::string others;
      for (Eigen::Index i = 0; i + 1 < j; ++i)
        others += (i == 0 ? "" : ", ") + quoted(drivers[static_cast<std::size_t>(i)]);
      return reason(N_("drivers are collinear: {0} is a combination of the others ({1})"),
                    {quoted(name), others});
    }
  }
  return reason(N_("drivers are collinear"));
}

}  // namespace

Regression ols(const std::vector<std::string>& drivers, const std::vector<std::vector<double>>& x,
               const std::vector<double>& y, const std::vector<std::string>& labels) {
  Regression r;
  r.terms.push_back("intercept");
  r.terms.insert(r.terms.end(), drivers.begin(), drivers.end());
  r.labels = labels;
  r.n = static_cast<int>(y.size());
  const auto n = static_cast<Eigen::Index>(y.size());
  const auto p = static_cast<Eigen::Index>(drivers.size()) + 1;

  const auto fail = [&r](const Reason& why) {
    r.problem = why.english;
    r.problem_shown = why.shown;
    return r;
  };
  if (x.size() != y.size() || labels.size() != y.size())
    return fail(reason(N_("the drivers, costs and labels do not have one entry per region each")));
  if (n <= p) {
    const Reason regions =
        counted(n, "{0} region", "{0} regions", trn("{0} region", "{0} regions", n));
    const Reason drivers =
        counted(p - 1, "{0} driver", "{0} drivers", trn("{0} driver", "{0} drivers", p - 1));
    const char* pattern = N_("need more regions than drivers + 1: {0} for {1}");
    return fail({fill(pattern, {regions.english, drivers.english}),
                 trf(pattern, {regions.shown, drivers.shown})});
  }

  // Design matrix, each column scaled to unit length.
  Eigen::MatrixXd xs(n, p);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto& row = x[static_cast<std::size_t>(i)];
    if (static_cast<Eigen::Index>(row.size()) != p - 1) {
      const auto k = static_cast<long>(row.size());
      const Reason values = counted(k, "{0} driver value", "{0} driver values",
                                    trn("{0} driver value", "{0} driver values", k));
      const char* pattern = N_("region {0} has {1}, expected {2}");
      const std::string label = quoted(labels[static_cast<std::size_t>(i)]);
      const std::string expected = std::to_string(p - 1);
      return fail({fill(pattern, {label, values.english, expected}),
                   trf(pattern, {label, values.shown, expected})});
    }
    xs(i, 0) = 1.0;
    for (Eigen::Index j = 1; j < p; ++j) xs(i, j) = row[static_cast<std::size_t>(j - 1)];
  }
  const Eigen::Map<const Eigen::VectorXd> yv(y.data(), n);
  if (!xs.allFinite() || !yv.allFinite())
    return fail(reason(N_("the drivers or costs contain a value that is not a finite number")));
  Eigen::VectorXd scale = xs.colwise().norm().transpose();
  for (Eigen::Index j = 0; j < p; ++j)
    if (scale(j) == 0.0) scale(j) = 1.0;  // an all-zero column: the rank check reports it
  xs = xs * scale.cwiseInverse().asDiagonal();

  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(xs);
  qr.setThreshold(kRankTolerance);
  if (qr.rank() < p) return fail(collinearity(drivers, xs));

  const Eigen::VectorXd beta_scaled = qr.solve(yv);
  Eigen::VectorXd fitted = xs * beta_scaled;
  Eigen::VectorXd residuals = yv - fitted;
  const double yy = yv.squaredNorm();
  double rss = residuals.squaredNorm();
  if (rss <= kZeroSumOfSquares * yy) {  // exact fit, up to rounding
    rss = 0.0;
    fitted = yv;
    residuals.setZero();
  }
  double tss = (yv.array() - yv.mean()).matrix().squaredNorm();
  if (tss <= kZeroSumOfSquares * yy) tss = 0.0;

  const auto dof = static_cast<double>(n - p);
  const double s2 = rss / dof;
  r.residual_sd = std::sqrt(s2);
  r.r2 = tss > 0.0 ? 1.0 - rss / tss : 0.0;
  r.adjusted_r2 = tss > 0.0 ? 1.0 - (1.0 - r.r2) * static_cast<double>(n - 1) / dof : 0.0;

  // (Xs'Xs)^-1 = P R^-1 R^-T P'; its diagonal in pivot order is the squared row norms of R^-1.
  const Eigen::MatrixXd r_inv =
      qr.matrixR().topLeftCorner(p, p).triangularView<Eigen::Upper>().solve(
          Eigen::MatrixXd::Identity(p, p));
  Eigen::VectorXd var_scaled(p);
  for (Eigen::Index i = 0; i < p; ++i)
    var_scaled(qr.colsPermutation().indices()(i)) = r_inv.row(i).squaredNorm();

  for (Eigen::Index j = 0; j < p; ++j) {
    const double b = beta_scaled(j) / scale(j);
    const double se = std::sqrt(s2 * var_scaled(j)) / scale(j);
    double t = 0.0;
    if (se > 0.0)
      t = b / se;
    else if (b != 0.0)  // exact fit: the coefficient is determined without error
      t = std::copysign(std::numeric_limits<double>::infinity(), b);
    r.coefficients.push_back(b);
    r.std_errors.push_back(se);
    r.t_values.push_back(t);
  }
  r.fitted.assign(fitted.data(), fitted.data() + n);
  r.residuals.assign(residuals.data(), residuals.data() + n);
  r.ok = true;
  return r;
}

}  // namespace coachsim::audit
