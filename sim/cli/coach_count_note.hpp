// The terminal's note on regions whose coach count is an input (`coaches:`/`extra_coaches:`):
// what the count does to caseloads, against the norm's ratios.
#pragma once

#include <string>

#include "coachsim/programme/population.hpp"
#include "coachsim/scenario/scenario.hpp"

namespace coachsim::cli {

// One line per such region ("" when there is none), e.g. "Loreto: 352 coaches (coaches: 352)
// for 2,610 teachers: 7.41 teachers per coach, against 7.93 at the norm's ratios (329.1
// coaches)".
std::string coach_count_note(const scenario::Scenario& scenario,
                             const programme::Population& population);

}  // namespace coachsim::cli
