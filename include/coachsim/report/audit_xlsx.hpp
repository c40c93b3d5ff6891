// The Excel workbook of an audit (`coachsim audit --xlsx FILE`).
#pragma once

#include <string>
#include <vector>

#include "coachsim/audit/audit.hpp"

namespace coachsim::report {

// Sheets: Findings, Spread (Tables 17 and 22 layout), Regions (ratios, z-scores, flags, gap),
// Gaps by category (price, quantity, rest), Regression. Written through a temporary file;
// throws std::runtime_error naming the file on failure.
void write_audit_xlsx(const std::vector<audit::YearAudit>& audit, const std::string& path,
                      const std::string& currency);

}  // namespace coachsim::report
