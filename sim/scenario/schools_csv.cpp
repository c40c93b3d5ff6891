// Schools CSV: header row with named columns in any order, one school per row (see
// schools_csv.hpp and docs/scenario-format.md).
#include "schools_csv.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/scenario/csv.hpp"
#include "coachsim/scenario/input_file.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

// "<field>[<row>]": built only for an error, as the locations are kept by row (CsvLocations).
std::string row_path(const std::string& field, std::size_t row) {
  return field + "[" + std::to_string(row) + "]";
}

class RowReader {
 public:
  RowReader(const std::string& file, int line, const std::string& field, std::size_t row,
            FieldIndex& index, std::vector<LoadError>& errors)
      : file_(file), line_(line), field_(field), row_(row), index_(index), errors_(errors) {}

  std::string field_path(const std::string& column) const {
    return row_path(field_, row_) + "." + column;
  }

  void fail(const std::string& column, int col, std::string message) {
    errors_.push_back(LoadError{file_, line_, col, field_path(column), std::move(message)});
    index_.fail(field_path(column));
  }

  std::optional<bool> boolean(const std::string& column, int col, const std::string& v) {
    const std::string l = lower(v);
    if (l == "true" || l == "1") return true;
    if (l == "false" || l == "0") return false;
    fail(column, col, trf("expected true, false, 1 or 0, got {0}", {in_quotes(v)}));
    return std::nullopt;
  }

  std::optional<int> integer(const std::string& column, int col, const std::string& v) {
    int value = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size()) {
      fail(column, col, trf("expected an integer, got {0}", {in_quotes(v)}));
      return std::nullopt;
    }
    return value;
  }

  // `unit` is a message marked with N_() ("km", "hours"), translated only for an error.
  std::optional<double> number(const std::string& column, int col, const std::string& v,
                               const char* unit) {
    double value = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size() || !std::isfinite(value)) {
      fail(column, col,
           trf("expected a plain number of {0} (the unit is in the column name), got {1}",
               {tr(unit), in_quotes(v)}));
      return std::nullopt;
    }
    return value;
  }

 private:
  const std::string& file_;
  int line_;
  const std::string& field_;
  std::size_t row_;
  FieldIndex& index_;
  std::vector<LoadError>& errors_;
};

// Reads one data row into `record` using the header's column positions (-1 when absent).
void read_row(RowReader& row, const std::vector<std::string>& fields,
              const std::vector<int>& position, const CsvDialect& dialect, SchoolRecord& record) {
  const auto cell = [&](std::size_t column, std::string& value, int& col) {
    const int at = position[column];
    if (at < 0) return false;
    value = fields[static_cast<std::size_t>(at)];
    col = at + 1;
    return true;
  };
  std::string v;
  int col = 0;
  if (cell(0, v, col)) record.id = v;
  if (cell(1, v, col)) record.ugel = v;
  if (cell(2, v, col)) record.school_type = v;
  if (cell(3, v, col)) record.urban = row.boolean("urban", col, v).value_or(false);
  if (cell(4, v, col)) record.border = row.boolean("border", col, v).value_or(false);
  if (cell(5, v, col)) record.teachers = row.integer("teachers", col, v).value_or(0);
  if (cell(6, v, col)) record.students = row.integer("students", col, v).value_or(0);
  if (cell(7, v, col)) {
    record.distance =
        units::km(row.number("distance_km", col, decimal_point(v, dialect), N_("km")).value_or(0));
  }
  if (cell(8, v, col) && !v.empty()) {
    if (auto h = row.number("travel_time_h", col, decimal_point(v, dialect), N_("hours"))) {
      record.travel_time = units::hours(*h);
    }
  }
}

}  // namespace

