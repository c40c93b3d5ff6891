// The files, workbook and page of `coachsim optimise` (optimise_outputs.hpp).
#include "coachsim/report/optimise_outputs.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/file_set.hpp"
#include "coachsim/units/parse.hpp"

namespace coachsim::report {
namespace {

// The figures of one simulated plan for the page.
OptimisePlanFigures figures(const optimise::PlanOutcome& o) {
  return {o.cost, o.coaches, o.full_protocol, o.learning_sd};
}

// The page's regions: teachers, the plan's coached teachers (estimate) and cost, and
// full-protocol teachers under each plan (`sims` in OptimisePlanKind order), for `year`.
std::vector<OptimiseRegionRow> region_rows(
    const optimise::Instance& in, const optimise::Solution& sol,
    const std::array<const results::Simulation*, kOptimisePlans>& sims, std::size_t year) {
  std::vector<OptimiseRegionRow> rows(in.region_names.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    rows[r].region = in.region_names[r];
    if (r < in.region_budget.size()) rows[r].budget = in.region_budget[r];
  }
  for (std::size_t g = 0; g < in.groups.size(); ++g)
    if (sol.chosen[g] != 0) rows[in.groups[g].region].teachers_coached += in.groups[g].teachers;
  for (std::size_t k = 0; k < sims.size(); ++k)
    for (const results::Row& row : sims[k]->results.regions) {
      if (row.year_index != year) continue;
      for (OptimiseRegionRow& out : rows) {
        if (out.region != row.region) continue;
        out.full_protocol[k] = row.tally.teachers_full_protocol;
        if (k == 0) out.teachers = row.tally.teachers;
        if (k == static_cast<std::size_t>(OptimisePlanKind::kOptimised))
          out.plan_cost = row.cost_total;
      }
    }
  return rows;
}

}  // namespace

std::vector<OptimisePlanRow> optimise_plan_rows(const programme::Population& pop,
                                                const optimise::Instance& in,
                                                const optimise::Solution& sol, int year) {
  std::vector<std::int64_t> cost(pop.schools.size(), 0), teachers(pop.schools.size(), 0);
  std::vector<int> coached(pop.schools.size(), -1);
  std::vector<std::string> variant(pop.schools.size());
  // Each unit's option shown: the one chosen, else the protocol as written (its first option).
  std::vector<std::size_t> shown(in.groups.size(), SIZE_MAX);
  for (std::size_t g = 0; g < in.groups.size(); ++g) {
    std::size_t& u = shown[optimise::unit_of(in, g)];
    if (u == SIZE_MAX || sol.chosen[g]) u = g;
  }
  for (std::size_t g : shown) {
    if (g == SIZE_MAX) continue;
    for (std::uint32_t c : in.groups[g].coaches) {
      const programme::Coach& coach = pop.coaches[c];
      for (const programme::CaseloadItem& item : coach.caseload) {
        // A school's share of its coach's cost, by its teachers in the caseload.
        cost[item.school] += coach.teachers > 0 ? optimise::option_coach_cost(in, g, c) *
                                                      item.teachers / coach.teachers
                                                : 0;
        teachers[item.school] += item.teachers;
        coached[item.school] = sol.chosen[g];
        if (sol.chosen[g] && !in.variant_ids.empty())
          variant[item.school] = in.variant_ids[in.groups[g].variant];
      }
    }
  }
  std::vector<OptimisePlanRow> rows;
  for (std::size_t i = 0; i < pop.schools.size(); ++i) {
    if (coached[i] < 0) continue;  // not in the programme this year
    const programme::School& s = pop.schools[i];
    rows.push_back({s.id, pop.regions[s.region].id, pop.ugels[s.ugel].name, year, coached[i] == 1,
                    cost[i], teachers[i], s.students, variant[i]});
  }
  return rows;
}

std::string optimise_plan_csv(const std::vector<OptimisePlanRow>& rows) {
  std::ostringstream out;
  // The protocol variant column only where the scenario declares variants (the plan then names
  // one for every school coached).
  const bool variants = std::any_of(rows.begin(), rows.end(), [](const OptimisePlanRow& r) {
    return !r.protocol_variant.empty();
  });
  out << "school,region,ugel,year,coached," << (variants ? "protocol_variant," : "")
      << "cost,teachers,students\n";
  for (const OptimisePlanRow& r : rows) {
    out << r.school << ',' << r.region << ',' << r.ugel << ',' << r.year << ',' << r.coached << ',';
    if (variants) out << r.protocol_variant << ',';
    out << units::format_centimos(r.cost) << ',' << r.teachers << ',' << r.students << '\n';
  }
  return out.str();
}

std::vector<OptimiseFrontierRow> optimise_frontier_rows(const optimise::Prepared& p,
                                                        const optimise::Planned& planned) {
  std::vector<OptimiseFrontierRow> rows;
  for (const optimise::ProgramPoint& point : planned.frontier) {
    const optimise::YearsSolution& sol = point.solution;
    for (std::size_t t = 0; t < p.years.size(); ++t) {
      OptimiseFrontierRow row;
      row.budget_pct = point.share * 100;
      row.budget = point.budgets[t];
      row.year = p.calendar_years[t];
      if (!sol.feasible) {
        row.feasible = false;
        row.marker = "infeasible";
        rows.push_back(row);
        continue;
      }
      const optimise::PlanOutcome& out = point.simulated[t];
      row.teachers_estimate = sol.years[t].teachers;
      row.objective_estimate = sol.years[t].objective;
      row.lp_bound = sol.lp_bound;
      row.gap_pct = sol.gap * 100;
      row.simulated_cost = out.cost;
      row.full_protocol = out.full_protocol;
      row.learning_sd = out.learning_sd;
      rows.push_back(row);
    }
  }
  for (std::size_t t = 0; t < p.years.size(); ++t) {
    auto marked = [&](double pct, std::int64_t budget, const results::Simulation& sim,
                      const char* marker) {
      const optimise::PlanOutcome m = optimise::outcome_of(sim, p.years[t]);
      OptimiseFrontierRow row{pct,
                              budget,
                              true,
                              -1,
                              m.cost,
                              m.full_protocol,
                              m.learning_sd,
                              marker,
                              p.calendar_years[t]};
      rows.push_back(row);
    };
    marked(100.0, p.instances[t].plan_cost, *p.runs.base, "default");
    marked(planned.shares[t] * 100, planned.budgets[t], *planned.cut, "pro_rata_cut");
  }
  return rows;
}

std::string optimise_frontier_csv(const std::vector<OptimiseFrontierRow>& rows,
                                  const std::string& objective, bool years) {
  std::ostringstream f;
  f << "budget_pct," << (years ? "year," : "")
    << "budget,objective,objective_estimate,teachers_coached_estimate,lp_bound,gap_pct,"
       "simulated_cost,simulated_full_protocol,simulated_learning_sd,marker\n";
  f << std::fixed;
  f.precision(2);
  for (const OptimiseFrontierRow& r : rows) {
    f << r.budget_pct << ',';
    if (years) f << r.year << ',';
    f << units::format_centimos(r.budget) << ',' << objective << ',';
    if (!r.feasible) {
      f << ",,,,,,,infeasible\n";
    } else if (!r.marker.empty()) {
      f << ",,,," << units::format_centimos(r.simulated_cost) << ',' << r.full_protocol << ','
        << r.learning_sd << ',' << r.marker << '\n';
    } else {
      f << r.objective_estimate << ',' << r.teachers_estimate << ',' << r.lp_bound << ','
        << r.gap_pct << ',' << units::format_centimos(r.simulated_cost) << ',' << r.full_protocol
        << ',' << r.learning_sd << ",\n";
    }
  }
  return f.str();
}

OptimiseWorkbook optimise_workbook(const optimise::Prepared& p, const optimise::Planned& planned,
                                   const OptimiseAsked&) {
  const scenario::Scenario& s = p.input;
  const optimise::YearsSolution& sol = planned.resolved.solution;
  OptimiseWorkbook workbook;
  workbook.currency = s.currency;
  const std::string words = objective_shown(planned.objective_words);
  if (p.years.size() == 1)
    workbook.title = s.name + ", " +
                     trf("{0}: the most {1} within {2} {3}",
                         {std::to_string(p.calendar_years.front()), words,
                          units::format_centimos_grouped(planned.budgets.front()), s.currency});
  else
    workbook.title = s.name + ", " +
                     trf("{0}-{1}: the most {2} within each year's budget, with continuity",
                         {std::to_string(p.calendar_years.front()),
                          std::to_string(p.calendar_years.back()), words});
  for (std::size_t t = 0; t < p.years.size(); ++t) {
    auto rows = optimise_plan_rows(p.runs.base->population, p.instances[t], sol.years[t],
                                   p.calendar_years[t]);
    workbook.plan.insert(workbook.plan.end(), rows.begin(), rows.end());
  }
  if (!planned.frontier.empty()) workbook.frontier = optimise_frontier_rows(p, planned);
  return workbook;
}

OptimisePage optimise_page(const optimise::Prepared& p, const optimise::Planned& planned,
                           const OptimiseAsked& asked) {
  const optimise::YearsSolution& program = planned.resolved.solution;
  OptimisePage page;
  page.scenario_name = p.input.name;
  page.currency = p.input.currency;
  page.objective = asked.objective;
  page.floor_pct = asked.floor_pct;
  page.lp_bound = program.lp_bound;
  page.best_bound = program.best_bound;
  page.gap = program.gap;
  page.proven_optimal = program.proven_optimal;
  page.resolved = planned.resolved.rounds;
  const std::vector<OptimiseFrontierRow> frontier = optimise_frontier_rows(p, planned);
  const results::Simulation& base = *p.runs.base;
  const results::Simulation& planned_sim = *planned.resolved.simulation;
  for (std::size_t t = 0; t < p.years.size(); ++t) {
    const optimise::Instance& in = p.instances[t];
    const optimise::Solution& sol = program.years[t];
    const std::size_t year = p.years[t];
    OptimisePageYear y;
    y.year = p.calendar_years[t];
    y.budget = planned.budgets[t];
    y.plan_cost = in.plan_cost;
    y.groups = static_cast<std::int64_t>(optimise::unit_count(in));
    y.groups_coached = std::count(sol.chosen.begin(), sol.chosen.end(), 1);
    y.teachers_estimate = sol.teachers;
    y.objective_value = sol.objective;
    y.estimated_cost = sol.cost;
    y.plans = {figures(optimise::outcome_of(base, year)),
               figures(optimise::outcome_of(*planned.cut, year)),
               figures(optimise::outcome_of(*planned.protect, year)),
               figures(optimise::outcome_of(planned_sim, year))};
    y.regions =
        region_rows(in, sol, {&base, planned.cut.get(), planned.protect.get(), &planned_sim}, year);
    const std::vector<std::int64_t>& region_caps = planned.resolved.region_caps[t];
    for (std::size_t r = 0; r < y.regions.size() && r < region_caps.size(); ++r)
      y.regions[r].budget = region_caps[r];
    if (!planned.frontier.empty())
      std::copy_if(frontier.begin(), frontier.end(), std::back_inserter(y.frontier),
                   [&](const OptimiseFrontierRow& r) { return r.year == y.year; });
    page.years.push_back(std::move(y));
  }
  return page;
}

void write_optimise_outputs(const optimise::Prepared& p, const optimise::Planned& planned,
                            const OptimiseAsked& asked) {
  const OptimiseWorkbook workbook = optimise_workbook(p, planned, asked);
  std::vector<std::pair<std::string, std::string>> files = {
      {"plan.yaml", planned.plan_text}, {"plan.csv", optimise_plan_csv(workbook.plan)}};
  if (!planned.frontier.empty())
    files.emplace_back("frontier.csv", optimise_frontier_csv(optimise_frontier_rows(p, planned),
                                                             asked.objective, p.years.size() > 1));
  struct Extra {
    std::string target, part;
    bool html;
  };
  std::vector<Extra> extras;
  if (!asked.xlsx.empty()) extras.push_back({asked.xlsx, asked.xlsx + ".coachsim-part", false});
  if (!asked.html.empty()) extras.push_back({asked.html, asked.html + ".coachsim-part", true});
  try {
    for (const Extra& x : extras) {
      if (x.html)
        write_optimise_html(optimise_page(p, planned, asked), x.part);
      else
        write_optimise_xlsx(workbook, x.part);
    }
    write_file_set(asked.out_dir, files);
    for (const Extra& x : extras) {
      std::error_code ec;
      std::filesystem::rename(x.part, x.target, ec);
      if (ec) throw std::runtime_error("cannot write '" + x.target + "': " + ec.message());
    }
  } catch (...) {
    for (const Extra& x : extras) {
      std::error_code ec;
      std::filesystem::remove(x.part, ec);
    }
    throw;
  }
}

}  // namespace coachsim::report
