// What the fuzz targets feed their input to: the YAML scenario loader (with `extends:`,
// `uncertainty:` and the validation checks), the schools CSV reader and the actuals reader.
// Shared by the libFuzzer targets (fuzz_inputs.cpp) and the suite that replays every input
// that ever failed (tests/audit/fuzz_regressions_test.cpp). Anything but a clean return (a
// crash, a sanitizer report, an exception) is a failure.
#pragma once

#include <string>
#include <vector>

#include "../../sim/scenario/schools_csv.hpp"
#include "coachsim/audit/actuals.hpp"
#include "coachsim/scenario/document.hpp"

namespace coachsim::fuzz {

enum class Target { kScenario, kSchoolsCsv, kActuals };

inline void feed(Target target, const std::string& text) {
  switch (target) {
    case Target::kScenario:
      // Relative paths (schools_csv:, extends:) resolve in the working directory.
      (void)scenario::load_document_text(text, "fuzz.yaml", ".");
      break;
    case Target::kSchoolsCsv: {
      std::vector<scenario::SchoolRecord> schools;
      scenario::detail::FieldIndex index;
      std::vector<scenario::LoadError> errors;
      scenario::detail::parse_schools_csv(text, "fuzz.csv", "regions[0].schools_csv", schools,
                                          index, errors);
      break;
    }
    case Target::kActuals:
      (void)audit::load_actuals_text(text, "fuzz.csv");
      break;
  }
}

}  // namespace coachsim::fuzz
