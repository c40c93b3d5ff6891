// `--set PATH=VALUE`: one value of a scenario changed from the command line, with the field
// paths of `uncertainty:` (docs/uncertainty.md), e.g. `regions[Loreto].coaches=352` or
// `coach.monthly_fee=4200 PEN/month`. The value is written into the parsed document before it
// is loaded, so it is checked exactly as if the file said it (units, ranges, unknown keys).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace coachsim::scenario {

struct SetValue {
  std::string argument;  // as given, e.g. "regions[Loreto].coaches=352"
  std::string path;      // e.g. "regions[Loreto].coaches"
  std::string value;     // e.g. "352"
};

// Splits "PATH=VALUE" at its first '=' (outside brackets); nullopt and `error` set when there is
// no '=' or the path is empty.
std::optional<SetValue> parse_set_argument(const std::string& argument, std::string& error);

// What a load reads besides the scenario file.
struct LoadOptions {
  std::vector<SetValue> sets;
  // CSV text standing for a region's `schools_csv:` name instead of a file (the Schools sheet
  // of an input workbook, workbook.hpp).
  std::map<std::string, std::string> schools_csv_texts;
};

}  // namespace coachsim::scenario
