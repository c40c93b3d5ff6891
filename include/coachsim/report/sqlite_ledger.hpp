// Writing a run's ledger and results to an SQLite database (one file per run), for auditors
// who want to query every entry with its provenance. Schema documented in the README
// ("A ledger auditors can query").
#pragma once

#include <string>

#include "coachsim/report/run_report.hpp"

namespace coachsim::report {

// Writes the database to `path` (replacing it) via a temporary file renamed at the end, so a
// failure leaves no half-written database. REQUIRES: the ledger kept its entries. Throws
// std::runtime_error naming the file on failure.
// `scenario_text` is the scenario YAML as it was read, stored so the database alone says what
// was run.
void write_sqlite(const RunReport& report, const std::string& path,
                  const std::string& scenario_text);

}  // namespace coachsim::report
