// Summary statistics across regions, with Eigen (kept out of public headers for build time).
#include <Eigen/Core>
#include <cmath>

#include "coachsim/results/results.hpp"

namespace coachsim::results {

Spread spread_of(const std::vector<double>& values) {
  Spread s;
  s.n = static_cast<int>(values.size());
  if (values.empty()) return s;
  const Eigen::Map<const Eigen::ArrayXd> v(values.data(), static_cast<Eigen::Index>(values.size()));
  s.min = v.minCoeff();
  s.max = v.maxCoeff();
  s.mean = v.mean();
  s.sd = values.size() > 1 ? std::sqrt((v - s.mean).square().sum() / (v.size() - 1)) : 0.0;
  return s;
}

}  // namespace coachsim::results
