// The flags of `coachsim optimise` that need the scenario or the year's costs to be read: the
// years and their budgets, --frontier, the per-region limits of --budget-region and
// --coach-supply. Each prints what is wrong and returns false on bad input; the work itself is
// sim/optimise's (planning.hpp), the outputs sim/report's (optimise_outputs.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "coachsim/optimise/optimise.hpp"
#include "coachsim/scenario/scenario.hpp"
#include "commands.hpp"

namespace coachsim::cli {

// "50%..120%/15": from, to (shares of the plan) and the number of points.
bool parse_frontier(const std::string& text, double& from, double& to, int& steps);

// "85%" of the year's plan, or money in the scenario's currency.
bool parse_budget(const std::string& text, const std::string& currency, std::int64_t plan,
                  std::int64_t& out);

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

}  // namespace coachsim::cli
