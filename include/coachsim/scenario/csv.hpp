// Splitting CSV lines (RFC 4180 quoting), shared by every CSV input coachsim reads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace coachsim::scenario {

// Splits one CSV line into fields trimmed of surrounding blanks; double quotes protect commas
// and "" is a quote. Returns false on an unterminated quote.
bool split_csv_line(std::string_view line, std::vector<std::string>& fields);

}  // namespace coachsim::scenario
