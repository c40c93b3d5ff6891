// The HTML view of an audit (`coachsim audit --html FILE`): one self-contained page like the
// run's report (see html_report.hpp), for the last audited year: cost per teacher by region
// with the mean, the ±1 and ±2 SD bands and the regions flagged at 2 SD; each simulated
// region's gap stacked into price, quantity and rest; the regression's fitted against actual
// cost per teacher with the 45° line (when the regression was estimated); then the findings as
// a numbered list. A table under each chart gives the same numbers.
#pragma once

#include <string>
#include <vector>

#include "coachsim/audit/audit.hpp"

namespace coachsim::report {

// The page's HTML text. Throws std::runtime_error when !html_available().
std::string audit_html(const std::vector<audit::YearAudit>& audit, const std::string& title);

// Writes audit_html(audit, title) to `path` through a temporary file in the same folder,
// renamed into place at the end. Throws std::runtime_error naming the file on any failure (then
// `path` is left as it was), or when !html_available().
void write_audit_html(const std::vector<audit::YearAudit>& audit, const std::string& path,
                      const std::string& title);

}  // namespace coachsim::report
