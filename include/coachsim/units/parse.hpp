// Parsing quantities written as text in scenario files, e.g. "4500 PEN/month", "35 km",
// "2.5 h", "3 days", "45.50 PEN/participant-day", "25 km/h".
//
// `parse_quantity` recognises the number and the unit expression and returns the dimension it
// found; the typed `as_*` helpers check that dimension against the one a field expects. Errors
// are values: a `ParseError` says what was expected and what was found, in words a user can
// act on; the scenario loader adds file, line, column and field.
//
// This module knows nothing about YAML or scenarios.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "coachsim/units/quantities.hpp"

namespace coachsim::units {

// What kind of quantity a text denotes.
enum class Kind {
  kMoney,                   // "120 PEN"
  kDays,                    // "3 days", "1 day", "3 d"
  kHours,                   // "2.5 h", "3 hours"
  kMonths,                  // "11 months"
  kKm,                      // "35 km"
  kKmPerHour,               // "25 km/h"
  kMoneyPerMonth,           // "4500 PEN/month"
  kMoneyPerDay,             // "120 PEN/day"
  kMoneyPerKm,              // "0.85 PEN/km"
  kMoneyPerParticipant,     // "60 PEN/participant"
  kMoneyPerParticipantDay,  // "45 PEN/participant-day"
  kDimensionless,           // "0.25" (a plain number)
};

// Human description of a kind with an example, e.g. "money per month (e.g. '4500 PEN/month')".
// Examples use PEN; parse_expecting's messages use the scenario currency instead.
std::string describe(Kind kind);

struct ParsedQuantity {
  Kind kind = Kind::kDimensionless;
  double value = 0.0;         // the number as written (for money kinds: in currency units)
  std::int64_t centimos = 0;  // money kinds only: the exact amount in céntimos
};

struct ParseError {
  std::string message;  // e.g. "unknown unit 'PEM' (expected e.g. 'PEN/month')", translated
  // A well-formed number beyond the limits (README "Limits"): callers that report their own
  // limit ask this rather than look for words in the message, which may be Spanish.
  bool too_large = false;
};

// Parses `text` with `currency` as the accepted currency code (e.g. "PEN"). Money amounts may
// have at most two decimals (céntimos); more is an error, never silently rounded.
std::variant<ParsedQuantity, ParseError> parse_quantity(std::string_view text,
                                                        std::string_view currency);

// Parses and checks the kind in one step; on a mismatch the error says
// "expected <describe(expected)>, got '<text>' (<what was found>)", e.g.
// "expected money per month (e.g. '4500 PEN/month'), got '35 km' (a distance in km)".
// When the unit itself is wrong or missing, the parse error is followed by
// "; the field expects <describe(expected)>".
std::variant<ParsedQuantity, ParseError> parse_expecting(std::string_view text, Kind expected,
                                                         std::string_view currency);

// Formats céntimos as a decimal with two places and no separators, e.g. -12345 -> "-123.45".
std::string format_centimos(std::int64_t centimos);

// Formats céntimos for people: thousands separators, two places, e.g. "1,234,567.89".
std::string format_centimos_grouped(std::int64_t centimos);

}  // namespace coachsim::units
