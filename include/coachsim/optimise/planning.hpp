// What `coachsim optimise` does between reading its flags and writing its outputs, for one year
// and several alike: the runs the costs come from, an instance per year, the plan written as a
// scenario (plan.yaml), simulated and re-solved until its simulation is within every limit
// (optimise::resolve), the pro-rata cut and protect_teachers at the same budgets, and the
// frontier. The CLI parses the flags into a Request and the budgets; sim/report renders the
// result (include/coachsim/report/optimise_outputs.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "coachsim/optimise/optimise.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/scenario.hpp"

namespace coachsim::optimise {

// The input with every region's budget for `year` at `share` of its plan, the other years in
// full, the whole year released on 1 January (the pro-rata cut), under `shortfall`.
scenario::Scenario pro_rata(scenario::Scenario s, int year, double share,
                            scenario::BudgetShortfall shortfall);
// The same for several years, each (year, share).
scenario::Scenario pro_rata(scenario::Scenario s, const std::vector<std::pair<int, double>>& cuts,
                            scenario::BudgetShortfall shortfall);

// The runs the optimiser's costs come from: `base`, the input with unlimited money, its ledger
// kept; under a hiring limit also `at_start`, the same with the limit lifted (each coach hired
// on the contract's first day: the most its caseload can cost in any plan).
struct CostRuns {
  std::unique_ptr<results::Simulation> base, at_start;
  std::vector<std::unique_ptr<results::Simulation>> variants;  // variant_cost_runs
};
CostRuns cost_runs(const scenario::Scenario& unlimited);
// The year's instance: costs from base, raised to at_start's where there is one; with protocol
// variants, an option per group and variant (add_variant_options).
Instance instance_of(const scenario::Scenario& unlimited, const CostRuns& runs, std::size_t year);

// What is asked, once the flags are read.
struct Request {
  std::vector<std::size_t> years;  // scenario year indices, in calendar order
  Objective objective = Objective::kFullProtocol;
  EquityWeights weights;
  std::string objective_words = "full-protocol teachers";  // in English, as plan.yaml says it
  double floor = 0.0;                                      // share of each region's teachers
  // --frontier FROM..TO/STEPS (shares of each year's plan); steps 0: no frontier.
  double frontier_from = 0.0, frontier_to = 0.0;
  int frontier_steps = 0;
};

// What the plan is solved from: the cost runs and an instance per year with its objective set.
// The caller sets each instance's regional limits before plan().
struct Prepared {
  scenario::Scenario input, unlimited;  // unlimited: the input without its budget: section
  CostRuns runs;
  std::vector<std::size_t> years;
  std::vector<int> calendar_years;
  std::vector<Instance> instances;  // per year; plan() tightens their region budgets
};
Prepared prepare(const scenario::Scenario& input, const Request& request);

// The plan as a scenario: extends the input (by `extends`), not_coached: per year. One year
// keeps the wording it always had.
std::string plan_yaml(const Prepared& prepared, const std::string& extends,
                      const std::vector<std::int64_t>& budgets, const YearsSolution& solution,
                      const std::string& objective_words);

// Where a plan is written and how the re-solve loop simulates it: plan.yaml in the output
// folder, extending the input by its path from there (or builtin:default). Made before the
// loop; the folder is created then, and give_up() removes it again when it was made here and
// is still empty.
class PlanFiles {
 public:
  // `scenario_path`: the input's path as given ("" or "builtin:default" for the default).
  PlanFiles(const std::string& out_dir, const std::string& scenario_path,
            const scenario::Scenario& unlimited);
  const std::string& extends() const { return extends_; }
  // Loads `text` as plan.yaml would be and simulates it with unlimited money (the optimised
  // budget is national, not PIA). A plan that does not load prints its errors, sets loads() to
  // false and simulates the input instead, only so that the loop can finish.
  std::unique_ptr<results::Simulation> simulate(const std::string& text);
  bool loads() const { return loads_; }
  int give_up(int code) const;

 private:
  const scenario::Scenario& unlimited_;
  std::string out_dir_, path_, extends_;
  bool made_out_dir_ = false;
  bool loads_ = true;
};

// One point of the frontier: every year's budget at `share` of its plan, the program solved
// (one year: solve(), several: solve_years()) and its plan simulated.
struct ProgramPoint {
  double share = 0.0;
  std::vector<std::int64_t> budgets;  // per year
  YearsSolution solution;
  std::vector<PlanOutcome> simulated;  // per year; empty when infeasible
  int rounds = 0;                      // re-solves (under a hiring limit)
};

// The plan and everything its outputs are drawn from.
struct Planned {
  std::vector<std::int64_t> budgets;  // per year, as given
  std::string objective_words;        // Request::objective_words
  Resolved resolved;                  // the plan kept, its simulation and its limits
  bool loads = true;                  // false: the written plan did not load (internal error)
  std::string plan_text;              // plan.yaml of the plan kept
  // The same budgets as a pro-rata cut (shortfall: drop) and with protect_teachers; only for
  // a valid plan.
  std::vector<double> shares;  // per year: budget / plan with every caseload
  std::unique_ptr<results::Simulation> cut, protect;
  std::vector<ProgramPoint> frontier;  // with --frontier, ascending
  bool valid() const { return loads && resolved.within(); }
};

// Solves `prepared` at `budgets`, writes the plan as a scenario, simulates it and re-solves
// (resolve); for a valid plan simulates the comparisons and the frontier.
Planned plan(Prepared& prepared, const std::vector<std::int64_t>& budgets, const Request& request,
             PlanFiles& files);

// The frontier of the request's shares (FROM..TO/STEPS), ascending. Under a hiring limit each
// point goes through resolve() as a single solve does, from the regional budgets `caps` (per
// year, as given), on every core, and a point keeps the previous point's plan when that one is
// worth more; otherwise the points are solved warm-started and each distinct plan simulated once,
// from the instances as they are (plan() passes them after its re-solves).
std::vector<ProgramPoint> frontier_points(const Prepared& prepared, const Request& request,
                                          const std::vector<std::vector<std::int64_t>>& caps);

}  // namespace coachsim::optimise
