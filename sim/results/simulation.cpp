#include "coachsim/results/simulation.hpp"

#include "coachsim/programme/run.hpp"

namespace coachsim::results {

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
  sim->events =
      programme::run_programme(scenario, sim->population, sim->ledger, sim->tally, replication)
          .events;
  sim->results = aggregate(scenario, sim->population, sim->ledger, sim->tally);
  return sim;
}

}  // namespace coachsim::results
