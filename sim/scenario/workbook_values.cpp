// Scenario values <-> cell values (workbook_values.hpp).
#include "workbook_values.hpp"

#include <charconv>
#include <cmath>

namespace coachsim::scenario::detail {

std::optional<double> exact_number(std::string_view text) {
  std::size_t i = text.size() > 0 && text[0] == '-' ? 1 : 0;
  const std::size_t digits_from = i;
  int significant = 0;
  bool seen_nonzero = false;
  bool point = false;
  std::size_t int_digits = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (!point) ++int_digits;
    if (c != '0') seen_nonzero = true;
    if (seen_nonzero) ++significant;
  }
  if (int_digits == 0 || text.back() == '.') return std::nullopt;
  if (int_digits > 1 && text[digits_from] == '0') return std::nullopt;  // "007": an id
  if (significant > 15) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  if (value == 0 && text[0] == '-') return std::nullopt;  // "-0" would come back as "0"
  return value;
}

std::optional<NumberWithUnit> split_unit(std::string_view text) {
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos || space + 1 >= text.size()) return std::nullopt;
  const char first = text[space + 1];
  const bool letter = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
  if (!letter) return std::nullopt;
  const std::string_view unit = text.substr(space + 1);
  if (unit.find(' ') != std::string_view::npos) return std::nullopt;
  auto number = exact_number(text.substr(0, space));
  if (!number) return std::nullopt;
  return NumberWithUnit{*number, std::string(unit)};
}

std::string number_text(double value) {
  char buffer[400];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return std::string(buffer, result.ptr);
}

}  // namespace coachsim::scenario::detail
