// `coachsim optimise SCENARIO --budget AMOUNT`: the caseloads to coach in one year for the most
// full-protocol teachers within a national budget (COIN-OR CBC, sim/optimise), written back as a
// scenario (plan.yaml: the input plus not_coached:) and simulated; with the pro-rata cut and
// shortfall: protect_teachers at the same budget for comparison, and an optional frontier.
#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/optimise/optimise.hpp"
#include "coachsim/report/file_set.hpp"
#include "coachsim/report/html_report.hpp"
#include "coachsim/report/optimise_html.hpp"
#include "coachsim/report/optimise_xlsx.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/loader.hpp"
#include "coachsim/units/parse.hpp"
#include "coachsim/units/rounding.hpp"
#include "commands.hpp"
#include "load.hpp"
#include "optimise_shared.hpp"

namespace coachsim::cli {
namespace {

namespace fs = std::filesystem;

using Outcome = optimise::PlanOutcome;
using optimise::outcome_of;

// "rural=1.5,multigrade=1.5,eib=2": names are rural, urban, border or a school type id.
bool parse_weights(const std::string& text, const scenario::Scenario& s,
                   optimise::EquityWeights& out, std::string& problem) {
  std::istringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto eq = item.find('=');
    const std::string name = item.substr(0, eq);
    bool known = name == "rural" || name == "urban" || name == "border";
    std::string names = "rural, urban, border";
    for (const auto& t : s.school_types) {
      known = known || name == t.id;
      names += ", " + t.id;
    }
    if (eq == std::string::npos || !known) {
      problem = trf("'{0}': expected NAME=WEIGHT with NAME one of {1}", {item, names});
      return false;
    }
    char* end = nullptr;
    const std::string number = item.substr(eq + 1);
    const double w = std::strtod(number.c_str(), &end);
    if (end == number.c_str() || *end != '\0' || !(w >= 0)) {
      problem = trf("'{0}': expected a weight >= 0 after '='", {item});
      return false;
    }
    out.emplace_back(name, w);
  }
  return true;
}

std::string plan_yaml(const std::string& extends, const std::string& name, int year,
                      const std::vector<std::string>& left_out, std::int64_t budget,
                      const optimise::Solution& sol, const std::string& objective) {
  std::ostringstream y;
  y << "# Purpose: the caseloads coachsim optimise coaches in " << year << " for the most "
    << objective << " within " << units::format_centimos(budget) << " (estimated cost "
    << units::format_centimos(sol.cost) << ", " << sol.teachers << " teachers coached).\n";
  y << "coachsim: 1\nextends: \"" << extends << "\"\n";
  y << "name: \"" << name << " - optimised " << year << "\"\n";
  y << "not_coached:\n  - year: " << year << "\n    schools:";
  if (left_out.empty()) y << " []";
  y << "\n";
  for (const std::string& id : left_out) y << "      - \"" << id << "\"\n";
  return y.str();
}

// The figures of one simulated plan for the page.
report::OptimisePlanFigures figures(const Outcome& o) {
  return {o.cost, o.coaches, o.full_protocol, o.learning_sd};
}

// The page's regions: teachers, the plan's coached teachers (estimate) and cost, and
// full-protocol teachers under each plan (`sims` in OptimisePlanKind order), for `year`.
std::vector<report::OptimiseRegionRow> region_rows(
    const optimise::Instance& in, const optimise::Solution& sol,
    const std::array<const results::Simulation*, report::kOptimisePlans>& sims, std::size_t year) {
  std::vector<report::OptimiseRegionRow> rows(in.region_names.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    rows[r].region = in.region_names[r];
    if (r < in.region_budget.size()) rows[r].budget = in.region_budget[r];
  }
  for (std::size_t g = 0; g < in.groups.size(); ++g)
    if (sol.chosen[g] != 0) rows[in.groups[g].region].teachers_coached += in.groups[g].teachers;
  for (std::size_t k = 0; k < sims.size(); ++k)
    for (const results::Row& row : sims[k]->results.regions) {
      if (row.year_index != year) continue;
      for (report::OptimiseRegionRow& out : rows) {
        if (out.region != row.region) continue;
        out.full_protocol[k] = row.tally.teachers_full_protocol;
        if (k == 0) out.teachers = row.tally.teachers;
        if (k == static_cast<std::size_t>(report::OptimisePlanKind::kOptimised))
          out.plan_cost = row.cost_total;
      }
    }
  return rows;
}

}  // namespace

