// What the one-year and the several-year `coachsim optimise` share: the pro-rata cut to compare
// with, budgets given as money or a share of a plan, the plan's rows (plan.csv), and the
// per-region limits of --budget-region and --coach-supply.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "coachsim/optimise/optimise.hpp"
#include "coachsim/report/optimise_xlsx.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/scenario.hpp"
#include "commands.hpp"

namespace coachsim::cli {

// The input with every region's budget for `year` at `share` of its plan, the other years in
// full, the whole year released on 1 January (the pro-rata cut), under `shortfall`.
scenario::Scenario pro_rata(scenario::Scenario s, int year, double share,
                            scenario::BudgetShortfall shortfall);
// The same for several years, each (year, share).
scenario::Scenario pro_rata(scenario::Scenario s, const std::vector<std::pair<int, double>>& cuts,
                            scenario::BudgetShortfall shortfall);

// A number as an output stream writes it, so a translated line shows the figure the English
// one streamed.
std::string streamed(double x);
std::string streamed(std::int64_t x);
// The objective's words in the chosen language (plan.yaml keeps the English ones).
std::string objective_shown(const std::string& english);
// One of the four plans' terminal rows (0 default, 1 pro-rata cut, 2 protect_teachers,
// 3 optimised): "    LABEL  N full-protocol teachers, learning ...\n", the label padded to its
// column (in English as it always was; in another language past the longest translation).
std::string plan_row(std::size_t kind, const optimise::PlanOutcome& r);

// "50%..120%/15": from, to (shares of the plan) and the number of points.
bool parse_frontier(const std::string& text, double& from, double& to, int& steps);

// The runs the optimiser's costs come from: `base`, the input with unlimited money, its ledger
// kept; under a hiring limit also `at_start`, the same with the limit lifted (each coach hired
// on the contract's first day: the most its caseload can cost in any plan).
struct CostRuns {
  std::unique_ptr<results::Simulation> base, at_start;
  std::vector<std::unique_ptr<results::Simulation>> variants;  // optimise::variant_cost_runs
};
CostRuns cost_runs(const scenario::Scenario& unlimited);
// The year's instance: costs from base, raised to at_start's where there is one; with protocol
// variants, an option per group and variant (optimise::add_variant_options).
optimise::Instance instance_of(const scenario::Scenario& unlimited, const CostRuns& runs,
                               std::size_t year);

// "85%" of the year's plan, or money in the scenario's currency.
bool parse_budget(const std::string& text, const std::string& currency, std::int64_t plan,
                  std::int64_t& out);

// Every school of the year with its caseload: coached or not, its share of its coach's cost.
std::vector<report::OptimisePlanRow> plan_rows(const programme::Population& pop,
                                               const optimise::Instance& in,
                                               const optimise::Solution& sol, int year);
std::string plan_csv(const std::vector<report::OptimisePlanRow>& rows);

// Sets in.region_budget from --budget-region (a share is of the region's plan for the
// instance's year) and in.region_coaches from the scenario's coach_supply (hiring limit:
// optimise::coach_supply_caps), each region's overridden by --coach-supply. Prints the problem
// and returns false on bad input.
bool set_region_limits(optimise::Instance& in, const OptimiseOptions& o,
                       const scenario::Scenario& s, const programme::Population& pop,
                       int calendar_year);

// --year and --budget: the years solved (scenario year indices, in calendar order) and each
// one's budget text. --budget is one value for every year, or per year: "2021=85%,2022=90%"
// (then --year, if given, must name the same years). Prints the problem and returns false.
bool parse_years(const OptimiseOptions& o, const scenario::Scenario& s,
                 std::vector<std::size_t>& years, std::vector<std::string>& budgets);

// Where a plan is written and how the re-solve loop simulates it, for one year and several:
// plan.yaml in the output folder, extending the input by its path from there (or
// builtin:default). Made before the loop; the folder is created then, and give_up() removes it
// again when it was made here and is still empty.
class PlanFiles {
 public:
  PlanFiles(const OptimiseOptions& o, const scenario::Scenario& unlimited);
  const std::string& extends() const { return extends_; }
  const std::string& path() const { return path_; }
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

// Several years in one solve (optimise_years.cpp), called by optimise_command once the
// objective is set.
int optimise_years(const OptimiseOptions& o, const scenario::Scenario& s,
                   const std::vector<std::size_t>& years, const std::vector<std::string>& budgets,
                   optimise::Objective objective, const optimise::EquityWeights& weights,
                   const std::string& objective_words);

}  // namespace coachsim::cli
