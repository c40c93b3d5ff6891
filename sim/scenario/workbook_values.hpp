// How one scenario value is written in a cell and read back (workbook.hpp): "2830 PEN/month"
// is the number 2830 under a "(PEN/month)" header; numbers go through the text the YAML would
// hold, so a value read back is the value written. Private to the scenario module.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace coachsim::scenario::detail {

// The number of a decimal text written the way a cell keeps it exactly: digits with an
// optional sign and fraction, at most 15 significant digits, no leading zeros ("007" stays
// text). Nothing otherwise.
std::optional<double> exact_number(std::string_view text);

// "2830 PEN/month" -> number 2830 and unit "PEN/month"; nothing when the text is not a number
// followed by one space and a unit that starts with a letter.
struct NumberWithUnit {
  double number = 0;
  std::string unit;
};
std::optional<NumberWithUnit> split_unit(std::string_view text);

// The text a cell's number stands for: shortest, never in exponent form ("1000000", "0.35").
std::string number_text(double value);

}  // namespace coachsim::scenario::detail
