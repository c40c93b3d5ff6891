// Private to the programme module: the two caseload packings `assign_caseloads` chooses from
// by protocol.caseload_packing (README "Caseload packing").
#pragma once

#include <vector>

#include "coachsim/programme/population.hpp"

namespace coachsim::programme {

// Per UGEL and type, nearest school first, one coach after another (caseload_nearest_first.cpp).
std::vector<Coach> assign_caseloads_nearest_first(const scenario::Scenario& scenario,
                                                  const std::vector<School>& schools);

// Re-packs the caseloads of regions with `coaches:` or `extra_coaches:` into that many coaches
// (caseload_set_coaches.cpp); `coaches` is what a packing above gave, and stays sorted by
// (region, UGEL, type).
void apply_set_coaches(const scenario::Scenario& scenario, const std::vector<School>& schools,
                       std::vector<Coach>& coaches);

}  // namespace coachsim::programme
