#include "coachsim/scenario/csv_dialect.hpp"

#include <cctype>
#include <vector>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/scenario/csv.hpp"

namespace coachsim::scenario {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr int kRowsForDecimals = 200;  // data rows looked at for decimal commas

std::size_t count_outside_quotes(std::string_view line, char c) {
  std::size_t n = 0;
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') quoted = !quoted;
    n += (!quoted && ch == c) ? 1 : 0;
  }
  return n;
}

// "12,5", "-0,25", ",5": digits around exactly one comma.
bool comma_decimal(const std::string& f) {
  std::size_t i = (f.size() > 0 && (f[0] == '-' || f[0] == '+')) ? 1 : 0;
  std::size_t commas = 0, digits_after = 0;
  for (; i < f.size(); ++i) {
    if (f[i] == ',') {
      ++commas;
    } else if (std::isdigit(static_cast<unsigned char>(f[i]))) {
      digits_after += commas == 1 ? 1 : 0;
    } else {
      return false;
    }
  }
  return commas == 1 && digits_after > 0;
}

}  // namespace

std::string CsvDialect::describe() const {
  std::string out =
      std::string("separator '") + separator + "', decimal " + (decimal == ',' ? "comma" : "point");
  if (bom) out += ", UTF-8 byte-order mark";
  return out;
}

std::string CsvDialect::describe_translated() const {
  const std::string sep(1, separator);
  std::string out = decimal == ',' ? trf("separator '{0}', decimal comma", {sep})
                                   : trf("separator '{0}', decimal point", {sep});
  if (bom) out += ", " + tr("UTF-8 byte-order mark");
  return out;
}

CsvDialect detect_csv_dialect(std::string_view text) {
  CsvDialect d;
  if (text.substr(0, kBom.size()) == kBom) {
    d.bom = true;
    text.remove_prefix(kBom.size());
  }
  std::size_t at = 0;
  bool header = true;
  int rows = 0;
  std::vector<std::string> fields;
  while (at < text.size() && rows < kRowsForDecimals) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (header) {
      header = false;
      if (count_outside_quotes(line, ';') > count_outside_quotes(line, ',')) d.separator = ';';
      if (d.separator == ',') return d;  // a decimal comma cannot stand unquoted in it
      continue;
    }
    ++rows;
    split_csv_line(line, fields, d.separator);
    for (const std::string& f : fields) {
      if (comma_decimal(f)) {
        d.decimal = ',';
        return d;
      }
    }
  }
  return d;
}

std::string decimal_point(const std::string& field, const CsvDialect& dialect) {
  if (dialect.decimal != ',' || !comma_decimal(field)) return field;
  std::string out = field;
  out[out.find(',')] = '.';
  return out;
}

}  // namespace coachsim::scenario
