#include "coachsim/sweep/statistics.hpp"

#include <algorithm>
#include <cmath>

namespace coachsim::sweep {

double quantile_type7(const std::vector<double>& sorted, double p) {
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const double lo = std::floor(h);
  const auto i = static_cast<std::size_t>(lo);
  if (i + 1 >= sorted.size()) return sorted.back();
  return sorted[i] + (h - lo) * (sorted[i + 1] - sorted[i]);
}

Summary summarise(const std::vector<double>& values) {
  Summary s;
  const auto n = static_cast<double>(values.size());
  double sum = 0;
  for (const double v : values) sum += v;
  s.mean = sum / n;
  // Two-pass variance: exact enough for céntimo totals around 1e11 where the one-pass formula
  // loses every digit.
  double ss = 0;
  for (const double v : values) ss += (v - s.mean) * (v - s.mean);
  s.sd = values.size() > 1 ? std::sqrt(ss / (n - 1)) : 0.0;
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  s.min = sorted.front();
  s.max = sorted.back();
  s.p5 = quantile_type7(sorted, 0.05);
  s.p50 = quantile_type7(sorted, 0.50);
  s.p95 = quantile_type7(sorted, 0.95);
  return s;
}

double share_above(const std::vector<double>& values, double threshold) {
  if (values.empty()) return 0;
  const auto k =
      std::count_if(values.begin(), values.end(), [&](double v) { return v > threshold; });
  return static_cast<double>(k) / static_cast<double>(values.size());
}

double share_below(const std::vector<double>& values, double threshold) {
  if (values.empty()) return 0;
  const auto k =
      std::count_if(values.begin(), values.end(), [&](double v) { return v < threshold; });
  return static_cast<double>(k) / static_cast<double>(values.size());
}

}  // namespace coachsim::sweep