int optimise_command(const OptimiseOptions& o) {
  std::optional<Loaded> loaded = load_or_report(o.scenario);
  if (!loaded) return kExitBadInput;
  if (!o.html.empty() && !report::html_available()) {
    std::cerr << tr("coachsim: this build has no HTML report (the chart libraries were not "
                    "installed when it was built); run scripts/bootstrap.sh, or drop --html.")
              << "\n";
    return kExitFailure;
  }
  const scenario::Scenario& s = loaded->scenario;
  std::vector<std::size_t> years;
  std::vector<std::string> budget_texts;
  if (!parse_years(o, s, years, budget_texts)) return kExitBadInput;
  const std::size_t year = years.front();
  const int calendar_year = s.years[year].year;
  optimise::Objective objective = optimise::Objective::kFullProtocol;
  optimise::EquityWeights weights;
  std::string objective_words = "full-protocol teachers";
  if (o.objective == "learning") {
    objective = optimise::Objective::kLearning;
    objective_words = "expected learning gain";
    if (!s.outcomes) {
      std::cerr << "coachsim optimise: "
                << tr("--objective learning: the scenario has no outcomes: section to compute the "
                      "learning gain from. Nothing was written.")
                << "\n";
      return kExitBadInput;
    }
  } else if (o.objective == "equity") {
    objective = optimise::Objective::kEquity;
    objective_words = "equity-weighted teachers";
    std::string problem;
    // ASSUMPTION (no source weighs them): the default favours the programme's focus, rural and
    // multigrade schools (x1.5 each) and EIB schools (x2), as DOMAIN.md describes its priorities.
    const std::string text =
        o.equity_weights.empty() ? "rural=1.5,multigrade=1.5,eib=2" : o.equity_weights;
    if (!parse_weights(text, s, weights, problem)) {
      std::cerr << "coachsim optimise: --equity-weights: " << problem << ". "
                << tr("Nothing was written.") << "\n";
      return kExitBadInput;
    }
  } else if (o.objective != "full_protocol") {
    std::cerr << "coachsim optimise: "
              << trf("--objective: expected full_protocol, learning or equity, got '{0}'. "
                     "Nothing was written.",
                     {o.objective})
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
  if (years.size() > 1)
    return optimise_years(o, s, years, budget_texts, objective, weights, objective_words);
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

  // The model's own costs: a run with unlimited money, its ledger kept.
  scenario::Scenario unlimited = s;
  unlimited.budget = scenario::Budget{};
  const CostRuns runs = cost_runs(unlimited);
  const std::unique_ptr<results::Simulation>& base = runs.base;
  optimise::Instance in = instance_of(unlimited, runs, year);
  optimise::set_objective(in, unlimited, base->population, objective, weights);
  std::int64_t budget = 0;
  if (!parse_budget(budget_texts.front(), s.currency, in.plan_cost, budget)) {
    std::cerr << "coachsim optimise: "
              << trf("--budget: expected an amount like '313000000 {0}' or a share of the {1} "
                     "plan like '85%', got '{2}'. Nothing was written.",
                     {s.currency, std::to_string(calendar_year), budget_texts.front()})
              << "\n";
    return kExitBadInput;
  }
  if (!set_region_limits(in, o, s, base->population, calendar_year)) return kExitBadInput;
  const double floor = o.floor_pct / 100.0;

  // Write the plan as a scenario, load it back and simulate it; if the simulation costs more
  // than the budget, nationally or in a region with --budget-region, tighten that budget by the
  // excess and solve again (optimise::resolve, up to 5 times).
  PlanFiles plan_files(o, unlimited);
  std::string plan_text;
  std::vector<optimise::Instance> ins{std::move(in)};
  auto plan_of = [&](const optimise::YearsSolution& y) {
    const auto left_out = optimise::schools_left_out(base->population, ins.front(), y.years[0]);
    return plan_yaml(plan_files.extends(), s.name, calendar_year, left_out, budget, y.years[0],
                     objective_words) +
           optimise::protocol_plan_yaml(
               optimise::variant_schools(s, base->population, ins.front(), y.years[0]));
  };
  optimise::Resolved resolved = optimise::resolve(
      ins, {budget},
      [&](const std::vector<optimise::Instance>& i, const std::vector<std::int64_t>& targets) {
        return optimise::one_year(optimise::solve(i.front(), targets.front(), floor));
      },
      [&](const optimise::YearsSolution& y) {
        plan_text = plan_of(y);
        return plan_files.simulate(plan_text);
      });
  if (!plan_files.loads()) {
    std::cerr << "coachsim optimise: " << tr("the written plan does not load (an internal error).")
              << "\n";
    return plan_files.give_up(kExitFailure);
  }
  if (!resolved.solution.feasible) {
    std::cerr << "coachsim optimise: "
              << (resolved.rounds > 0 ? tr("after tightening for the simulated cost: ") : "")
              << trf("no plan meets every constraint in {0}: {1}. Nothing was written.",
                     {std::to_string(calendar_year), resolved.solution.infeasible})
              << "\n";
    return plan_files.give_up(kExitBadInput);
  }
  if (!resolved.within()) {
    std::cerr << "coachsim optimise: "
              << trf("the simulated plan is still over its budget after {0} re-solves ({1}). The "
                     "plan is not valid; nothing was written. A lower --budget leaves more room "
                     "for what the estimate misses.",
                     {std::to_string(resolved.rounds),
                      optimise::over_limits(resolved, ins, {budget}, {calendar_year})})
              << "\n";
    return plan_files.give_up(kExitBadInput);
  }
  plan_text = plan_of(resolved.solution);  // the plan kept may be an earlier round's
  in = std::move(ins.front());             // (plan_of reads ins: not before this line)
  const optimise::Solution& sol = resolved.solution.years.front();
  const int rounds = resolved.rounds;
  const std::vector<std::int64_t>& region_caps = resolved.region_caps.front();
  const optimise::Overshoot& over = resolved.over.front();
  const std::unique_ptr<results::Simulation>& planned = resolved.simulation;
  report::OptimiseWorkbook workbook;
  workbook.currency = s.currency;
  workbook.title = s.name + ", " +
                   trf("{0}: the most {1} within {2} {3}",
                       {std::to_string(calendar_year), objective_shown(objective_words),
                        units::format_centimos_grouped(budget), s.currency});
  workbook.plan = plan_rows(base->population, in, sol, calendar_year);
  std::vector<std::pair<std::string, std::string>> files = {{"plan.yaml", plan_text},
                                                            {"plan.csv", plan_csv(workbook.plan)}};
  const Outcome opt = outcome_of(*planned, year);
  const Outcome all = outcome_of(*base, year);
  const double share = static_cast<double>(budget) / static_cast<double>(in.plan_cost);
  const auto cut =
      results::simulate(pro_rata(s, calendar_year, share, scenario::BudgetShortfall::kDrop), false);
  const auto protect = results::simulate(
      pro_rata(s, calendar_year, share, scenario::BudgetShortfall::kProtectTeachers), false);
  const Outcome a = outcome_of(*cut, year), b = outcome_of(*protect, year);

  if (!o.frontier.empty()) {
    std::vector<std::int64_t> budgets;
    std::vector<double> pcts;
    for (int k = 0; k < f_steps; ++k) {
      pcts.push_back(f_from + (f_to - f_from) * k / (f_steps - 1));
      budgets.push_back(units::round_half_away(pcts.back() * static_cast<double>(in.plan_cost)));
    }
    const auto points = optimise::frontier(unlimited, base->population, in, budgets, floor, all,
                                           std::max(1u, std::thread::hardware_concurrency()));
    std::ostringstream f;
    f << "budget_pct,budget,objective,objective_estimate,teachers_coached_estimate,lp_bound,"
         "gap_pct,simulated_cost,simulated_full_protocol,simulated_learning_sd,marker\n";
    f << std::fixed;
    for (std::size_t k = 0; k < points.size(); ++k) {
      const optimise::FrontierPoint& p = points[k];
      f.precision(2);
      f << pcts[k] * 100 << ',' << units::format_centimos(p.budget) << ',' << o.objective << ',';
      if (!p.solution.feasible) {
        f << ",,,,,,,,infeasible\n";
        workbook.frontier.push_back({pcts[k] * 100, p.budget, false, -1, 0, 0, 0.0, "infeasible"});
        continue;
      }
      workbook.frontier.push_back({pcts[k] * 100, p.budget, true, p.solution.teachers,
                                   p.simulated.cost, p.simulated.full_protocol,
                                   p.simulated.learning_sd, ""});
      f << p.solution.objective << ',' << p.solution.teachers << ',' << p.solution.lp_bound << ','
        << p.solution.gap * 100 << ',' << units::format_centimos(p.simulated.cost) << ','
        << p.simulated.full_protocol << ',' << p.simulated.learning_sd << ",\n";
    }
    auto marked = [&](double pct, std::int64_t b_k, const Outcome& m, const char* marker) {
      f.precision(2);
      f << pct << ',' << units::format_centimos(b_k) << ',' << o.objective << ",,,,,"
        << units::format_centimos(m.cost) << ',' << m.full_protocol << ',' << m.learning_sd << ','
        << marker << '\n';
      workbook.frontier.push_back(
          {pct, b_k, true, -1, m.cost, m.full_protocol, m.learning_sd, marker});
    };
    marked(100.0, in.plan_cost, all, "default");
    marked(share * 100, budget, a, "pro_rata_cut");
    files.emplace_back("frontier.csv", f.str());
  }
  report::OptimisePage page;
  if (!o.html.empty()) {
    page.scenario_name = s.name;
    page.currency = s.currency;
    page.objective = o.objective;
    page.year = calendar_year;
    page.budget = budget;
    page.plan_cost = in.plan_cost;
    page.floor_pct = o.floor_pct;
    page.groups = static_cast<std::int64_t>(optimise::unit_count(in));
    page.groups_coached = std::count(sol.chosen.begin(), sol.chosen.end(), 1);
    page.teachers_estimate = sol.teachers;
    page.objective_value = sol.objective;
    page.lp_bound = sol.lp_bound;
    page.best_bound = sol.best_bound;
    page.gap = sol.gap;
    page.proven_optimal = sol.proven_optimal;
    page.estimated_cost = sol.cost;
    page.resolved = rounds;
    page.plans = {figures(all), figures(a), figures(b), figures(opt)};
    page.regions =
        region_rows(in, sol, {base.get(), cut.get(), protect.get(), planned.get()}, year);
    for (std::size_t r = 0; r < page.regions.size() && r < region_caps.size(); ++r)
      page.regions[r].budget = region_caps[r];
    page.frontier = workbook.frontier;
  }
  // All or nothing: the workbook and the page go beside their targets under a temporary name,
  // the output folder is written, and only then are they renamed into place.
  struct Extra {
    std::string target, part;
    bool html;
  };
  std::vector<Extra> extras;
  if (!o.xlsx.empty()) extras.push_back({o.xlsx, o.xlsx + ".coachsim-part", false});
  if (!o.html.empty()) extras.push_back({o.html, o.html + ".coachsim-part", true});
  try {
    for (const Extra& x : extras) {
      if (x.html)
        report::write_optimise_html(page, x.part);
      else
        report::write_optimise_xlsx(workbook, x.part);
    }
    report::write_file_set(o.out_dir, files);
    for (const Extra& x : extras) {
      std::error_code ec;
      fs::rename(x.part, x.target, ec);
      if (ec) throw std::runtime_error("cannot write '" + x.target + "': " + ec.message());
    }
  } catch (const std::exception& e) {
    for (const Extra& x : extras) {
      std::error_code ec;
      fs::remove(x.part, ec);
    }
    std::cerr << "coachsim optimise: " << e.what() << "\n";
    return kExitFailure;
  }

  if (!o.quiet) {
    auto money = [](std::int64_t c) { return units::format_centimos_grouped(c); };
    // Each region with --budget-region: its simulated cost against its cap.
    std::string regional;
    for (std::size_t r = 0; r < region_caps.size(); ++r) {
      if (region_caps[r] < 0) continue;
      regional += "    " +
                  trf("region {0}: budget {1}, simulated {2} (difference {3})",
                      {in.region_names[r], money(region_caps[r]), money(over.region_cost[r]),
                       money(over.region_cost[r] - region_caps[r])}) +
                  "\n";
    }
    const auto capped = std::count_if(in.region_coaches.begin(), in.region_coaches.end(),
                                      [](std::int64_t c) { return c >= 0; });
    std::string files = std::string("plan.yaml, plan.csv") +
                        (o.frontier.empty() ? "" : ", frontier.csv") + ", manifest.json";
    std::cout << "coachsim optimise: " << s.name << ", " << calendar_year << "\n"
              << "  "
              << trf("budget {0} {1} ({2}% of the plan, {3}); floor {4}% of each region's "
                     "teachers",
                     {money(budget), s.currency, streamed(std::lround(share * 1000) / 10.0),
                      money(in.plan_cost), streamed(o.floor_pct)})
              << "\n  "
              << trf("objective: the most {0}; regional budgets {1}, regions with a coach cap {2}",
                     {objective_shown(objective_words), std::to_string(o.budget_region.size()),
                      streamed(capped)})
              << (s.coach_supply.enabled && s.coach_supply.hires_per_month > 0
                      ? " " + tr("(the scenario's coach_supply: hiring limit; --coach-supply "
                                 "overrides)")
                      : "")
              << "\n  "
              << trf("caseload groups {0}, coached {1}; teachers coached {2}, objective {3} "
                     "(estimates)",
                     {std::to_string(optimise::unit_count(in)),
                      streamed(std::count(sol.chosen.begin(), sol.chosen.end(), 1)),
                      streamed(sol.teachers), streamed(sol.objective)})
              << "\n  "
              << trf("CBC: LP bound {0}, best bound {1}, gap {2}%",
                     {streamed(sol.lp_bound), streamed(sol.best_bound), streamed(sol.gap * 100)})
              << (sol.proven_optimal ? " " + tr("(optimal)") : "") << "\n  "
              << trf("cost: estimated {0}, simulated {1} (difference {2}; re-solved {3} times)",
                     {money(sol.cost), money(opt.cost), money(opt.cost - sol.cost),
                      std::to_string(rounds)})
              << "\n  "
              << trf("{0} (learning: the sum over coached teachers' students of their gain, "
                     "outcomes:)",
                     {std::to_string(calendar_year)})
              << "\n"
              << plan_row(0, all) << plan_row(1, a) << plan_row(2, b) << plan_row(3, opt)
              << regional << trf("Wrote {0} to {1}/", {files, o.out_dir})
              << (o.xlsx.empty() ? "" : "; " + trf("the workbook {0}", {o.xlsx}))
              << (o.html.empty() ? "" : "; " + trf("the page {0}", {o.html})) << "\n";
  }
  return kExitOk;
}

}  // namespace coachsim::cli
