// Typed, error-collecting access to a parsed YAML document.
//
// Every read names the dotted path of the value ("geographies[1].speed"). A read records the
// value's file position in the FieldIndex, and on a problem (wrong type, wrong unit, malformed
// date ...) appends a LoadError with file:line:column, marks the path failed and returns
// nothing, so the caller keeps the default and carries on: all problems are reported in one
// pass. Private to the scenario module; the only header that includes yaml-cpp.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "coachsim/calendar/calendar.hpp"
#include "coachsim/scenario/csv_dialect.hpp"
#include "coachsim/scenario/loader.hpp"
#include "coachsim/units/parse.hpp"
#include "field_index.hpp"

namespace coachsim::scenario::detail {

enum class Need { kOptional, kRequired };

// Which file each line of a parsed tree came from. A document built from several files
// (`extends:`) parses each file with its lines shifted past those of the files before it, so a
// node's mark line says both the file and the line within it. Sorted by first_line.
struct SourceLines {
  int first_line = 0;  // 0-based mark line where the file starts
  std::string file;
};
using SourceMap = std::vector<SourceLines>;

// Scalar values that replace the text in the tree, by dotted path (index form, as the loader
// names fields): how a sampled scenario is loaded without copying or changing the tree.
using ScalarOverrides = std::unordered_map<std::string, std::string>;

// Parsed schools CSV files, kept by a document so that loading a sample does not read or parse
// them again. Filled by the first (nominal) load; read-only once frozen, so loads on many
// threads may share it.
struct CsvCache {
  struct Entry {
    std::vector<SchoolRecord> schools;
    FieldIndex index;
    std::vector<LoadError> errors;
    CsvDialect dialect;
  };
  std::unordered_map<std::string, Entry> entries;  // by "<file>\n<field>"
  bool frozen = false;
};

// How a node looks to a user: "a map", "a list", "text 'abc'", "nothing (null)".
std::string describe_node(const YAML::Node& node);

class Reader {
 public:
  Reader(std::string file, FieldIndex& index, std::vector<LoadError>& errors)
      : file_(std::move(file)), index_(index), errors_(errors) {}

  const std::string& file() const { return file_; }
  FieldIndex& index() { return index_; }
  std::vector<LoadError>& errors() { return errors_; }

  // The currency code money amounts must use (set once `currency:` is read).
  std::string currency = "PEN";
  // Optional: files of a multi-file tree, replaced scalar values, and the CSV cache.
  const SourceMap* sources = nullptr;
  const ScalarOverrides* overrides = nullptr;
  CsvCache* csv_cache = nullptr;
  // CSV texts read instead of the files of these `schools_csv:` names (LoadOptions).
  const std::map<std::string, std::string>* csv_texts = nullptr;
  // How many reads were answered from `overrides` (each override must be read once).
  std::size_t overrides_used = 0;

  Location location(const YAML::Mark& mark) const;
  // Records `node`'s position under `path`.
  void locate(const std::string& path, const YAML::Node& node);
  // Reports a problem at `mark` (or `node`) and marks `path` failed.
  void fail(const YAML::Mark& mark, const std::string& path, std::string message);
  void fail(const YAML::Node& node, const std::string& path, std::string message);
  // Reports a problem that leaves the value usable (unknown or duplicate key).
  void warn_error(const YAML::Mark& mark, const std::string& path, std::string message);

  // Typed scalars. Each records the location, and on a problem reports it and returns nullopt.
  std::optional<std::string> text(const YAML::Node& node, const std::string& path);
  std::optional<int> integer(const YAML::Node& node, const std::string& path);
  std::optional<std::uint64_t> unsigned_integer(const YAML::Node& node, const std::string& path);
  std::optional<double> number(const YAML::Node& node, const std::string& path);
  std::optional<bool> boolean(const YAML::Node& node, const std::string& path);
  std::optional<units::ParsedQuantity> quantity(const YAML::Node& node, const std::string& path,
                                                units::Kind kind);
  std::optional<calendar::Date> date(const YAML::Node& node, const std::string& path);
  std::optional<calendar::MonthDay> month_day(const YAML::Node& node, const std::string& path);
  std::optional<std::chrono::weekday> weekday(const YAML::Node& node, const std::string& path);

  // True when `node` is a list; otherwise reports "expected a list of <what>, got ...".
  bool list(const YAML::Node& node, const std::string& path, std::string_view what);

 private:
  // The scalar text of `node`, or nullopt after reporting "expected <expected>, got ...".
  std::optional<std::string> scalar(const YAML::Node& node, const std::string& path,
                                    std::string_view expected);

  std::string file_;
  FieldIndex& index_;
  std::vector<LoadError>& errors_;
};

// A YAML map with a fixed set of allowed keys. Construction checks the node is a map, reports
// unknown keys (with the closest allowed key) and duplicate keys. A map with `allowed` empty
// accepts any key (used for `staff:` and `sources:`).
class MapReader {
 public:
  struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
  };

  MapReader(Reader& reader, const YAML::Node& node, std::string path,
            std::vector<std::string> allowed, std::string_view what);

  bool ok() const { return ok_; }
  const std::string& path() const { return path_; }
  std::string path(std::string_view key) const;
  const std::vector<Entry>& entries() const { return entries_; }
  bool has(std::string_view key) const;

  // The value under `key`. Absent keys (and optional keys written with no value) give nullopt;
  // a missing required key is reported, with `expected` saying what it should hold.
  std::optional<YAML::Node> get(std::string_view key, Need need, std::string_view expected);

  // Shortcuts: get + the Reader conversion of the same name.
  std::optional<std::string> text(std::string_view key, Need need);
  std::optional<int> integer(std::string_view key, Need need);
  std::optional<double> number(std::string_view key, Need need);
  std::optional<bool> boolean(std::string_view key, Need need);
  std::optional<units::ParsedQuantity> quantity(std::string_view key, units::Kind kind, Need need);
  std::optional<calendar::Date> date(std::string_view key, Need need);
  std::optional<calendar::MonthDay> month_day(std::string_view key, Need need);

 private:
  Reader& reader_;
  YAML::Node node_;
  std::string path_;
  bool ok_ = false;
  std::vector<Entry> entries_;
};

// Calls fn(item, "path[i]") for each item of a list (after checking it is one).
template <class Fn>
void for_each_item(Reader& reader, const YAML::Node& node, const std::string& path,
                   std::string_view what, Fn fn) {
  if (!reader.list(node, path, what)) return;
  std::size_t i = 0;
  for (const auto& item : node) {
    fn(YAML::Node(item), path + "[" + std::to_string(i) + "]");
    ++i;
  }
}

}  // namespace coachsim::scenario::detail
