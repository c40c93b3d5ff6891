// Probability distributions for declared uncertainty: quantile functions and sampling.
//
// Every draw is the quantile function applied to one uniform (inverse-CDF sampling), except
// bernoulli which compares one uniform with p. One uniform per draw keeps common random
// numbers effective: two scenarios that draw the same input from the same stream get draws at
// the same quantile even when their parameters differ. Pure functions, deterministic on every
// platform that evaluates Boost.Math the same way.
#pragma once

#include <limits>

#include "coachsim/stochastic/random.hpp"

namespace coachsim::stochastic {

enum class Shape { kFixed, kUniform, kTriangular, kNormal, kLognormal, kPert, kBernoulli };

struct Distribution {
  Shape shape = Shape::kFixed;
  // fixed: a = value; uniform: a = min, c = max; triangular, pert: a = min, b = mode, c = max;
  // normal: a = mean, b = sd; lognormal: a = median, b = sigma;
  // bernoulli: p = probability of `then`, a = then, c = else.
  double a = 0, b = 0, c = 0, p = 0;
  // Optional clamps applied to every value (draws and quantiles).
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
};

// The inverse CDF at q in [0, 1] (q is nudged into (0, 1) for unbounded shapes), clamped.
// For bernoulli, the smaller of then/else when q <= its probability, else the larger.
double quantile(const Distribution& d, double q);

// One draw from `u` uniform in [0, 1): quantile(d, u) except bernoulli, which gives `then`
// when u < p (so the frequency of `then` is p whichever of then/else is larger).
double draw_from_uniform(const Distribution& d, double u);
double draw(const Distribution& d, RandomStream& stream);

// Moments before clamping (for tests and display).
double mean(const Distribution& d);
double variance(const Distribution& d);

// True when the support is bounded (every shape except normal and lognormal).
bool bounded(const Distribution& d);

// The extreme values used to validate a scenario: the support bounds for bounded shapes,
// P0.5 and P99.5 for unbounded ones, both after clamps.
double low_end(const Distribution& d);
double high_end(const Distribution& d);

}  // namespace coachsim::stochastic
