#include "coachsim/results/simulation.hpp"

#include <algorithm>
#include <optional>

#include "coachsim/programme/cost_table.hpp"
#include "coachsim/programme/run.hpp"

namespace coachsim::results {

ledger::Ledger unlimited_ledger(const scenario::Scenario& scenario,
                                const programme::Population& population,
                                std::uint64_t replication) {
  scenario::Scenario unlimited = scenario;
  unlimited.budget.enabled = false;
  const std::size_t years = scenario.years.size(), regions = population.regions.size();
  ledger::Ledger ledger(years, regions + 1, true, programme::cost_table(scenario));
  programme::Tally tally(years, regions);
  programme::run_programme(unlimited, population, ledger, tally, replication);
  return ledger;
}

programme::BudgetPlan budget_plan(const scenario::Scenario& scenario,
                                  const programme::Population& population,
                                  std::uint64_t replication) {
  return programme::make_budget_plan(unlimited_ledger(scenario, population, replication),
                                     population.regions.size());
}

namespace {

// The programme on `population` (under protect_teachers, the caseloads already dropped) and its
// aggregation; `plan` and `record` only with a budget. Returns the events run.
std::uint64_t run_and_aggregate(const scenario::Scenario& scenario,
                                const programme::Population& population, ledger::Ledger& ledger,
                                programme::Tally& tally, std::uint64_t replication,
                                const programme::BudgetPlan* plan, programme::BudgetRecord* record,
                                Results& results,
                                programme::RunDetail detail = programme::RunDetail::kRecords) {
  const std::uint64_t events = programme::run_programme(scenario, population, ledger, tally,
                                                        replication, plan, record, detail)
                                   .events;
  // Drops are decided at each year's opening, before the run: put them in date order.
  if (record != nullptr && scenario.budget.shortfall == scenario::BudgetShortfall::kProtectTeachers)
    std::stable_sort(record->events.begin(), record->events.end(),
                     [](const programme::BudgetEvent& a, const programme::BudgetEvent& b) {
                       return a.date < b.date;
                     });
  results = aggregate(scenario, population, ledger, tally);
  if (record != nullptr) results.execution = make_execution(scenario, population, tally, *record);
  return events;
}

}  // namespace

std::unique_ptr<Simulation> simulate(const scenario::Scenario& scenario, bool keep_ledger,
                                     std::uint64_t replication) {
  programme::Population population = programme::build_population(scenario, 0);
  const std::size_t years = scenario.years.size(), regions = population.regions.size();
  auto sim = std::unique_ptr<Simulation>(new Simulation{
      std::move(population),
      ledger::Ledger(years, regions + 1, keep_ledger, programme::cost_table(scenario)),
      programme::Tally(years, regions),
      {},
      0});
  if (!scenario.budget.enabled) {
    sim->events = run_and_aggregate(scenario, sim->population, sim->ledger, sim->tally, replication,
                                    nullptr, nullptr, sim->results);
    return sim;
  }
  // The PLAN the budget refers to: the same run with unlimited money.
  programme::BudgetPlan plan = budget_plan(scenario, sim->population, replication);
  programme::BudgetRecord record;
  if (scenario.budget.shortfall == scenario::BudgetShortfall::kProtectTeachers)
    plan = protect_teachers(scenario, sim->population, plan, record, replication);
  sim->events = run_and_aggregate(scenario, sim->population, sim->ledger, sim->tally, replication,
                                  &plan, &record, sim->results);
  return sim;
}

Results simulate_results(const scenario::Scenario& scenario,
                         const programme::Population& population, std::uint64_t replication,
                         Workspace* workspace) {
  const std::size_t years = scenario.years.size(), regions = population.regions.size();
  ledger::Ledger ledger(years, regions + 1, false, programme::cost_table(scenario));
  programme::Tally tally(years, regions);
  if (workspace != nullptr) {
    workspace->missed.clear();
    tally.missed().swap(workspace->missed);
  }
  Results results;
  if (!scenario.budget.enabled) {
    // Only the results are returned: the missed records need no order (run.hpp).
    run_and_aggregate(scenario, population, ledger, tally, replication, nullptr, nullptr, results,
                      programme::RunDetail::kTotals);
  } else {
    programme::BudgetPlan plan = budget_plan(scenario, population, replication);
    programme::BudgetRecord record;
    std::optional<programme::Population> dropped;  // protect_teachers drops from its own copy
    if (scenario.budget.shortfall == scenario::BudgetShortfall::kProtectTeachers) {
      dropped.emplace(population);
      plan = protect_teachers(scenario, *dropped, plan, record, replication);
    }
    run_and_aggregate(scenario, dropped ? *dropped : population, ledger, tally, replication, &plan,
                      &record, results, programme::RunDetail::kTotals);
  }
  if (workspace != nullptr) workspace->missed.swap(tally.missed());
  return results;
}

}  // namespace coachsim::results
