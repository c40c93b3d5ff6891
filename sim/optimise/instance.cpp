// The optimiser's coefficients, read from the ledger of a run with unlimited money.
#include <algorithm>
#include <numeric>

#include "coachsim/optimise/optimise.hpp"
#include "coachsim/units/rounding.hpp"

namespace coachsim::optimise {
namespace {

std::uint32_t find(std::vector<std::uint32_t>& parent, std::uint32_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

Instance make_instance(const scenario::Scenario& s, const programme::Population& pop,
                       const ledger::Ledger& ledger, std::size_t year) {
  Instance in;
  in.year = year;
  const std::size_t n = pop.coaches.size();
  // Coaches sharing a school form one group (union-find, smallest coach index as the root).
  std::vector<std::uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0U);
  std::vector<std::uint32_t> first_coach(pop.schools.size(), UINT32_MAX);
  for (std::uint32_t c = 0; c < n; ++c) {
    if (!pop.coaches[c].active_in(year)) continue;
    for (const programme::CaseloadItem& item : pop.coaches[c].caseload) {
      std::uint32_t& f = first_coach[item.school];
      if (f == UINT32_MAX) {
        f = c;
        continue;
      }
      const std::uint32_t a = find(parent, f), b = find(parent, c);
      parent[std::max(a, b)] = std::min(a, b);
    }
  }
  std::vector<std::int64_t> direct(n, 0);
  std::int64_t total = 0;
  in.region_fixed.assign(pop.regions.size(), 0);
  for (const auto& r : pop.regions) in.region_names.push_back(r.id);
  for (const ledger::Entry& e : ledger.entries()) {
    if (e.year_index != year) continue;
    total += e.amount;
    if (e.region < in.region_fixed.size()) in.region_fixed[e.region] += e.amount;
    if (e.coach != ledger::kNoCoach && e.activity != costs::Activity::kOverhead)
      direct[e.coach] += e.amount;
  }
  std::vector<std::int64_t> group_of(n, -1);
  in.region_teachers.assign(pop.regions.size(), 0);
  in.coach_cost.assign(n, 0);
  std::int64_t variable = 0;
  for (std::uint32_t c = 0; c < n; ++c) {
    const programme::Coach& coach = pop.coaches[c];
    if (!coach.active_in(year)) continue;
    const std::uint32_t root = find(parent, c);
    if (group_of[root] < 0) {
      group_of[root] = static_cast<std::int64_t>(in.groups.size());
      in.groups.push_back({coach.region, {}, 0, 0, 0, 0.0});
    }
    Group& g = in.groups[static_cast<std::size_t>(group_of[root])];
    g.coaches.push_back(c);
    const std::int64_t cost =
        units::round_half_away((1.0 + s.costs.overhead_rate) * static_cast<double>(direct[c]));
    g.cost += cost;
    in.coach_cost[c] = cost;
    variable += cost;
    in.region_fixed[coach.region] -= cost;
    g.teachers += coach.teachers;
    g.students += coach.students;
    in.region_teachers[coach.region] += coach.teachers;
  }
  for (Group& g : in.groups) g.value = static_cast<double>(g.teachers);
  in.plan_cost = total;
  in.fixed_cost = total - variable;
  return in;
}

std::vector<std::string> schools_left_out(const programme::Population& pop, const Instance& in,
                                          const Solution& sol) {
  std::vector<std::string> out;
  // A unit is coached when any of its options is (its first option is the protocol as written).
  std::vector<char> unit_coached(in.groups.size(), 0);
  for (std::size_t g = 0; g < in.groups.size(); ++g)
    if (sol.chosen[g]) unit_coached[unit_of(in, g)] = 1;
  for (std::size_t g = 0; g < in.groups.size(); ++g) {
    if (in.groups[g].variant != 0 || unit_coached[unit_of(in, g)]) continue;
    for (std::uint32_t c : in.groups[g].coaches)
      for (const programme::CaseloadItem& item : pop.coaches[c].caseload)
        out.push_back(pop.schools[item.school].id);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace coachsim::optimise
