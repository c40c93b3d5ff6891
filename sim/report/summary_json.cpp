// summary.json: the run's identity (scenario, seed, version), national figures per year, and
// per-region figures, for scripts. Money is given both as céntimos (exact integers) and as a
// decimal string in the scenario currency.
#include <nlohmann/json.hpp>

#include "coachsim/ledger/entry.hpp"
#include "coachsim/results/metric_list.hpp"
#include "coachsim/results/metrics.hpp"
#include "coachsim/units/parse.hpp"
#include "report_files.hpp"

namespace coachsim::report {
namespace {

using nlohmann::ordered_json;

ordered_json money(std::int64_t centimos) {
  return ordered_json{{"centimos", centimos}, {"amount", units::format_centimos(centimos)}};
}

ordered_json usd(std::int64_t cents) {
  return ordered_json{{"cents", cents}, {"amount", units::format_centimos(cents)}};
}

// A metric's value as summary.json gives it: counts as integers, percents and ratios as
// numbers, money as céntimos and amount (US$ figures, named *_usd, as cents and amount).
ordered_json value(const results::MetricDef& m, const results::Row& r) {
  switch (m.unit) {
    case results::MetricUnit::kCount:
      return results::exact_value(m, r);
    case results::MetricUnit::kCentimos:
      return results::money_currency(m.id, "") == "USD" ? usd(results::exact_value(m, r))
                                                        : money(results::exact_value(m, r));
    case results::MetricUnit::kPercent:
    case results::MetricUnit::kRatio:
      break;
  }
  return results::real_value(m, r);
}

void put(ordered_json& j, const std::vector<const results::MetricDef*>& layout,
         const results::Row& r) {
  for (const results::MetricDef* m : layout) j[std::string(m->id)] = value(*m, r);
}

ordered_json row_json(const results::Row& r, const results::Results& results) {
  ordered_json j;
  j["region"] = r.region;
  j["year"] = r.year;
  put(j, results::json_layout(r.national), r);
  ordered_json cats = ordered_json::object();
  for (std::size_t c = 0; c < results.category_count(); ++c)
    cats[std::string(results.costs->category_id(static_cast<costs::Category>(c)))] =
        value(results::category_metric(*results.costs, static_cast<int>(c)), r);
  j["cost_by_category"] = cats;
  if (results.has_prices) {
    ordered_json prices;
    put(prices, results::json_prices_layout(), r);
    j["prices"] = prices;
  }
  if (results.has_outcomes) {
    ordered_json out;
    put(out, results::json_outcomes_layout(results.has_prices), r);
    // The cost behind sd_per_usd100, in US$.
    if (results.has_prices) out["cost_to_date_usd"] = r.outcome.cost_to_date_usd / 100.0;
    j["outcomes"] = out;
  }
  return j;
}

}  // namespace

std::string summary_json(const RunReport& report) {
  ordered_json j;
  j["coachsim_version"] = COACHSIM_VERSION;
  j["scenario"] = {{"name", report.scenario.name},
                   {"file", report.scenario_file},
                   {"currency", report.scenario.currency},
                   {"seed", report.scenario.seed}};
  // --set arguments and detected CSV dialects; absent for a plain scenario file.
  if (!report.scenario.provenance.empty()) j["scenario"]["inputs"] = report.scenario.provenance;
  j["events"] = report.events;
  j["ledger_entries"] = report.ledger.entry_count();
  j["cost_total"] = money(report.results.grand_total);
  j["national"] = ordered_json::array();
  for (const results::Row& r : report.results.national)
    j["national"].push_back(row_json(r, report.results));
  if (report.results.has_outcomes && report.results.has_prices) {
    // Cost-effectiveness per entry cohort: the gain at the end of its coaching over the cost
    // per student of every year that produced it (US$ of the entry year, discounted).
    ordered_json ce;
    ce["discount_rate"] = report.scenario.outcomes->discount_rate;
    ce["sd_per_usd100"] = report.results.sd_per_usd100_all;
    ce["cohorts"] = ordered_json::array();
    for (const results::CohortEffect& c : report.results.cohorts)
      ce["cohorts"].push_back({{"entry_year", c.entry_year},
                               {"end_year", c.end_year},
                               {"teachers", c.teachers},
                               {"students", c.students},
                               {"gain_sd", c.mean_gain_sd()},
                               {"cost_per_student_usd", c.cost_per_student_usd()},
                               {"sd_per_usd100", c.sd_per_usd100()}});
    j["cost_effectiveness"] = ce;
  }
  j["regions"] = ordered_json::array();
  for (const results::Row& r : report.results.regions)
    j["regions"].push_back(row_json(r, report.results));
  j["variance"] = ordered_json::array();
  for (const results::Spread& s : report.results.variance)
    j["variance"].push_back({{"year", s.year},
                             {"metric", s.metric},
                             {"n", s.n},
                             {"min", s.min},
                             {"max", s.max},
                             {"mean", s.mean},
                             {"sd", s.sd},
                             {"min_region", s.min_region},
                             {"max_region", s.max_region}});
  if (report.results.execution.enabled) j["budget"] = budget_json(report);
  return j.dump(2) + "\n";
}

std::string run_summary_json(const RunReport& report) { return summary_json(report); }

std::string load_errors_json(const std::string& input,
                             const std::vector<scenario::LoadError>& errors) {
  ordered_json j;
  j["input"] = input;
  j["valid"] = errors.empty();
  j["errors"] = ordered_json::array();
  for (const scenario::LoadError& e : errors)
    j["errors"].push_back({{"file", e.file},
                           {"line", e.line},
                           {"column", e.column},
                           {"field", e.field},
                           {"message", e.message}});
  // Files are checked to be UTF-8, but a path given on the command line may not be.
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace coachsim::report
