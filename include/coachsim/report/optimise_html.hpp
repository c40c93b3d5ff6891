// The page of `coachsim optimise --html`, the one a finance officer takes to the budget meeting,
// for one year or, section by section, for each year of a several-year program:
// the optimised plan against the pro-rata cut and shortfall: protect_teachers at the same
// budget, full-protocol teachers by region under each (a map-like table: regions by plans,
// shaded by share), and, with --frontier, "what each extra million buys" (teachers against the
// budget, the default plan and the pro-rata cut marked). Each chart has a table with the same
// numbers under it. Plain data, so the CLI needs no report internals.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "coachsim/report/optimise_xlsx.hpp"

namespace coachsim::report {

// The plans the page sets side by side, in this order.
enum class OptimisePlanKind { kDefault, kProRataCut, kProtectTeachers, kOptimised };
inline constexpr std::size_t kOptimisePlans = 4;

// One plan simulated in the year (the national row).
struct OptimisePlanFigures {
  std::int64_t cost = 0;  // céntimos
  std::int64_t coaches = 0, full_protocol = 0;
  double learning_sd = 0.0;  // sum over coached teachers' students of their gain
};

struct OptimiseRegionRow {
  std::string region;
  std::int64_t teachers = 0;          // the year's teachers of the region's caseloads
  std::int64_t teachers_coached = 0;  // by the optimised plan (the optimiser's estimate)
  std::int64_t budget = -1;           // --budget-region (céntimos), -1 when none
  std::int64_t plan_cost = 0;         // the optimised plan's simulated cost in the region
  // Full-protocol teachers simulated under each plan (OptimisePlanKind order).
  std::array<std::int64_t, kOptimisePlans> full_protocol{};
};

// One year of the plan: its budget, the solver's account, the four plans simulated, its
// regions and its frontier.
struct OptimisePageYear {
  int year = 0;
  std::int64_t budget = 0, plan_cost = 0;  // céntimos: --budget, the year with every caseload
  // The solver's account of the year (estimates): groups, coached, teachers coached, objective.
  std::int64_t groups = 0, groups_coached = 0, teachers_estimate = 0;
  double objective_value = 0.0;
  std::int64_t estimated_cost = 0;  // céntimos
  std::array<OptimisePlanFigures, kOptimisePlans> plans{};
  std::vector<OptimiseRegionRow> regions;     // scenario order
  std::vector<OptimiseFrontierRow> frontier;  // the year's rows; empty: no frontier chart
};

struct OptimisePage {
  std::string scenario_name, currency;
  std::string objective = "full_protocol";  // or learning, equity (--objective)
  double floor_pct = 0.0;
  // The program's bounds (one year: the year's; several: every year solved together).
  double lp_bound = 0.0, best_bound = 0.0, gap = 0.0;
  bool proven_optimal = false;
  int resolved = 0;                     // times re-solved after the simulation overshot
  std::vector<OptimisePageYear> years;  // calendar order; several: a set of sections a year
};

// The page's HTML. Throws std::runtime_error when the build has no chart libraries.
std::string optimise_html(const OptimisePage& page);

// Writes optimise_html(page) to `path` through a temporary file renamed into place (nothing
// is left at `path` on failure). Throws std::runtime_error naming the file.
void write_optimise_html(const OptimisePage& page, const std::string& path);

}  // namespace coachsim::report
