// One complete simulation of a validated scenario: population, programme run, aggregation.
// The single entry point the CLI, the tests and the benchmarks share.
#pragma once

#include <cstdint>
#include <memory>

#include "coachsim/ledger/ledger.hpp"
#include "coachsim/programme/population.hpp"
#include "coachsim/programme/tally.hpp"
#include "coachsim/results/results.hpp"
#include "coachsim/scenario/scenario.hpp"

namespace coachsim::results {

// The ledger has one slot per region plus one, the last, for spending outside the regions.
struct Simulation {
  programme::Population population;
  ledger::Ledger ledger;
  programme::Tally tally;
  Results results;
  std::uint64_t events = 0;
};

// REQUIRES: scenario passed validation. `keep_ledger` keeps every entry (for ledger.csv).
// The population (the school register) is the same for every replication: it is data, expanded
// from the scenario seed alone; `replication` keys the programme's random events, so the
// replications of a sweep differ only in what is declared uncertain or random.
// With a budget, simulate() first runs the scenario with unlimited money to get the plan that
// budget shares refer to (budget_plan), then the budgeted run.
std::unique_ptr<Simulation> simulate(const scenario::Scenario& scenario, bool keep_ledger,
                                     std::uint64_t replication = 0);

// Buffers one thread reuses from one run to the next (a sweep's worker): the list of missed
// activities keeps its capacity instead of growing, and page-faulting, anew each replication.
struct Workspace {
  std::vector<programme::MissedRecord> missed;
};

// The results of simulate(scenario, false, replication) on a population built beforehand:
// `population` is build_population's for a scenario equal to this one in everything the builder
// reads (sweep/reuse.hpp decides when a sweep may share one). Not changed: under
// shortfall: protect_teachers the caseloads are dropped from a copy.
Results simulate_results(const scenario::Scenario& scenario,
                         const programme::Population& population, std::uint64_t replication,
                         Workspace* workspace = nullptr);

programme::BudgetPlan budget_plan(const scenario::Scenario& scenario,
                                  const programme::Population& population,
                                  std::uint64_t replication = 0);

// The scenario run with unlimited money on `population`, every entry kept: the one run that
// both a budget's plan (budget_plan) and protect_teachers' savings per caseload are read from.
ledger::Ledger unlimited_ledger(const scenario::Scenario& scenario,
                                const programme::Population& population,
                                std::uint64_t replication = 0);

// shortfall: protect_teachers (protect_teachers.cpp). Where a year's expected funds (PIA, the
// year's declared changes, less what rules withhold) fall short of `plan`, drops whole
// caseloads from `population` in the declared order until the plan fits, re-planning until it
// does; returns the plan of what is left (its cells' `basis` = the original totals) and adds a
// coach_dropped event per caseload to `record`.
programme::BudgetPlan protect_teachers(const scenario::Scenario& scenario,
                                       programme::Population& population,
                                       const programme::BudgetPlan& plan,
                                       programme::BudgetRecord& record,
                                       std::uint64_t replication = 0);

}  // namespace coachsim::results
