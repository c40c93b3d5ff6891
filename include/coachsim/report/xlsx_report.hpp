// The Excel workbook of one run (`coachsim run --xlsx FILE`), for finance officers.
//
// Sheets: Summary (how to read the workbook, national figures per year), By region and year
// (the columns of regions.csv), By category, PpR execution (physical and financial targets
// against what was achieved, spending accrued by month), Budget (with a budget: PIA, PIM,
// devengado per region and year), Regional variance (Sempé 2015, Table 22), Ledger by month
// (the entries summed by region, category and month), Ledger (every entry, up to a cap; only
// with XlsxOptions::full_ledger) and Scenario inputs (sources and the scenario file).
// Numbers are written as numbers with number formats (money in the scenario currency,
// percentages as fractions), header rows are bold and frozen, tables have autofilters.
#pragma once

#include <cstddef>
#include <string>

#include "coachsim/report/run_report.hpp"

namespace coachsim::report {

struct XlsxOptions {
  // Also write every ledger entry as a sheet (`run --xlsx-ledger`). Off by default: the
  // default's 890,000 entries make a 59 MB workbook that takes minutes to open; ledger.csv and
  // the SQLite file hold them, and "Ledger by month" sums them.
  bool full_ledger = false;
  // Ledger rows written at most (Excel holds 1,048,576 rows a sheet); the rest are counted in
  // a note row.
  std::size_t ledger_row_cap = 1'000'000;
};

// Writes the workbook to `path` via a temporary file in the same folder, renamed into place at
// the end (no half-written file is left behind); throws std::runtime_error naming the file on
// failure. `scenario_text` is the scenario YAML as it was run (listed on "Scenario inputs").
void write_xlsx(const RunReport& report, const std::string& path, const std::string& scenario_text);
void write_xlsx(const RunReport& report, const std::string& path, const std::string& scenario_text,
                const XlsxOptions& options);

}  // namespace coachsim::report
