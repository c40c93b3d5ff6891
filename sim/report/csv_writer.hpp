// Private to the report module: a small, fast CSV row builder (RFC 4180 quoting).
#pragma once

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "coachsim/units/parse.hpp"

namespace coachsim::report {

class CsvWriter {
 public:
  explicit CsvWriter(std::string& out) : out_(out) {}

  CsvWriter& text(std::string_view s) {
    sep();
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
      out_.append(s);
    } else {
      out_.push_back('"');
      for (char c : s) {
        if (c == '"') out_.push_back('"');
        out_.push_back(c);
      }
      out_.push_back('"');
    }
    return *this;
  }
  CsvWriter& integer(std::int64_t v) {
    sep();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
    return *this;
  }
  // Céntimos as a decimal amount with two places, e.g. 123456 -> 1234.56.
  CsvWriter& money(std::int64_t centimos) { return text(units::format_centimos(centimos)); }
  // A decimal number with `places` places.
  CsvWriter& fixed(double v, int places) {
    sep();
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, places);
    out_.append(buf, r.ptr);
    return *this;
  }
  // A quantity in plain decimal notation (never "2e+12"), at most 6 decimals, trailing zeros
  // dropped: quantities are short decimals (0.1 km, whole days, shares like 0.03).
  CsvWriter& number(double v) {
    sep();
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 6);
    char* end = r.ptr;
    while (end > buf && end[-1] == '0') --end;
    if (end > buf && end[-1] == '.') --end;
    out_.append(buf, end);
    return *this;
  }
  void end_row() {
    out_.push_back('\n');
    first_ = true;
  }

 private:
  void sep() {
    if (!first_) out_.push_back(',');
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

}  // namespace coachsim::report
