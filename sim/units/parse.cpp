// Parsing quantities written as text: see include/coachsim/units/parse.hpp.
#include "coachsim/units/parse.hpp"

#include "coachsim/i18n/tr.hpp"
#include "coachsim/units/checked.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <variant>
#include <vector>

namespace coachsim::units {

namespace {

using Result = std::variant<ParsedQuantity, ParseError>;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

std::string quoted(std::string_view s) {
  // Built by appending: GCC 12 warns falsely (-Wrestrict) about "'" + std::string + "'" at -O3.
  std::string out;
  out.reserve(s.size() + 2);
  out += '\'';
  out += s;
  out += '\'';
  return out;
}

std::string cat(std::string_view a, std::string_view b) { return std::string(a) + std::string(b); }

bool is_money_kind(Kind kind) {
  switch (kind) {
    case Kind::kMoney:
    case Kind::kMoneyPerMonth:
    case Kind::kMoneyPerDay:
    case Kind::kMoneyPerKm:
    case Kind::kMoneyPerParticipant:
    case Kind::kMoneyPerParticipantDay:
      return true;
    default:
      return false;
  }
}

// --- unit spellings --------------------------------------------------------------------------

struct Spelling {
  std::string text;
  Kind kind;
};

std::vector<Spelling> spellings(std::string_view currency) {
  return {
      {"day", Kind::kDays},
      {"days", Kind::kDays},
      {"d", Kind::kDays},
      {"h", Kind::kHours},
      {"hour", Kind::kHours},
      {"hours", Kind::kHours},
      {"month", Kind::kMonths},
      {"months", Kind::kMonths},
      {"km", Kind::kKm},
      {"km/h", Kind::kKmPerHour},
      {std::string(currency), Kind::kMoney},
      {cat(currency, "/month"), Kind::kMoneyPerMonth},
      {cat(currency, "/day"), Kind::kMoneyPerDay},
      {cat(currency, "/km"), Kind::kMoneyPerKm},
      {cat(currency, "/participant"), Kind::kMoneyPerParticipant},
      {cat(currency, "/participant-day"), Kind::kMoneyPerParticipantDay},
  };
}

std::optional<Kind> lookup_unit(std::string_view unit, std::string_view currency) {
  if (unit.empty()) return Kind::kDimensionless;
  for (const Spelling& s : spellings(currency)) {
    if (s.text == unit) return s.kind;
  }
  return std::nullopt;
}

// Common near-misses and the accepted spelling to suggest instead (currency written as "$").
const std::vector<std::pair<std::string_view, std::string_view>>& near_misses() {
  static const std::vector<std::pair<std::string_view, std::string_view>> table = {
      {"kms", "km"},
      {"kilometre", "km"},
      {"kilometres", "km"},
      {"kilometer", "km"},
      {"kilometers", "km"},
      {"hr", "h"},
      {"hrs", "h"},
      {"mo", "month"},
      {"mos", "months"},
      {"dia", "day"},
      {"dias", "days"},
      {"días", "days"},
      {"kph", "km/h"},
      {"kmh", "km/h"},
      {"km/hr", "km/h"},
      {"km/hour", "km/h"},
      {"$/months", "$/month"},
      {"$/days", "$/day"},
      {"$/participants", "$/participant"},
      {"$/participant-days", "$/participant-day"},
      {"$/participant/day", "$/participant-day"},
      {"$/participantday", "$/participant-day"},
      {"$/participant_day", "$/participant-day"},
      {"$/person", "$/participant"},
      {"$/person-day", "$/participant-day"},
  };
  return table;
}

std::string with_currency(std::string_view pattern, std::string_view currency) {
  std::string out;
  for (char c : pattern) {
    if (c == '$') {
      out += currency;
    } else {
      out += c;
    }
  }
  return out;
}

// The accepted spelling the user probably meant, if any.
std::optional<std::string> suggest_unit(std::string_view unit, std::string_view currency) {
  const std::string unit_lower = lower(unit);
  for (const Spelling& s : spellings(currency)) {
    if (lower(s.text) == unit_lower) return s.text;
  }
  for (const auto& [wrong, right] : near_misses()) {
    if (lower(with_currency(wrong, currency)) == unit_lower) return with_currency(right, currency);
  }
  return std::nullopt;
}

// Accepts "PEN / month" as "PEN/month": whitespace next to a slash is dropped.
std::string normalise_unit(std::string_view unit) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = unit.find('/', start);
    out += trim(unit.substr(start, slash == std::string_view::npos ? unit.npos : slash - start));
    if (slash == std::string_view::npos) break;
    out += '/';
    start = slash + 1;
  }
  return out;
}

