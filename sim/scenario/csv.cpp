#include "coachsim/scenario/csv.hpp"

#include "text_util.hpp"

namespace coachsim::scenario {

bool split_csv_line(std::string_view line, std::vector<std::string>& fields, char separator) {
  fields.clear();
  std::string current;
  bool in_quotes = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        current += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        current += c;
      }
    } else if (c == '"') {
      in_quotes = true;
    } else if (c == separator) {
      fields.push_back(detail::trim(current));
      current.clear();
    } else {
      current += c;
    }
  }
  fields.push_back(detail::trim(current));
  return !in_quotes;
}

}  // namespace coachsim::scenario
