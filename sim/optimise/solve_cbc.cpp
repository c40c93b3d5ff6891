// The mixed-integer program, solved by COIN-OR CBC (the only file that includes its headers).
//
//   min  - sum_g value_g x_g           (the most teachers coached, or learning, or equity-weighted)
//   s.t. sum_g cost_g x_g <= budget - fixed cost                  (national budget, the year)
//        sum_{g in r} teachers_g x_g >= ceil(floor * teachers_r)  (each region r's floor)
//        sum_{g in r} cost_g x_g <= budget_r - fixed cost_r       (a region's budget, if given)
//        sum_{g in r} coaches_g x_g <= supply_r                   (its coach supply, if given)
//        sum_{g in u} x_g <= 1             (protocol variants: at most one option of each unit u)
//        x_g in {0, 1}
// Costs are scaled to soles in the solver (céntimos would strain its tolerances); the plan's
// cost is then re-added in exact céntimos.
//
// Several years (solve_years): one column per group and year, each year's rows as above, the
// objective summed over the years, and continuity: a group coached in year t-1 is coached in
// year t when t is the next school year and the group is still in its stages there,
//        x_{g,t-1} - x_{g,t} <= 0.
#include <coin/CbcModel.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/optimise/optimise.hpp"
#include "coachsim/units/parse.hpp"

