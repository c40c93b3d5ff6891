// `coachsim optimise SCENARIO --budget AMOUNT`: the caseloads to coach in one year, or in several
// in one program with continuity, for the most full-protocol teachers (or learning gain, or
// equity-weighted teachers) within each year's budget. Here the flags are read; sim/optimise
// solves, writes the plan back as a scenario and simulates it (planning.hpp), and sim/report
// writes the files, workbook, page and terminal text (optimise_outputs.hpp).
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/optimise/planning.hpp"
#include "coachsim/report/html_report.hpp"
#include "coachsim/report/optimise_outputs.hpp"
#include "commands.hpp"
#include "load.hpp"
#include "optimise_flags.hpp"

namespace coachsim::cli {
namespace {

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

// --objective and --equity-weights into the request. Prints the problem and returns false.
bool parse_objective(const OptimiseOptions& o, const scenario::Scenario& s, optimise::Request& r) {
  if (o.objective == "learning") {
    r.objective = optimise::Objective::kLearning;
    r.objective_words = "expected learning gain";
    if (!s.outcomes) {
      std::cerr << "coachsim optimise: "
                << tr("--objective learning: the scenario has no outcomes: section to compute the "
                      "learning gain from. Nothing was written.")
                << "\n";
      return false;
    }
  } else if (o.objective == "equity") {
    r.objective = optimise::Objective::kEquity;
    r.objective_words = "equity-weighted teachers";
    std::string problem;
    // ASSUMPTION (no source weighs them): the default favours the programme's focus, rural and
    // multigrade schools (x1.5 each) and EIB schools (x2), as DOMAIN.md describes its priorities.
    const std::string text =
        o.equity_weights.empty() ? "rural=1.5,multigrade=1.5,eib=2" : o.equity_weights;
    if (!parse_weights(text, s, r.weights, problem)) {
      std::cerr << "coachsim optimise: --equity-weights: " << problem << ". "
                << tr("Nothing was written.") << "\n";
      return false;
    }
  } else if (o.objective != "full_protocol") {
    std::cerr << "coachsim optimise: "
              << trf("--objective: expected full_protocol, learning or equity, got '{0}'. "
                     "Nothing was written.",
                     {o.objective})
              << "\n";
    return false;
  }
  return true;
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
  optimise::Request request;
  std::vector<std::string> budget_texts;
  if (!parse_years(o, s, request.years, budget_texts)) return kExitBadInput;
  if (!parse_objective(o, s, request)) return kExitBadInput;
  if (o.floor_pct < 0 || o.floor_pct > 100) {
    std::cerr << "coachsim optimise: "
              << trf("--floor-coverage: expected 0 to 100 (percent), got {0}. Nothing was "
                     "written.",
                     {report::streamed(o.floor_pct)})
              << "\n";
    return kExitBadInput;
  }
  request.floor = o.floor_pct / 100.0;
  if (!o.frontier.empty() && !parse_frontier(o.frontier, request.frontier_from, request.frontier_to,
                                             request.frontier_steps)) {
    std::cerr << "coachsim optimise: "
              << trf("--frontier: expected FROM%..TO%/STEPS like 50%..120%/15, got '{0}'. "
                     "Nothing was written.",
                     {o.frontier})
              << "\n";
    return kExitBadInput;
  }

  // The model's own costs (a run with unlimited money); each year's budget and regional limits.
  optimise::Prepared prepared = optimise::prepare(s, request);
  std::vector<std::int64_t> budgets;
  for (std::size_t t = 0; t < prepared.instances.size(); ++t) {
    optimise::Instance& in = prepared.instances[t];
    const int calendar_year = prepared.calendar_years[t];
    std::int64_t b = 0;
    if (!parse_budget(budget_texts[t], s.currency, in.plan_cost, b)) {
      std::cerr << "coachsim optimise: "
                << trf("--budget: expected an amount like '313000000 {0}' or a share of the {1} "
                       "plan like '85%', got '{2}'. Nothing was written.",
                       {s.currency, std::to_string(calendar_year), budget_texts[t]})
                << "\n";
      return kExitBadInput;
    }
    budgets.push_back(b);
    if (!set_region_limits(in, o, s, prepared.runs.base->population, calendar_year))
      return kExitBadInput;
  }

  optimise::PlanFiles files(o.out_dir, o.scenario, prepared.unlimited);
  const optimise::Planned planned = optimise::plan(prepared, budgets, request, files);
  if (!planned.valid()) {
    std::cerr << "coachsim optimise: " << report::optimise_failure(prepared, planned) << "\n";
    return files.give_up(planned.loads ? kExitBadInput : kExitFailure);
  }
  const report::OptimiseAsked asked{o.objective, o.floor_pct, o.budget_region.size(),
                                    o.out_dir,   o.xlsx,      o.html};
  try {
    report::write_optimise_outputs(prepared, planned, asked);
  } catch (const std::exception& e) {
    std::cerr << "coachsim optimise: " << e.what() << "\n";
    return kExitFailure;
  }
  if (!o.quiet) std::cout << report::optimise_terminal(prepared, planned, asked);
  return kExitOk;
}

}  // namespace coachsim::cli
