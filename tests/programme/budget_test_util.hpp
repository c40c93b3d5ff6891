// Helpers for the budget tests: a budgeted run through the programme API (the plan from a run
// with unlimited money, then the run with the budget), and scenarios to run.
#pragma once

#include <memory>

#include "coachsim/programme/budget.hpp"
#include "coachsim/programme/cost_table.hpp"
#include "coachsim/programme/population.hpp"
#include "coachsim/programme/run.hpp"
#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim::programme::testing {

struct Run {
  Run(const scenario::Scenario& s, const Population& pop, bool keep)
      : ledger(s.years.size(), pop.regions.size() + 1, keep, cost_table(s)),
        tally(s.years.size(), pop.regions.size()) {}
  ledger::Ledger ledger;
  Tally tally;
  BudgetRecord record;
};

inline BudgetPlan plan_of(const scenario::Scenario& s, const Population& pop) {
  scenario::Scenario unlimited = s;
  unlimited.budget.enabled = false;
  Run run(unlimited, pop, true);
  run_programme(unlimited, pop, run.ledger, run.tally);
  return make_budget_plan(run.ledger, pop.regions.size());
}

// `s` run with its budget against `plan`; with budget disabled, the unconstrained run.
inline std::unique_ptr<Run> run_budget(const scenario::Scenario& s, const Population& pop,
                                       const BudgetPlan& plan, bool keep = true) {
  auto run = std::make_unique<Run>(s, pop, keep);
  run_programme(s, pop, run->ledger, run->tally, 0, &plan, &run->record);
  return run;
}

inline scenario::Scenario default_scenario() {
  return scenario::load_scenario_text(scenario::default_scenario_text(), "default", ".").scenario;
}

}  // namespace coachsim::programme::testing
