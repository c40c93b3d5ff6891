// Typed, error-collecting access to a parsed YAML document (see yaml_reader.hpp).
#include "yaml_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <iterator>

#include "checks.hpp"
#include "coachsim/i18n/tr.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

unsigned two_digits(std::string_view s) {
  return static_cast<unsigned>((s[0] - '0') * 10 + (s[1] - '0'));
}

}  // namespace

std::string describe_node(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return tr("nothing (null)");
  if (node.IsSequence()) return tr("a list");
  if (node.IsMap()) return tr("a map");
  return in_quotes(node.Scalar());
}

// --- Reader ----------------------------------------------------------------------------------

Location Reader::location(const YAML::Mark& mark) const {
  if (mark.is_null()) return Location{file_, 0, 0};
  if (sources != nullptr && !sources->empty()) {
    const auto after =
        std::upper_bound(sources->begin(), sources->end(), mark.line,
                         [](int line, const SourceLines& s) { return line < s.first_line; });
    if (after != sources->begin()) {
      const SourceLines& from = *std::prev(after);
      return Location{from.file, mark.line - from.first_line + 1, mark.column + 1};
    }
  }
  return Location{file_, mark.line + 1, mark.column + 1};
}

void Reader::locate(const std::string& path, const YAML::Node& node) {
  // A null value has no text of its own: yaml-cpp marks the token after it, so MapReader
  // records the key's position instead.
  if (!node.IsDefined() || node.IsNull() || node.Mark().is_null()) return;
  index_.locate(path, location(node.Mark()));
}

void Reader::fail(const YAML::Mark& mark, const std::string& path, std::string message) {
  warn_error(mark, path, std::move(message));
  index_.fail(path);
}

void Reader::fail(const YAML::Node& node, const std::string& path, std::string message) {
  if (!node.IsDefined() || node.IsNull()) {
    const Location where = index_.find(path).value_or(Location{file_, 0, 0});
    errors_.push_back(LoadError{where.file, where.line, where.column, path, std::move(message)});
    index_.fail(path);
    return;
  }
  fail(node.Mark(), path, std::move(message));
}

void Reader::warn_error(const YAML::Mark& mark, const std::string& path, std::string message) {
  const Location where = location(mark);
  errors_.push_back(LoadError{where.file, where.line, where.column, path, std::move(message)});
}

std::optional<std::string> Reader::scalar(const YAML::Node& node, const std::string& path,
                                          std::string_view expected) {
  locate(path, node);
  if (overrides != nullptr && node.IsDefined() && node.IsScalar()) {
    const auto it = overrides->find(path);
    if (it != overrides->end()) {
      ++overrides_used;
      return it->second;
    }
  }
  if (node.IsDefined() && node.IsScalar()) return node.Scalar();
  fail(node, path, trf("expected {0}, got {1}", {expected, describe_node(node)}));
  return std::nullopt;
}

std::optional<std::string> Reader::text(const YAML::Node& node, const std::string& path) {
  return scalar(node, path, tr("text"));
}

std::optional<int> Reader::integer(const YAML::Node& node, const std::string& path) {
  auto s = scalar(node, path, tr("an integer"));
  if (!s) return std::nullopt;
  int value = 0;
  const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), value);
  if (ec == std::errc::result_out_of_range) {
    fail(node, path, trf("expected an integer, got {0} (too large)", {in_quotes(*s)}));
    return std::nullopt;
  }
  if (ec != std::errc() || end != s->data() + s->size()) {
    fail(node, path, trf("expected an integer, got {0}", {in_quotes(*s)}));
    return std::nullopt;
  }
  return value;
}

std::optional<std::uint64_t> Reader::unsigned_integer(const YAML::Node& node,
                                                      const std::string& path) {
  auto s = scalar(node, path, tr("a non-negative integer"));
  if (!s) return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), value);
  if (!all_digits(*s) || ec != std::errc() || end != s->data() + s->size()) {
    fail(node, path, trf("expected a non-negative integer, got {0}", {in_quotes(*s)}));
    return std::nullopt;
  }
  return value;
}

