// The check of a simulated plan against its limits, national and per region, and the
// tightening before the next solve (the CLI's re-solve loop).
#include <algorithm>

#include "coachsim/optimise/optimise.hpp"

namespace coachsim::optimise {

bool Overshoot::any() const {
  return national > 0 ||
         std::any_of(region.begin(), region.end(), [](std::int64_t r) { return r > 0; });
}

Overshoot overshoot_of(const Instance& in, std::int64_t budget,
                       const std::vector<std::int64_t>& region_caps,
                       const results::Simulation& sim) {
  Overshoot over;
  over.national = sim.results.national[in.year].cost_total - budget;
  over.region.assign(in.region_names.size(), 0);
  over.region_cost.assign(in.region_names.size(), 0);
  for (const results::Row& row : sim.results.regions) {
    if (row.year_index != in.year) continue;
    for (std::size_t r = 0; r < in.region_names.size(); ++r) {
      if (in.region_names[r] != row.region) continue;
      over.region_cost[r] = row.cost_total;
      if (r < region_caps.size() && region_caps[r] >= 0)
        over.region[r] = row.cost_total - region_caps[r];
    }
  }
  return over;
}

void tighten(Instance& in, std::int64_t& target, const Overshoot& over) {
  if (over.national > 0) target -= over.national;
  for (std::size_t r = 0; r < over.region.size() && r < in.region_budget.size(); ++r)
    if (over.region[r] > 0 && in.region_budget[r] >= 0) in.region_budget[r] -= over.region[r];
}

}  // namespace coachsim::optimise
