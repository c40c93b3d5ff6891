// CLI11's parse errors in the chosen language (see parse_error_text.hpp). The flag and the values
// are read back from CLI11's English message, whose forms are fixed by its version (2.1).
#include "parse_error_text.hpp"

#include <cstdlib>
#include <string_view>

#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"

namespace coachsim::cli {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// CLI11's names of value types, as the translated help shows them.
std::string type_label(const std::string& type) {
  if (type == "TEXT") return tr("TEXT");
  if (type == "INT") return tr("INT");
  if (type == "UINT") return tr("UINT");
  if (type == "FLOAT") return tr("FLOAT");
  return type;
}

// "0.000000" -> "0": CLI11 prints a range's ends with six decimals.
std::string plain_number(std::string n) {
  if (n.find('.') == std::string::npos) return n;
  while (!n.empty() && n.back() == '0') n.pop_back();
  if (!n.empty() && n.back() == '.') n.pop_back();
  return n;
}

// "NAME: REST" -> {NAME, REST}; NAME empty when the message has no "--flag: " prefix.
std::pair<std::string, std::string> flag_and_rest(const std::string& what) {
  const std::size_t colon = what.find(": ");
  if (colon == std::string::npos || what[0] != '-') return {"", what};
  return {what.substr(0, colon), what.substr(colon + 2)};
}

// A validator's message: CLI::IsMember ("x not in {a,b}") and CLI::Range / NonNegativeNumber
// ("Value x not in range 0.000000 to 1.79e308").
std::string validation(const std::string& flag, const std::string& rest) {
  if (starts_with(rest, "Value ")) {
    const std::size_t at = rest.find(" not in range ");
    const std::size_t to = rest.find(" to ", at == std::string::npos ? 0 : at);
    if (at != std::string::npos && to != std::string::npos) {
      const std::string value = rest.substr(6, at - 6);
      const std::string low = plain_number(rest.substr(at + 14, to - at - 14));
      const std::string high_text = rest.substr(to + 4);
      if (std::strtod(high_text.c_str(), nullptr) > 1e300)
        return trf("{0}: expected a number of at least {1}, got '{2}'", {flag, low, value});
      return trf("{0}: expected a number from {1} to {2}, got '{3}'",
                 {flag, low, plain_number(high_text), value});
    }
  }
  const std::size_t not_in = rest.find(" not in {");
  if (not_in != std::string::npos && rest.back() == '}') {
    const std::string members = rest.substr(not_in + 9, rest.size() - not_in - 10);
    return trf("{0}: expected one of {{{1}}, got '{2}'", {flag, members, rest.substr(0, not_in)});
  }
  return "";
}

std::string mismatch(const std::string& flag, const std::string& rest) {
  // "1 required TEXT missing": the flag was given without its value.
  if (const std::size_t at = rest.find(" required ");
      at != std::string::npos && rest.size() > 8 &&
      rest.compare(rest.size() - 8, 8, " missing") == 0) {
    const std::string type = rest.substr(at + 10, rest.size() - 8 - at - 10);
    return trf("{0}: the value is missing (expected {1})", {flag, type_label(type)});
  }
  // "At Most 1 required but received 2": a flag given more often than it may be.
  if (starts_with(rest, "At Most ")) {
    const std::size_t received = rest.find(" required but received ");
    if (received == std::string::npos) return "";
    const std::string most = rest.substr(8, received - 8), given = rest.substr(received + 23);
    return most == "1" ? trf("{0}: given {1} times; it takes one value", {flag, given})
                       : trf("{0}: expected at most {1} values, got {2}", {flag, most, given});
  }
  if (starts_with(rest, "At least ")) {
    const std::size_t received = rest.find(" required but received ");
    if (received != std::string::npos)
      return trf("{0}: expected at least {1} values, got {2}",
                 {flag, rest.substr(9, received - 9), rest.substr(received + 23)});
  }
  return "";
}

}  // namespace

std::string translated_parse_error(const CLI::ParseError& e) {
  if (i18n::language() == "en") return "";
  const std::string what = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    for (const char* prefix : {"The following argument was not expected: ",
                               "The following arguments were not expected: "}) {
      if (!starts_with(what, prefix)) continue;
      const std::string extras = what.substr(std::string_view(prefix).size());
      return starts_with(what, "The following argument was")
                 ? trf("unexpected argument: {0}", {extras})
                 : trf("unexpected arguments: {0}", {extras});
    }
    return "";
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    if (what == "A subcommand is required")
      return tr(
          "a command is required: run, validate, audit, compare, sweep, optimise or "
          "template");
    const std::string suffix = " is required";
    if (what.size() > suffix.size() &&
        what.compare(what.size() - suffix.size(), suffix.size(), suffix) == 0)
      return trf("{0} is required", {what.substr(0, what.size() - suffix.size())});
    return "";
  }
  if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
    if (starts_with(what, "Could not convert: ")) {
      const std::string rest = what.substr(19);
      const std::size_t eq = rest.find(" = ");
      if (eq != std::string::npos)
        return trf("{0}: cannot read '{1}' as its value",
                   {rest.substr(0, eq), rest.substr(eq + 3)});
    }
    return "";
  }
  const auto [flag, rest] = flag_and_rest(what);
  if (flag.empty()) return "";
  if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) return validation(flag, rest);
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) return mismatch(flag, rest);
  return "";
}

}  // namespace coachsim::cli