namespace coachsim::optimise {
namespace {

std::string floor_text(double floor) {
  return trf("the regional floors (each region keeps at least {0}% of its teachers)",
             {std::to_string(static_cast<int>(std::lround(floor * 100)))});
}

// Why several years have no plan together when each has one alone.
// `whole`: the LP has a plan, so it is whole caseloads that make continuity impossible.
std::string continuity_text(double floor, bool whole) {
  const char* continuity =
      N_("continuity (a caseload coached in a year stays coached in the next year of its "
         "stages) with each year's budget");
  std::string out =
      floor > 0 ? trf("{0} and {1}", {tr(continuity), floor_text(floor)}) : tr(continuity);
  return whole ? out + tr(", with whole caseloads") : out;
}

// A first plan for the search: the greedy one (most value per céntimo first, group order on
// ties), or `warm` filled up greedily when that is worth more. Without a good first plan CBC
// (which runs no heuristics here) branches to its node cap: a smaller budget's plan alone, as a
// start, made a 15-point frontier take about 50 s of CPU in CBC. CBC checks the plan against
// every constraint.
std::vector<double> first_plan(const Instance& in, std::int64_t room,
                               const std::vector<char>* warm) {
  const std::size_t n = in.groups.size();
  std::vector<std::size_t> order(n);
  for (std::size_t g = 0; g < n; ++g) order[g] = g;
  auto per_centimo = [&](std::size_t g) {
    return in.groups[g].value / static_cast<double>(std::max<std::int64_t>(1, in.groups[g].cost));
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return per_centimo(a) > per_centimo(b); });
  // A group fits when the national room, its region's budget and its coach supply allow it.
  const std::size_t regions = in.region_teachers.size();
  auto fill = [&](std::vector<double> start) {
    std::int64_t used = 0;
    std::vector<std::int64_t> region_used(regions, 0), region_coaches(regions, 0);
    std::vector<char> unit_taken(n, 0);  // protocol variants: one option of each unit
    auto fits = [&](std::size_t g) {
      const Group& x = in.groups[g];
      if (unit_taken[unit_of(in, g)]) return false;
      const bool budget_ok =
          in.region_budget.empty() || in.region_budget[x.region] < 0 ||
          region_used[x.region] + x.cost <= in.region_budget[x.region] - in.region_fixed[x.region];
      const bool coaches_ok =
          in.region_coaches.empty() || in.region_coaches[x.region] < 0 ||
          region_coaches[x.region] + static_cast<std::int64_t>(x.coaches.size()) <=
              in.region_coaches[x.region];
      return used + x.cost <= room && budget_ok && coaches_ok;
    };
    auto take = [&](std::size_t g) {
      unit_taken[unit_of(in, g)] = 1;
      used += in.groups[g].cost;
      region_used[in.groups[g].region] += in.groups[g].cost;
      region_coaches[in.groups[g].region] += static_cast<std::int64_t>(in.groups[g].coaches.size());
      start[g] = 1.0;
    };
    for (std::size_t g = 0; g < n; ++g) {
      if (start[g] < 0.5) continue;
      if (!fits(g)) return std::vector<double>{};
      take(g);
    }
    for (std::size_t g : order)
      if (start[g] < 0.5 && fits(g)) take(g);
    return start;
  };
  auto value = [&](const std::vector<double>& start) {
    double v = 0.0;
    for (std::size_t g = 0; g < start.size(); ++g) v += start[g] * in.groups[g].value;
    return v;
  };
  std::vector<double> best = fill(std::vector<double>(n, 0.0));
  if (warm != nullptr && warm->size() == n) {
    std::vector<double> from_warm(n, 0.0);
    for (std::size_t g = 0; g < n; ++g) from_warm[g] = (*warm)[g] ? 1.0 : 0.0;
    from_warm = fill(std::move(from_warm));
    if (!from_warm.empty() && value(from_warm) >= value(best)) best = std::move(from_warm);
  }
  return best;
}

// Why a region alone cannot meet its floor within its own limits (the LP bound of its teachers
// under each limit separately), or "" when it can as far as that bound tells.
std::string region_problem(const Instance& in, std::size_t r, double floor) {
  const double need = std::ceil(floor * static_cast<double>(in.region_teachers[r]) - 1e-9);
  auto reach = [&](auto weight, double cap) {  // fractional knapsack: most teachers per unit
    std::vector<std::pair<double, const Group*>> items;
    for (const Group& g : in.groups)
      if (g.region == r)
        items.emplace_back(static_cast<double>(g.teachers) / std::max(1e-9, weight(g)), &g);
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    double got = 0.0;
    for (const auto& [ratio, g] : items) {
      const double w = weight(*g);
      if (w <= cap) {
        got += static_cast<double>(g->teachers);
        cap -= w;
      } else {
        got += ratio * cap;
        break;
      }
    }
    return got;
  };
  const std::string& name = in.region_names[r];
  if (!in.region_budget.empty() && in.region_budget[r] >= 0 &&
      reach([](const Group& g) { return static_cast<double>(g.cost); },
            static_cast<double>(in.region_budget[r] - in.region_fixed[r])) +
              1e-9 <
          need)
    return trf("the floor of region {0} ({1} teachers) within its budget ({2})",
               {name, std::to_string(static_cast<std::int64_t>(need)),
                units::format_centimos_grouped(in.region_budget[r])});
  if (!in.region_coaches.empty() && in.region_coaches[r] >= 0 &&
      reach([](const Group& g) { return static_cast<double>(g.coaches.size()); },
            static_cast<double>(in.region_coaches[r])) +
              1e-9 <
          need)
    return trf("the floor of region {0} ({1} teachers) with its coach supply ({2} coaches)",
               {name, std::to_string(static_cast<std::int64_t>(need)),
                std::to_string(in.region_coaches[r])});
  return "";
}

// The rows of one year's program over the columns offset..offset + its groups - 1: its budget,
// the regional floors, and the regions' budgets and coach supplies where given. Returns why the
// year cannot be met before any solve (a budget below the costs every plan pays), or "".
std::string add_year_rows(const Instance& in, std::int64_t budget, double floor, int offset,
                          CoinPackedMatrix& matrix, std::vector<double>& row_lb,
                          std::vector<double>& row_ub) {
  const auto un = in.groups.size();
  const std::size_t regions = in.region_teachers.size();
  const std::int64_t room = budget - in.fixed_cost;
  if (room < 0)
    return trf(
        "the budget ({0}) does not cover the costs every plan pays (regional staff, "
        "supervisor contracts, central costs and their overhead: {1})",
        {units::format_centimos_grouped(budget), units::format_centimos_grouped(in.fixed_cost)});
  // A row over the groups that `pick` selects, with their coefficient `coef`.
  auto row = [&](auto pick, auto coef, double lb, double ub) {
    std::vector<int> idx;
    std::vector<double> val;
    for (std::size_t g = 0; g < un; ++g) {
      if (!pick(in.groups[g])) continue;
      idx.push_back(offset + static_cast<int>(g));
      val.push_back(coef(in.groups[g]));
    }
    matrix.appendRow(static_cast<int>(idx.size()), idx.data(), val.data());
    row_lb.push_back(lb);
    row_ub.push_back(ub);
  };
  auto cost = [](const Group& g) { return static_cast<double>(g.cost) / 100.0; };
  // Half a céntimo over each money limit: costs are whole céntimos, so no plan can use it, but
  // it absorbs the rounding of a sum of thousands of costs in soles (doubles), which put a plan
  // that spends the limit exactly (every caseload at 100% of the plan) outside CBC's tolerance
  // and made the default's 2022 at 100% "infeasible".
  constexpr double kHalfCentimo = 0.5;
  row([](const Group&) { return true; }, cost, -COIN_DBL_MAX,
      (static_cast<double>(room) + kHalfCentimo) / 100.0);
  for (std::size_t r = 0; r < regions; ++r) {
    const double need = std::ceil(floor * static_cast<double>(in.region_teachers[r]) - 1e-9);
    row([r](const Group& g) { return g.region == r; },
        [](const Group& g) { return static_cast<double>(g.teachers); },
        floor > 0 ? need : -COIN_DBL_MAX, COIN_DBL_MAX);
  }
  for (std::size_t r = 0; r < in.region_budget.size(); ++r) {
    if (in.region_budget[r] < 0) continue;
    const std::int64_t left = in.region_budget[r] - in.region_fixed[r];
    if (left < 0)
      return trf("the budget of region {0} ({1}) does not cover its costs every plan pays ({2})",
                 {in.region_names[r], units::format_centimos_grouped(in.region_budget[r]),
                  units::format_centimos_grouped(in.region_fixed[r])});
    row([r](const Group& g) { return g.region == r; }, cost, -COIN_DBL_MAX,
        (static_cast<double>(left) + kHalfCentimo) / 100.0);
  }
  for (std::size_t r = 0; r < in.region_coaches.size(); ++r) {
    if (in.region_coaches[r] < 0) continue;
    row([r](const Group& g) { return g.region == r; },
        [](const Group& g) { return static_cast<double>(g.coaches.size()); }, -COIN_DBL_MAX,
        static_cast<double>(in.region_coaches[r]));
  }
  // Protocol variants: at most one option of each unit that has several (none without them).
  std::vector<std::vector<int>> options(un);
  for (std::size_t g = 0; g < un; ++g)
    options[unit_of(in, g)].push_back(offset + static_cast<int>(g));
  for (const std::vector<int>& idx : options) {
    if (idx.size() < 2) continue;
    const std::vector<double> ones(idx.size(), 1.0);
    matrix.appendRow(static_cast<int>(idx.size()), idx.data(), ones.data());
    row_lb.push_back(-COIN_DBL_MAX);
    row_ub.push_back(1.0);
  }
  return "";
}

// Why the LP of one year has no solution: a region's own limits, else the floors against the
// budget.
std::string lp_infeasible(const Instance& in, std::int64_t budget, double floor) {
  for (std::size_t r = 0; r < in.region_teachers.size() && floor > 0; ++r) {
    std::string problem = region_problem(in, r, floor);
    if (!problem.empty()) return problem;
  }
  const std::string room = units::format_centimos_grouped(budget - in.fixed_cost);
  if (!in.region_budget.empty() || !in.region_coaches.empty())
    return trf(
        "{0} cost more than the budget leaves after the fixed costs ({1}), the regions' "
        "budgets and coach supplies",
        {floor_text(floor), room});
  return trf("{0} cost more than the budget leaves after the fixed costs ({1})",
             {floor_text(floor), room});
}

// The chosen groups' figures from CBC's columns offset..offset + groups - 1.
void read_plan(const Instance& in, const double* x, int offset, Solution& sol) {
  sol.feasible = true;
  sol.chosen.assign(in.groups.size(), 0);
  sol.cost = in.fixed_cost;
  for (std::size_t g = 0; g < in.groups.size(); ++g) {
    if (x[offset + static_cast<int>(g)] < 0.5) continue;
    sol.chosen[g] = 1;
    sol.objective += in.groups[g].value;
    sol.teachers += in.groups[g].teachers;
    sol.cost += in.groups[g].cost;
  }
}

}  // namespace

