// Summary statistics over the replications of a sweep. Pure functions: values come in
// replication order and every sum is taken in that order, so results do not depend on how
// replications were scheduled across threads or processes.
#pragma once

#include <vector>

namespace coachsim::sweep {

struct Summary {
  double mean = 0, sd = 0;  // sd: sample standard deviation (n - 1); 0 when n == 1
  double p5 = 0, p50 = 0, p95 = 0;
  double min = 0, max = 0;
};

// The p-quantile (0 <= p <= 1) of ascending `sorted` values by linear interpolation between
// order statistics (Hyndman & Fan type 7, R's default): h = (n - 1) p, x[floor h] +
// (h - floor h) (x[floor h + 1] - x[floor h]). REQUIRES: sorted is not empty.
double quantile_type7(const std::vector<double>& sorted, double p);

// REQUIRES: values is not empty.
Summary summarise(const std::vector<double>& values);

// Share of values strictly above / strictly below `threshold` (0 for no values).
double share_above(const std::vector<double>& values, double threshold);
double share_below(const std::vector<double>& values, double threshold);

}  // namespace coachsim::sweep
