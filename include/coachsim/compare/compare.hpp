// Scenarios side by side (`coachsim compare`): every metric of every scenario aligned by its
// key, with each scenario's difference from the first (the baseline).
//
// The metrics are results::metrics_of's flat list, so a comparison covers every output figure
// of a run. Alignment keeps the first scenario's order, then appends the keys only later
// scenarios have (a region the baseline does not model, outcome figures of a scenario with
// outcomes:), in the order they first appear. A metric a scenario does not have is absent
// (std::nullopt), never zero, and so are the differences that would need it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coachsim/results/metrics.hpp"

namespace coachsim::compare {

// One compared scenario: its identity and its metrics.
struct Entry {
  std::string label;          // column name: the file stem, made unique (small, small-2)
  std::string file;           // as given on the command line ("builtin:default" for the default)
  std::string scenario_name;  // the scenario's name:
  std::uint64_t seed = 0;     // the seed it ran with
  std::vector<results::Metric> metrics;
};

// One metric across the scenarios. values[i] is scenario i's value; diffs[i] = values[i] -
// values[0] and diff_pcts[i] = diffs[i] / values[0] × 100 (absent for i = 0, when either value
// is absent, and, for diff_pcts, when the baseline is 0). Money is in céntimos: whole numbers
// far below 2^53, so values and their differences are exact.
struct Row {
  std::string key;  // results::metric_key
  std::string scope;
  int year = 0;  // 0: all years
  std::string name;
  results::MetricUnit unit = results::MetricUnit::kCount;
  std::vector<std::optional<double>> values, diffs, diff_pcts;
  std::string category;  // a category's cost: its id (results::Metric::category)
};

struct Comparison {
  std::string currency;  // shared by every scenario (compare refuses mixed currencies)
  std::vector<Entry> scenarios;
  std::vector<Row> rows;

  // The row with this key, or nullptr.
  const Row* find(const std::string& key) const;
  // The cost categories of the scenarios, in row order: the built-in ones, then any scenario's
  // own (cost_categories:), each once.
  std::vector<std::string> category_ids() const;
  // The school year the comparison is about, for the per-region views: the year whose national
  // cost differs most from the first scenario's (in any later scenario); when no cost differs,
  // the year whose national full-protocol share differs most; when nothing differs, the last
  // year. On a tie, the later year. 0 when there are no school years.
  int changed_year() const;
};

// Aligns the scenarios' metrics. REQUIRES: at least one entry.
Comparison compare(std::vector<Entry> scenarios, std::string currency);

// Column names for scenario files: each file's stem ("scenarios/small.yaml" -> "small";
// "builtin:default" -> "default"), with -2, -3 ... added to a name already taken.
std::vector<std::string> unique_labels(const std::vector<std::string>& files);

}  // namespace coachsim::compare