Solution solve(const Instance& in, std::int64_t budget, double floor,
               const std::vector<char>* warm) {
  Solution sol;
  const int n = static_cast<int>(in.groups.size());
  const auto un = in.groups.size();
  const std::int64_t room = budget - in.fixed_cost;
  CoinPackedMatrix matrix(false, 0, 0);
  matrix.setDimensions(0, n);
  std::vector<double> objective(un), col_lb(un, 0.0), col_ub(un, 1.0), row_lb, row_ub;
  for (std::size_t g = 0; g < un; ++g) objective[g] = -in.groups[g].value;
  sol.infeasible = add_year_rows(in, budget, floor, 0, matrix, row_lb, row_ub);
  if (!sol.infeasible.empty()) return sol;
  OsiClpSolverInterface solver;
  solver.messageHandler()->setLogLevel(0);
  solver.loadProblem(matrix, col_lb.data(), col_ub.data(), objective.data(), row_lb.data(),
                     row_ub.data());
  solver.initialSolve();
  if (!solver.isProvenOptimal()) {
    sol.infeasible = lp_infeasible(in, budget, floor);
    return sol;
  }
  sol.lp_bound = -solver.getObjValue();
  for (int g = 0; g < n; ++g) solver.setInteger(g);
  CbcModel model(solver);
  model.setLogLevel(0);
  model.messageHandler()->setLogLevel(0);
  // A plan within 0.1% of the best possible is accepted (a knapsack's LP bound is at most one
  // caseload above its optimum: about 7 of tens of thousands of teachers), and the search is
  // capped by nodes, not seconds, so that the same inputs give the same plan on any machine.
  model.setAllowableFractionGap(1e-3);
  model.setMaximumNodes(5000);
  const std::vector<double> start = first_plan(in, room, warm);
  double start_value = 0.0;
  for (std::size_t g = 0; g < un; ++g) start_value += start[g] * objective[g];
  model.setBestSolution(start.data(), n, start_value, true);
  model.branchAndBound();
  const double* x = model.bestSolution();
  if (x == nullptr) {
    sol.infeasible =
        trf("{0} with whole caseloads cost more than the budget leaves after the fixed costs ({1})",
            {floor_text(floor), units::format_centimos_grouped(room)});
    return sol;
  }
  read_plan(in, x, 0, sol);
  sol.proven_optimal = model.isProvenOptimal();
  // CBC's bound on minus the objective; never below the plan found.
  sol.best_bound = std::max(sol.objective, -model.getBestPossibleObjValue());
  sol.gap = sol.best_bound > 0 ? (sol.best_bound - sol.objective) / sol.best_bound : 0.0;
  return sol;
}