// --- descriptions ----------------------------------------------------------------------------
// The messages are translated here (tr, trf: --lang es), not by the scenario loader that wraps
// them: the module sits above coachsim_i18n, which depends on nothing (CMakeLists.txt), so the
// dependency points downwards, and a ParseError stays a finished sentence its callers can show
// as is. Unit spellings ('PEN/month', 'km', 'days') and examples are scenario syntax and stay
// untranslated inside the messages.

std::string example(Kind kind, std::string_view currency) {
  const std::string cur(currency);
  switch (kind) {
    case Kind::kMoney:
      return "120 " + cur;
    case Kind::kDays:
      return "3 days";
    case Kind::kHours:
      return "2.5 h";
    case Kind::kMonths:
      return "11 months";
    case Kind::kKm:
      return "35 km";
    case Kind::kKmPerHour:
      return "25 km/h";
    case Kind::kMoneyPerMonth:
      return "4500 " + cur + "/month";
    case Kind::kMoneyPerDay:
      return "120 " + cur + "/day";
    case Kind::kMoneyPerKm:
      return "0.85 " + cur + "/km";
    case Kind::kMoneyPerParticipant:
      return "60 " + cur + "/participant";
    case Kind::kMoneyPerParticipantDay:
      return "45 " + cur + "/participant-day";
    case Kind::kDimensionless:
      return "0.25";
  }
  return "?";
}

// What a text turned out to be, e.g. "a distance in km".
std::string noun(Kind kind) {
  switch (kind) {
    case Kind::kMoney:
      return tr("an amount of money");
    case Kind::kDays:
      return tr("a number of days");
    case Kind::kHours:
      return tr("a duration in hours");
    case Kind::kMonths:
      return tr("a duration in months");
    case Kind::kKm:
      return tr("a distance in km");
    case Kind::kKmPerHour:
      return tr("a speed in km/h");
    case Kind::kMoneyPerMonth:
      return tr("money per month");
    case Kind::kMoneyPerDay:
      return tr("money per day");
    case Kind::kMoneyPerKm:
      return tr("money per km");
    case Kind::kMoneyPerParticipant:
      return tr("money per participant");
    case Kind::kMoneyPerParticipantDay:
      return tr("money per participant-day");
    case Kind::kDimensionless:
      return tr("a plain number without unit");
  }
  return tr("an unknown kind of quantity");
}

// What a field expects, e.g. "money per month (e.g. '4500 PEN/month')".
std::string describe_in(Kind kind, std::string_view currency) {
  std::string what;
  switch (kind) {
    case Kind::kMoney:
      what = tr("money");
      break;
    case Kind::kHours:
      what = tr("hours");
      break;
    case Kind::kMonths:
      what = tr("months");
      break;
    default:
      what = noun(kind);
      break;
  }
  return trf("{0} (e.g. {1})", {what, quoted(example(kind, currency))});
}

std::string expected_units(std::string_view currency) {
  return trf("(expected e.g. {0}, 'km', 'h', 'days')", {quoted(cat(currency, "/month"))});
}

std::string rate_list(std::string_view currency) {
  return trf("'{0}/month', '{0}/day', '{0}/km', '{0}/participant' or '{0}/participant-day'",
             {currency});
}

// The largest value one input of a kind may hold (README "Limits"): far beyond any programme
// (a century of days, a thousand times the Andes' widest crossing) and small enough that the
// run's products of them with counts stay exact in doubles and fit its integer clocks.
double largest(Kind kind) {
  switch (kind) {
    case Kind::kDays:
    case Kind::kHours:
      return 36500;
    case Kind::kMonths:
      return 1200;
    case Kind::kKm:
      return 1e6;
    case Kind::kKmPerHour:
      return 1e4;
    default:
      return 1e12;
  }
}

std::string format_limit(double limit) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f", limit);
  return text;
}

// --- parsing ---------------------------------------------------------------------------------

