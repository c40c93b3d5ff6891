// The tighten-and-re-solve loop the one-year and the several-year optimise share. The plan is
// simulated; a year or region the simulation puts over its limit is tightened by the excess
// (cumulatively) before the next solve. Where the estimate is known to run high (costs as hired
// on the first day under a hiring limit, hiring_costs.cpp) the simulation can leave much of a
// year's budget unspent; a year more than kSlack under its budget is then loosened by the unspent
// money scaled by how far the estimate ran over the simulation, and solved again. The plan kept
// is the best one whose simulation was within every limit.
#include <algorithm>
#include <string>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/optimise/optimise.hpp"
#include "coachsim/units/parse.hpp"

namespace coachsim::optimise {
namespace {

// A year spending less than its budget by more than this share is loosened: below it the
// difference is what the estimate cannot see (a supervisor left without coaches, rounding), and
// a re-solve would trade a tested plan for a few thousand soles.
constexpr double kSlack = 0.005;

}  // namespace

bool Resolved::within() const {
  return solution.feasible && simulation != nullptr &&
         std::none_of(over.begin(), over.end(), [](const Overshoot& o) { return o.any(); });
}

Resolved resolve(std::vector<Instance>& years, const std::vector<std::int64_t>& budgets,
                 const SolvePlan& solve, const SimulatePlan& simulate, int max_rounds) {
  Resolved out, best;
  for (const Instance& in : years) out.region_caps.push_back(in.region_budget);
  std::vector<std::int64_t> targets = budgets;
  std::vector<std::int64_t> within_target(years.size(), -1);  // the last target found within
  out.solution = solve(years, targets);
  out.over.resize(years.size());
  auto keep_best = [&]() -> Resolved {
    if (best.within() && (!out.within() || best.solution.objective > out.solution.objective)) {
      best.rounds = out.rounds;
      return std::move(best);
    }
    return std::move(out);
  };
  for (;; ++out.rounds) {
    if (!out.solution.feasible) {
      out.simulation.reset();
      return keep_best();
    }
    out.simulation = simulate(out.solution);
    bool any = false;
    for (std::size_t t = 0; t < years.size(); ++t) {
      out.over[t] = overshoot_of(years[t], budgets[t], out.region_caps[t], *out.simulation);
      any = any || out.over[t].any();
    }
    // Years whose simulation leaves more than kSlack of the budget unspent.
    std::vector<std::int64_t> loosen(years.size(), 0);
    bool slack = false;
    if (!any) {
      for (std::size_t t = 0; t < years.size(); ++t) {
        const std::int64_t unspent = -out.over[t].national;
        if (static_cast<double>(unspent) <= kSlack * static_cast<double>(budgets[t])) continue;
        // Scaled by estimate over simulation of what the plan chose (beyond the fixed costs).
        const double estimated =
            static_cast<double>(out.solution.years[t].cost - years[t].fixed_cost);
        const double simulated =
            static_cast<double>(budgets[t] + out.over[t].national - years[t].fixed_cost);
        const double scale = simulated > 0 && estimated > simulated ? estimated / simulated : 1.0;
        loosen[t] = static_cast<std::int64_t>(static_cast<double>(unspent) * scale);
        slack = true;
      }
      if (!best.within() || out.solution.objective > best.solution.objective) {
        best.solution = out.solution;
        best.simulation = std::move(out.simulation);
        best.over = out.over;
        best.region_caps = out.region_caps;
        out.simulation = nullptr;
      }
    }
    if ((!any && !slack) || out.rounds >= max_rounds) return keep_best();
    for (std::size_t t = 0; t < years.size(); ++t) {
      if (!any) {
        within_target[t] = targets[t];
        targets[t] += loosen[t];
        continue;
      }
      // Over: between a target that was within and this one, halve the distance (the slack came
      // from costs that run high, so the plans in between are the candidates); else tighten.
      const std::int64_t over_target = targets[t];
      tighten(years[t], targets[t], out.over[t]);
      if (out.over[t].national > 0 && within_target[t] >= 0)
        targets[t] = std::min(targets[t], within_target[t] + (over_target - within_target[t]) / 2);
    }
    const YearsSolution previous = std::move(out.solution);
    out.solution = solve(years, targets);
    // Loosened to the same plan: its simulation is the one just made, nothing more to gain.
    if (!any && out.solution.feasible && out.solution.years.size() == previous.years.size() &&
        std::equal(previous.years.begin(), previous.years.end(), out.solution.years.begin(),
                   [](const Solution& a, const Solution& b) { return a.chosen == b.chosen; })) {
      ++out.rounds;
      out.solution = previous;
      return keep_best();
    }
  }
}

YearsSolution one_year(const Solution& solution) {
  YearsSolution out;
  out.feasible = solution.feasible;
  out.infeasible = solution.infeasible;
  out.failed_year = solution.feasible ? -1 : 0;
  out.objective = solution.objective;
  out.lp_bound = solution.lp_bound;
  out.best_bound = solution.best_bound;
  out.gap = solution.gap;
  out.proven_optimal = solution.proven_optimal;
  out.years = {solution};
  return out;
}

std::string over_limits(const Resolved& r, const std::vector<Instance>& years,
                        const std::vector<std::int64_t>& budgets,
                        const std::vector<int>& calendar_years) {
  auto money = [](std::int64_t c) { return units::format_centimos_grouped(c); };
  std::string out;
  auto add = [&](const std::string& what, std::int64_t simulated, std::int64_t limit) {
    out += (out.empty() ? "" : "; ") +
           trf("{0}: simulated {1} against the budget {2}, over by {3}",
               {what, money(simulated), money(limit), money(simulated - limit)});
  };
  for (std::size_t t = 0; t < r.over.size() && t < years.size(); ++t) {
    const Overshoot& o = r.over[t];
    const std::string year = std::to_string(calendar_years[t]);
    if (o.national > 0) add(year, budgets[t] + o.national, budgets[t]);
    for (std::size_t k = 0; k < o.region.size(); ++k)
      if (o.region[k] > 0)
        add(trf("{0}, region {1}", {year, years[t].region_names[k]}), o.region_cost[k],
            o.region_cost[k] - o.region[k]);
  }
  return out;
}

}  // namespace coachsim::optimise
