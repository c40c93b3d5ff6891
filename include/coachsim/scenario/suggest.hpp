// "Did you mean ...?" for names given outside a scenario file (command-line flags, CSV files):
// the same suggestion the scenario loader gives for a misspelt name in YAML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace coachsim::scenario {

// "; did you mean 'x'?" when a candidate is close enough to be a plausible typo, else "".
std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates);

}  // namespace coachsim::scenario
