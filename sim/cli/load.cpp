#include "load.hpp"

#include <iostream>
#include <unordered_map>
#include <vector>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/run_report.hpp"
#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/document.hpp"

namespace coachsim::cli {

// At most this many problems are shown per file, then "and N more": a 200,000-row CSV with a
// bad column would otherwise print 200,000 lines (README "Limits").
constexpr std::size_t kShownPerFile = 100;

namespace {
scenario::LoadOptions& options_store() {
  static scenario::LoadOptions options;
  return options;
}
}  // namespace

void set_input_options(scenario::LoadOptions options) { options_store() = std::move(options); }
const scenario::LoadOptions& input_options() { return options_store(); }

std::vector<scenario::LoadError> first_per_file(const std::vector<scenario::LoadError>& errors) {
  std::unordered_map<std::string, std::size_t> seen;
  std::vector<std::string> order;  // files in the order of their first problem
  std::vector<scenario::LoadError> shown;
  for (const scenario::LoadError& e : errors) {
    auto [it, first] = seen.emplace(e.file, 0);
    if (first) order.push_back(e.file);
    if (++it->second <= kShownPerFile) shown.push_back(e);
  }
  for (const std::string& file : order) {
    const std::size_t count = seen[file];
    if (count <= kShownPerFile) continue;
    shown.push_back(scenario::LoadError{
        file, 0, 0, "",
        trf("and {0} more problems in this file (only the first {1} of each file are shown)",
            {std::to_string(count - kShownPerFile), std::to_string(kShownPerFile)})});
  }
  return shown;
}

std::optional<Loaded> load_or_report(const std::string& path, bool json) {
  // "builtin:default" names the built-in default where a file is expected (coachsim compare).
  const bool builtin = path.empty() || path == kBuiltinDefault;
  // Through the document layer, so `extends:` is resolved and `uncertainty:` checked; the text
  // kept for the outputs is the resolved YAML (the file as written when it extends nothing).
  scenario::DocumentResult loaded =
      builtin ? scenario::load_document_text(scenario::default_scenario_text(),
                                             std::string(scenario::kDefaultScenarioName), ".",
                                             input_options())
              : scenario::load_document_file(path, input_options());
  const std::string name = builtin ? std::string(scenario::kDefaultScenarioName) : path;
  if (!loaded.ok() && json) {
    std::cout << report::load_errors_json(name, first_per_file(loaded.errors));
    return std::nullopt;
  }
  if (!loaded.ok()) {
    for (const scenario::LoadError& e : first_per_file(loaded.errors))
      std::cerr << e.to_string() << "\n";
    const std::size_t n = loaded.errors.size();
    std::cerr << fill(trn("coachsim: {0} problem in the scenario; nothing was run or written. Fix "
                          "the lines above and run again (`coachsim validate FILE` checks a file "
                          "without running it).",
                          "coachsim: {0} problems in the scenario; nothing was run or written. Fix "
                          "the lines above and run again (`coachsim validate FILE` checks a file "
                          "without running it).",
                          n),
                      {std::to_string(n)})
              << "\n";
    return std::nullopt;
  }
  return Loaded{loaded.document->nominal(), name, loaded.document->text()};
}

}  // namespace coachsim::cli
