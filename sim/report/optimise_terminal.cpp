// The terminal text of `coachsim optimise` (optimise_outputs.hpp): the summary of a valid plan,
// one year or several, against the default, the pro-rata cut and protect_teachers, and why a
// plan is not valid.
#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>

#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/optimise_outputs.hpp"
#include "coachsim/units/parse.hpp"

namespace coachsim::report {
namespace {

std::string money(std::int64_t c) { return units::format_centimos_grouped(c); }

// Characters (UTF-8 code points) in a text, for lining up translated labels.
std::size_t characters(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// One of the four plans' rows (0 default, 1 pro-rata cut, 2 protect_teachers, 3 optimised):
// "    LABEL  N full-protocol teachers, learning ...\n", the label padded to its column (in
// English as it always was; in another language past the longest translation).
std::string plan_row(std::size_t kind, const optimise::PlanOutcome& r) {
  const std::array<std::string, 4> labels = {
      tr("default, every caseload"), tr("(a) pro-rata cut, shortfall: drop"),
      tr("(b) shortfall: protect_teachers"), tr("(c) optimise")};
  std::size_t longest = 0;
  for (const std::string& l : labels) longest = std::max(longest, characters(l));
  // In English the first label's column is two characters narrower, as it always was.
  const std::size_t width =
      i18n::language() == "en" ? (kind == 0 ? 32u : 34u) : std::max<std::size_t>(longest + 1, 34);
  const std::string& label = labels.at(kind);
  return "    " + label + std::string(width - characters(label), ' ') +
         trf("{0} full-protocol teachers, learning {1} student-SD ({2} coaches, cost {3})",
             {streamed(static_cast<std::int64_t>(r.full_protocol)),
              streamed(static_cast<std::int64_t>(std::lround(r.learning_sd))),
              streamed(static_cast<std::int64_t>(r.coaches)), money(r.cost)}) +
         "\n";
}

// The four plans' rows of the year at position t.
std::string plan_rows(const optimise::Prepared& p, const optimise::Planned& planned,
                      std::size_t t) {
  const std::size_t y = p.years[t];
  return plan_row(0, optimise::outcome_of(*p.runs.base, y)) +
         plan_row(1, optimise::outcome_of(*planned.cut, y)) +
         plan_row(2, optimise::outcome_of(*planned.protect, y)) +
         plan_row(3, optimise::outcome_of(*planned.resolved.simulation, y));
}

// Each region with --budget-region in the year at position t: its simulated cost against its cap.
std::string regional(const optimise::Prepared& p, const optimise::Planned& planned, std::size_t t) {
  const std::vector<std::int64_t>& caps = planned.resolved.region_caps[t];
  const optimise::Overshoot& over = planned.resolved.over[t];
  std::string out;
  for (std::size_t r = 0; r < caps.size(); ++r) {
    if (caps[r] < 0) continue;
    out += "    " +
           trf("region {0}: budget {1}, simulated {2} (difference {3})",
               {p.instances[t].region_names[r], money(caps[r]), money(over.region_cost[r]),
                money(over.region_cost[r] - caps[r])}) +
           "\n";
  }
  return out;
}

std::string hiring_note(const scenario::Scenario& s) {
  return s.coach_supply.enabled && s.coach_supply.hires_per_month > 0
             ? " " + tr("(the scenario's coach_supply: hiring limit; --coach-supply overrides)")
             : "";
}

std::string written(const optimise::Planned& planned, const OptimiseAsked& asked) {
  const std::string files = std::string("plan.yaml, plan.csv") +
                            (planned.frontier.empty() ? "" : ", frontier.csv") + ", manifest.json";
  return trf("Wrote {0} to {1}/", {files, asked.out_dir}) +
         (asked.xlsx.empty() ? "" : "; " + trf("the workbook {0}", {asked.xlsx})) +
         (asked.html.empty() ? "" : "; " + trf("the page {0}", {asked.html})) + "\n";
}

std::string one_year(const optimise::Prepared& p, const optimise::Planned& planned,
                     const OptimiseAsked& asked) {
  const scenario::Scenario& s = p.input;
  const optimise::Instance& in = p.instances.front();
  const optimise::Solution& sol = planned.resolved.solution.years.front();
  const std::int64_t budget = planned.budgets.front();
  const std::int64_t simulated = optimise::outcome_of(*planned.resolved.simulation, in.year).cost;
  const int year = p.calendar_years.front();
  const auto capped = std::count_if(in.region_coaches.begin(), in.region_coaches.end(),
                                    [](std::int64_t c) { return c >= 0; });
  std::ostringstream out;
  out << "coachsim optimise: " << s.name << ", " << year << "\n"
      << "  "
      << trf("budget {0} {1} ({2}% of the plan, {3}); floor {4}% of each region's teachers",
             {money(budget), s.currency,
              streamed(std::lround(planned.shares.front() * 1000) / 10.0), money(in.plan_cost),
              streamed(asked.floor_pct)})
      << "\n  "
      << trf("objective: the most {0}; regional budgets {1}, regions with a coach cap {2}",
             {objective_shown(planned.objective_words), std::to_string(asked.budget_regions),
              streamed(capped)})
      << hiring_note(s) << "\n  "
      << trf("caseload groups {0}, coached {1}; teachers coached {2}, objective {3} (estimates)",
             {std::to_string(optimise::unit_count(in)),
              streamed(std::count(sol.chosen.begin(), sol.chosen.end(), 1)), streamed(sol.teachers),
              streamed(sol.objective)})
      << "\n  "
      << trf("CBC: LP bound {0}, best bound {1}, gap {2}%",
             {streamed(sol.lp_bound), streamed(sol.best_bound), streamed(sol.gap * 100)})
      << (sol.proven_optimal ? " " + tr("(optimal)") : "") << "\n  "
      << trf("cost: estimated {0}, simulated {1} (difference {2}; re-solved {3} times)",
             {money(sol.cost), money(simulated), money(simulated - sol.cost),
              std::to_string(planned.resolved.rounds)})
      << "\n  "
      << trf("{0} (learning: the sum over coached teachers' students of their gain, outcomes:)",
             {std::to_string(year)})
      << "\n"
      << plan_rows(p, planned, 0) << regional(p, planned, 0) << written(planned, asked);
  return out.str();
}

std::string years(const optimise::Prepared& p, const optimise::Planned& planned,
                  const OptimiseAsked& asked) {
  const scenario::Scenario& s = p.input;
  const optimise::YearsSolution& sol = planned.resolved.solution;
  const std::string first = std::to_string(p.calendar_years.front()),
                    last = std::to_string(p.calendar_years.back());
  const std::vector<std::int64_t>& coaches = p.instances.front().region_coaches;
  std::ostringstream out;
  out << "coachsim optimise: " << s.name << ", "
      << trf("{0}-{1} in one program, with continuity", {first, last}) << "\n  "
      << trf("objective: the most {0} summed over the years; floor {1}% of each region's "
             "teachers; regional budgets {2}, regions with a coach cap {3}",
             {objective_shown(planned.objective_words), streamed(asked.floor_pct),
              std::to_string(asked.budget_regions),
              streamed(static_cast<std::int64_t>(std::count_if(
                  coaches.begin(), coaches.end(), [](std::int64_t c) { return c >= 0; })))})
      << hiring_note(s) << "\n  "
      << trf("CBC: objective {0} (estimate), LP bound {1}, best bound {2}, gap {3}%",
             {streamed(sol.objective), streamed(sol.lp_bound), streamed(sol.best_bound),
              streamed(sol.gap * 100)})
      << (sol.proven_optimal ? " " + tr("(optimal)") : "") << "; "
      << trf("re-solved {0} times", {std::to_string(planned.resolved.rounds)}) << "\n";
  for (std::size_t t = 0; t < p.years.size(); ++t) {
    const optimise::Instance& in = p.instances[t];
    const optimise::Solution& y = sol.years[t];
    const std::int64_t simulated =
        optimise::outcome_of(*planned.resolved.simulation, p.years[t]).cost;
    out << "  " << p.calendar_years[t] << ": "
        << trf("budget {0} {1} ({2}% of the plan, {3}); caseload groups {4}, coached {5}; "
               "teachers coached {6} (estimate)",
               {money(planned.budgets[t]), s.currency,
                streamed(std::lround(1000.0 * static_cast<double>(planned.budgets[t]) /
                                     static_cast<double>(in.plan_cost)) /
                         10.0),
                money(in.plan_cost), std::to_string(optimise::unit_count(in)),
                streamed(
                    static_cast<std::int64_t>(std::count(y.chosen.begin(), y.chosen.end(), 1))),
                streamed(y.teachers)})
        << "\n    "
        << trf("cost: estimated {0}, simulated {1} (difference {2})",
               {money(y.cost), money(simulated), money(simulated - y.cost)})
        << "\n"
        << plan_rows(p, planned, t) << regional(p, planned, t);
  }
  out << written(planned, asked);
  return out.str();
}

}  // namespace

std::string optimise_terminal(const optimise::Prepared& p, const optimise::Planned& planned,
                              const OptimiseAsked& asked) {
  return p.years.size() == 1 ? one_year(p, planned, asked) : years(p, planned, asked);
}

std::string optimise_failure(const optimise::Prepared& p, const optimise::Planned& planned) {
  const optimise::Resolved& resolved = planned.resolved;
  if (!planned.loads) return tr("the written plan does not load (an internal error).");
  const optimise::YearsSolution& sol = resolved.solution;
  if (!sol.feasible) {
    const std::string when =
        sol.failed_year >= 0
            ? std::to_string(p.calendar_years[static_cast<std::size_t>(sol.failed_year)])
            : std::to_string(p.calendar_years.front()) + "-" +
                  std::to_string(p.calendar_years.back());
    return (resolved.rounds > 0 ? tr("after tightening for the simulated cost: ") : "") +
           trf("no plan meets every constraint in {0}: {1}. Nothing was written.",
               {when, sol.infeasible});
  }
  if (!resolved.within())
    return trf(
        "the simulated plan is still over its budget after {0} re-solves ({1}). The plan "
        "is not valid; nothing was written. A lower --budget leaves more room for what "
        "the estimate misses.",
        {std::to_string(resolved.rounds),
         optimise::over_limits(resolved, p.instances, planned.budgets, p.calendar_years)});
  return "";
}

std::string objective_shown(const std::string& english) {
  if (english == "full-protocol teachers") return tr("full-protocol teachers");
  if (english == "expected learning gain") return tr("expected learning gain");
  if (english == "equity-weighted teachers") return tr("equity-weighted teachers");
  return english;
}

std::string streamed(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}
std::string streamed(std::int64_t x) { return std::to_string(x); }

}  // namespace coachsim::report