struct Failure {
  std::string message;
  bool about_unit = false;  // the unit (or the missing number before it) is the problem
  bool too_large = false;   // a well-formed number beyond the limits (ParseError::too_large)
};

using Internal = std::variant<ParsedQuantity, Failure>;

Failure unit_failure(std::string message) { return Failure{std::move(message), true}; }
Failure number_failure(std::string message) { return Failure{std::move(message), false}; }
Failure too_large_failure(std::string message) { return Failure{std::move(message), false, true}; }

// "4,500" or "1,234,567.89": digit groups of three after the first comma.
bool looks_like_grouping(std::string_view token) {
  const std::size_t dot = token.find('.');
  const std::string_view whole = token.substr(0, dot);
  if (dot != std::string_view::npos && token.find_first_not_of("0123456789", dot + 1) != token.npos)
    return false;
  std::size_t pos = whole.find(',');
  if (pos == 0 || pos > 3) return false;
  while (pos != std::string_view::npos) {
    const std::size_t next = whole.find(',', pos + 1);
    const std::size_t group_end = next == std::string_view::npos ? whole.size() : next;
    if (group_end - pos - 1 != 3) return false;
    pos = next;
  }
  return true;
}

std::string without(std::string_view s, char drop) {
  std::string out;
  for (char c : s) {
    if (c != drop) out += c;
  }
  return out;
}

// The message for a comma inside a number; `token` is the run of digits, commas and points.
Failure comma_failure(std::string_view text, std::string_view sign, std::string_view token,
                      std::string_view after) {
  if (looks_like_grouping(token)) {
    const std::string fixed = cat(sign, without(token, ',')) + std::string(after);
    return number_failure(trf("thousands separators are not allowed in {0} (write {1})",
                              {quoted(text), quoted(fixed)}));
  }
  if (token.find(',') == token.rfind(',') && token.find('.') == std::string_view::npos) {
    std::string decimal(token);
    decimal[decimal.find(',')] = '.';
    const std::string fixed = cat(sign, decimal) + std::string(after);
    return number_failure(trf("decimal commas are not allowed in {0} (use a decimal point: {1})",
                              {quoted(text), quoted(fixed)}));
  }
  return number_failure(
      trf("commas are not allowed in numbers: {0} (write digits with an "
          "optional decimal point, e.g. '4500' or '12.5')",
          {quoted(text)}));
}

// Exact céntimos from the decimal digits; nullopt on overflow.
std::optional<std::int64_t> exact_centimos(std::string_view whole, std::string_view fraction,
                                           bool negative) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t amount = 0;
  for (char c : whole) {
    const int digit = c - '0';
    if (amount > (kMax - digit) / 10) return std::nullopt;
    amount = amount * 10 + digit;
  }
  const int tenths = fraction.size() >= 1 ? fraction[0] - '0' : 0;
  const int hundredths = fraction.size() >= 2 ? fraction[1] - '0' : 0;
  const int cents = tenths * 10 + hundredths;
  if (amount > (kMax - cents) / 100) return std::nullopt;
  amount = amount * 100 + cents;
  return negative ? -amount : amount;
}

