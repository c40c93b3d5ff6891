// The workbook of `coachsim optimise --xlsx`: a "Plan" sheet (every school of the year: coached
// or not, its cost share, teachers, students) and a "Frontier" sheet (each budget's plan
// simulated, with the default and the pro-rata cut marked), as numbers a finance officer can
// sort and filter. Plain data, so the CLI needs no report internals.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace coachsim::report {

struct OptimisePlanRow {
  std::string school, region, ugel;
  int year = 0;
  bool coached = false;
  std::int64_t cost = 0;  // céntimos: the school's share of its coach's cost
  std::int64_t teachers = 0, students = 0;
  // With protocol variants: "full" or the variant's id when coached, "" when not; "" for every
  // school without variants (plan.csv then has no such column).
  std::string protocol_variant;
};

struct OptimiseFrontierRow {
  double budget_pct = 0.0;  // of the year's plan, 0..100+
  std::int64_t budget = 0;  // céntimos
  bool feasible = true;
  std::int64_t teachers_estimate = -1;  // -1: a marked row (not solved)
  std::int64_t simulated_cost = 0, full_protocol = 0;
  double learning_sd = 0.0;
  std::string marker;  // "", "default", "pro_rata_cut", "infeasible"
  int year = 0;        // the calendar year
  // The solver's figures of a solved row (frontier.csv): the year's objective (estimate), and
  // the program's LP bound and gap (%).
  double objective_estimate = 0.0, lp_bound = 0.0, gap_pct = 0.0;
};

struct OptimiseWorkbook {
  std::string title;  // what was optimised, for the first line of each sheet
  std::string currency;
  std::vector<OptimisePlanRow> plan;
  std::vector<OptimiseFrontierRow> frontier;  // empty: no Frontier sheet
};

// Throws std::runtime_error naming `path` when it cannot be written.
void write_optimise_xlsx(const OptimiseWorkbook& book, const std::string& path);

}  // namespace coachsim::report
