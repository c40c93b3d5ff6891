// Where each field of a scenario came from, and which fields failed to load.
//
// The loader records the file position of every value it reads under its dotted path
// ("regions[3].schools[0].distance_km"), and marks the paths it could not read. Validation
// then reports cross-field problems at the right line, and skips checks that would only repeat
// a problem already reported (a date that did not parse is not also "outside the contract").
// Private to the scenario module; knows nothing about YAML.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

namespace coachsim::scenario::detail {

struct Location {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
};

// The enclosing path of a dotted path: "a[2].b" -> "a[2]" -> "a" -> "".
std::string_view parent_path(std::string_view path);

class FieldIndex {
 public:
  // Records where `path` was read (a later record for the same path replaces the earlier).
  void locate(const std::string& path, Location location);
  // Marks `path` as not loaded (missing, wrong type, wrong unit, malformed).
  void fail(const std::string& path);
  // Adds every location and failure of `other` (used to replay a cached CSV parse).
  void merge(const FieldIndex& other);

  // The location of `path`, or of its nearest enclosing path that has one; nullptr if none.
  const Location* find(std::string_view path) const;

  // True when neither `path` nor any path enclosing it failed: the value is what the file said,
  // although parts of it may have failed.
  bool loaded(std::string_view path) const;
  // True when loaded(path) and nothing inside `path` failed either.
  bool intact(std::string_view path) const;

 private:
  std::unordered_map<std::string, Location> locations_;
  std::set<std::string, std::less<>> failed_;
};

}  // namespace coachsim::scenario::detail
