// Aligning metrics by key and taking differences against the first scenario.
#include "coachsim/compare/compare.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <unordered_map>

namespace coachsim::compare {

const Row* Comparison::find(const std::string& key) const {
  for (const Row& r : rows)
    if (r.key == key) return &r;
  return nullptr;
}

int Comparison::changed_year() const {
  // The largest |difference| of the national `metric` and its year (later years win ties).
  auto largest = [&](std::string_view metric) {
    double most = 0.0;
    int year = 0;
    for (const Row& r : rows) {
      if (r.scope != "national" || r.year == 0 || r.name != metric) continue;
      for (const std::optional<double>& d : r.diffs) {
        if (!d) continue;
        const double size = std::abs(*d);
        if (size > most || (size == most && size > 0.0 && r.year > year)) {
          most = size;
          year = r.year;
        }
      }
    }
    return year;
  };
  if (const int year = largest("cost_total")) return year;
  if (const int year = largest("full_protocol_pct")) return year;
  int last = 0;
  for (const Row& r : rows) last = std::max(last, r.year);
  return last;
}

std::vector<std::string> Comparison::category_ids() const {
  std::vector<std::string> ids;
  for (const Row& r : rows)
    if (!r.category.empty() && std::find(ids.begin(), ids.end(), r.category) == ids.end())
      ids.push_back(r.category);
  return ids;
}

Comparison compare(std::vector<Entry> scenarios, std::string currency) {
  Comparison c;
  c.currency = std::move(currency);
  const std::size_t n = scenarios.size();
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t s = 0; s < n; ++s) {
    for (const results::Metric& m : scenarios[s].metrics) {
      std::string key = results::metric_key(m);
      auto [it, added] = index.emplace(key, c.rows.size());
      if (added) {
        Row row;
        row.key = std::move(key);
        row.scope = m.scope;
        row.year = m.year;
        row.name = m.name;
        row.unit = m.unit;
        row.category = m.category;
        row.values.assign(n, std::nullopt);
        c.rows.push_back(std::move(row));
      }
      c.rows[it->second].values[s] = m.value;
    }
  }
  for (Row& row : c.rows) {
    row.diffs.assign(n, std::nullopt);
    row.diff_pcts.assign(n, std::nullopt);
    const std::optional<double>& base = row.values[0];
    for (std::size_t s = 1; s < n; ++s) {
      if (!base || !row.values[s]) continue;
      const double d = *row.values[s] - *base;
      row.diffs[s] = d;
      // d × 100 / base, not d / base × 100: a 20% rise in whole céntimos comes out as exactly
      // 20, where 0.2 × 100 would not.
      if (*base != 0.0) row.diff_pcts[s] = d * 100.0 / *base;
    }
  }
  c.scenarios = std::move(scenarios);
  return c;
}

std::vector<std::string> unique_labels(const std::vector<std::string>& files) {
  static const std::string kBuiltin = "builtin:";
  std::vector<std::string> out;
  std::set<std::string> taken;
  for (const std::string& f : files) {
    std::string stem = f.rfind(kBuiltin, 0) == 0 ? f.substr(kBuiltin.size())
                                                 : std::filesystem::path(f).stem().string();
    if (stem.empty()) stem = "scenario";
    std::string label = stem;
    for (int k = 2; taken.count(label) != 0; ++k) label = stem + "-" + std::to_string(k);
    taken.insert(label);
    out.push_back(label);
  }
  return out;
}

}  // namespace coachsim::compare