namespace {

// Why several years have no plan: a year that has none on its own, else continuity. Out of line:
// inlined into solve_years, its strings tripped GCC 12's -Wfree-nonheap-object false positive.
[[gnu::noinline]] void explain_infeasible(const std::vector<Instance>& years,
                                          const std::vector<std::int64_t>& budgets, double floor,
                                          bool whole, YearsSolution& out) {
  for (std::size_t t = 0; t < years.size(); ++t) {
    const Solution alone = solve(years[t], budgets[t], floor);
    if (!alone.feasible) {
      out.infeasible = alone.infeasible;
      out.failed_year = static_cast<int>(t);
      return;
    }
  }
  out.infeasible = continuity_text(floor, whole);
}

// Continuity rows: a unit coached in year t-1 (any of its options) is coached in year t when t
// is the next school year and the unit's coaches are still contracted there. Out of line for the
// same GCC 12 false positive as explain_infeasible.
[[gnu::noinline]] void add_continuity_rows(
    const std::vector<Instance>& years, const std::vector<int>& offset, CoinPackedMatrix& matrix,
    std::vector<double>& row_lb, std::vector<double>& row_ub,
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>>& links) {
  // Per year, each unit's columns (one without variants).
  std::vector<std::vector<std::vector<int>>> columns(years.size());
  for (std::size_t t = 0; t < years.size(); ++t) {
    columns[t].resize(years[t].groups.size());
    for (std::size_t g = 0; g < years[t].groups.size(); ++g)
      columns[t][unit_of(years[t], g)].push_back(offset[t] + static_cast<int>(g));
  }
  auto options_of = [&](std::size_t t, std::size_t unit) { return columns[t][unit]; };
  for (std::size_t t = 1; t < years.size(); ++t) {
    if (years[t].year != years[t - 1].year + 1) continue;
    std::map<std::uint32_t, std::size_t> unit_of_coach;
    for (std::size_t g = 0; g < years[t].groups.size(); ++g)
      for (std::uint32_t c : years[t].groups[g].coaches) unit_of_coach[c] = unit_of(years[t], g);
    std::set<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t g = 0; g < years[t - 1].groups.size(); ++g)
      for (std::uint32_t c : years[t - 1].groups[g].coaches)
        if (const auto it = unit_of_coach.find(c); it != unit_of_coach.end())
          pairs.emplace(unit_of(years[t - 1], g), it->second);
    for (const auto& [a, b] : pairs) {
      std::vector<int> idx = options_of(t - 1, a);
      const std::vector<int> next = options_of(t, b);
      idx.insert(idx.end(), next.begin(), next.end());
      std::vector<double> val(idx.size(), 1.0);
      std::fill(val.end() - static_cast<std::ptrdiff_t>(next.size()), val.end(), -1.0);
      matrix.appendRow(static_cast<int>(idx.size()), idx.data(), val.data());
      row_lb.push_back(-COIN_DBL_MAX);
      row_ub.push_back(0.0);
      links[t].emplace_back(a, b);
    }
  }
}

}  // namespace

