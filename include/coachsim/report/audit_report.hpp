// Rendering an audit: CSV tables, findings and the terminal summary.
#pragma once

#include <string>
#include <vector>

#include "coachsim/audit/audit.hpp"

namespace coachsim::report {

// Writes audit_regions.csv, audit_gaps.csv, audit_spread.csv, audit_regression.csv,
// audit_residuals.csv and findings.txt into `dir`, all or nothing. Throws std::runtime_error
// naming the file on failure.
void write_audit_outputs(const std::vector<audit::YearAudit>& audit, const std::string& dir);

std::string audit_summary(const std::vector<audit::YearAudit>& audit);

}  // namespace coachsim::report
