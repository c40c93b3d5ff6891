// Splitting CSV lines (RFC 4180 quoting), shared by every CSV input coachsim reads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace coachsim::scenario {

// Splits one CSV line into fields trimmed of surrounding blanks; double quotes protect
// separators and "" is a quote. Returns false on an unterminated quote. `separator` is ',' or,
// for files saved by Excel in a Spanish locale, ';' (csv_dialect.hpp detects it).
bool split_csv_line(std::string_view line, std::vector<std::string>& fields, char separator = ',');

}  // namespace coachsim::scenario
