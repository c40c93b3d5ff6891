// Loading the scenario a command names (or the built-in default) and printing load errors.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "coachsim/scenario/loader.hpp"
#include "coachsim/scenario/scenario.hpp"
#include "coachsim/scenario/set_value.hpp"

namespace coachsim::cli {

// How a command line names the built-in default scenario where a file is expected.
inline constexpr const char* kBuiltinDefault = "builtin:default";

struct Loaded {
  scenario::Scenario scenario;
  std::string name;  // file as given, or the built-in default's name
  std::string text;  // the YAML as read (after `extends:` is resolved)
};

// What every command applies to the scenario it loads (--set ...), set once by main() after the
// flags are parsed: the commands then need no extra parameter to pass it through.
void set_input_options(scenario::LoadOptions options);
const scenario::LoadOptions& input_options();

// The first kShownPerFile problems of each file, then one "and N more problems" line per file.
std::vector<scenario::LoadError> first_per_file(const std::vector<scenario::LoadError>& errors);

// Prints every error (to stderr as text, or to stdout as JSON when `json`) and returns nothing
// when the scenario is not valid.
std::optional<Loaded> load_or_report(const std::string& path, bool json = false);

// The scenario's provenance notes as the terminal shows them: in the chosen language when the
// loader gave them so (Scenario::provenance_shown), else as recorded in the files.
inline const std::vector<std::string>& shown_provenance(const scenario::Scenario& s) {
  return s.provenance_shown.size() == s.provenance.size() ? s.provenance_shown : s.provenance;
}

}  // namespace coachsim::cli
