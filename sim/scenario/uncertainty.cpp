// The `uncertainty:` section: field paths, distributions with units, and writing values back
// as text (see uncertainty.hpp and docs/uncertainty.md).
#include "uncertainty.hpp"
#include "coachsim/i18n/tr.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "coachsim/units/parse.hpp"
#include "coachsim/units/rounding.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

// --- field paths ------------------------------------------------------------------------------

namespace {
const std::vector<std::string> kIdKeys = {"id", "year", "region"};
}  // namespace

bool parse_segments(const std::string& field, std::vector<Segment>& out) {
  std::size_t i = 0;
  while (i < field.size()) {
    Segment seg;
    while (i < field.size() && field[i] != '.' && field[i] != '[') {
      if (field[i] == ']') return false;
      seg.key += field[i++];
    }
    while (i < field.size() && field[i] == '[') {
      const auto close = field.find(']', i);
      if (close == std::string::npos || close == i + 1) return false;
      seg.selectors.push_back(trim(field.substr(i + 1, close - i - 1)));
      i = close + 1;
    }
    if (seg.key.empty()) return false;
    out.push_back(std::move(seg));
    if (i < field.size()) {
      if (field[i] != '.' || i + 1 == field.size()) return false;
      ++i;
    }
  }
  return !out.empty();
}

