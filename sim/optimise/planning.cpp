// The optimise command's work between its flags and its outputs (planning.hpp).
#include "coachsim/optimise/planning.hpp"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>

#include "coachsim/units/rounding.hpp"
#include "parallel.hpp"

namespace coachsim::optimise {

scenario::Scenario pro_rata(scenario::Scenario s, int year, double share,
                            scenario::BudgetShortfall shortfall) {
  return pro_rata(std::move(s), {{year, share}}, shortfall);
}

scenario::Scenario pro_rata(scenario::Scenario s, const std::vector<std::pair<int, double>>& cuts,
                            scenario::BudgetShortfall shortfall) {
  s.budget = scenario::Budget{};
  s.budget.enabled = true;
  s.budget.release = scenario::BudgetRelease::kAnnual;
  for (const auto& [year, share] : cuts)
    s.budget.changes.push_back({calendar::Date{std::chrono::year{year} / std::chrono::January / 1},
                                "all",
                                {true, share - 1.0, 0}});
  s.budget.shortfall = shortfall;
  return s;
}

CostRuns cost_runs(const scenario::Scenario& unlimited) {
  CostRuns runs;
  runs.base = results::simulate(unlimited, true);
  if (hiring_limited(unlimited)) runs.at_start = results::simulate(hired_at_start(unlimited), true);
  runs.variants = variant_cost_runs(unlimited);
  return runs;
}

Instance instance_of(const scenario::Scenario& unlimited, const CostRuns& runs, std::size_t year) {
  Instance in = make_instance(unlimited, runs.base->population, runs.base->ledger, year);
  if (runs.at_start)
    cost_as_hired_at_start(in, make_instance(hired_at_start(unlimited), runs.at_start->population,
                                             runs.at_start->ledger, year));
  add_variant_options(in, unlimited, runs.base->population, runs.variants);
  return in;
}

Prepared prepare(const scenario::Scenario& input, const Request& request) {
  Prepared p;
  p.input = input;
  p.unlimited = input;
  p.unlimited.budget = scenario::Budget{};
  p.runs = cost_runs(p.unlimited);
  p.years = request.years;
  for (std::size_t y : request.years) {
    p.calendar_years.push_back(input.years[y].year);
    p.instances.push_back(instance_of(p.unlimited, p.runs, y));
    set_objective(p.instances.back(), p.unlimited, p.runs.base->population, request.objective,
                  request.weights);
  }
  return p;
}

namespace {

// The frontier of one year: optimise::frontier (warm-started solves, each distinct plan
// simulated once on every core), as program points.
std::vector<ProgramPoint> one_year_frontier(const Prepared& p, const std::vector<double>& shares,
                                            double floor) {
  const Instance& in = p.instances.front();
  std::vector<std::int64_t> budgets;
  for (double share : shares)
    budgets.push_back(units::round_half_away(share * static_cast<double>(in.plan_cost)));
  const auto points = frontier(p.unlimited, p.runs.base->population, in, budgets, floor,
                               outcome_of(*p.runs.base, in.year),
                               std::max(1u, std::thread::hardware_concurrency()));
  std::vector<ProgramPoint> out;
  for (std::size_t k = 0; k < points.size(); ++k) {
    ProgramPoint point{shares[k], {points[k].budget}, one_year(points[k].solution), {}, 0};
    if (points[k].solution.feasible) point.simulated = {points[k].simulated};
    out.push_back(std::move(point));
  }
  return out;
}

// The frontier over several years: at each share every year's budget is that share of the
// year's plan, the whole program is solved (continuity included) and each distinct plan
// simulated once.
std::vector<ProgramPoint> years_frontier(const Prepared& p, const std::vector<double>& shares,
                                         double floor) {
  std::vector<ProgramPoint> out;
  std::vector<std::vector<std::vector<char>>> plans;  // distinct plans simulated, per year
  std::vector<std::unique_ptr<results::Simulation>> sims;
  for (double share : shares) {
    ProgramPoint point;
    point.share = share;
    for (const Instance& i : p.instances)
      point.budgets.push_back(units::round_half_away(share * static_cast<double>(i.plan_cost)));
    point.solution = solve_years(p.instances, point.budgets, floor);
    if (point.solution.feasible) {
      std::vector<std::vector<char>> chosen;
      for (const Solution& y : point.solution.years) chosen.push_back(y.chosen);
      const auto seen = std::find(plans.begin(), plans.end(), chosen);
      const results::Simulation* sim = nullptr;
      if (seen != plans.end()) {
        sim = sims[static_cast<std::size_t>(seen - plans.begin())].get();
      } else {
        scenario::Scenario plan = p.unlimited;
        for (std::size_t t = 0; t < p.years.size(); ++t) {
          plan.not_coached.push_back(
              {p.calendar_years[t],
               schools_left_out(p.runs.base->population, p.instances[t], point.solution.years[t])});
          for (auto& v : variant_schools(p.unlimited, p.runs.base->population, p.instances[t],
                                         point.solution.years[t]))
            plan.protocol_plan.push_back(std::move(v));
        }
        plans.push_back(chosen);
        sims.push_back(results::simulate(plan, false));
        sim = sims.back().get();
      }
      for (std::size_t y : p.years) point.simulated.push_back(outcome_of(*sim, y));
    }
    out.push_back(std::move(point));
  }
  return out;
}

// The frontier under a hiring limit. Its costs are those of coaches hired on the first day, the
// most they can cost, so a plan solved once stays well under its budget; each point therefore
// goes through the re-solve loop a single solve goes through (resolve, from the regional
// budgets as given), simulating `unlimited` with the plan's not_coached:. The points run on
// every core; CBC is called by one thread at a time (each solve is the same whatever the
// order), the simulations, the slow part, in parallel. A point whose best
// plan is worth less than the previous point's, or is not within its budget, keeps the previous
// point's plan: simulated within a smaller budget, it is within this one, so the frontier never
// decreases.
std::vector<ProgramPoint> resolved_frontier(const Prepared& p, const std::vector<double>& shares,
                                            double floor,
                                            const std::vector<std::vector<std::int64_t>>& caps) {
  const bool one = p.instances.size() == 1;
  std::vector<ProgramPoint> points(shares.size());
  std::vector<char> within(shares.size(), 0);
  std::mutex solver;
  auto point = [&](std::size_t k) {
    std::vector<Instance> in = p.instances;
    for (std::size_t t = 0; t < in.size(); ++t) in[t].region_budget = caps[t];
    ProgramPoint& out = points[k];
    out.share = shares[k];
    for (const Instance& i : in)
      out.budgets.push_back(units::round_half_away(shares[k] * static_cast<double>(i.plan_cost)));
    Resolved r = resolve(
        in, out.budgets,
        [&](const std::vector<Instance>& i, const std::vector<std::int64_t>& targets) {
          const std::lock_guard<std::mutex> lock(solver);
          return one ? one_year(solve(i.front(), targets.front(), floor))
                     : solve_years(i, targets, floor);
        },
        [&](const YearsSolution& sol) {
          scenario::Scenario plan = p.unlimited;
          for (std::size_t t = 0; t < in.size(); ++t) {
            plan.not_coached.push_back(
                {p.calendar_years[t],
                 schools_left_out(p.runs.base->population, in[t], sol.years[t])});
            for (auto& v :
                 variant_schools(p.unlimited, p.runs.base->population, in[t], sol.years[t]))
              plan.protocol_plan.push_back(std::move(v));
          }
          return results::simulate(plan, false);
        });
    out.solution = std::move(r.solution);
    out.rounds = r.rounds;
    within[k] = r.within();
    if (r.simulation)
      for (std::size_t y : p.years) out.simulated.push_back(outcome_of(*r.simulation, y));
  };
  for_each_index(points.size(), std::max(1u, std::thread::hardware_concurrency()), point);
  for (std::size_t k = 1; k < points.size(); ++k) {
    const ProgramPoint& previous = points[k - 1];
    if (!within[k - 1]) continue;
    if (within[k] && points[k].solution.objective >= previous.solution.objective) continue;
    points[k].solution = previous.solution;
    points[k].simulated = previous.simulated;
    within[k] = 1;
  }
  return points;
}

}  // namespace

Planned plan(Prepared& p, const std::vector<std::int64_t>& budgets, const Request& request,
             PlanFiles& files) {
  Planned out;
  out.budgets = budgets;
  out.objective_words = request.objective_words;
  const double floor = request.floor;
  const bool one = p.instances.size() == 1;
  auto plan_of = [&](const YearsSolution& sol) {
    return plan_yaml(p, files.extends(), budgets, sol, request.objective_words);
  };
  out.resolved = resolve(
      p.instances, budgets,
      [&](const std::vector<Instance>& in, const std::vector<std::int64_t>& targets) {
        return one ? one_year(solve(in.front(), targets.front(), floor))
                   : solve_years(in, targets, floor);
      },
      [&](const YearsSolution& sol) {
        out.plan_text = plan_of(sol);
        return files.simulate(out.plan_text);
      });
  out.loads = files.loads();
  if (!out.valid()) return out;
  out.plan_text = plan_of(out.resolved.solution);  // the plan kept may be an earlier round's

  std::vector<std::pair<int, double>> cuts;
  for (std::size_t t = 0; t < p.years.size(); ++t) {
    out.shares.push_back(static_cast<double>(budgets[t]) /
                         static_cast<double>(p.instances[t].plan_cost));
    cuts.emplace_back(p.calendar_years[t], out.shares.back());
  }
  out.cut = results::simulate(pro_rata(p.input, cuts, scenario::BudgetShortfall::kDrop), false);
  out.protect = results::simulate(
      pro_rata(p.input, cuts, scenario::BudgetShortfall::kProtectTeachers), false);

  if (request.frontier_steps > 0)
    out.frontier = frontier_points(p, request, out.resolved.region_caps);
  return out;
}

std::vector<ProgramPoint> frontier_points(const Prepared& p, const Request& request,
                                          const std::vector<std::vector<std::int64_t>>& caps) {
  std::vector<double> shares;
  for (int k = 0; k < request.frontier_steps; ++k)
    shares.push_back(request.frontier_from + (request.frontier_to - request.frontier_from) * k /
                                                 (request.frontier_steps - 1));
  if (p.runs.at_start) return resolved_frontier(p, shares, request.floor, caps);
  return p.instances.size() == 1 ? one_year_frontier(p, shares, request.floor)
                                 : years_frontier(p, shares, request.floor);
}

}  // namespace coachsim::optimise
