#include "load.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "coachsim/report/run_report.hpp"
#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim::cli {

std::optional<Loaded> load_or_report(const std::string& path, bool json) {
  // "builtin:default" names the built-in default where a file is expected (coachsim compare).
  const bool builtin = path.empty() || path == kBuiltinDefault;
  scenario::LoadResult loaded =
      builtin ? scenario::load_scenario_text(scenario::default_scenario_text(),
                                             std::string(scenario::kDefaultScenarioName), ".")
              : scenario::load_scenario_file(path);
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
  std::string text(scenario::default_scenario_text());
  if (!builtin) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  return Loaded{std::move(loaded.scenario),
                builtin ? std::string(scenario::kDefaultScenarioName) : path, std::move(text)};
}

}  // namespace coachsim::cli
