// Rendering one run: CSV tables, the ledger, summary.json and the terminal summary.
//
// The report module knows formats and nothing about how the numbers were made. Output files are
// written into a staging folder inside the output directory and moved into place only when all
// of them are complete, so a failed run never leaves half-written output.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "coachsim/ledger/ledger.hpp"
#include "coachsim/programme/population.hpp"
#include "coachsim/programme/tally.hpp"
#include "coachsim/results/results.hpp"
#include "coachsim/scenario/loader.hpp"
#include "coachsim/scenario/scenario.hpp"

namespace coachsim::report {

struct RunReport {
  const scenario::Scenario& scenario;
  std::string scenario_file;  // as given on the command line, or the built-in name
  const programme::Population& population;
  const ledger::Ledger& ledger;
  const programme::Tally& tally;
  const results::Results& results;
  std::uint64_t events = 0;
};

// Writes regions.csv, national.csv, variance.csv, missed.csv, summary.json and (when the
// ledger kept its entries) ledger.csv into `dir`, creating it if needed. Throws
// std::runtime_error naming the file on any I/O failure; then nothing new is left in `dir`.
void write_run_outputs(const RunReport& report, const std::string& dir);

// Streams ledger.csv (every entry of a ledger that kept them) to `file` in 1 MiB blocks (a
// national ledger is ~100 MB); false on I/O error. write_run_outputs calls it; public for
// bench/bench_write.cpp.
bool write_ledger_csv(const RunReport& report, std::FILE* file);

// The readable summary printed by `coachsim run`.
std::string terminal_summary(const RunReport& report);

// summary.json's text, for `--format json`.
std::string run_summary_json(const RunReport& report);

// Problems found in input as JSON: {"input": name, "valid": false, "errors": [{file, line,
// column, field, message}, ...]}; with no errors, {"input": name, "valid": true, ...}.
std::string load_errors_json(const std::string& input,
                             const std::vector<scenario::LoadError>& errors);

// Names used in outputs for population entities.
std::string coach_name(std::uint32_t coach);            // "coach-00042"
std::string supervisor_name(std::uint32_t supervisor);  // "supervisor-0007"

}  // namespace coachsim::report
