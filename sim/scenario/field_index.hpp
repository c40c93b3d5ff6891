// Where each field of a scenario came from, and which fields failed to load.
//
// The loader records the file position of every value it reads under its dotted path
// ("regions[3].schools[0].distance_km"), and marks the paths it could not read. The cells of a
// CSV file are not recorded one by one (a string path and a file name per cell came to about
// 4 KB a school row): a CsvLocations holds each row's line and each column's position once, and
// find() computes a cell's location from its path. Validation
// then reports cross-field problems at the right line, and skips checks that would only repeat
// a problem already reported (a date that did not parse is not also "outside the contract").
// Private to the scenario module; knows nothing about YAML.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace coachsim::scenario::detail {

struct Location {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
};

// Where the cells of one CSV file are: row i is "<field>[i]" (at its line, column 1) and its cell
// of column c is "<field>[i].<names[c]>" (at its line, column `columns[c]`, the 1-based field
// index; 0 when the file has no such column: the cell is then located at its row).
struct CsvLocations {
  std::string field;
  std::string file;
  const std::vector<std::string>* names = nullptr;
  std::vector<int> columns;  // per entry of *names
  // Per row: its line; negated when the row was not split into cells (unterminated quote,
  // wrong field count), whose cells are then located at the row.
  std::vector<int> lines;
};

// The enclosing path of a dotted path: "a[2].b" -> "a[2]" -> "a" -> "".
std::string_view parent_path(std::string_view path);

class FieldIndex {
 public:
  // Records where `path` was read (a later record for the same path replaces the earlier).
  void locate(const std::string& path, Location location);
  // Marks `path` as not loaded (missing, wrong type, wrong unit, malformed).
  void fail(const std::string& path);
  // Records where the rows and cells of a CSV file are (shared, not copied, by merge()).
  void locate_csv(std::shared_ptr<const CsvLocations> csv);
  // Adds every location and failure of `other` (used to replay a cached CSV parse).
  void merge(const FieldIndex& other);

  // The location of `path`, or of its nearest enclosing path that has one; nullopt if none.
  std::optional<Location> find(std::string_view path) const;

  // True when neither `path` nor any path enclosing it failed: the value is what the file said,
  // although parts of it may have failed.
  bool loaded(std::string_view path) const;
  // True when loaded(path) and nothing inside `path` failed either.
  bool intact(std::string_view path) const;

 private:
  // The location of a row or cell of a CSV file, when `path` names one.
  std::optional<Location> find_csv(std::string_view path) const;

  std::unordered_map<std::string, Location> locations_;
  std::vector<std::shared_ptr<const CsvLocations>> csv_;
  std::set<std::string, std::less<>> failed_;
};

}  // namespace coachsim::scenario::detail
