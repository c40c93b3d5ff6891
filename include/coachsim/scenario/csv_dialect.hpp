// The convention an input CSV (schools, actuals) is written in, detected from the file: Excel in
// a Spanish (Peruvian) locale saves `;`-separated files with decimal commas, and often a UTF-8
// byte-order mark; elsewhere `,` and decimal points. Both are read; the dialect is reported.
#pragma once

#include <string>
#include <string_view>

namespace coachsim::scenario {

struct CsvDialect {
  char separator = ',';
  char decimal = '.';
  bool bom = false;
  // The plain convention (',' and '.', no BOM): the outputs then do not mention it.
  bool plain() const { return separator == ',' && decimal == '.' && !bom; }
  // e.g. "separator ';', decimal comma, UTF-8 byte-order mark"
  std::string describe() const;
  // The same in the language chosen by --lang, for the terminal; describe() stays English for
  // the provenance that files record.
  std::string describe_translated() const;
};

// The separator is the one of ',' and ';' that splits the header row (the first non-blank line)
// into more fields, outside double quotes (',' on a tie). With ';', decimals are commas when a
// field of the first data rows is a number written with one (e.g. 12,5), else points.
CsvDialect detect_csv_dialect(std::string_view text);

// A number field in the point convention: "12,5" -> "12.5" under a decimal comma; anything else
// is returned unchanged (so a malformed value is reported as written).
std::string decimal_point(const std::string& field, const CsvDialect& dialect);

}  // namespace coachsim::scenario
