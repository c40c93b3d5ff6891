#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <vector>

#include "coach_count_note.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/html_report.hpp"
#include "coachsim/report/interrupt.hpp"
#include "coachsim/report/run_report.hpp"
#include "coachsim/report/sqlite_ledger.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/units/checked.hpp"
#include "commands.hpp"
#include "load.hpp"
#include "progress.hpp"

namespace coachsim::cli {

namespace {

// Temporaries of a killed earlier run beside `target`: the part file and the writers' own
// (".NAME.coachsim-part.partial-PID", report/atomic_file.hpp).
void remove_stale_temporaries(const std::string& target) {
  namespace fs = std::filesystem;
  const fs::path path(target);
  const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  const std::string name = path.filename().string();
  std::error_code ec;
  fs::remove(target + ".coachsim-part", ec);
  const std::string hidden = "." + name + ".coachsim-part.";
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    if (file.rfind(hidden, 0) == 0) fs::remove(it->path(), ec);
  }
}

}  // namespace

int run_command(const RunOptions& options) {
  std::optional<Loaded> loaded = load_or_report(options.scenario, options.json);
  if (!loaded) return kExitBadInput;
  if (options.seed) loaded->scenario.seed = *options.seed;
  if (!options.ledger && !options.sqlite.empty()) {
    std::cerr << tr("coachsim: --sqlite needs the ledger; drop --no-ledger.") << "\n";
    return kExitBadInput;
  }
  if (options.xlsx_ledger && options.xlsx.empty()) {
    std::cerr << tr("coachsim: --xlsx-ledger needs --xlsx FILE, the workbook that lists the "
                    "entries.")
              << "\n";
    return kExitBadInput;
  }
  if (!options.ledger && options.xlsx_ledger) {
    std::cerr << tr("coachsim: --xlsx-ledger needs the ledger; drop --no-ledger.") << "\n";
    return kExitBadInput;
  }
  if (!options.html.empty() && !report::html_available()) {
    std::cerr << tr("coachsim: this build has no HTML report (the chart libraries were not "
                    "installed when it was built); run scripts/bootstrap.sh, or drop --html.")
              << "\n";
    return kExitFailure;
  }
  Progress progress(options.quiet || options.json);
  std::unique_ptr<results::Simulation> sim;
  try {
    progress.update(0.0, tr("simulating"));
    sim = results::simulate(loaded->scenario, options.ledger);
  } catch (const units::TooLarge& e) {
    progress.done();
    std::cerr << trf("coachsim: the scenario is beyond coachsim's limits: {0}", {e.what()}) << "\n"
              << tr("Nothing was written.") << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    progress.done();
    std::cerr << trf("coachsim: the simulation failed: {0}", {e.what()}) << "\n"
              << tr("This is a bug in coachsim or an input beyond its limits; nothing was "
                    "written.")
              << "\n";
    return kExitFailure;
  }
  const report::RunReport report{loaded->scenario, loaded->name, sim->population, sim->ledger,
                                 sim->tally,       sim->results, sim->events};
  // The run's outputs succeed or fail together: the extras (SQLite, workbook, HTML) are written
  // beside their targets under a temporary name first; only when all of them are complete is
  // the output folder committed and are the extras renamed into place.
  struct Extra {
    const std::string* target;
    std::string part;
  };
  std::vector<Extra> extras;
  for (const std::string* target : {&options.sqlite, &options.xlsx, &options.html})
    if (!target->empty()) extras.push_back({target, *target + ".coachsim-part"});
  // `--xlsx D/run.xlsx` with `--out D` names a folder that does not exist yet: an extra's folder
  // inside the output folder is made first (deepest last) and removed again, if still empty,
  // when the run fails. Any other missing folder stays an error, as for the output folder's own
  // parent.
  std::vector<std::filesystem::path> made_dirs;
  const std::filesystem::path out_root =
      std::filesystem::weakly_canonical(std::filesystem::absolute(options.out_dir));
  const auto inside_out = [&](const std::filesystem::path& d) {
    const std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(d));
    return std::mismatch(out_root.begin(), out_root.end(), p.begin(), p.end()).first ==
           out_root.end();
  };
  for (const Extra& x : extras) {
    const std::filesystem::path parent = std::filesystem::path(*x.target).parent_path();
    if (parent.empty() || !inside_out(parent)) continue;
    std::vector<std::filesystem::path> missing;  // from the extra's folder up to the output folder
    for (std::filesystem::path d =
             std::filesystem::weakly_canonical(std::filesystem::absolute(parent));
         ; d = d.parent_path()) {
      std::error_code ec;
      if (std::filesystem::exists(d, ec) || ec) break;
      missing.push_back(d);
      if (d == out_root || d == d.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      std::error_code ec;
      std::filesystem::create_directory(*it, ec);
      if (ec) {
        std::cerr << trf("coachsim: cannot make the folder '{0}' for '{1}': {2}",
                         {it->string(), *x.target, ec.message()})
                  << "\n";
        for (auto d = made_dirs.rbegin(); d != made_dirs.rend(); ++d)
          std::filesystem::remove(*d, ec);
        return kExitFailure;
      }
      made_dirs.push_back(*it);
    }
  }
  std::vector<std::unique_ptr<report::RemoveOnInterrupt>> cleanup;
  for (const Extra& x : extras) {
    remove_stale_temporaries(*x.target);
    // (The writers register their own temporaries while they write.)
    cleanup.push_back(std::make_unique<report::RemoveOnInterrupt>(x.part));
  }
  const auto remove_parts = [&] {
    for (const Extra& x : extras) {
      std::error_code ec;
      std::filesystem::remove(x.part, ec);
    }
    for (auto d = made_dirs.rbegin(); d != made_dirs.rend(); ++d) {
      std::error_code ec;
      std::filesystem::remove(*d, ec);  // only when empty
    }
  };
  try {
    if (!options.sqlite.empty()) {
      progress.update(0.2, trf("writing {0}", {options.sqlite}));
      report::write_sqlite(report, extras.front().part, loaded->text);
    }
    for (const Extra& x : extras) {
      if (x.target == &options.xlsx) {
        progress.update(0.6, trf("writing {0}", {options.xlsx}));
        report::XlsxOptions xlsx_options;
        xlsx_options.full_ledger = options.xlsx_ledger;
        report::write_xlsx(report, x.part, loaded->text, xlsx_options);
      } else if (x.target == &options.html) {
        progress.update(0.8, trf("writing {0}", {options.html}));
        report::write_html(report, x.part);
      }
    }
    progress.update(0.9, trf("writing {0}", {options.out_dir + "/"}));
    const auto hold = report::hold_interrupts();
    report::write_run_outputs(report, options.out_dir);
    for (const Extra& x : extras) {
      std::error_code ec;
      std::filesystem::rename(x.part, *x.target, ec);
      if (ec) throw std::runtime_error("cannot write '" + *x.target + "': " + ec.message());
    }
  } catch (const std::exception& e) {
    remove_parts();
    progress.done();
    std::cerr << "coachsim: " << e.what() << "\n";
    return kExitFailure;
  }
  progress.done();
  if (options.json) {
    std::cout << report::run_summary_json(report);
  } else if (!options.quiet) {
    std::cout << report::terminal_summary(report);
    if (const std::string note = coach_count_note(report.scenario, report.population);
        !note.empty())
      std::cout << "\n" << tr("Coach counts set by the scenario (packing.csv):") << "\n" << note;
    const std::string files =
        std::string(
            "regions.csv, national.csv, variance.csv, missed.csv, packing.csv, "
            "summary.json") +
        (report.results.has_outcomes ? ", dose.csv" : "") + (options.ledger ? ", ledger.csv" : "") +
        (sim->results.execution.enabled ? ", execution.csv, budget_events.csv" : "");
    std::cout << "\n" << trf("Wrote {0} to {1}/", {files, options.out_dir}) << "\n";
    for (const std::string* extra : {&options.sqlite, &options.xlsx, &options.html})
      if (!extra->empty()) std::cout << trf("Wrote {0}", {*extra}) << "\n";
    // --set arguments and input CSVs not in the plain convention (also in summary.json).
    for (const std::string& input : shown_provenance(report.scenario))
      std::cout << trf("Input: {0}", {input}) << "\n";
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
    std::cout << trf("{0}: valid ({1} regions, {2} school years, {3} schools)",
                     {loaded->name, std::to_string(loaded->scenario.regions.size()),
                      std::to_string(loaded->scenario.years.size()), std::to_string(schools)})
              << "\n";
    for (const std::string& input : shown_provenance(loaded->scenario))
      std::cout << trf("Input: {0}", {input}) << "\n";
  }
  return kExitOk;
}

}  // namespace coachsim::cli