YearsSolution solve_years(const std::vector<Instance>& years,
                          const std::vector<std::int64_t>& budgets, double floor) {
  YearsSolution out;
  const std::size_t t_count = years.size();
  std::vector<int> offset(t_count + 1, 0);
  for (std::size_t t = 0; t < t_count; ++t)
    offset[t + 1] = offset[t] + static_cast<int>(years[t].groups.size());
  const int n = offset[t_count];
  CoinPackedMatrix matrix(false, 0, 0);
  matrix.setDimensions(0, n);
  std::vector<double> objective(static_cast<std::size_t>(n)), col_lb(objective.size(), 0.0),
      col_ub(objective.size(), 1.0), row_lb, row_ub;
  for (std::size_t t = 0; t < t_count; ++t) {
    for (std::size_t g = 0; g < years[t].groups.size(); ++g)
      objective[static_cast<std::size_t>(offset[t]) + g] = -years[t].groups[g].value;
    const std::string problem =
        add_year_rows(years[t], budgets[t], floor, offset[t], matrix, row_lb, row_ub);
    if (!problem.empty()) {
      out.infeasible = problem;
      out.failed_year = static_cast<int>(t);
      return out;
    }
  }
  // Continuity: the units (groups, or with protocol variants their options together) that
  // share a coach in consecutive school years, in order.
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> links(t_count);
  add_continuity_rows(years, offset, matrix, row_lb, row_ub, links);
  OsiClpSolverInterface solver;
  solver.messageHandler()->setLogLevel(0);
  solver.loadProblem(matrix, col_lb.data(), col_ub.data(), objective.data(), row_lb.data(),
                     row_ub.data());
  solver.initialSolve();
  auto explain = [&](bool whole) { explain_infeasible(years, budgets, floor, whole, out); };
  if (!solver.isProvenOptimal()) {
    explain(false);
    return out;
  }
  out.lp_bound = -solver.getObjValue();
  for (int c = 0; c < n; ++c) solver.setInteger(c);
  CbcModel model(solver);
  model.setLogLevel(0);
  model.messageHandler()->setLogLevel(0);
  model.setAllowableFractionGap(1e-3);  // as solve(): the same inputs give the same plan
  model.setMaximumNodes(5000);
  // A first plan, from the last year back: the last year's own optimum, then each earlier year's
  // optimum among the groups the next year keeps (a group whose stages end is free). A greedy
  // start left CBC branching to its node cap (33 s of CPU for the default's 2021-2022). None when
  // a year has no such plan (CBC then searches from scratch).
  std::vector<double> start(static_cast<std::size_t>(n), 0.0);
  bool have_start = true;
  for (std::size_t t = t_count; t-- > 0 && have_start;) {
    Instance only = years[t];
    if (t + 1 < t_count) {
      std::vector<char> kept(years[t + 1].groups.size(), 0);  // any option of the unit kept
      for (std::size_t g = 0; g < years[t + 1].groups.size(); ++g)
        if (start[static_cast<std::size_t>(offset[t + 1]) + g] > 0.5)
          kept[unit_of(years[t + 1], g)] = 1;
      std::vector<char> dropped(only.groups.size(), 0);
      for (const auto& [a, b] : links[t + 1])
        if (!kept[b]) dropped[a] = 1;
      for (std::size_t g = 0; g < only.groups.size(); ++g)
        if (dropped[unit_of(only, g)])
          only.groups[g].cost = budgets[t] + 1;  // out of reach: the next year drops it
    }
    const Solution year = solve(only, budgets[t], floor);
    have_start = year.feasible;
    for (std::size_t g = 0; g < year.chosen.size(); ++g)
      start[static_cast<std::size_t>(offset[t]) + g] = year.chosen[g] ? 1.0 : 0.0;
  }
  if (have_start) {
    double start_value = 0.0;
    for (std::size_t c = 0; c < start.size(); ++c) start_value += start[c] * objective[c];
    model.setBestSolution(start.data(), n, start_value, true);
  }
  model.branchAndBound();
  const double* x = model.bestSolution();
  if (x == nullptr) {
    explain(true);
    return out;
  }
  out.feasible = true;
  out.proven_optimal = model.isProvenOptimal();
  out.years.resize(t_count);
  for (std::size_t t = 0; t < t_count; ++t) {
    read_plan(years[t], x, offset[t], out.years[t]);
    out.objective += out.years[t].objective;
  }
  out.best_bound = std::max(out.objective, -model.getBestPossibleObjValue());
  out.gap = out.best_bound > 0 ? (out.best_bound - out.objective) / out.best_bound : 0.0;
  return out;
}

}  // namespace coachsim::optimise
