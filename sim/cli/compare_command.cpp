// `coachsim compare A.yaml B.yaml ...`: runs each scenario (aggregates only) and writes their
// metrics side by side with the differences from the first. Every scenario is loaded and checked
// before any is run; a problem in any of them writes nothing.
#include <exception>
#include <future>
#include <iostream>
#include <memory>

#include "coachsim/compare/compare.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/compare_report.hpp"
#include "coachsim/report/html_report.hpp"
#include "coachsim/results/metrics.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/units/checked.hpp"
#include "commands.hpp"
#include "load.hpp"
#include "progress.hpp"

namespace coachsim::cli {

int compare_command(const CompareOptions& options) {
  if (options.scenarios.size() < 2) {
    std::cerr << "coachsim compare: "
              << trf("needs at least two scenarios (got {0}); e.g. coachsim compare "
                     "scenarios/small.yaml other.yaml. Name the built-in default as "
                     "builtin:default.",
                     {std::to_string(options.scenarios.size())})
              << "\n";
    return kExitBadInput;
  }
  std::vector<Loaded> loaded;
  bool ok = true;
  for (const std::string& file : options.scenarios) {
    std::optional<Loaded> l = load_or_report(file, options.json);
    if (!l) {
      ok = false;
      continue;
    }
    if (options.seed) l->scenario.seed = *options.seed;
    loaded.push_back(std::move(*l));
  }
  if (!ok) return kExitBadInput;
  for (const Loaded& l : loaded) {
    if (l.scenario.currency == loaded.front().scenario.currency) continue;
    std::cerr << "coachsim compare: "
              << trf("{0} is in {1} but {2} is in {3}; compare needs one currency. Nothing was "
                     "run or written.",
                     {l.name, l.scenario.currency, loaded.front().name,
                      loaded.front().scenario.currency})
              << "\n";
    return kExitBadInput;
  }
  if (!options.html.empty() && !report::html_available()) {
    std::cerr << tr("coachsim: this build has no HTML report (the chart libraries were not "
                    "installed when it was built); run scripts/bootstrap.sh, or drop --html.")
              << "\n";
    return kExitFailure;
  }

  Progress progress(options.quiet || options.json);
  progress.update(0.0, trf("simulating {0} scenarios", {std::to_string(loaded.size())}));
  // One thread per scenario: each run depends only on its own scenario and seed, so the
  // results do not depend on how the runs were scheduled.
  std::vector<std::future<std::vector<results::Metric>>> runs;
  for (const Loaded& l : loaded)
    runs.push_back(std::async(std::launch::async, [&l] {
      return results::metrics_of(results::simulate(l.scenario, false)->results);
    }));
  const std::vector<std::string> labels = compare::unique_labels(options.scenarios);
  std::vector<compare::Entry> entries;
  std::string failure;
  std::string beyond_limits;  // an input too large for exact céntimos: bad input, exit 2
  for (std::size_t i = 0; i < runs.size(); ++i) {
    try {
      entries.push_back({labels[i], options.scenarios[i], loaded[i].scenario.name,
                         loaded[i].scenario.seed, runs[i].get()});
    } catch (const units::TooLarge& e) {
      if (beyond_limits.empty()) beyond_limits = loaded[i].name + ": " + e.what();
    } catch (const std::exception& e) {
      if (failure.empty()) failure = loaded[i].name + ": " + e.what();
    }
  }
  if (!beyond_limits.empty()) {
    progress.done();
    std::cerr << trf("coachsim: the scenario is beyond coachsim's limits: {0}", {beyond_limits})
              << "\n"
              << tr("Nothing was written.") << "\n";
    return kExitBadInput;
  }
  if (!failure.empty()) {
    progress.done();
    std::cerr << trf("coachsim: the simulation failed: {0}", {failure}) << "\n"
              << tr("This is a bug in coachsim or an input beyond its limits; nothing was "
                    "written.")
              << "\n";
    return kExitFailure;
  }
  const compare::Comparison comparison =
      compare::compare(std::move(entries), loaded.front().scenario.currency);
  try {
    progress.update(0.8, trf("writing {0}", {options.out_dir + "/"}));
    report::write_compare_outputs(comparison, options.out_dir);
    if (!options.html.empty()) {
      progress.update(0.9, trf("writing {0}", {options.html}));
      report::write_compare_html(comparison, options.html);
    }
    if (!options.xlsx.empty()) {
      progress.update(0.95, trf("writing {0}", {options.xlsx}));
      report::write_compare_xlsx(comparison, options.xlsx);
    }
  } catch (const std::exception& e) {
    progress.done();
    std::cerr << "coachsim: " << e.what() << "\n";
    return kExitFailure;
  }
  progress.done();
  if (options.json) {
    std::cout << report::compare_json(comparison);
  } else if (!options.quiet) {
    std::cout << report::compare_terminal(comparison);
    std::cout << "\n"
              << trf("Wrote {0} to {1}/", {"compare.csv, compare.json", options.out_dir}) << "\n";
    for (const std::string* extra : {&options.html, &options.xlsx})
      if (!extra->empty()) std::cout << trf("Wrote {0}", {*extra}) << "\n";
  }
  return kExitOk;
}

}  // namespace coachsim::cli
