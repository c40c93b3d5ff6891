// `coachsim optimise --year 2021,2022` (or a per-year --budget): the caseloads to coach in
// several school years in one program, with continuity (a caseload coached in a year stays
// coached in the next year of its stages), each year within its own budget. The plan is written
// back as a scenario with not_coached: per year, simulated, and checked against each year's
// budget (and each --budget-region); a year over its limit is tightened and the whole program
// solved again, up to 5 times. The pro-rata cut and protect_teachers of the same budgets are
// simulated for comparison.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/optimise/optimise.hpp"
#include "coachsim/report/file_set.hpp"
#include "coachsim/report/optimise_xlsx.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/loader.hpp"
#include "coachsim/units/parse.hpp"
#include "coachsim/units/rounding.hpp"
#include "load.hpp"
#include "optimise_shared.hpp"

namespace coachsim::cli {
namespace {

namespace fs = std::filesystem;

std::string plan_yaml(const std::string& extends, const scenario::Scenario& s,
                      const std::vector<std::size_t>& years,
                      const std::vector<std::vector<std::string>>& left_out,
                      const std::vector<std::int64_t>& budgets, const optimise::YearsSolution& sol,
                      const std::string& objective) {
  const std::string span = std::to_string(s.years[years.front()].year) + "-" +
                           std::to_string(s.years[years.back()].year);
  std::ostringstream y;
  y << "# Purpose: the caseloads coachsim optimise coaches in " << span << " for the most "
    << objective << " within";
  for (std::size_t t = 0; t < years.size(); ++t)
    y << (t == 0 ? " " : ", ") << s.years[years[t]].year << ": "
      << units::format_centimos(budgets[t]) << " (estimated cost "
      << units::format_centimos(sol.years[t].cost) << ", " << sol.years[t].teachers
      << " teachers coached)";
  y << "; a caseload coached in a year stays coached in the next year of its stages.\n";
  y << "coachsim: 1\nextends: \"" << extends << "\"\n";
  y << "name: \"" << s.name << " - optimised " << span << "\"\n";
  y << "not_coached:\n";
  for (std::size_t t = 0; t < years.size(); ++t) {
    y << "  - year: " << s.years[years[t]].year << "\n    schools:";
    if (left_out[t].empty()) y << " []";
    y << "\n";
    for (const std::string& id : left_out[t]) y << "      - \"" << id << "\"\n";
  }
  return y.str();
}

// The frontier over several years: at each share p of FROM..TO every year's budget is p of that
// year's plan, the whole program is solved (continuity included) and each distinct plan
// simulated once. One row per point and year (that year's estimate and simulation; the
// program's LP bound and gap on each), then per year the default (every caseload) and the
// pro-rata cut of the --budget given.
std::string years_frontier(
    const OptimiseOptions& o, const scenario::Scenario& unlimited, const results::Simulation& base,
    const std::vector<optimise::Instance>& in, const std::vector<std::size_t>& years,
    const std::vector<std::int64_t>& budgets, const std::vector<std::pair<int, double>>& cuts,
    const results::Simulation& cut, double from, double to, int steps, double floor) {
  std::ostringstream f;
  f << "budget_pct,year,budget,objective,objective_estimate,teachers_coached_estimate,lp_bound,"
       "gap_pct,simulated_cost,simulated_full_protocol,simulated_learning_sd,marker\n";
  f << std::fixed;
  std::vector<std::vector<std::vector<char>>> plans;  // distinct plans simulated, per year
  std::vector<std::unique_ptr<results::Simulation>> sims;
  for (int k = 0; k < steps; ++k) {
    const double pct = from + (to - from) * k / (steps - 1);
    std::vector<std::int64_t> b;
    for (const optimise::Instance& i : in)
      b.push_back(units::round_half_away(pct * static_cast<double>(i.plan_cost)));
    const optimise::YearsSolution sol = optimise::solve_years(in, b, floor);
    const results::Simulation* sim = nullptr;
    if (sol.feasible) {
      std::vector<std::vector<char>> chosen;
      for (const optimise::Solution& y : sol.years) chosen.push_back(y.chosen);
      const auto seen = std::find(plans.begin(), plans.end(), chosen);
      if (seen != plans.end()) {
        sim = sims[static_cast<std::size_t>(seen - plans.begin())].get();
      } else {
        scenario::Scenario plan = unlimited;
        for (std::size_t t = 0; t < years.size(); ++t)
          plan.not_coached.push_back(
              {unlimited.years[years[t]].year,
               optimise::schools_left_out(base.population, in[t], sol.years[t])});
        for (std::size_t t = 0; t < years.size(); ++t)
          for (auto& p : optimise::variant_schools(unlimited, base.population, in[t], sol.years[t]))
            plan.protocol_plan.push_back(std::move(p));
        plans.push_back(chosen);
        sims.push_back(results::simulate(plan, false));
        sim = sims.back().get();
      }
    }
    for (std::size_t t = 0; t < years.size(); ++t) {
      f.precision(2);
      f << pct * 100 << ',' << unlimited.years[years[t]].year << ',' << units::format_centimos(b[t])
        << ',' << o.objective << ',';
      if (!sol.feasible) {
        f << ",,,,,,,infeasible\n";
        continue;
      }
      const optimise::PlanOutcome out = optimise::outcome_of(*sim, years[t]);
      f << sol.years[t].objective << ',' << sol.years[t].teachers << ',' << sol.lp_bound << ','
        << sol.gap * 100 << ',' << units::format_centimos(out.cost) << ',' << out.full_protocol
        << ',' << out.learning_sd << ",\n";
    }
  }
  for (std::size_t t = 0; t < years.size(); ++t) {
    const int year = unlimited.years[years[t]].year;
    auto marked = [&](double pct, std::int64_t b, const results::Simulation& sim,
                      const char* marker) {
      const optimise::PlanOutcome m = optimise::outcome_of(sim, years[t]);
      f.precision(2);
      f << pct << ',' << year << ',' << units::format_centimos(b) << ',' << o.objective << ",,,,,"
        << units::format_centimos(m.cost) << ',' << m.full_protocol << ',' << m.learning_sd << ','
        << marker << '\n';
    };
    marked(100.0, in[t].plan_cost, base, "default");
    marked(cuts[t].second * 100, budgets[t], cut, "pro_rata_cut");
  }
  return f.str();
}

}  // namespace

int optimise_years(const OptimiseOptions& o, const scenario::Scenario& s,
                   const std::vector<std::size_t>& years, const std::vector<std::string>& texts,
                   optimise::Objective objective, const optimise::EquityWeights& weights,
                   const std::string& objective_words) {
  if (!o.html.empty()) {
    std::cerr << "coachsim optimise: "
              << tr("--html is built for one year only: give one --year. Nothing was written.")
              << "\n";
    return kExitBadInput;
  }
  double f_from = 0, f_to = 0;
  int f_steps = 0;
  if (!o.frontier.empty() && !parse_frontier(o.frontier, f_from, f_to, f_steps)) {
    std::cerr << "coachsim optimise: "
              << trf("--frontier: expected FROM%..TO%/STEPS like 50%..120%/15, got '{0}'. "
                     "Nothing was written.",
                     {o.frontier})
              << "\n";
    return kExitBadInput;
  }
  if (o.floor_pct < 0 || o.floor_pct > 100) {
    std::cerr << "coachsim optimise: "
              << trf("--floor-coverage: expected 0 to 100 (percent), got {0}. Nothing was "
                     "written.",
                     {streamed(o.floor_pct)})
              << "\n";
    return kExitBadInput;
  }
  // The model's own costs: one run with unlimited money, its ledger kept; an instance per year.
  scenario::Scenario unlimited = s;
  unlimited.budget = scenario::Budget{};
  const CostRuns runs = cost_runs(unlimited);
  const std::unique_ptr<results::Simulation>& base = runs.base;
  std::vector<optimise::Instance> in;
  std::vector<std::int64_t> budgets;
  for (std::size_t t = 0; t < years.size(); ++t) {
    const int calendar_year = s.years[years[t]].year;
    in.push_back(instance_of(unlimited, runs, years[t]));
    optimise::set_objective(in.back(), unlimited, base->population, objective, weights);
    std::int64_t b = 0;
    if (!parse_budget(texts[t], s.currency, in.back().plan_cost, b)) {
      std::cerr << "coachsim optimise: "
                << trf("--budget: expected an amount like '313000000 {0}' or a share of the {1} "
                       "plan like '85%', got '{2}'. Nothing was written.",
                       {s.currency, std::to_string(calendar_year), texts[t]})
                << "\n";
      return kExitBadInput;
    }
    budgets.push_back(b);
    if (!set_region_limits(in.back(), o, s, base->population, calendar_year)) return kExitBadInput;
  }
  const double floor = o.floor_pct / 100.0;
  std::vector<int> calendar_years;
  for (std::size_t y : years) calendar_years.push_back(s.years[y].year);

  // Write the plan, load it back, simulate it; tighten every year or region that went over and
  // solve again (optimise::resolve, up to 5 times).
  PlanFiles plan_files(o, unlimited);
  std::string plan_text;
  auto plan_of = [&](const optimise::YearsSolution& sol) {
    std::vector<std::vector<std::string>> left_out;
    for (std::size_t t = 0; t < years.size(); ++t)
      left_out.push_back(optimise::schools_left_out(base->population, in[t], sol.years[t]));
    std::vector<scenario::ProtocolPlan> variants;
    for (std::size_t t = 0; t < years.size(); ++t)
      for (auto& p : optimise::variant_schools(s, base->population, in[t], sol.years[t]))
        variants.push_back(std::move(p));
    return plan_yaml(plan_files.extends(), s, years, left_out, budgets, sol, objective_words) +
           optimise::protocol_plan_yaml(variants);
  };
  optimise::Resolved resolved = optimise::resolve(
      in, budgets,
      [&](const std::vector<optimise::Instance>& i, const std::vector<std::int64_t>& targets) {
        return optimise::solve_years(i, targets, floor);
      },
      [&](const optimise::YearsSolution& sol) {
        plan_text = plan_of(sol);
        return plan_files.simulate(plan_text);
      });
  if (!plan_files.loads()) {
    std::cerr << "coachsim optimise: " << tr("the written plan does not load (an internal error).")
              << "\n";
    return plan_files.give_up(kExitFailure);
  }
  const optimise::YearsSolution& sol = resolved.solution;
  if (!sol.feasible) {
    std::cerr << "coachsim optimise: "
              << (resolved.rounds > 0 ? tr("after tightening for the simulated cost: ") : "")
              << trf("no plan meets every constraint in {0}: {1}. Nothing was written.",
                     {sol.failed_year >= 0
                          ? std::to_string(
                                calendar_years[static_cast<std::size_t>(sol.failed_year)])
                          : std::to_string(calendar_years.front()) + "-" +
                                std::to_string(calendar_years.back()),
                      sol.infeasible})
              << "\n";
    return plan_files.give_up(kExitBadInput);
  }
  if (!resolved.within()) {
    std::cerr << "coachsim optimise: "
              << trf("the simulated plan is still over its budget after {0} re-solves ({1}). The "
                     "plan is not valid; nothing was written. A lower --budget leaves more room "
                     "for what the estimate misses.",
                     {std::to_string(resolved.rounds),
                      optimise::over_limits(resolved, in, budgets, calendar_years)})
              << "\n";
    return plan_files.give_up(kExitBadInput);
  }
  plan_text = plan_of(sol);  // the plan kept may be an earlier round's
  const std::vector<std::vector<std::int64_t>>& caps = resolved.region_caps;
  const std::vector<optimise::Overshoot>& over = resolved.over;
  const std::unique_ptr<results::Simulation>& planned = resolved.simulation;
  const int rounds = resolved.rounds;

  // The same budgets as a pro-rata cut (shortfall: drop) and with protect_teachers.
  std::vector<std::pair<int, double>> cuts;
  for (std::size_t t = 0; t < years.size(); ++t)
    cuts.emplace_back(s.years[years[t]].year,
                      static_cast<double>(budgets[t]) / static_cast<double>(in[t].plan_cost));
  const auto cut = results::simulate(pro_rata(s, cuts, scenario::BudgetShortfall::kDrop), false);
  const auto protect =
      results::simulate(pro_rata(s, cuts, scenario::BudgetShortfall::kProtectTeachers), false);

  report::OptimiseWorkbook workbook;
  workbook.currency = s.currency;
  workbook.title =
      s.name + ", " +
      trf("{0}-{1}: the most {2} within each year's budget, with continuity",
          {std::to_string(s.years[years.front()].year), std::to_string(s.years[years.back()].year),
           objective_shown(objective_words)});
  for (std::size_t t = 0; t < years.size(); ++t) {
    auto rows = plan_rows(base->population, in[t], sol.years[t], s.years[years[t]].year);
    workbook.plan.insert(workbook.plan.end(), rows.begin(), rows.end());
  }
  std::vector<std::pair<std::string, std::string>> files = {{"plan.yaml", plan_text},
                                                            {"plan.csv", plan_csv(workbook.plan)}};
  if (!o.frontier.empty())
    files.emplace_back("frontier.csv", years_frontier(o, unlimited, *base, in, years, budgets, cuts,
                                                      *cut, f_from, f_to, f_steps, floor));
  const std::string part = o.xlsx + ".coachsim-part";
  try {
    if (!o.xlsx.empty()) report::write_optimise_xlsx(workbook, part);
    report::write_file_set(o.out_dir, files);
    if (!o.xlsx.empty()) {
      std::error_code ec;
      fs::rename(part, o.xlsx, ec);
      if (ec) throw std::runtime_error("cannot write '" + o.xlsx + "': " + ec.message());
    }
  } catch (const std::exception& e) {
    std::error_code ec;
    if (!o.xlsx.empty()) fs::remove(part, ec);
    std::cerr << "coachsim optimise: " << e.what() << "\n";
    return kExitFailure;
  }
  if (o.quiet) return kExitOk;

  auto money = [](std::int64_t c) { return units::format_centimos_grouped(c); };
  auto row = [&](std::size_t kind, const results::Simulation& sim, std::size_t y) {
    return plan_row(kind, optimise::outcome_of(sim, y));
  };
  std::cout << "coachsim optimise: " << s.name << ", "
            << trf("{0}-{1} in one program, with continuity",
                   {std::to_string(s.years[years.front()].year),
                    std::to_string(s.years[years.back()].year)})
            << "\n  "
            << trf("objective: the most {0} summed over the years; floor {1}% of each region's "
                   "teachers; regional budgets {2}, regions with a coach cap {3}",
                   {objective_shown(objective_words), streamed(o.floor_pct),
                    std::to_string(o.budget_region.size()),
                    streamed(static_cast<std::int64_t>(std::count_if(
                        in.front().region_coaches.begin(), in.front().region_coaches.end(),
                        [](std::int64_t c) { return c >= 0; })))})
            << (s.coach_supply.enabled && s.coach_supply.hires_per_month > 0
                    ? " " + tr("(the scenario's coach_supply: hiring limit; --coach-supply "
                               "overrides)")
                    : "")
            << "\n  "
            << trf("CBC: objective {0} (estimate), LP bound {1}, best bound {2}, gap {3}%",
                   {streamed(sol.objective), streamed(sol.lp_bound), streamed(sol.best_bound),
                    streamed(sol.gap * 100)})
            << (sol.proven_optimal ? " " + tr("(optimal)") : "") << "; "
            << trf("re-solved {0} times", {std::to_string(rounds)}) << "\n";
  for (std::size_t t = 0; t < years.size(); ++t) {
    const optimise::Solution& y = sol.years[t];
    const std::int64_t simulated = optimise::outcome_of(*planned, years[t]).cost;
    std::cout << "  " << s.years[years[t]].year << ": "
              << trf("budget {0} {1} ({2}% of the plan, {3}); caseload groups {4}, coached {5}; "
                     "teachers coached {6} (estimate)",
                     {money(budgets[t]), s.currency,
                      streamed(std::lround(1000.0 * static_cast<double>(budgets[t]) /
                                           static_cast<double>(in[t].plan_cost)) /
                               10.0),
                      money(in[t].plan_cost), std::to_string(optimise::unit_count(in[t])),
                      streamed(static_cast<std::int64_t>(
                          std::count(y.chosen.begin(), y.chosen.end(), 1))),
                      streamed(y.teachers)})
              << "\n    "
              << trf("cost: estimated {0}, simulated {1} (difference {2})",
                     {money(y.cost), money(simulated), money(simulated - y.cost)})
              << "\n"
              << row(0, *base, years[t]) << row(1, *cut, years[t]) << row(2, *protect, years[t])
              << row(3, *planned, years[t]);
    for (std::size_t r = 0; r < caps[t].size(); ++r) {
      if (caps[t][r] < 0) continue;
      std::cout << "    "
                << trf("region {0}: budget {1}, simulated {2} (difference {3})",
                       {in[t].region_names[r], money(caps[t][r]), money(over[t].region_cost[r]),
                        money(over[t].region_cost[r] - caps[t][r])})
                << "\n";
    }
  }
  const std::string written = std::string("plan.yaml, plan.csv") +
                              (o.frontier.empty() ? "" : ", frontier.csv") + ", manifest.json";
  std::cout << trf("Wrote {0} to {1}/", {written, o.out_dir})
            << (o.xlsx.empty() ? "" : "; " + trf("the workbook {0}", {o.xlsx})) << "\n";
  return kExitOk;
}

}  // namespace coachsim::cli
