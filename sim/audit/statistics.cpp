// The spread of one ratio across regions, with each region's z-score and flag.
#include "coachsim/audit/statistics.hpp"

#include <Eigen/Core>
#include <cmath>

namespace coachsim::audit {

namespace {

int flag_for(double z) {
  const double a = std::abs(z);
  if (a >= 3.0) return 3;
  if (a >= 2.0) return 2;
  return 0;
}

}  // namespace

RatioSpread spread_with_z(const std::string& metric, const std::vector<std::string>& regions,
                          const std::vector<double>& values) {
  RatioSpread s;
  s.metric = metric;
  s.regions = regions;
  s.values = values;
  s.n = static_cast<int>(values.size());
  if (values.empty()) return s;

  const Eigen::Map<const Eigen::ArrayXd> v(values.data(), static_cast<Eigen::Index>(values.size()));
  s.min = v.minCoeff();
  s.max = v.maxCoeff();
  if (s.min == s.max) {
    // All equal: the mean is that value and the spread is zero exactly (summing could
    // otherwise leave a rounding-sized sd and meaningless z-scores).
    s.mean = s.min;
    s.sd = 0.0;
  } else {
    s.mean = v.mean();
    s.sd = std::sqrt((v - s.mean).square().sum() / static_cast<double>(s.n - 1));
  }

  s.z.reserve(values.size());
  s.flag.reserve(values.size());
  for (const double value : values) {
    const double z = s.sd > 0.0 ? (value - s.mean) / s.sd : 0.0;
    s.z.push_back(z);
    s.flag.push_back(flag_for(z));
  }
  return s;
}

}  // namespace coachsim::audit
