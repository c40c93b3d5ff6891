// The sweep's CSV and JSON files. Money is shown in currency units with two decimals; other
// figures in plain decimals. Thread and process counts are never written, so the files are the
// same however the sweep was run.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "coachsim/report/sweep_outputs.hpp"
#include "csv_writer.hpp"
#include "staging.hpp"

namespace coachsim::report {

using namespace sweep;  // NOLINT: the sweep's results are what this file renders

namespace {

using nlohmann::ordered_json;

bool is_money(results::MetricUnit u) { return u == results::MetricUnit::kCentimos; }

std::string unit_label(const SweepReport& r, const results::Metric& m) {
  return is_money(m.unit) ? results::money_currency(m.name, r.currency)
                          : std::string(results::metric_unit_id(m.unit));
}

// A figure in the unit it is shown in: currency units (2 decimals) for money.
void figure(CsvWriter& w, results::MetricUnit u, double v) {
  if (is_money(u))
    w.fixed(v / 100.0, 2);
  else
    w.number(v);
}
double shown(results::MetricUnit u, double v) { return is_money(u) ? std::round(v) / 100.0 : v; }

// A coefficient with 6 decimals; tiny negatives print as 0.000000, not -0.000000.
double tidy(double v) { return std::abs(v) < 5e-7 ? 0.0 : v; }

std::string year_text(int year) {
  return year == 0 ? std::string("all") : year < 0 ? std::string("any") : std::to_string(year);
}

results::MetricUnit headline_unit(const SweepReport& r, const std::string& name) {
  const std::size_t i = headline_index(r.data.layout, name);
  return i < r.data.layout.size() ? r.data.layout[i].unit : results::MetricUnit::kCount;
}

ordered_json input_json(const scenario::UncertainInput& in) {
  return {{"field", in.field}, {"paths", in.paths},  {"shape", in.shape},     {"unit", in.unit},
          {"low", in.low},     {"high", in.high},    {"nominal", in.nominal}, {"source", in.source},
          {"line", in.line},   {"column", in.column}};
}

}  // namespace

std::string sweep_csv(const SweepReport& r) {
  std::string out = "scope,year,metric,unit,mean,sd,p5,p50,p95,min,max\n";
  CsvWriter w(out);
  for (std::size_t i = 0; i < r.data.layout.size(); ++i) {
    const results::Metric& m = r.data.layout[i];
    const Summary& s = r.summaries[i];
    w.text(m.scope).text(year_text(m.year)).text(m.name).text(unit_label(r, m));
    for (const double v : {s.mean, s.sd, s.p5, s.p50, s.p95, s.min, s.max}) figure(w, m.unit, v);
    w.end_row();
  }
  return out;
}

std::string replications_csv(const SweepReport& r) {
  std::string out;
  CsvWriter w(out);
  w.text("replication");
  for (const scenario::UncertainInput& in : r.inputs) w.text(in.field);
  const std::vector<std::string> outputs = headline_outputs(r.data.layout);
  for (const std::string& name : outputs) w.text(name);
  w.end_row();
  const ReplicationSet& d = r.data;
  for (std::size_t k = 0; k < d.indices.size(); ++k) {
    const double* row = d.rows.data() + k * d.width();
    w.integer(static_cast<std::int64_t>(d.indices[k] + 1));
    for (std::size_t j = 0; j < d.inputs; ++j) w.number(row[d.layout.size() + j]);
    for (const std::string& name : outputs)
      figure(w, headline_unit(r, name), row[headline_index(d.layout, name)]);
    w.end_row();
  }
  return out;
}

std::string tornado_csv(const SweepReport& r) {
  std::string out =
      "output,rank,input,unit,input_low,input_high,output_low,output_high,output_nominal,swing\n";
  CsvWriter w(out);
  const std::vector<std::string> outputs = headline_outputs(r.data.layout);  // tornado_base's order
  std::string last;
  int rank = 0;
  for (const TornadoRow& t : r.tornado) {
    rank = t.output == last ? rank + 1 : 1;
    last = t.output;
    const results::MetricUnit u = headline_unit(r, t.output);
    const auto o = static_cast<std::size_t>(std::find(outputs.begin(), outputs.end(), t.output) -
                                            outputs.begin());
    w.text(t.output).integer(rank).text(r.inputs[t.input].field).text(r.inputs[t.input].unit);
    w.number(t.input_low).number(t.input_high);
    figure(w, u, t.at_low);
    figure(w, u, t.at_high);
    figure(w, u, o < r.tornado_base.size() ? r.tornado_base[o] : 0.0);
    figure(w, u, t.swing);
    w.end_row();
  }
  return out;
}

std::string sensitivity_csv(const SweepReport& r) {
  std::string out = "output,input,src,included,r2,note\n";
  CsvWriter w(out);
  for (const SensitivityRow& s : r.sensitivity) {
    w.text(s.output).text(r.inputs[s.input].field).fixed(tidy(s.src), 6);
    w.text(s.included ? "yes" : "no").fixed(tidy(s.r2), 6).text(s.note);
    w.end_row();
  }
  return out;
}

std::string probabilities_csv(const SweepReport& r) {
  std::string out = "scope,year,metric,event,threshold,probability\n";
  CsvWriter w(out);
  for (const Probability& p : r.probabilities) {
    const results::MetricUnit u =
        p.metric == "cost_total" ? results::MetricUnit::kCentimos : results::MetricUnit::kPercent;
    w.text(p.scope).text(year_text(p.year)).text(p.metric).text(p.event);
    figure(w, u, p.threshold);
    w.fixed(p.probability, 4);
    w.end_row();
  }
  return out;
}

std::string sweep_json(const SweepReport& r) {
  ordered_json j;
  j["coachsim_version"] = COACHSIM_VERSION;
  j["scenario"] = {{"name", r.scenario_name}, {"file", r.scenario_file}, {"currency", r.currency}};
  j["seed"] = r.config.seed;
  j["replications"] = r.config.replications;
  j["percentiles"] = "linear interpolation between order statistics (Hyndman-Fan type 7)";
  for (const BudgetLimit& b : r.config.budget_limits)
    j["budget_limits"].push_back(
        {{"year", b.year == BudgetLimit::kTotal       ? ordered_json("total")
                  : b.year == BudgetLimit::kEveryYear ? ordered_json("every")
                                                      : ordered_json(b.year)},
         {"amount", shown(results::MetricUnit::kCentimos, static_cast<double>(b.centimos))}});
  if (r.config.coverage_target) j["coverage_target_pct"] = *r.config.coverage_target;
  if (r.config.full_protocol_target) j["full_protocol_target_pct"] = *r.config.full_protocol_target;
  j["inputs"] = ordered_json::array();
  for (const auto& in : r.inputs) j["inputs"].push_back(input_json(in));
  j["metrics"] = ordered_json::array();
  for (std::size_t i = 0; i < r.data.layout.size(); ++i) {
    const results::Metric& m = r.data.layout[i];
    const Summary& s = r.summaries[i];
    auto v = [&](double x) { return shown(m.unit, x); };
    j["metrics"].push_back({{"scope", m.scope},
                            {"year", year_text(m.year)},
                            {"metric", m.name},
                            {"unit", unit_label(r, m)},
                            {"mean", v(s.mean)},
                            {"sd", v(s.sd)},
                            {"p5", v(s.p5)},
                            {"p50", v(s.p50)},
                            {"p95", v(s.p95)},
                            {"min", v(s.min)},
                            {"max", v(s.max)}});
  }
  j["probabilities"] = ordered_json::array();
  for (const Probability& p : r.probabilities)
    j["probabilities"].push_back(
        {{"scope", p.scope},
         {"year", year_text(p.year)},
         {"metric", p.metric},
         {"event", p.event},
         {"threshold", p.metric == "cost_total" ? shown(results::MetricUnit::kCentimos, p.threshold)
                                                : p.threshold},
         {"probability", p.probability}});
  j["tornado"] = ordered_json::array();
  for (const TornadoRow& t : r.tornado) {
    const results::MetricUnit u = headline_unit(r, t.output);
    j["tornado"].push_back({{"output", t.output},
                            {"input", r.inputs[t.input].field},
                            {"input_low", t.input_low},
                            {"input_high", t.input_high},
                            {"output_low", shown(u, t.at_low)},
                            {"output_high", shown(u, t.at_high)},
                            {"swing", shown(u, t.swing)}});
  }
  j["sensitivity"] = ordered_json::array();
  for (const SensitivityRow& s : r.sensitivity)
    j["sensitivity"].push_back({{"output", s.output},
                                {"input", r.inputs[s.input].field},
                                {"src", s.src},
                                {"included", s.included},
                                {"r2", s.r2},
                                {"note", s.note}});
  j["replication_rows"] = ordered_json::array();
  const ReplicationSet& d = r.data;
  for (std::size_t k = 0; k < d.indices.size(); ++k) {
    const double* row = d.rows.data() + k * d.width();
    ordered_json rep{{"replication", d.indices[k] + 1}};
    rep["drawn"] = std::vector<double>(row + d.layout.size(), row + d.width());
    for (const std::string& name : headline_outputs(d.layout)) {
      const std::size_t i = headline_index(d.layout, name);
      rep[name] = shown(d.layout[i].unit, row[i]);
    }
    j["replication_rows"].push_back(rep);
  }
  return j.dump(2) + "\n";
}

void write_sweep_outputs(const SweepReport& r, const std::string& dir) {
  Staging staging(dir);
  staging.write("sweep.csv", sweep_csv(r));
  staging.write("replications.csv", replications_csv(r));
  if (r.config.tornado) staging.write("tornado.csv", tornado_csv(r));
  staging.write("sensitivity.csv", sensitivity_csv(r));
  if (!r.probabilities.empty()) staging.write("probabilities.csv", probabilities_csv(r));
  staging.write("sweep.json", sweep_json(r));
  staging.commit();
}

}  // namespace coachsim::report
