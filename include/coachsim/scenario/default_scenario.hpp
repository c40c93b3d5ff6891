// The built-in default scenario (scenarios/default.yaml compiled into the binary).
#pragma once

#include <string_view>

namespace coachsim::scenario {

// The YAML text of scenarios/default.yaml as it was at build time.
std::string_view default_scenario_text();

// The name under which errors in the built-in scenario are reported.
inline constexpr std::string_view kDefaultScenarioName = "<built-in default scenario>";

}  // namespace coachsim::scenario
