// The HTML report of one run: a single self-contained file with charts (Vega-Lite specs
// rendered by Vega, both inlined) and, under each chart, a table with the same numbers.
//
// Charts, for the last school year unless noted: cost per teacher by region with the mean and
// the ±1 and ±2 SD bands; cost per teacher against teachers per coach, one point per region;
// cost by category stacked by region; spending accrued by month (every year, national); and
// compliance and coverage by region against the 100% target. The file opens offline and
// prints (a print stylesheet puts each chart on its own page).
#pragma once

#include <string>

#include "coachsim/report/run_report.hpp"

namespace coachsim::report {

// The report's HTML text. Throws std::runtime_error when !html_available().
std::string html_report(const RunReport& report);

// Writes html_report(report) to `path` through a temporary file in the same folder, renamed
// into place at the end. Throws std::runtime_error naming the file on any failure (then `path`
// is left as it was), or when !html_available().
void write_html(const RunReport& report, const std::string& path);

// False when the build had no chart libraries (npm was unavailable when CMake ran, see
// cmake/html_assets.cmake): then html_report and write_html throw.
bool html_available();

}  // namespace coachsim::report
