// Field locations and load failures by dotted path (see field_index.hpp).
#include "field_index.hpp"

namespace coachsim::scenario::detail {

std::string_view parent_path(std::string_view path) {
  const auto cut = path.find_last_of(".[");
  return cut == std::string_view::npos ? std::string_view() : path.substr(0, cut);
}

void FieldIndex::locate(const std::string& path, Location location) {
  locations_.insert_or_assign(path, std::move(location));
}

void FieldIndex::fail(const std::string& path) { failed_.insert(path); }

void FieldIndex::merge(const FieldIndex& other) {
  for (const auto& [path, location] : other.locations_) locations_.insert_or_assign(path, location);
  failed_.insert(other.failed_.begin(), other.failed_.end());
}

const Location* FieldIndex::find(std::string_view path) const {
  for (;;) {
    const auto it = locations_.find(std::string(path));
    if (it != locations_.end()) return &it->second;
    if (path.empty()) return nullptr;
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
