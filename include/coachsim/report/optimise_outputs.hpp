// The outputs of `coachsim optimise`, one year or several, drawn from what sim/optimise planned
// (coachsim/optimise/planning.hpp): plan.yaml, plan.csv, frontier.csv and manifest.json in the
// output folder, the workbook and the page, all or nothing, and the terminal text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "coachsim/optimise/planning.hpp"
#include "coachsim/report/optimise_html.hpp"
#include "coachsim/report/optimise_xlsx.hpp"

namespace coachsim::report {

// What was asked, as the outputs show it.
struct OptimiseAsked {
  std::string objective = "full_protocol";  // --objective as given
  double floor_pct = 0.0;                   // --floor-coverage as given
  std::size_t budget_regions = 0;           // --budget-region flags given
  std::string out_dir, xlsx, html;          // xlsx, html: "" when not asked
};

// Every school of the year with its caseload: coached or not, its share of its coach's cost.
std::vector<OptimisePlanRow> optimise_plan_rows(const programme::Population& population,
                                                const optimise::Instance& instance,
                                                const optimise::Solution& solution, int year);
std::string optimise_plan_csv(const std::vector<OptimisePlanRow>& rows);

// The frontier's rows: each point and year solved and simulated, then per year the default
// (every caseload) and the pro-rata cut at the budget given, marked.
std::vector<OptimiseFrontierRow> optimise_frontier_rows(const optimise::Prepared& prepared,
                                                        const optimise::Planned& planned);
// frontier.csv: with a year column when `years` (the several-year program).
std::string optimise_frontier_csv(const std::vector<OptimiseFrontierRow>& rows,
                                  const std::string& objective, bool years);

OptimiseWorkbook optimise_workbook(const optimise::Prepared& prepared,
                                   const optimise::Planned& planned, const OptimiseAsked& asked);
OptimisePage optimise_page(const optimise::Prepared& prepared, const optimise::Planned& planned,
                           const OptimiseAsked& asked);

// REQUIRES planned.valid(). plan.yaml, plan.csv, frontier.csv (with a frontier) and
// manifest.json in asked.out_dir, the workbook and the page: the workbook and the page go
// beside their targets under a temporary name, the folder is written, and only then are they
// renamed into place. Throws std::runtime_error naming what could not be written (then
// nothing of the workbook and the page is left).
void write_optimise_outputs(const optimise::Prepared& prepared, const optimise::Planned& planned,
                            const OptimiseAsked& asked);

// The terminal summary of a valid plan.
std::string optimise_terminal(const optimise::Prepared& prepared, const optimise::Planned& planned,
                              const OptimiseAsked& asked);
// Why the plan is not valid, in words ending "Nothing was written." ("" when it is valid).
std::string optimise_failure(const optimise::Prepared& prepared, const optimise::Planned& planned);

// The objective's words ("full-protocol teachers"...) in the chosen language (plan.yaml keeps
// the English ones).
std::string objective_shown(const std::string& english);

// A number as an output stream writes it, so a translated line shows the figure the English
// one streamed.
std::string streamed(double x);
std::string streamed(std::int64_t x);

}  // namespace coachsim::report
