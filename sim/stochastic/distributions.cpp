// Quantile functions and inverse-CDF sampling for declared uncertainty (see distributions.hpp).
#include "coachsim/stochastic/distributions.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/erf.hpp>

namespace coachsim::stochastic {

namespace {

// PERT is a beta on [min, max] with shape parameters from the mode (lambda = 4).
constexpr double kPertLambda = 4.0;

double clamp(const Distribution& d, double x) { return std::min(std::max(x, d.min), d.max); }

// The standard normal quantile; q strictly inside (0, 1).
double normal_quantile(double q) { return -std::numbers::sqrt2 * boost::math::erfc_inv(2.0 * q); }

void pert_shape(const Distribution& d, double& alpha, double& beta) {
  const double width = d.c - d.a;
  alpha = 1.0 + kPertLambda * (d.b - d.a) / width;
  beta = 1.0 + kPertLambda * (d.c - d.b) / width;
}

double unclamped_quantile(const Distribution& d, double q) {
  // Unbounded shapes have infinite quantiles at 0 and 1; keep q inside by one ulp-ish step.
  constexpr double kTiny = 0x1.0p-54;
  switch (d.shape) {
    case Shape::kFixed:
      return d.a;
    case Shape::kUniform:
      return d.a + (d.c - d.a) * q;
    case Shape::kTriangular: {
      const double width = d.c - d.a;
      if (!(width > 0)) return d.a;
      const double left = d.b - d.a;
      if (q * width <= left) return d.a + std::sqrt(q * width * left);
      return d.c - std::sqrt((1.0 - q) * width * (d.c - d.b));
    }
    case Shape::kNormal:
      return d.a + d.b * normal_quantile(std::clamp(q, kTiny, 1.0 - kTiny));
    case Shape::kLognormal:
      return d.a * std::exp(d.b * normal_quantile(std::clamp(q, kTiny, 1.0 - kTiny)));
    case Shape::kPert: {
      if (!(d.c > d.a)) return d.a;
      double alpha = 0, beta = 0;
      pert_shape(d, alpha, beta);
      if (q <= 0) return d.a;
      if (q >= 1) return d.c;
      return d.a + (d.c - d.a) * boost::math::ibeta_inv(alpha, beta, q);
    }
    case Shape::kBernoulli: {
      const bool then_low = d.a <= d.c;
      const double p_low = then_low ? d.p : 1.0 - d.p;
      if (p_low >= 1.0 || (p_low > 0.0 && q <= p_low)) return std::min(d.a, d.c);
      return std::max(d.a, d.c);
    }
  }
  return d.a;
}

}  // namespace

double quantile(const Distribution& d, double q) {
  return clamp(d, unclamped_quantile(d, std::clamp(q, 0.0, 1.0)));
}

double draw_from_uniform(const Distribution& d, double u) {
  if (d.shape == Shape::kBernoulli) return clamp(d, u < d.p ? d.a : d.c);
  // Centre the uniform's lattice point so that u = 0 does not reach an infinite quantile.
  return quantile(d, u + 0x1.0p-54);
}

double draw(const Distribution& d, RandomStream& stream) {
  return draw_from_uniform(d, stream.uniform01());
}

double mean(const Distribution& d) {
  switch (d.shape) {
    case Shape::kFixed:
      return d.a;
    case Shape::kUniform:
      return (d.a + d.c) / 2.0;
    case Shape::kTriangular:
      return (d.a + d.b + d.c) / 3.0;
    case Shape::kNormal:
      return d.a;
    case Shape::kLognormal:
      return d.a * std::exp(d.b * d.b / 2.0);
    case Shape::kPert:
      return (d.a + kPertLambda * d.b + d.c) / (kPertLambda + 2.0);
    case Shape::kBernoulli:
      return d.p * d.a + (1.0 - d.p) * d.c;
  }
  return d.a;
}

double variance(const Distribution& d) {
  switch (d.shape) {
    case Shape::kFixed:
      return 0.0;
    case Shape::kUniform:
      return (d.c - d.a) * (d.c - d.a) / 12.0;
    case Shape::kTriangular:
      return (d.a * d.a + d.b * d.b + d.c * d.c - d.a * d.b - d.a * d.c - d.b * d.c) / 18.0;
    case Shape::kNormal:
      return d.b * d.b;
    case Shape::kLognormal: {
      const double s2 = d.b * d.b;
      return (std::exp(s2) - 1.0) * d.a * d.a * std::exp(s2);
    }
    case Shape::kPert: {
      if (!(d.c > d.a)) return 0.0;
      double alpha = 0, beta = 0;
      pert_shape(d, alpha, beta);
      const double width = d.c - d.a;
      return width * width * alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1));
    }
    case Shape::kBernoulli:
      return d.p * (1.0 - d.p) * (d.a - d.c) * (d.a - d.c);
  }
  return 0.0;
}

bool bounded(const Distribution& d) {
  return d.shape != Shape::kNormal && d.shape != Shape::kLognormal;
}

double low_end(const Distribution& d) {
  if (d.shape == Shape::kBernoulli) {
    if (d.p >= 1.0) return clamp(d, d.a);
    if (d.p <= 0.0) return clamp(d, d.c);
    return clamp(d, std::min(d.a, d.c));
  }
  return quantile(d, bounded(d) ? 0.0 : 0.005);
}

double high_end(const Distribution& d) {
  if (d.shape == Shape::kBernoulli) {
    if (d.p >= 1.0) return clamp(d, d.a);
    if (d.p <= 0.0) return clamp(d, d.c);
    return clamp(d, std::max(d.a, d.c));
  }
  return quantile(d, bounded(d) ? 1.0 : 0.995);
}

}  // namespace coachsim::stochastic
