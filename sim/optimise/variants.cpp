// Protocol variants in the optimiser (issue 13): each caseload group may be coached with the
// protocol as written or with one of the scenario's protocol_variants. The costs are the
// model's: the scenario runs once per variant with every school under it (protocol_plan:) and
// unlimited money, and a group's option under a variant costs what that run posted for its
// coaches, as make_instance costs the group under the protocol as written. The program takes at
// most one option per group (solve_cbc.cpp), and plan.yaml says which schools get which variant.
#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "coachsim/optimise/optimise.hpp"
#include "coachsim/scenario/protocol_variants.hpp"

namespace coachsim::optimise {
namespace {

// Every school id of the scenario, as not_coached: and protocol_plan: name them.
std::vector<std::string> all_school_ids(const scenario::Scenario& s) {
  std::vector<std::string> ids;
  for (const scenario::Region& r : s.regions) {
    for (const scenario::SchoolRecord& rec : r.schools) ids.push_back(rec.id);
    for (const scenario::SchoolAggregate& a : r.aggregates)
      for (int k = 1; k <= a.count; ++k)
        ids.push_back(r.id + "/" + a.school_type + "/" + std::to_string(k));
  }
  return ids;
}

// The cost of coach `c` under the option's protocol.
std::int64_t coach_cost_of(const Instance& in, const Group& g, std::uint32_t c) {
  return g.variant == 0 ? in.coach_cost[c] : in.variant_coach_cost[g.variant - 1u][c];
}

}  // namespace

scenario::Scenario everywhere_with(const scenario::Scenario& s, std::size_t k) {
  scenario::Scenario out = s;
  out.protocol_plan.clear();
  const std::vector<std::string> ids = all_school_ids(s);
  for (const scenario::SchoolYear& y : s.years)
    out.protocol_plan.push_back({y.year, s.protocol_variants.at(k - 1).id, ids});
  return out;
}

std::vector<std::unique_ptr<results::Simulation>> variant_cost_runs(
    const scenario::Scenario& unlimited) {
  std::vector<std::unique_ptr<results::Simulation>> runs;
  for (std::size_t k = 1; k <= unlimited.protocol_variants.size(); ++k)
    runs.push_back(results::simulate(everywhere_with(unlimited, k), true));
  return runs;
}

void add_variant_options(Instance& in, const scenario::Scenario& s,
                         const programme::Population& pop,
                         const std::vector<std::unique_ptr<results::Simulation>>& runs) {
  const std::size_t n = in.groups.size();
  if (!runs.empty()) {
    in.variant_ids = {"full"};
    for (const scenario::ProtocolVariant& v : s.protocol_variants) in.variant_ids.push_back(v.id);
  }
  for (std::size_t k = 1; k <= runs.size(); ++k) {
    const scenario::Scenario with = everywhere_with(s, k);
    const Instance other =
        make_instance(with, runs[k - 1]->population, runs[k - 1]->ledger, in.year);
    // The same population gives the same groups in the same order; anything else is a bug.
    if (other.groups.size() != n)
      throw std::logic_error("protocol variant run: the caseload groups differ");
    in.variant_coach_cost.push_back(other.coach_cost);
    const scenario::ProtocolVariant& variant = s.protocol_variants[k - 1];
    for (std::size_t g = 0; g < n; ++g) {
      if (other.groups[g].coaches != in.groups[g].coaches)
        throw std::logic_error("protocol variant run: the caseload groups differ");
      const programme::Coach& coach = pop.coaches[in.groups[g].coaches.front()];
      if (scenario::override_for(variant, s.school_types[coach.type].id) == nullptr) continue;
      Group option = in.groups[g];
      option.cost = other.groups[g].cost;
      option.unit = static_cast<std::uint32_t>(g);
      option.variant = static_cast<std::uint8_t>(k);
      in.groups.push_back(std::move(option));
    }
  }
}

bool has_variants(const Instance& in) {
  return std::any_of(in.groups.begin(), in.groups.end(),
                     [](const Group& g) { return g.variant != 0; });
}

std::size_t unit_count(const Instance& in) {
  return static_cast<std::size_t>(std::count_if(in.groups.begin(), in.groups.end(),
                                                [](const Group& g) { return g.variant == 0; }));
}

std::vector<scenario::ProtocolPlan> variant_schools(const scenario::Scenario& s,
                                                    const programme::Population& pop,
                                                    const Instance& in, const Solution& sol) {
  std::vector<scenario::ProtocolPlan> out;
  for (std::size_t k = 1; k <= s.protocol_variants.size(); ++k) {
    scenario::ProtocolPlan plan{s.years[in.year].year, s.protocol_variants[k - 1].id, {}};
    for (std::size_t g = 0; g < in.groups.size(); ++g) {
      if (!sol.chosen[g] || in.groups[g].variant != k) continue;
      for (std::uint32_t c : in.groups[g].coaches)
        for (const programme::CaseloadItem& item : pop.coaches[c].caseload)
          plan.schools.push_back(pop.schools[item.school].id);
    }
    std::sort(plan.schools.begin(), plan.schools.end());
    plan.schools.erase(std::unique(plan.schools.begin(), plan.schools.end()), plan.schools.end());
    if (!plan.schools.empty()) out.push_back(std::move(plan));
  }
  return out;
}

std::string protocol_plan_yaml(const std::vector<scenario::ProtocolPlan>& plans) {
  if (plans.empty()) return "";
  std::ostringstream y;
  y << "protocol_plan:\n";
  for (const scenario::ProtocolPlan& p : plans) {
    y << "  - year: " << p.year << "\n    variant: \"" << p.variant << "\"\n    schools:\n";
    for (const std::string& id : p.schools) y << "      - \"" << id << "\"\n";
  }
  return y.str();
}

std::vector<std::string> school_variants(const scenario::Scenario& s,
                                         const programme::Population& pop, const Instance& in,
                                         const Solution& sol) {
  std::vector<std::string> out(pop.schools.size());
  for (std::size_t g = 0; g < in.groups.size(); ++g) {
    if (!sol.chosen[g]) continue;
    const Group& x = in.groups[g];
    const std::string id = x.variant == 0 ? "full" : s.protocol_variants[x.variant - 1u].id;
    for (std::uint32_t c : x.coaches)
      for (const programme::CaseloadItem& item : pop.coaches[c].caseload) out[item.school] = id;
  }
  return out;
}

std::int64_t option_coach_cost(const Instance& in, std::size_t g, std::uint32_t c) {
  return coach_cost_of(in, in.groups[g], c);
}

}  // namespace coachsim::optimise
