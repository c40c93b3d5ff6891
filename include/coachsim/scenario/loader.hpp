// Loading and validating a scenario from YAML (and the CSV files it names).
//
// Errors are values: loading collects every problem it finds (file, line, column, field, what
// was expected, what was found) instead of stopping at the first. A scenario returned without
// errors satisfies every invariant the programme relies on (see validate.cpp), so the
// simulation never re-checks input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "coachsim/scenario/scenario.hpp"

namespace coachsim::scenario {

struct LoadError {
  std::string file;     // path as given, or kDefaultScenarioName
  int line = 0;         // 1-based; 0 when not known
  int column = 0;       // 1-based; 0 when not known
  std::string field;    // dotted path, e.g. "regions[3].schools[0].distance_km"
  std::string message;  // what was expected and what was found

  // "file:line:column: field: message". ":column" (or ":line:column") is left out when not
  // known, and "field: " when the error concerns the whole document (e.g. malformed YAML).
  // In errors about a schools CSV, `file` is the CSV path and `column` the 1-based CSV field.
  std::string to_string() const;
};

struct LoadResult {
  Scenario scenario;
  std::vector<LoadError> errors;  // empty on success
  bool ok() const { return errors.empty(); }
};

// Loads a scenario file; CSV files it names are resolved relative to its folder. A file that
// `extends:` another is merged over it first (docs/extends.md), and an `uncertainty:` section
// is checked and otherwise ignored (docs/uncertainty.md): the nominal scenario is returned.
// Thin wrappers over load_document_file/text (document.hpp).
LoadResult load_scenario_file(const std::string& path);

// Loads from text; `name` is used in error messages, `base_dir` resolves CSV paths and the
// file named by `extends:`.
LoadResult load_scenario_text(std::string_view yaml_text, const std::string& name,
                              const std::string& base_dir);

// Checks cross-field invariants of a scenario however it was made (hand-built scenarios in
// tests go through this too). Errors carry field paths but no line numbers.
std::vector<LoadError> validate(const Scenario& scenario, const std::string& name);

}  // namespace coachsim::scenario
