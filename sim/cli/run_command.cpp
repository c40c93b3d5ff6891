#include <iostream>
#include <stdexcept>

#include "coachsim/report/html_report.hpp"
#include "coachsim/report/run_report.hpp"
#include "coachsim/report/sqlite_ledger.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/units/checked.hpp"
#include "commands.hpp"
#include "load.hpp"
#include "progress.hpp"

namespace coachsim::cli {

int run_command(const RunOptions& options) {
  std::optional<Loaded> loaded = load_or_report(options.scenario, options.json);
  if (!loaded) return kExitBadInput;
  if (options.seed) loaded->scenario.seed = *options.seed;
  if (!options.ledger && !options.sqlite.empty()) {
    std::cerr << "coachsim: --sqlite needs the ledger; drop --no-ledger.\n";
    return kExitBadInput;
  }
  if (!options.html.empty() && !report::html_available()) {
    std::cerr << "coachsim: this build has no HTML report (the chart libraries were not "
                 "installed when it was built); run scripts/bootstrap.sh, or drop --html.\n";
    return kExitFailure;
  }
  Progress progress(options.quiet || options.json);
  std::unique_ptr<results::Simulation> sim;
  try {
    progress.update(0.0, "simulating");
    sim = results::simulate(loaded->scenario, options.ledger);
  } catch (const units::TooLarge& e) {
    progress.done();
    std::cerr << "coachsim: the scenario is beyond coachsim's limits: " << e.what()
              << "\nNothing was written.\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    progress.done();
    std::cerr << "coachsim: the simulation failed: " << e.what()
              << "\nThis is a bug in coachsim or an input beyond its limits; nothing was "
                 "written.\n";
    return kExitFailure;
  }
  const report::RunReport report{loaded->scenario, loaded->name, sim->population, sim->ledger,
                                 sim->tally,       sim->results, sim->events};
  try {
    progress.update(0.2, "writing " + options.out_dir + "/");
    report::write_run_outputs(report, options.out_dir);
    if (!options.sqlite.empty()) {
      progress.update(0.6, "writing " + options.sqlite);
      report::write_sqlite(report, options.sqlite, loaded->text);
    }
    if (!options.xlsx.empty()) {
      progress.update(0.7, "writing " + options.xlsx);
      report::write_xlsx(report, options.xlsx, loaded->text);
    }
    if (!options.html.empty()) {
      progress.update(0.95, "writing " + options.html);
      report::write_html(report, options.html);
    }
  } catch (const std::exception& e) {
    progress.done();
    std::cerr << "coachsim: " << e.what() << "\n";
    return kExitFailure;
  }
  progress.done();
  if (options.json) {
    std::cout << report::run_summary_json(report);
  } else if (!options.quiet) {
    std::cout << report::terminal_summary(report);
    std::cout << "\nWrote regions.csv, national.csv, variance.csv, missed.csv, summary.json"
              << (report.results.has_outcomes ? ", dose.csv" : "")
              << (options.ledger ? ", ledger.csv" : "")
              << (sim->results.execution.enabled ? ", execution.csv, budget_events.csv" : "")
              << " to " << options.out_dir << "/\n";
    for (const std::string* extra : {&options.sqlite, &options.xlsx, &options.html})
      if (!extra->empty()) std::cout << "Wrote " << *extra << "\n";
  }
  return kExitOk;
}

int validate_command(const std::string& scenario, bool quiet, bool json) {
  std::optional<Loaded> loaded = load_or_report(scenario, json);
  if (!loaded) return kExitBadInput;
  if (json) {
    std::cout << report::load_errors_json(loaded->name, {});
  } else if (!quiet) {
    std::size_t schools = 0;
    for (const auto& r : loaded->scenario.regions) {
      schools += r.schools.size();
      for (const auto& a : r.aggregates) schools += static_cast<std::size_t>(a.count);
    }
    std::cout << loaded->name << ": valid (" << loaded->scenario.regions.size() << " regions, "
              << loaded->scenario.years.size() << " school years, " << schools << " schools)\n";
  }
  return kExitOk;
}

}  // namespace coachsim::cli
