#include "coachsim/report/csv_output.hpp"

#include <cctype>

namespace coachsim::report {

namespace {

CsvOutput& store() {
  static CsvOutput output;
  return output;
}

// "-12.50", "3", "0.25": a number as the writers print it (never exponents or groupings).
bool is_number(std::string_view f) {
  std::size_t i = !f.empty() && f[0] == '-' ? 1 : 0;
  if (i == f.size()) return false;
  bool point = false;
  for (; i < f.size(); ++i) {
    if (f[i] == '.' && !point) {
      point = true;
    } else if (!std::isdigit(static_cast<unsigned char>(f[i]))) {
      return false;
    }
  }
  return f.back() != '.';
}

void put_field(std::string& out, std::string_view raw, bool quoted, char separator) {
  if (quoted) {  // raw is the content between the quotes, "" still doubled
    out.push_back('"');
    out.append(raw);
    out.push_back('"');
  } else if (separator == ';' && is_number(raw)) {
    for (char c : raw) out.push_back(c == '.' ? ',' : c);
  } else if (raw.find(separator) != std::string_view::npos) {
    out.push_back('"');
    out.append(raw);
    out.push_back('"');
  } else {
    out.append(raw);
  }
}

}  // namespace

void set_csv_output(const CsvOutput& output) { store() = output; }
const CsvOutput& csv_output() { return store(); }

std::string convert_csv(std::string_view csv, const CsvOutput& output) {
  std::string out;
  out.reserve(csv.size() + 3);
  if (output.bom) out.append("\xEF\xBB\xBF");
  if (output.separator == ',') {
    out.append(csv);
    return out;
  }
  std::size_t i = 0;
  while (i < csv.size()) {
    // One field, quoted or not, then its terminator (',', '\n' or the end).
    bool quoted = false;
    std::size_t start = i, end = i;
    if (csv[i] == '"') {
      quoted = true;
      start = ++i;
      while (i < csv.size()) {
        if (csv[i] == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
          i += 2;
        } else if (csv[i] == '"') {
          break;
        } else {
          ++i;
        }
      }
      end = i;
      if (i < csv.size()) ++i;  // the closing quote
    }
    while (i < csv.size() && csv[i] != ',' && csv[i] != '\n') ++i;
    if (!quoted) end = i;
    put_field(out, csv.substr(start, end - start), quoted, output.separator);
    if (i < csv.size()) {
      out.push_back(csv[i] == ',' ? output.separator : '\n');
      ++i;
    }
  }
  return out;
}

}  // namespace coachsim::report
