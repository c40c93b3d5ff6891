// Field locations and load failures by dotted path (see field_index.hpp).
#include "field_index.hpp"

#include <algorithm>
#include <charconv>

namespace coachsim::scenario::detail {

std::string_view parent_path(std::string_view path) {
  const auto cut = path.find_last_of(".[");
  return cut == std::string_view::npos ? std::string_view() : path.substr(0, cut);
}

void FieldIndex::locate(const std::string& path, Location location) {
  locations_.insert_or_assign(path, std::move(location));
}

void FieldIndex::fail(const std::string& path) { failed_.insert(path); }

void FieldIndex::locate_csv(std::shared_ptr<const CsvLocations> csv) {
  csv_.push_back(std::move(csv));
}

void FieldIndex::merge(const FieldIndex& other) {
  for (const auto& [path, location] : other.locations_) locations_.insert_or_assign(path, location);
  csv_.insert(csv_.end(), other.csv_.begin(), other.csv_.end());
  failed_.insert(other.failed_.begin(), other.failed_.end());
}

std::optional<Location> FieldIndex::find_csv(std::string_view path) const {
  for (const auto& csv : csv_) {
    const std::string_view field = csv->field;
    if (path.size() <= field.size() + 2 || path.compare(0, field.size(), field) != 0 ||
        path[field.size()] != '[') {
      continue;
    }
    const char* first = path.data() + field.size() + 1;
    const char* last = path.data() + path.size();
    std::size_t row = 0;
    const auto [end, ec] = std::from_chars(first, last, row);
    if (ec != std::errc() || end == first || end == last || *end != ']' ||
        row >= csv->lines.size()) {
      continue;
    }
    const int line = csv->lines[row];
    const Location at_row{csv->file, line < 0 ? -line : line, 1};
    const std::string_view rest(end + 1, static_cast<std::size_t>(last - end - 1));
    if (line < 0 || rest.size() < 2 || rest[0] != '.') return at_row;
    const std::string_view name = rest.substr(1);
    const auto& names = *csv->names;
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) return at_row;
    const int column = csv->columns[static_cast<std::size_t>(it - names.begin())];
    if (column <= 0) return at_row;
    return Location{csv->file, line, column};
  }
  return std::nullopt;
}

std::optional<Location> FieldIndex::find(std::string_view path) const {
  if (auto in_csv = find_csv(path)) return in_csv;
  for (;;) {
    const auto it = locations_.find(std::string(path));
    if (it != locations_.end()) return it->second;
    if (path.empty()) return std::nullopt;
    path = parent_path(path);
  }
}

bool FieldIndex::loaded(std::string_view path) const {
  for (;;) {
    if (failed_.find(path) != failed_.end()) return false;
    if (path.empty()) return true;
    path = parent_path(path);
  }
}

bool FieldIndex::intact(std::string_view path) const {
  if (!loaded(path)) return false;
  // Failed paths inside `path` start with it followed by '.' or '['.
  for (auto it = failed_.lower_bound(path); it != failed_.end(); ++it) {
    const std::string& failed = *it;
    if (failed.compare(0, path.size(), path) != 0) break;
    if (path.empty() || failed.size() == path.size()) return false;
    const char next = failed[path.size()];
    if (next == '.' || next == '[') return false;
  }
  return true;
}

}  // namespace coachsim::scenario::detail
