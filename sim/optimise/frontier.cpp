// The frontier: the best plan for each of a range of budgets, each simulated (see optimise.hpp).
// What does not change between budgets is built once by the caller (the unlimited run and the
// instance); the solves run in order, each warm-started from the previous plan; the
// simulations, the slow part, run once per distinct plan on a pool of threads (each writes only
// its own slots, so the result does not depend on scheduling).
#include <algorithm>
#include <map>

#include "coachsim/optimise/optimise.hpp"
#include "parallel.hpp"

namespace coachsim::optimise {

PlanOutcome outcome_of(const results::Simulation& sim, std::size_t year) {
  const results::Row& row = sim.results.national[year];
  return {row.cost_total, row.tally.teachers_full_protocol, row.tally.teachers_reached,
          row.tally.coaches, row.tally.student_sd_sum};
}

std::vector<FrontierPoint> frontier(const scenario::Scenario& unlimited,
                                    const programme::Population& pop, const Instance& in,
                                    const std::vector<std::int64_t>& budgets, double floor,
                                    const PlanOutcome& every_caseload, unsigned threads) {
  std::vector<FrontierPoint> points(budgets.size());
  std::vector<char> warm;
  for (std::size_t k = 0; k < budgets.size(); ++k) {
    points[k].budget = budgets[k];
    points[k].solution = solve(in, budgets[k], floor, warm.empty() ? nullptr : &warm);
    if (points[k].solution.feasible) warm = points[k].solution.chosen;
  }
  // One simulation per distinct plan; a plan with every caseload is the unlimited run.
  std::map<std::vector<char>, std::size_t> slot_of;
  std::vector<const std::vector<char>*> plans;
  std::vector<std::size_t> slot(points.size(), SIZE_MAX);
  for (std::size_t k = 0; k < points.size(); ++k) {
    const Solution& s = points[k].solution;
    if (!s.feasible) continue;
    // Every caseload under the protocol as written (with variants, no option under one).
    bool every = true;
    for (std::size_t g = 0; g < s.chosen.size(); ++g)
      every = every && (s.chosen[g] != 0) == (in.groups[g].variant == 0);
    if (every) {
      points[k].simulated = every_caseload;
      continue;
    }
    auto [it, added] = slot_of.emplace(s.chosen, plans.size());
    if (added) plans.push_back(&s.chosen);
    slot[k] = it->second;
  }
  std::vector<PlanOutcome> simulated(plans.size());
  const int year = unlimited.years[in.year].year;
  for_each_index(plans.size(), threads, [&](std::size_t i) {
    Solution plan;
    plan.chosen = *plans[i];
    scenario::Scenario s = unlimited;
    s.not_coached = {{year, schools_left_out(pop, in, plan)}};
    s.protocol_plan = variant_schools(unlimited, pop, in, plan);
    simulated[i] = outcome_of(*results::simulate(s, false), in.year);
  });
  for (std::size_t k = 0; k < points.size(); ++k)
    if (slot[k] != SIZE_MAX) points[k].simulated = simulated[slot[k]];
  return points;
}

}  // namespace coachsim::optimise