Internal parse_internal(std::string_view raw, std::string_view currency) {
  const std::string_view text = trim(raw);
  if (text.empty()) {
    return unit_failure(trf("empty quantity (expected a number with a unit, e.g. {0} or '35 km')",
                            {quoted(example(Kind::kMoneyPerMonth, currency))}));
  }

  // Sign.
  std::size_t pos = 0;
  const bool negative = text[0] == '-';
  if (text[0] == '-' || text[0] == '+') ++pos;
  const std::string_view sign = text.substr(0, pos);

  // Whole part.
  const std::size_t whole_begin = pos;
  while (pos < text.size() && is_digit(text[pos])) ++pos;
  const std::string_view whole = text.substr(whole_begin, pos - whole_begin);

  if (whole.empty()) {
    if (pos + 1 < text.size() && text[pos] == '.' && is_digit(text[pos + 1])) {
      std::size_t end = pos + 1;
      while (end < text.size() && is_digit(text[end])) ++end;
      const std::string fixed =
          cat(sign, "0") + std::string(text.substr(pos, end - pos)) + std::string(text.substr(end));
      return number_failure(
          trf("malformed number in {0}: write a digit before the decimal "
              "point ({1})",
              {quoted(text), quoted(fixed)}));
    }
    const std::string rest = normalise_unit(trim(text.substr(pos)));
    const std::optional<Kind> kind = lookup_unit(rest, currency);
    if (kind && *kind != Kind::kDimensionless) {
      return unit_failure(trf("missing number in {0} (write the number before the unit, e.g. {1})",
                              {quoted(text), quoted(example(*kind, currency))}));
    }
    return unit_failure(
        trf("missing number in {0} (expected a number with a unit, e.g. {1} or "
            "'35 km')",
            {quoted(text), quoted(example(Kind::kMoneyPerMonth, currency))}));
  }

  // Decimal part.
  std::string_view fraction;
  if (pos < text.size() && text[pos] == '.') {
    const std::size_t fraction_begin = ++pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    fraction = text.substr(fraction_begin, pos - fraction_begin);
    if (fraction.empty() && (pos >= text.size() || text[pos] != ',')) {
      const std::string fixed =
          std::string(text.substr(0, pos - 1)) + std::string(text.substr(pos));
      return number_failure(
          trf("malformed number in {0}: write digits after the decimal point "
              "or none at all ({1})",
              {quoted(text), quoted(fixed)}));
    }
  }
  const std::size_t number_end = pos;

  if (pos < text.size() && (text[pos] == ',' || text[pos] == '.')) {
    std::size_t token_end = whole_begin;
    while (token_end < text.size() &&
           (is_digit(text[token_end]) || text[token_end] == ',' || text[token_end] == '.')) {
      ++token_end;
    }
    const std::string_view token = text.substr(whole_begin, token_end - whole_begin);
    if (token.find(',') != std::string_view::npos) {
      return comma_failure(text, sign, token, text.substr(token_end));
    }
    return number_failure(
        trf("malformed number in {0}: more than one decimal point", {quoted(text)}));
  }

  // Unit.
  std::string_view after = text.substr(number_end);
  const bool spaced = !after.empty() && is_space(after.front());
  after = trim(after);
  if (spaced && !after.empty() && is_digit(after.front())) {
    return number_failure(
        trf("spaces are not allowed inside a number: {0} (write the digits "
            "together, e.g. '4500')",
            {quoted(text)}));
  }
  if (!spaced && after.size() >= 2 && (after[0] == 'e' || after[0] == 'E') &&
      (is_digit(after[1]) ||
       ((after[1] == '+' || after[1] == '-') && after.size() >= 3 && is_digit(after[2])))) {
    return number_failure(
        trf("exponents are not allowed in {0} (write the number in full, e.g. "
            "'1000' instead of '1e3')",
            {quoted(text)}));
  }
  const std::string unit = normalise_unit(after);
  const std::optional<Kind> kind = lookup_unit(unit, currency);

  if (!kind) {
    if (const std::optional<std::string> suggestion = suggest_unit(unit, currency)) {
      return unit_failure(trf("unknown unit {0} in {1} {2}",
                              {quoted(unit), quoted(text), expected_units(currency)}) +
                          trf("; did you mean {0}?", {quoted(*suggestion)}));
    }
    const std::size_t slash = unit.find('/');
    const std::string_view head = std::string_view(unit).substr(0, slash);
    const std::string_view tail =
        slash == std::string::npos ? std::string_view() : std::string_view(unit).substr(slash);
    if (head == currency) {
      return unit_failure(trf("unknown unit {0} in {1} (a rate in {2} is {3})",
                              {quoted(unit), quoted(text), currency, rate_list(currency)}));
    }
    if (head.size() == 3 && is_upper(head[0]) && is_upper(head[1]) && is_upper(head[2])) {
      const std::string corrected = cat(currency, tail);
      const bool valid = lookup_unit(corrected, currency).has_value();
      int differences = 0;
      for (std::size_t i = 0; i < head.size(); ++i) {
        if (i >= currency.size() || head[i] != currency[i]) ++differences;
      }
      if (differences == 1 && currency.size() == 3) {
        std::string message = trf("unknown unit {0} in {1} {2}",
                                  {quoted(head), quoted(text), expected_units(currency)});
        if (valid) message += trf("; did you mean {0}?", {quoted(corrected)});
        return unit_failure(std::move(message));
      }
      std::string message = trf("wrong currency {0} in {1}: the scenario currency is {2}",
                                {quoted(head), quoted(text), currency});
      if (valid) {
        message +=
            trf(" (e.g. {0})", {quoted(std::string(text.substr(0, number_end)) + " " + corrected)});
      }
      return unit_failure(std::move(message));
    }
    return unit_failure(
        trf("unknown unit {0} in {1} {2}", {quoted(unit), quoted(text), expected_units(currency)}));
  }

  ParsedQuantity parsed;
  parsed.kind = *kind;

  const std::string_view digits = text.substr(whole_begin, number_end - whole_begin);
  double magnitude = 0.0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude,
                                         std::chars_format::fixed);
  if (ec != std::errc() || end != digits.data() + digits.size()) {
    return too_large_failure(trf("number too large in {0}", {quoted(text)}));
  }
  parsed.value = negative ? -magnitude : magnitude;

  if (is_money_kind(*kind)) {
    if (fraction.size() > 2) {
      return number_failure(trf("money has at most 2 decimals (céntimos): {0}", {quoted(text)}));
    }
    const std::optional<std::int64_t> amount = exact_centimos(whole, fraction, negative);
    if (!amount) {
      return too_large_failure(trf("amount too large in {0}", {quoted(text)}));
    }
    if (*amount > kMaxAmountCentimos || *amount < -kMaxAmountCentimos) {
      return too_large_failure(
          trf("amount too large in {0} (the limit is 1000000000000 {1}, README \"Limits\")",
              {quoted(text), currency}));
    }
    parsed.centimos = *amount;
  } else if (const double limit = largest(*kind); std::abs(parsed.value) > limit) {
    return too_large_failure(
        trf("number too large in {0} (the limit for {1} is {2}, README \"Limits\")",
            {quoted(text), noun(*kind), format_limit(limit)}));
  }
  return parsed;
}

}  // namespace

