// Which uncertain paths can change the population, and running a replication on what is
// shared. See reuse.hpp.
//
// The population builder (sim/programme/population.cpp, enrolment.cpp, caseload*.cpp,
// not_coached.cpp) reads: the seed; the regions' ids, geographies, UGELs, schools, aggregates,
// teachers_per_coach, coaches and extra_coaches; the geographies' ids and speeds; the school
// types' ids; protocol.dispersed_above, caseload_rules and caseload_packing;
// coach.travel_hours_per_day; supervision.coaches_per_supervisor; years, scale_up and
// not_coached. Speeds and hours per travel day enter only through travel times (schools'
// travel_hours, then caseload packing's one-day reach and the caseload items). The list below
// names what it does NOT read; anything else rebuilds, so a new field is safe until listed.
#include "coachsim/sweep/reuse.hpp"

#include <algorithm>
#include <string>

namespace coachsim::sweep {
namespace {

// "regions[Loreto].contract_delay" -> "regions[].contract_delay": the path's shape, ids dropped.
std::string shape_of(std::string_view path) {
  std::string shape;
  bool inside = false;
  for (const char c : path) {
    if (c == '[') inside = true;
    if (!inside || c == '[' || c == ']') shape += c;
    if (c == ']') inside = false;
  }
  return shape;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

PopulationReuse population_reuse(std::string_view path) {
  const std::string shape = shape_of(path);
  // Travel times only.
  if (shape == "geographies[].speed" || shape == "coach.travel_hours_per_day")
    return PopulationReuse::kRetravel;
  // Whole sections the builder never reads: money, coach supply over the year, turnover,
  // outcomes, the budget and central costs.
  for (const char* section : {"costs.", "prices.", "coach_supply.", "teacher_turnover.",
                              "outcomes.", "budget.", "central_costs["})
    if (starts_with(shape, section)) return PopulationReuse::kShare;
  // Sections it reads in part: the fields it does not read.
  if (starts_with(shape, "coach.") && shape != "coach.travel_hours_per_day")
    return PopulationReuse::kShare;  // fees, working hours: the programme's, not the register's
  if (starts_with(shape, "supervision.") && shape != "supervision.coaches_per_supervisor")
    return PopulationReuse::kShare;
  if (starts_with(shape, "geographies[].") && shape != "geographies[].id")
    return PopulationReuse::kShare;  // fares, rainy-season factors (speed is above)
  if (shape == "regions[].contract_delay" || starts_with(shape, "regions[].staff"))
    return PopulationReuse::kShare;
  if (starts_with(shape, "protocol.school_types[].") && shape != "protocol.school_types[].id")
    return PopulationReuse::kShare;  // visits, sessions, workshops: the coach's plan
  return PopulationReuse::kRebuild;
}

PopulationReuse population_reuse(const std::vector<scenario::UncertainInput>& inputs) {
  PopulationReuse most = PopulationReuse::kShare;
  for (const scenario::UncertainInput& input : inputs)
    for (const std::string& path : input.paths) most = std::max(most, population_reuse(path));
  return most;
}

SharedPopulation::SharedPopulation(const scenario::ScenarioDocument& document, std::uint64_t seed)
    : reuse_(population_reuse(document.inputs())) {
  if (reuse_ == PopulationReuse::kRebuild) return;
  scenario::Scenario nominal = document.nominal();
  nominal.seed = seed;
  built_ = reuse_ == PopulationReuse::kShare ? programme::build_population(nominal, 0)
                                             : programme::build_register(nominal, 0);
}

results::Results SharedPopulation::simulate(const scenario::Scenario& sampled,
                                            std::uint64_t replication, Workspace& workspace) const {
  switch (reuse_) {
    case PopulationReuse::kShare:
      return results::simulate_results(sampled, *built_, replication, &workspace.run);
    case PopulationReuse::kRetravel:
      workspace.population = *built_;  // copy-assigned: reuses the buffers of the last one
      programme::assign_coaches(sampled, workspace.population);
      break;
    case PopulationReuse::kRebuild:
      workspace.population = programme::build_population(sampled, 0);
      break;
  }
  return results::simulate_results(sampled, workspace.population, replication, &workspace.run);
}

}  // namespace coachsim::sweep
