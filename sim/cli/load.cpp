#include "load.hpp"

#include <iostream>

#include "coachsim/report/run_report.hpp"
#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/document.hpp"

namespace coachsim::cli {

std::optional<Loaded> load_or_report(const std::string& path, bool json) {
  // "builtin:default" names the built-in default where a file is expected (coachsim compare).
  const bool builtin = path.empty() || path == kBuiltinDefault;
  // Through the document layer, so `extends:` is resolved and `uncertainty:` checked; the text
  // kept for the outputs is the resolved YAML (the file as written when it extends nothing).
  scenario::DocumentResult loaded =
      builtin ? scenario::load_document_text(scenario::default_scenario_text(),
                                             std::string(scenario::kDefaultScenarioName), ".")
              : scenario::load_document_file(path);
  const std::string name = builtin ? std::string(scenario::kDefaultScenarioName) : path;
  if (!loaded.ok() && json) {
    std::cout << report::load_errors_json(name, loaded.errors);
    return std::nullopt;
  }
  if (!loaded.ok()) {
    for (const scenario::LoadError& e : loaded.errors) std::cerr << e.to_string() << "\n";
    std::cerr << "coachsim: " << loaded.errors.size() << " problem"
              << (loaded.errors.size() == 1 ? "" : "s")
              << " in the scenario; nothing was run or written. Fix the lines above and run "
                 "again (`coachsim validate FILE` checks a file without running it).\n";
    return std::nullopt;
  }
  return Loaded{loaded.document->nominal(), name, loaded.document->text()};
}

}  // namespace coachsim::cli