std::string describe(Kind kind) { return describe_in(kind, "PEN"); }

std::variant<ParsedQuantity, ParseError> parse_quantity(std::string_view text,
                                                        std::string_view currency) {
  Internal result = parse_internal(text, currency);
  if (auto* failure = std::get_if<Failure>(&result))
    return ParseError{std::move(failure->message), failure->too_large};
  return std::get<ParsedQuantity>(result);
}

std::variant<ParsedQuantity, ParseError> parse_expecting(std::string_view text, Kind expected,
                                                         std::string_view currency) {
  Internal result = parse_internal(text, currency);
  if (auto* failure = std::get_if<Failure>(&result)) {
    std::string message = std::move(failure->message);
    if (failure->about_unit) {
      // After "did you mean 'PEN/month'?" a new sentence reads better than "?; ...".
      // (A Spanish question also ends with '?': "¿quiso decir 'PEN/month'?".)
      message +=
          trf(message.ends_with('?') ? N_(" The field expects {0}") : N_("; the field expects {0}"),
              {describe_in(expected, currency)});
    }
    return ParseError{std::move(message), failure->too_large};
  }
  const ParsedQuantity& parsed = std::get<ParsedQuantity>(result);
  if (parsed.kind != expected) {
    return ParseError{trf("expected {0}, got {1} ({2})", {describe_in(expected, currency),
                                                          quoted(trim(text)), noun(parsed.kind)})};
  }
  return parsed;
}

std::string format_centimos(std::int64_t centimos) {
  // Magnitude in unsigned arithmetic so that INT64_MIN formats correctly.
  const std::uint64_t magnitude = centimos < 0
                                      ? std::uint64_t{0} - static_cast<std::uint64_t>(centimos)
                                      : static_cast<std::uint64_t>(centimos);
  std::string out = centimos < 0 ? "-" : "";
  out += std::to_string(magnitude / 100);
  out += '.';
  out += static_cast<char>('0' + magnitude % 100 / 10);
  out += static_cast<char>('0' + magnitude % 10);
  return out;
}

std::string format_centimos_grouped(std::int64_t centimos) {
  const std::string plain = format_centimos(centimos);
  const std::size_t sign = plain[0] == '-' ? 1 : 0;
  const std::size_t dot = plain.find('.');
  const std::string whole = plain.substr(sign, dot - sign);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  return plain.substr(0, sign) + grouped + plain.substr(dot);
}

}  // namespace coachsim::units