std::optional<double> Reader::number(const YAML::Node& node, const std::string& path) {
  auto s = scalar(node, path, tr("a plain number"));
  if (!s) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), value);
  if (ec != std::errc() || end != s->data() + s->size() || !std::isfinite(value)) {
    fail(node, path, trf("expected a plain number (no unit), got {0}", {in_quotes(*s)}));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> Reader::boolean(const YAML::Node& node, const std::string& path) {
  auto s = scalar(node, path, tr("true or false"));
  if (!s) return std::nullopt;
  const std::string v = lower(*s);
  if (v == "true") return true;
  if (v == "false") return false;
  fail(node, path, trf("expected true or false, got {0}", {in_quotes(*s)}));
  return std::nullopt;
}

std::optional<units::ParsedQuantity> Reader::quantity(const YAML::Node& node,
                                                      const std::string& path, units::Kind kind) {
  auto s = scalar(node, path, units::describe(kind));
  if (!s) return std::nullopt;
  auto parsed = units::parse_expecting(*s, kind, currency);
  if (auto* error = std::get_if<units::ParseError>(&parsed)) {
    fail(node, path, error->message);
    return std::nullopt;
  }
  return std::get<units::ParsedQuantity>(parsed);
}

std::optional<calendar::Date> Reader::date(const YAML::Node& node, const std::string& path) {
  auto s = scalar(node, path, tr("a date YYYY-MM-DD"));
  if (!s) return std::nullopt;
  calendar::Date d;
  if (!calendar::parse_date(*s, d)) {
    fail(node, path,
         trf("expected a date YYYY-MM-DD (e.g. '2020-03-16'), got {0}", {in_quotes(*s)}));
    return std::nullopt;
  }
  return d;
}

std::optional<calendar::MonthDay> Reader::month_day(const YAML::Node& node,
                                                    const std::string& path) {
  auto s = scalar(node, path, tr("a day of the year MM-DD"));
  if (!s) return std::nullopt;
  const std::string_view v = *s;
  if (v.size() == 5 && v[2] == '-' && all_digits(v.substr(0, 2)) && all_digits(v.substr(3, 2))) {
    const calendar::MonthDay md{two_digits(v.substr(0, 2)), two_digits(v.substr(3, 2))};
    if (valid_month_day(md)) return md;
  }
  fail(node, path, trf("expected a day of the year MM-DD (e.g. '12-01'), got {0}", {in_quotes(v)}));
  return std::nullopt;
}

std::optional<std::chrono::weekday> Reader::weekday(const YAML::Node& node,
                                                    const std::string& path) {
  static constexpr std::array<std::string_view, 7> kShort = {"sun", "mon", "tue", "wed",
                                                             "thu", "fri", "sat"};
  static constexpr std::array<std::string_view, 7> kLong = {
      "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  auto s = scalar(node, path, tr("a weekday (mon..sun)"));
  if (!s) return std::nullopt;
  const std::string v = lower(*s);
  for (unsigned i = 0; i < 7; ++i) {
    if (v == kShort[i] || v == kLong[i]) return std::chrono::weekday(i);
  }
  fail(node, path,
       trf("expected a weekday (mon, tue, wed, thu, fri, sat, sun), got {0}", {in_quotes(*s)}));
  return std::nullopt;
}

bool Reader::list(const YAML::Node& node, const std::string& path, std::string_view what) {
  locate(path, node);
  if (node.IsDefined() && node.IsSequence()) return true;
  fail(node, path, trf("expected a list of {0}, got {1}", {what, describe_node(node)}));
  return false;
}

// --- MapReader -------------------------------------------------------------------------------

MapReader::MapReader(Reader& reader, const YAML::Node& node, std::string path,
                     std::vector<std::string> allowed, std::string_view what)
    : reader_(reader), node_(node), path_(std::move(path)) {
  reader_.locate(path_, node_);
  if (!node_.IsDefined() || !node_.IsMap()) {
    reader_.fail(node_, path_, trf("expected a map of {0}, got {1}", {what, describe_node(node_)}));
    return;
  }
  ok_ = true;
  for (const auto& pair : node_) {
    const YAML::Node key_node = pair.first;
    if (!key_node.IsScalar()) {
      reader_.warn_error(key_node.Mark(), path_,
                         trf("expected a text key, got {0}", {describe_node(key_node)}));
      continue;
    }
    const std::string key = key_node.Scalar();
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      reader_.warn_error(key_node.Mark(), this->path(key),
                         trf("unknown key {0}{1} (allowed keys: {2})",
                             {in_quotes(key), did_you_mean(key, allowed), join(allowed)}));
      continue;
    }
    const auto first = std::find_if(entries_.begin(), entries_.end(),
                                    [&](const Entry& e) { return e.key == key; });
    if (first != entries_.end()) {
      reader_.warn_error(
          key_node.Mark(), this->path(key),
          trf("duplicate key {0} (first given at line {1}; that value is used)",
              {in_quotes(key), std::to_string(reader_.location(first->key_node.Mark()).line)}));
      continue;
    }
    entries_.push_back(Entry{key, key_node, pair.second});
  }
}

std::string MapReader::path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

bool MapReader::has(std::string_view key) const {
  return std::any_of(entries_.begin(), entries_.end(),
                     [&](const Entry& e) { return e.key == key; });
}

std::optional<YAML::Node> MapReader::get(std::string_view key, Need need,
                                         std::string_view expected) {
  if (!ok_) return std::nullopt;
  const auto it =
      std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key == key; });
  if (it == entries_.end()) {
    if (need == Need::kRequired) {
      reader_.fail(node_.Mark(), path(key),
                   trf("missing required key {0} (expected {1})", {in_quotes(key), expected}));
    }
    return std::nullopt;
  }
  reader_.locate(path(key), it->value.IsNull() ? it->key_node : it->value);
  if (need == Need::kOptional && it->value.IsNull()) return std::nullopt;
  return it->value;
}

