// What a sweep builds once and shares across its replications. A replication's draws replace
// the scenario's uncertain scalars (document.hpp); whatever is derived only from fields no draw
// touches is the same in every replication and needs building once. The decision is made from
// the paths the uncertainty: entries matched, before any replication runs, and errs towards
// rebuilding: a path this file does not know to be harmless rebuilds the population.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "coachsim/programme/population.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/document.hpp"

namespace coachsim::sweep {

// How much of the population (schools, caseloads, supervisors: build_population) a draw at a
// path can change.
enum class PopulationReuse {
  kShare,     // nothing it reads: one population for every replication (prices, fees, delays)
  kRetravel,  // travel times only (a speed, hours per travel day): the register (schools drawn
              // from the seed) is shared; travel times, caseloads and supervisors are redone
  kRebuild,   // anything else (counts, schools, rules, seed...): built again per replication
};

// For one concrete path as document inputs list them, e.g. "geographies[andes].speed".
PopulationReuse population_reuse(std::string_view path);
// For all of a document's uncertain inputs: the most any of their paths needs.
PopulationReuse population_reuse(const std::vector<scenario::UncertainInput>& inputs);

// The population side of a sweep: built once from the nominal scenario (seed set to the
// sweep's), then per replication either shared, re-derived from the shared register, or built
// from scratch. Immutable after construction: threads share it; each has its own Workspace.
class SharedPopulation {
 public:
  SharedPopulation(const scenario::ScenarioDocument& document, std::uint64_t seed);
  PopulationReuse reuse() const { return reuse_; }

  struct Workspace {
    results::Workspace run;
    programme::Population population;  // kRetravel/kRebuild: this replication's population
  };
  // simulate(sampled, false, replication)->results, reusing what the draws cannot change.
  // REQUIRES: `sampled` is a sample of the document given to the constructor, seed set alike.
  results::Results simulate(const scenario::Scenario& sampled, std::uint64_t replication,
                            Workspace& workspace) const;

 private:
  PopulationReuse reuse_;
  std::optional<programme::Population> built_;  // kShare: the population; kRetravel: register
};

}  // namespace coachsim::sweep
