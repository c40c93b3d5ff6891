// Caseload costs under a hiring limit. The simulation hires a region's new coaches in coach
// order, the k-th k / hires_per_month months after the contract start (programme/
// coach_supply.cpp), and the k counts only the coaches the plan keeps. The unlimited run posts
// each coach's cost at its slot among all coaches; a plan that leaves earlier coaches out moves
// the rest earlier, with longer contracts and more visits, so those postings understate what
// the plan costs (61.4 M simulated against an estimate of 42.4 M on coach-shortage.yaml, 2020).
// What bounds it is the cost of the coach hired on the first day: a run with the limit lifted.
#include <algorithm>

#include "coachsim/optimise/optimise.hpp"

namespace coachsim::optimise {

bool hiring_limited(const scenario::Scenario& s) {
  return s.coach_supply.enabled && s.coach_supply.hires_per_month > 0;
}

scenario::Scenario hired_at_start(scenario::Scenario s) {
  s.coach_supply.hires_per_month = 0;  // 0: no limit, every post starts at the contract start
  return s;
}

void cost_as_hired_at_start(Instance& in, const Instance& at_start) {
  // Same population and year, so the same groups of the same coaches in the same order.
  for (std::size_t g = 0; g < in.groups.size() && g < at_start.groups.size(); ++g) {
    Group& group = in.groups[g];
    group.cost = 0;
    for (std::uint32_t c : group.coaches) {
      in.coach_cost[c] = std::max(in.coach_cost[c], at_start.coach_cost[c]);
      group.cost += in.coach_cost[c];
    }
  }
  // The costs every plan pays: whichever run posted more (supervisors and staff do not depend
  // on hiring, so these are normally equal).
  for (std::size_t r = 0; r < in.region_fixed.size() && r < at_start.region_fixed.size(); ++r)
    in.region_fixed[r] = std::max(in.region_fixed[r], at_start.region_fixed[r]);
  in.fixed_cost = std::max(in.fixed_cost, at_start.fixed_cost);
}

}  // namespace coachsim::optimise