std::optional<std::string> MapReader::text(std::string_view key, Need need) {
  auto node = get(key, need, tr("text"));
  return node ? reader_.text(*node, path(key)) : std::nullopt;
}

std::optional<int> MapReader::integer(std::string_view key, Need need) {
  auto node = get(key, need, tr("an integer"));
  return node ? reader_.integer(*node, path(key)) : std::nullopt;
}

std::optional<double> MapReader::number(std::string_view key, Need need) {
  auto node = get(key, need, tr("a plain number"));
  return node ? reader_.number(*node, path(key)) : std::nullopt;
}

std::optional<bool> MapReader::boolean(std::string_view key, Need need) {
  auto node = get(key, need, tr("true or false"));
  return node ? reader_.boolean(*node, path(key)) : std::nullopt;
}

std::optional<units::ParsedQuantity> MapReader::quantity(std::string_view key, units::Kind kind,
                                                         Need need) {
  auto node = get(key, need, units::describe(kind));
  return node ? reader_.quantity(*node, path(key), kind) : std::nullopt;
}

std::optional<calendar::Date> MapReader::date(std::string_view key, Need need) {
  auto node = get(key, need, tr("a date YYYY-MM-DD"));
  return node ? reader_.date(*node, path(key)) : std::nullopt;
}

std::optional<calendar::MonthDay> MapReader::month_day(std::string_view key, Need need) {
  auto node = get(key, need, tr("a day of the year MM-DD"));
  return node ? reader_.month_day(*node, path(key)) : std::nullopt;
}

}  // namespace coachsim::scenario::detail
