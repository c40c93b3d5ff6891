#include "coachsim/results/simulation.hpp"

#include <algorithm>

#include "coachsim/programme/run.hpp"

namespace coachsim::results {

ledger::Ledger unlimited_ledger(const scenario::Scenario& scenario,
                                const programme::Population& population,
                                std::uint64_t replication) {
  scenario::Scenario unlimited = scenario;
  unlimited.budget.enabled = false;
  const std::size_t years = scenario.years.size(), regions = population.regions.size();
  ledger::Ledger ledger(years, regions + 1, true);
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

std::unique_ptr<Simulation> simulate(const scenario::Scenario& scenario, bool keep_ledger,
                                     std::uint64_t replication) {
  programme::Population population = programme::build_population(scenario, 0);
  const std::size_t years = scenario.years.size(), regions = population.regions.size();
  auto sim =
      std::unique_ptr<Simulation>(new Simulation{std::move(population),
                                                 ledger::Ledger(years, regions + 1, keep_ledger),
                                                 programme::Tally(years, regions),
                                                 {},
                                                 0});
  if (!scenario.budget.enabled) {
    sim->events =
        programme::run_programme(scenario, sim->population, sim->ledger, sim->tally, replication)
            .events;
    sim->results = aggregate(scenario, sim->population, sim->ledger, sim->tally);
    return sim;
  }
  // The PLAN the budget refers to: the same run with unlimited money.
  programme::BudgetPlan plan = budget_plan(scenario, sim->population, replication);
  programme::BudgetRecord record;
  if (scenario.budget.shortfall == scenario::BudgetShortfall::kProtectTeachers)
    plan = protect_teachers(scenario, sim->population, plan, record, replication);
  sim->events = programme::run_programme(scenario, sim->population, sim->ledger, sim->tally,
                                         replication, &plan, &record)
                    .events;
  // Drops are decided at each year's opening, before the run: put them in date order.
  if (scenario.budget.shortfall == scenario::BudgetShortfall::kProtectTeachers)
    std::stable_sort(record.events.begin(), record.events.end(),
                     [](const programme::BudgetEvent& a, const programme::BudgetEvent& b) {
                       return a.date < b.date;
                     });
  sim->results = aggregate(scenario, sim->population, sim->ledger, sim->tally);
  sim->results.execution = make_execution(scenario, sim->population, sim->tally, record);
  return sim;
}

}  // namespace coachsim::results
