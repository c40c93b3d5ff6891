// From the replications to the figures a sweep reports: statistics per metric, exceedance
// probabilities, tornado, SRCs.
#include <algorithm>

#include "coachsim/sweep/sweep.hpp"

namespace coachsim::sweep {
namespace {

std::vector<double> column(const ReplicationSet& data, std::size_t col) {
  std::vector<double> v;
  v.reserve(data.indices.size());
  const std::size_t w = data.width();
  for (std::size_t r = 0; r < data.indices.size(); ++r) v.push_back(data.rows[r * w + col]);
  return v;
}

void add_probabilities(const SweepConfig& config, const ReplicationSet& data,
                       std::vector<Probability>& out) {
  const auto& layout = data.layout;
  for (const BudgetLimit& budget : config.budget_limits) {
    const auto limit = static_cast<double>(budget.centimos);
    // A limit for one year or the total is tested there only; a limit for every year is
    // tested against each year, and against the worst year (whether any single year exceeds).
    std::vector<double> worst(data.indices.size(), 0.0);
    bool any_year = false;
    for (std::size_t i = 0; i < layout.size(); ++i) {
      if (layout[i].scope != "national" || layout[i].name != "cost_total") continue;
      const bool every = budget.year == BudgetLimit::kEveryYear && layout[i].year != 0;
      if (!every && layout[i].year != budget.year) continue;
      const std::vector<double> v = column(data, i);
      out.push_back({"national", layout[i].year, "cost_total", ">", limit, share_above(v, limit)});
      if (!every) continue;
      any_year = true;
      for (std::size_t r = 0; r < v.size(); ++r) worst[r] = std::max(worst[r], v[r]);
    }
    if (any_year)
      out.push_back({"national", -1, "cost_total", ">", limit, share_above(worst, limit)});
  }
  // Per region and year; the full-protocol share also over all years, the headline question
  // (coverage over all years is not a share of one year's teachers).
  const auto below = [&](const std::optional<double>& target, const std::string& metric) {
    if (!target) return;
    for (std::size_t i = 0; i < layout.size(); ++i)
      if (layout[i].name == metric && (layout[i].year != 0 || metric == "full_protocol_pct"))
        out.push_back({layout[i].scope, layout[i].year, metric, "<", *target,
                       share_below(column(data, i), *target)});
  };
  below(config.coverage_target, "coverage_pct");
  below(config.full_protocol_target, "full_protocol_pct");
}

}  // namespace

SweepReport build_report(const scenario::ScenarioDocument& document, const SweepConfig& config,
                         ReplicationSet data) {
  SweepReport report;
  report.scenario_name = document.nominal().name;
  report.scenario_file = document.name();
  report.currency = document.nominal().currency;
  report.config = config;
  report.inputs = document.inputs();
  report.data = std::move(data);
  const ReplicationSet& d = report.data;
  for (std::size_t i = 0; i < d.layout.size(); ++i)
    report.summaries.push_back(summarise(column(d, i)));
  add_probabilities(config, d, report.probabilities);

  std::vector<std::vector<double>> x;
  for (std::size_t j = 0; j < d.inputs; ++j) x.push_back(column(d, d.layout.size() + j));
  for (const std::string& name : headline_outputs()) {
    const std::size_t i = headline_index(d.layout, name);
    if (i == d.layout.size() || x.empty()) continue;
    const Regression reg = standardised_regression(x, column(d, i));
    const bool fitted =
        std::find(reg.included.begin(), reg.included.end(), true) != reg.included.end();
    for (std::size_t j = 0; j < x.size(); ++j) {
      std::string note;
      if (!reg.included[j]) note = fitted ? "input has zero variance; left out" : reg.note;
      report.sensitivity.push_back({name, j, reg.src[j], reg.included[j], reg.r2, note});
    }
  }
  return report;
}

}  // namespace coachsim::sweep