void parse_schools_csv(const std::string& text, const std::string& file, const std::string& field,
                       std::vector<SchoolRecord>& out, FieldIndex& index,
                       std::vector<LoadError>& errors, CsvDialect* detected) {
  const CsvDialect dialect = detect_csv_dialect(text);
  if (detected != nullptr) *detected = dialect;
  if (const auto bad = find_invalid_utf8(text)) {
    errors.push_back(
        LoadError{file, bad->line, bad->column, field, invalid_utf8_message(text, *bad)});
    index.fail(field);
    return;
  }
  // Lines are cut from `text` in place (a stream over it would copy the whole file).
  std::size_t next_line = 0;
  const auto getline = [&](std::string& line) {
    if (next_line >= text.size()) return false;
    const std::size_t end = std::min(text.find('\n', next_line), text.size());
    line.assign(text, next_line, end - next_line);
    next_line = end + 1;
    return true;
  };
  std::string line;
  int line_number = 0;
  std::vector<std::string> fields;
  std::vector<int> position;  // per kSchoolColumns entry: index in the row, or -1
  bool have_header = false;
  std::size_t header_count = 0;
  const auto report = [&](int at_line, int col, std::string path, std::string message) {
    errors.push_back(LoadError{file, at_line, col, std::move(path), std::move(message)});
  };
  // Every row's line and every column's position, recorded once for the whole file.
  auto locations = std::make_shared<CsvLocations>();
  locations->field = field;
  locations->file = file;
  locations->names = &kSchoolColumns;
  // One school a line at most: reserving avoids regrowing (and copying) the records.
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  out.reserve(out.size() + lines);
  locations->lines.reserve(lines);

  while (getline(line)) {
    ++line_number;
    if (line_number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // BOM
    if (trim(line).empty()) continue;
    const bool closed = split_csv_line(line, fields, dialect.separator);

    if (!have_header) {
      have_header = true;
      header_count = fields.size();
      position.assign(kSchoolColumns.size(), -1);
      bool header_ok = closed;
      if (!closed) report(line_number, 0, field, tr("unterminated quote in the header row"));
      for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto it = std::find(kSchoolColumns.begin(), kSchoolColumns.end(), fields[i]);
        const int col = static_cast<int>(i) + 1;
        if (it == kSchoolColumns.end()) {
          report(line_number, col, field,
                 trf("unknown column {0}{1} (columns: {2})",
                     {in_quotes(fields[i]), did_you_mean(fields[i], kSchoolColumns),
                      join(kSchoolColumns)}));
          continue;
        }
        auto& pos = position[static_cast<std::size_t>(it - kSchoolColumns.begin())];
        if (pos >= 0) {
          report(line_number, col, field,
                 trf("duplicate column {0} (first in column {1})",
                     {in_quotes(fields[i]), std::to_string(pos + 1)}));
          header_ok = false;
          continue;
        }
        pos = static_cast<int>(i);
      }
      for (std::size_t c = 0; c + 1 < kSchoolColumns.size(); ++c) {  // all but travel_time_h
        if (position[c] < 0) {
          report(line_number, 0, field,
                 trf("missing column {0} in the header row (required: {1}; optional: "
                     "travel_time_h)",
                     {in_quotes(kSchoolColumns[c]),
                      join({kSchoolColumns.begin(), kSchoolColumns.end() - 1})}));
          header_ok = false;
        }
      }
      if (!header_ok) {
        index.fail(field);
        return;
      }
      for (const int at : position) locations->columns.push_back(at + 1);
      index.locate_csv(locations);
      continue;
    }

    const std::size_t row = out.size();
    out.emplace_back();
    if (!closed || fields.size() != header_count) {
      locations->lines.push_back(-line_number);  // the row's cells are not read
      const std::string path = row_path(field, row);
      report(line_number, 0, path,
             !closed ? tr("unterminated quote")
                     : trf("expected {0} fields as in the header row, got {1}",
                           {std::to_string(header_count), std::to_string(fields.size())}));
      index.fail(path);
      continue;
    }
    locations->lines.push_back(line_number);
    RowReader reader(file, line_number, field, row, index, errors);
    read_row(reader, fields, position, dialect, out.back());
  }
  if (!have_header) {
    report(
        line_number > 0 ? line_number : 1, 0, field,
        trf("the file is empty; expected a header row with columns {0}", {join(kSchoolColumns)}));
    index.fail(field);
  }
}

void load_schools_csv(const std::string& path, const std::string& field, const Location& named_at,
                      std::vector<SchoolRecord>& out, FieldIndex& index,
                      std::vector<LoadError>& errors, CsvDialect* dialect) {
  std::string text;
  std::string error;
  if (!read_input_file(path, N_("schools CSV"), kMaxSchoolsCsvBytes, text, error)) {
    errors.push_back(LoadError{named_at.file, named_at.line, named_at.column, field, error});
    index.fail(field);
    return;
  }
  parse_schools_csv(text, path, field, out, index, errors, dialect);
}

}  // namespace coachsim::scenario::detail
