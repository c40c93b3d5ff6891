// regions.csv, national.csv, variance.csv and missed.csv.
#include "coachsim/ledger/entry.hpp"
#include "coachsim/report/run_report.hpp"
#include "coachsim/results/metric_list.hpp"
#include "csv_writer.hpp"
#include "report_files.hpp"

namespace coachsim::report {
namespace {

// Growth columns (scale_up / coach_supply), then the turnover column (teacher_turnover), then
// the prices: and outcomes: columns come after every other column, and only for scenarios that
// use them (results::table_layout), so other scenarios' files keep their layout.
results::TableOptions options(const RunReport& report, bool national) {
  return {national,
          report.scenario.scale_up.enabled || report.scenario.coach_supply.enabled,
          report.scenario.teacher_turnover.enabled,
          report.results.has_prices,
          report.results.has_outcomes,
          report.results.costs.get()};
}

// One cell of a metric: counts as integers, money with two decimals, percents and ratios with
// the metric's decimals.
void cell(CsvWriter& w, const results::MetricDef& m, const results::Row& r) {
  switch (m.unit) {
    case results::MetricUnit::kCount:
      w.integer(results::exact_value(m, r));
      break;
    case results::MetricUnit::kCentimos:
      w.money(results::exact_value(m, r));
      break;
    case results::MetricUnit::kPercent:
    case results::MetricUnit::kRatio:
      w.fixed(results::real_value(m, r), m.decimals);
      break;
  }
}

// The header and every row from the same layout, so they cannot get out of step.
std::string table(const std::vector<results::Row>& rows, const results::TableOptions& with) {
  const std::vector<const results::MetricDef*> layout = results::table_layout(with);
  std::string out;
  CsvWriter w(out);
  w.text("region").text("year");
  for (const results::MetricDef* m : layout) w.text(m->id);
  w.end_row();
  for (const results::Row& r : rows) {
    w.text(r.region).integer(r.year);
    for (const results::MetricDef* m : layout) cell(w, *m, r);
    w.end_row();
  }
  return out;
}

}  // namespace

std::string regions_csv(const RunReport& report) {
  return table(report.results.regions, options(report, false));
}

std::string national_csv(const RunReport& report) {
  return table(report.results.national, options(report, true));
}

std::string variance_csv(const RunReport& report) {
  std::string out;
  CsvWriter w(out);
  for (const char* h :
       {"year", "metric", "n", "min", "max", "mean", "sd", "min_region", "max_region"})
    w.text(h);
  w.end_row();
  for (const results::Spread& s : report.results.variance) {
    w.integer(s.year).text(s.metric).integer(s.n);
    w.fixed(s.min, 2).fixed(s.max, 2).fixed(s.mean, 2).fixed(s.sd, 2);
    w.text(s.min_region).text(s.max_region);
    w.end_row();
  }
  return out;
}

std::string missed_csv(const RunReport& report) {
  const programme::Population& pop = report.population;
  std::string out;
  CsvWriter w(out);
  for (const char* h : {"date", "year", "region", "ugel", "coach", "school", "activity", "round",
                        "quantity", "reason"})
    w.text(h);
  const bool budget = report.results.execution.enabled;  // adds each activity's budget class
  if (budget) w.text("budget_class");
  w.end_row();
  for (const programme::MissedRecord& m : report.tally.missed()) {
    w.text(format_day(m.date)).integer(report.scenario.years[m.year_index].year);
    w.text(pop.regions[m.region].id).text(pop.ugels[m.ugel].name).text(coach_name(m.coach));
    w.text(m.school == UINT32_MAX ? std::string_view{} : pop.schools[m.school].id);
    w.text(report.results.costs->activity_id(m.activity)).integer(m.round + 1).integer(m.quantity);
    w.text(programme::miss_reason_id(m.reason));
    if (budget) w.text(missed_budget_class(report, m.activity));
    w.end_row();
  }
  return out;
}

}  // namespace coachsim::report
