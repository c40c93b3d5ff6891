// The audit: each region's reported spending against what its own structure costs under the
// scenario's protocol and standard unit costs, the spread of the ratios of Sempé's Tables 17
// and 22 across regions, a regression of cost per teacher on its drivers, and findings in
// plain language.
//
// Gap decomposition, per region, year and category (see README "Auditing regional costs"):
// each category has a driver count (coaches for coach contracts and coach training, supervisors
// for supervision, staff for regional staff, teachers otherwise).
//   quantity = (actual count - expected count) x expected cost per unit of the driver
//   per-unit = actual - expected - quantity = actual count x (actual - expected cost per unit)
// For coach contracts, supervision and regional staff the per-unit difference is a price
// (fees or salaries above the standard); for the other categories it is left unexplained
// ("rest": travel, workshops or materials per teacher that the structure does not explain).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "coachsim/audit/actuals.hpp"
#include "coachsim/audit/statistics.hpp"
#include "coachsim/results/simulation.hpp"

namespace coachsim::audit {

struct CategoryGap {
  std::int64_t actual = 0, expected = 0;           // céntimos
  std::int64_t price = 0, quantity = 0, rest = 0;  // price + quantity + rest = actual - expected
};

struct RegionAudit {
  std::string region;
  int year = 0;
  bool simulated = false;         // the region is in the scenario (else no expected cost)
  std::vector<CategoryGap> gaps;  // by category of the run's cost table
  CategoryGap total;
  // Ratios from the actuals (0 when a count is missing or zero: left out of the spreads and
  // shown blank in the audit's files).
  double cost_per_teacher = 0, cost_per_student = 0, cost_per_coach = 0;
  double teachers_per_coach = 0, students_per_coach = 0, coaches_per_staff = 0;
  double students_per_school = 0;
  // Structure from the simulated population.
  double mean_distance_km = 0, border_share = 0, amazon = 0;
};

struct Finding {
  std::int64_t gap = 0;  // the region's actual minus expected spending, céntimos (0: unknown)
  double severity = 0;   // |z| of cost per teacher or per coach, or residual SDs
  std::string region;
  int year = 0;
  std::string text;
};

struct YearAudit {
  int year = 0;
  // The run's categories: RegionAudit::gaps is in their order (ids for the audit's files).
  std::shared_ptr<const costs::CostTable> costs = costs::CostTable::builtin();
  std::vector<RegionAudit> regions;
  std::vector<RatioSpread> ratios;           // Tables 17 and 22
  Regression regression;                     // cost per teacher on its drivers
  std::vector<std::string> dropped_drivers;  // the same in every region, so left out
  std::vector<Finding> findings;             // largest gap in money first, then by severity
  // What the reader must know to trust the findings: too few regions for any z-score to reach
  // 2, counts the actuals did not give (ratios left blank and out of the spreads).
  std::vector<std::string> warnings;
};

struct AuditOptions {
  std::vector<std::string> exclude;  // regions left out of statistics (e.g. Callao, as Sempé)
};

// REQUIRES: `sim` was simulated from `scenario` (with or without the full ledger).
std::vector<YearAudit> run_audit(const scenario::Scenario& scenario, const results::Simulation& sim,
                                 const std::vector<RegionActuals>& actuals,
                                 const AuditOptions& options);

}  // namespace coachsim::audit
