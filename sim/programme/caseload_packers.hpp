// Private to the programme module: the two caseload packings `assign_caseloads` chooses from
// by protocol.caseload_packing (README "Caseload packing").
#pragma once

#include <vector>

#include "coachsim/programme/population.hpp"

namespace coachsim::programme {

// Per UGEL and type, nearest school first, one coach after another (caseload_nearest_first.cpp).
std::vector<Coach> assign_caseloads_nearest_first(const scenario::Scenario& scenario,
                                                  const std::vector<School>& schools);

}  // namespace coachsim::programme
