// compare.csv and compare.json, written all-or-nothing into the output folder.
#include <nlohmann/json.hpp>

#include "coachsim/report/compare_report.hpp"
#include "compare_format.hpp"
#include "csv_writer.hpp"
#include "staging.hpp"

namespace coachsim::report {
namespace {

using compare::Comparison;
using compare::Row;
using results::MetricUnit;

// A value or difference of `row` in its unit: money with two decimals from whole céntimos,
// counts as integers, percents and ratios with four decimals.
void csv_value(CsvWriter& w, const Row& row, const std::optional<double>& v) {
  if (!v) {
    w.text("");
    return;
  }
  switch (row.unit) {
    case MetricUnit::kCentimos:
      w.money(cmp::cents(*v));
      break;
    case MetricUnit::kCount:
      w.integer(static_cast<std::int64_t>(std::llround(*v)));
      break;
    case MetricUnit::kPercent:
    case MetricUnit::kRatio:
      w.fixed(*v, 4);
      break;
  }
}

nlohmann::ordered_json json_number(const Row& row, const std::optional<double>& v) {
  if (!v) return nullptr;
  if (row.unit == MetricUnit::kCentimos || row.unit == MetricUnit::kCount)
    return static_cast<std::int64_t>(std::llround(*v));
  return *v;
}

}  // namespace

std::string compare_csv(const Comparison& c) {
  std::string out;
  CsvWriter w(out);
  w.text("scope").text("year").text("metric").text("unit");
  for (std::size_t s = 0; s < c.scenarios.size(); ++s) {
    const std::string& label = c.scenarios[s].label;
    w.text(label);
    if (s > 0) w.text("diff_" + label).text("diff_pct_" + label);
  }
  w.end_row();
  for (const Row& row : c.rows) {
    w.text(row.scope).text(cmp::year_label(row.year)).text(row.name);
    w.text(cmp::unit_label(row, c.currency));
    for (std::size_t s = 0; s < c.scenarios.size(); ++s) {
      csv_value(w, row, row.values[s]);
      if (s == 0) continue;
      csv_value(w, row, row.diffs[s]);
      if (row.diff_pcts[s])
        w.fixed(*row.diff_pcts[s], 4);
      else
        w.text("");
    }
    w.end_row();
  }
  return out;
}

std::string compare_json(const Comparison& c) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["coachsim"] = COACHSIM_VERSION;
  j["currency"] = c.currency;
  j["baseline"] = c.scenarios.empty() ? "" : c.scenarios.front().label;
  ordered_json scenarios = ordered_json::array();
  for (const compare::Entry& e : c.scenarios)
    scenarios.push_back({{"name", e.label},
                         {"file", e.file},
                         {"scenario_name", e.scenario_name},
                         {"seed", e.seed}});
  j["scenarios"] = scenarios;
  ordered_json metrics = ordered_json::array();
  for (const Row& row : c.rows) {
    ordered_json m;
    m["key"] = row.key;
    m["scope"] = row.scope;
    m["year"] = row.year == 0 ? ordered_json(nullptr) : ordered_json(row.year);
    m["metric"] = row.name;
    m["unit"] = std::string(results::metric_unit_id(row.unit));
    ordered_json values = ordered_json::array(), diffs = ordered_json::array(),
                 pcts = ordered_json::array();
    for (std::size_t s = 0; s < c.scenarios.size(); ++s) {
      values.push_back(json_number(row, row.values[s]));
      diffs.push_back(json_number(row, row.diffs[s]));
      pcts.push_back(row.diff_pcts[s] ? ordered_json(*row.diff_pcts[s]) : ordered_json(nullptr));
    }
    m["values"] = values;
    m["diffs"] = diffs;
    m["diff_pcts"] = pcts;
    if (row.unit == MetricUnit::kCentimos) {
      // The same money as exact decimal text, for readers that parse numbers as doubles.
      ordered_json vt = ordered_json::array(), dt = ordered_json::array();
      for (std::size_t s = 0; s < c.scenarios.size(); ++s) {
        vt.push_back(row.values[s]
                         ? ordered_json(units::format_centimos(cmp::cents(*row.values[s])))
                         : ordered_json(nullptr));
        dt.push_back(row.diffs[s] ? ordered_json(units::format_centimos(cmp::cents(*row.diffs[s])))
                                  : ordered_json(nullptr));
      }
      m["values_text"] = vt;
      m["diffs_text"] = dt;
    }
    metrics.push_back(std::move(m));
  }
  j["metrics"] = metrics;
  return j.dump(2) + "\n";
}

void write_compare_outputs(const Comparison& c, const std::string& dir) {
  Staging staging(dir);
  staging.write("compare.csv", compare_csv(c));
  staging.write("compare.json", compare_json(c));
  staging.commit();
}

}  // namespace coachsim::report