YAML::Node map_value(const YAML::Node& map, const std::string& key) {
  for (const auto& pair : map) {
    if (pair.first.IsScalar() && pair.first.Scalar() == key) return pair.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

std::string item_key(const YAML::Node& item) {
  if (!item.IsMap()) return "";
  for (const auto& k : kIdKeys) {
    const YAML::Node v = map_value(item, k);
    if (v.IsScalar() && !v.Scalar().empty()) return v.Scalar();
  }
  return "";
}

namespace {

using stochastic::Shape;

const std::vector<std::string> kShapes = {"fixed",     "uniform", "triangular", "normal",
                                          "lognormal", "pert",    "bernoulli"};
struct Cursor {
  YAML::Node node;
  std::string id_path;
  std::string index_path;
};

std::string join_path(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Splits "4500 PEN/month" into 4500 and " PEN/month", "25%" into 25 and "%".
bool split_number(const std::string& text, double& value, std::string& suffix) {
  const std::string t = trim(text);
  const char* begin = t.data();
  const char* end = t.data() + t.size();
  const auto [stop, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || !std::isfinite(value)) return false;
  suffix.assign(stop, end);
  return suffix.empty() || suffix[0] == ' ' || suffix[0] == '%' ||
         !(std::isalnum(static_cast<unsigned char>(suffix[0])) || suffix[0] == '.');
}

bool integer_text(const std::string& text) {
  double value = 0;
  std::string suffix;
  if (!split_number(text, value, suffix)) return false;
  const std::string t = trim(text);
  const std::string number = t.substr(0, t.size() - suffix.size());
  return number.find_first_of(".eE") == std::string::npos;
}

// Money units start with a currency code: "PEN/month", "PEN".
bool money_unit(const std::string& unit) {
  return unit.size() >= 3 &&
         std::all_of(unit.begin(), unit.begin() + 3, [](char c) { return c >= 'A' && c <= 'Z'; }) &&
         (unit.size() == 3 || unit[3] == '/');
}

std::string format_value(double value, const std::string& suffix, bool integer) {
  const std::string unit = trim(suffix);
  std::string number;
  // A value beyond int64 céntimos (an uncertainty bound of 10^20 PEN) is written as a plain
  // number, which the loader then refuses against the field's limit: an error at the bound,
  // not an exception.
  if (!(std::abs(value) < 1e16)) {
    number = format_number(value);
  } else if (money_unit(unit)) {
    number = units::format_centimos(units::round_half_away(value * 100.0));
  } else if (integer && (unit.empty() || unit == "day" || unit == "days" || unit == "d")) {
    // Counts and day counts written as integers stay whole (the loader requires whole days for
    // delays and workshop days); speeds, distances, hours and rates keep their decimals.
    number = std::to_string(units::round_half_away(value));
  } else {
    number = format_number(value);
  }
  return number + suffix;
}

// --- parameters -------------------------------------------------------------------------------

struct Param {
  double value = 0;
  std::string suffix;
};

class EntryParser {
 public:
  explicit EntryParser(Reader& reader) : reader_(reader) {}

  // Reads a shape (one of kShapes) from its value node into `d`.
  bool shape(const std::string& key, const YAML::Node& node, const std::string& path,
             stochastic::Distribution& d) {
    if (key == "fixed") {
      d.shape = Shape::kFixed;
      return one(node, path, d.a);
    }
    if (key == "bernoulli") {
      d.shape = Shape::kBernoulli;
      MapReader m(reader_, node, path, {"p", "then", "else"}, tr("{p, then, else}"));
      if (!m.ok()) return false;
      auto p = m.number("p", Need::kRequired);
      auto then_node = m.get("then", Need::kRequired, tr("the value with probability p"));
      auto else_node = m.get("else", Need::kRequired, tr("the value with probability 1 - p"));
      if (!p || !then_node || !else_node) return false;
      if (!(*p >= 0.0 && *p <= 1.0)) {
        reader_.fail(map_value(node, "p"), m.path("p"),
                     trf("expected a probability between 0 and 1, got {0}", {format_number(*p)}));
        return false;
      }
      d.p = *p;
      return one(*then_node, m.path("then"), d.a) && one(*else_node, m.path("else"), d.c);
    }
    static const std::vector<std::pair<std::string, std::vector<std::string>>> kForms = {
        {"uniform", {"min", "max"}},
        {"triangular", {"min", "mode", "max"}},
        {"normal", {"mean", "sd"}},
        {"lognormal", {"median", "sigma"}},
        {"pert", {"min", "mode", "max"}}};
    const auto form =
        std::find_if(kForms.begin(), kForms.end(), [&](const auto& f) { return f.first == key; });
    const auto& names = form->second;
    if (!node.IsSequence() || node.size() != names.size()) {
      reader_.fail(node, path,
                   trf("expected [{0}] ({1} values), got {2}",
                       {join(names), std::to_string(names.size()), describe_node(node)}));
      return false;
    }
    std::vector<double> v(names.size());
    bool ok = true;
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::string item_path = path + "[" + std::to_string(i) + "]";
      if (key == "lognormal" && i == 1) {
        auto sigma = reader_.number(node[i], item_path);
        if (sigma) v[i] = *sigma;
        ok = ok && sigma.has_value();
      } else {
        ok = one(node[i], item_path, v[i]) && ok;
      }
    }
    if (!ok) return false;
    if (key == "uniform") {
      d.shape = Shape::kUniform;
      d.a = v[0];
      d.c = v[1];
      return order(node, path, v[0] <= v[1], tr("expected min <= max"));
    }
    if (key == "triangular" || key == "pert") {
      d.shape = key == "pert" ? Shape::kPert : Shape::kTriangular;
      d.a = v[0];
      d.b = v[1];
      d.c = v[2];
      return order(node, path, v[0] <= v[1] && v[1] <= v[2], tr("expected min <= mode <= max"));
    }
    if (key == "normal") {
      d.shape = Shape::kNormal;
      d.a = v[0];
      d.b = v[1];
      return order(node, path, v[1] >= 0, tr("expected sd >= 0"));
    }
    d.shape = Shape::kLognormal;
    d.a = v[0];
    d.b = v[1];
    return order(node, path, v[0] > 0 && v[1] >= 0, tr("expected median > 0 and sigma >= 0"));
  }

  // Reads optional `min` and `max` clamps from `m` into `d`.
  bool clamps(MapReader& m, stochastic::Distribution& d) {
    bool ok = true;
    if (auto node = m.get("min", Need::kOptional, tr("a lower clamp"))) {
      ok = one(*node, m.path("min"), d.min) && ok;
    }
    if (auto node = m.get("max", Need::kOptional, tr("an upper clamp"))) {
      ok = one(*node, m.path("max"), d.max) && ok;
      if (ok && d.min > d.max) {
        reader_.fail(*node, m.path("max"), tr("expected the clamps' min <= max"));
        return false;
      }
    }
    return ok;
  }

  const std::string& suffix() const { return suffix_; }
  bool has_unit() const { return !trim(suffix_).empty(); }

 private:
  // One value with the entry's unit: every value of an entry must share the first one's unit.
  bool one(const YAML::Node& node, const std::string& path, double& out) {
    auto text = reader_.text(node, path);
    if (!text) return false;
    double value = 0;
    std::string suffix;
    if (!split_number(*text, value, suffix)) {
      reader_.fail(node, path,
                   trf("expected a number with the field's unit (e.g. '4500 PEN/month', '30 "
                       "days', '25%') or a plain number, got {0}",
                       {in_quotes(*text)}));
      return false;
    }
    if (!unit_seen_) {
      unit_seen_ = true;
      suffix_ = suffix;
    } else if (trim(suffix) != trim(suffix_)) {
      reader_.fail(
          node, path,
          trf("expected the same unit as the entry's other values ({0}), got {1}",
              {trim(suffix_).empty() ? tr("none") : in_quotes(trim(suffix_)), in_quotes(*text)}));
      return false;
    }
    out = value;
    return true;
  }

  bool order(const YAML::Node& node, const std::string& path, bool ok, const std::string& what) {
    if (!ok) reader_.fail(node, path, what);
    return ok;
  }

  Reader& reader_;
  bool unit_seen_ = false;
  std::string suffix_;
};

std::vector<std::string> shape_keys(const MapReader& m) {
  std::vector<std::string> found;
  for (const auto& e : m.entries()) {
    if (e.key == "factor" || std::find(kShapes.begin(), kShapes.end(), e.key) != kShapes.end()) {
      found.push_back(e.key);
    }
  }
  return found;
}

void parse_entry(Reader& reader, const YAML::Node& root, const YAML::Node& item, std::size_t entry,
                 const std::string& path, std::vector<UncertainSpec>& out) {
  std::vector<std::string> allowed = {"field", "factor", "min", "max", "shared", "source"};
  allowed.insert(allowed.end(), kShapes.begin(), kShapes.end());
  MapReader m(reader, item, path, allowed, tr("an uncertain input"));
  if (!m.ok()) return;
  UncertainSpec spec;
  spec.entry = entry;
  const Location at = reader.location(item.Mark());
  spec.file = at.file;
  spec.info.line = at.line;
  spec.info.column = at.column;
  auto field_node = m.get("field", Need::kRequired, tr("the path of a scenario value"));
  auto field = field_node ? reader.text(*field_node, m.path("field")) : std::nullopt;
  if (auto v = m.text("source", Need::kOptional)) spec.info.source = *v;
  if (auto v = m.boolean("shared", Need::kOptional)) spec.shared = *v;

  const auto shapes = shape_keys(m);
  if (shapes.size() != 1) {
    reader.fail(item, path,
                trf("expected exactly one of {0}, factor; got {1}",
                    {join(kShapes), shapes.empty() ? tr("none") : join(shapes)}));
    return;
  }
  const std::string key = shapes.front();
  const YAML::Node shape_node = *m.get(key, Need::kRequired, tr("a distribution"));
  EntryParser params(reader);
  bool ok = true;
  if (key == "factor") {
    spec.factor = true;
    std::vector<std::string> allowed_f = kShapes;
    allowed_f.push_back("min");
    allowed_f.push_back("max");
    MapReader factor(reader, shape_node, m.path("factor"), allowed_f,
                     tr("a distribution of a plain-number factor"));
    if (!factor.ok()) return;
    std::vector<std::string> inner;
    for (const auto& e : factor.entries()) {
      if (e.key != "min" && e.key != "max") inner.push_back(e.key);
    }
    if (inner.size() != 1) {
      reader.fail(shape_node, m.path("factor"),
                  trf("expected exactly one of {0}; got {1}",
                      {join(kShapes), inner.empty() ? tr("none") : join(inner)}));
      return;
    }
    ok = params.shape(inner.front(), *factor.get(inner.front(), Need::kRequired, ""),
                      factor.path(inner.front()), spec.distribution) &&
         params.clamps(factor, spec.distribution);
    if (ok && params.has_unit()) {
      reader.fail(shape_node, m.path("factor"),
                  trf("expected plain numbers for a factor (it multiplies the scenario's "
                      "value), got the unit {0}",
                      {in_quotes(trim(params.suffix()))}));
      return;
    }
    if (m.has("min") || m.has("max")) {
      reader.fail(item, path,
                  tr("clamps of a factor go inside `factor:`, e.g. {normal: [1, 0.1], min: "
                     "0.5}"));
      return;
    }
    spec.info.shape = "factor:" + inner.front();
  } else {
    ok = params.shape(key, shape_node, m.path(key), spec.distribution) &&
         params.clamps(m, spec.distribution);
    spec.info.shape = key;
    spec.info.unit = trim(params.suffix());
    spec.suffix = params.suffix();
  }
  if (!field) return;
  spec.info.field = *field;
  std::string error;
  spec.matches = match_path(root, *field, error);
  if (!error.empty()) {
    reader.fail(*field_node, m.path("field"), error);
    return;
  }
  if (spec.matches.empty()) {
    reader.fail(*field_node, m.path("field"),
                trf("{0} matches no value written in the scenario (uncertain inputs must name "
                    "values the file sets)",
                    {in_quotes(*field)}));
    return;
  }
  if (spec.factor) {
    for (const auto& match : spec.matches) {
      double value = 0;
      std::string suffix;
      if (!split_number(match.text, value, suffix)) {
        reader.fail(*field_node, m.path("field"),
                    trf("a factor needs a number at {0}, got {1}",
                        {match.index_path, in_quotes(match.text)}));
        return;
      }
    }
  }
  if (!ok) return;
  for (const auto& match : spec.matches) spec.info.paths.push_back(match.id_path);
  spec.info.low = stochastic::quantile(spec.distribution, 0.05);
  spec.info.high = stochastic::quantile(spec.distribution, 0.95);
  spec.info.nominal = stochastic::quantile(spec.distribution, 0.5);
  out.push_back(std::move(spec));
}

}  // namespace

std::vector<PathMatch> match_path(const YAML::Node& root, const std::string& field,
                                  std::string& error) {
  std::vector<Segment> segments;
  if (!parse_segments(field, segments)) {
    error =
        trf("expected a field path like 'coach.monthly_fee', 'geographies[andes].speed' or "
            "'regions[*].contract_delay', got {0}",
            {in_quotes(field)});
    return {};
  }
  std::vector<Cursor> cursors = {Cursor{root, "", ""}};
  for (const Segment& seg : segments) {
    std::vector<Cursor> next;
    for (const Cursor& c : cursors) {
      if (!c.node.IsMap()) continue;
      const YAML::Node value = map_value(c.node, seg.key);
      if (!value.IsDefined()) continue;
      next.push_back(
          Cursor{value, join_path(c.id_path, seg.key), join_path(c.index_path, seg.key)});
    }
    cursors = std::move(next);
    for (const std::string& sel : seg.selectors) {
      std::vector<Cursor> picked;
      for (const Cursor& c : cursors) {
        if (!c.node.IsSequence()) continue;
        const std::size_t n = c.node.size();
        std::vector<std::size_t> hits;
        for (std::size_t i = 0; i < n; ++i) {
          if (sel == "*" || item_key(c.node[i]) == sel) hits.push_back(i);
        }
        if (hits.empty() && all_digits(sel) && std::stoull(sel) < n)
          hits.push_back(std::stoull(sel));
        for (const std::size_t i : hits) {
          const YAML::Node item = c.node[i];
          const std::string key = item_key(item);
          picked.push_back(Cursor{item,
                                  c.id_path + "[" + (key.empty() ? std::to_string(i) : key) + "]",
                                  c.index_path + "[" + std::to_string(i) + "]"});
        }
      }
      cursors = std::move(picked);
    }
  }
  std::vector<PathMatch> matches;
  for (const Cursor& c : cursors) {
    if (!c.node.IsScalar()) {
      error = trf("{0} names {1} at {2}; expected a single value",
                  {in_quotes(field), describe_node(c.node), c.index_path});
      return {};
    }
    matches.push_back(PathMatch{c.id_path, c.index_path, c.node.Scalar()});
  }
  return matches;
}

std::vector<UncertainSpec> parse_uncertainty(Reader& reader, const YAML::Node& root) {
  std::vector<UncertainSpec> out;
  if (!root.IsMap()) return out;
  const YAML::Node list = map_value(root, "uncertainty");
  if (!list.IsDefined() || list.IsNull()) return out;
  std::size_t entry = 0;
  for_each_item(reader, list, "uncertainty", tr("uncertain inputs"),
                [&](const YAML::Node& item, const std::string& path) {
                  parse_entry(reader, root, item, entry++, path, out);
                });
  return out;
}

std::string value_text(const UncertainSpec& spec, const PathMatch& match, double value) {
  if (spec.factor) {
    double nominal = 0;
    std::string suffix;
    split_number(match.text, nominal, suffix);  // checked when the input was read
    return format_value(nominal * value, suffix, integer_text(match.text));
  }
  return format_value(value, spec.suffix, integer_text(match.text));
}

std::string describe_value(const UncertainSpec& spec, double value) {
  if (spec.factor) return trf("factor {0}", {format_number(value)});
  return format_number(value) + spec.suffix;
}

}  // namespace coachsim::scenario::detail
