// The sweep's terminal summary: the national headline figures with their P5/P50/P95, the
// exceedance probabilities and the top of the tornado.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "coachsim/report/sweep_outputs.hpp"
#include "coachsim/units/parse.hpp"

namespace coachsim::report {

using namespace sweep;  // NOLINT: the sweep's results are what this file renders

namespace {

std::string show(const SweepReport& r, results::MetricUnit u, double v) {
  if (u == results::MetricUnit::kCentimos)
    return units::format_centimos_grouped(static_cast<std::int64_t>(std::llround(v))) + " " +
           r.currency;
  char buf[64];
  std::snprintf(buf, sizeof buf, u == results::MetricUnit::kPercent ? "%.2f%%" : "%.2f", v);
  return buf;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.insert(0, width - s.size(), ' ');
  return s;
}

}  // namespace

std::string sweep_terminal(const SweepReport& r) {
  std::string out = r.scenario_name + " (" + r.scenario_file +
                    "): " + std::to_string(r.config.replications) + " replications, seed " +
                    std::to_string(r.config.seed) + ", " + std::to_string(r.inputs.size()) +
                    " uncertain input" + (r.inputs.size() == 1 ? "" : "s") + "\n\n";
  out +=
      "National, all years             " + pad("P5", 22) + pad("P50", 22) + pad("P95", 22) + "\n";
  const ReplicationSet& d = r.data;
  for (std::size_t i = 0; i < d.layout.size(); ++i) {
    const results::Metric& m = d.layout[i];
    if (m.scope != "national") continue;
    const bool headline =
        m.year == 0 &&
        (m.name == "cost_total" || m.name == "cost_per_teacher" || m.name == "coverage_pct" ||
         m.name == "full_protocol_pct" || m.name == "teachers_reached");
    const bool yearly = m.year != 0 && m.name == "cost_total";
    if (!headline && !yearly) continue;
    std::string label = yearly ? "cost_total " + std::to_string(m.year) : m.name;
    label.resize(32, ' ');
    const Summary& s = r.summaries[i];
    out += label + pad(show(r, m.unit, s.p5), 22) + pad(show(r, m.unit, s.p50), 22) +
           pad(show(r, m.unit, s.p95), 22) + "\n";
  }
  bool national_probability = false;
  for (const Probability& p : r.probabilities) {
    if (p.scope != "national") continue;
    if (!national_probability) out += "\n";
    national_probability = true;
    const std::string when = p.year == 0  ? "all years"
                             : p.year < 0 ? "any single year"
                                          : std::to_string(p.year);
    const results::MetricUnit u =
        p.metric == "cost_total" ? results::MetricUnit::kCentimos : results::MetricUnit::kPercent;
    char prob[32];
    std::snprintf(prob, sizeof prob, "%.1f%%", 100.0 * p.probability);
    out += "P(national " + p.metric + " " + when + " " + p.event + " " + show(r, u, p.threshold) +
           ") = " + prob + "\n";
  }
  if (!r.tornado.empty()) {
    out += "\nTornado, national cost_total over all years (input at its P5 and P95):\n";
    int shown = 0;
    for (const TornadoRow& t : r.tornado) {
      if (t.output != "cost_total" || shown == 8) continue;
      ++shown;
      std::string field = r.inputs[t.input].field;
      field.resize(std::max<std::size_t>(field.size(), 40), ' ');
      out += "  " + field + " swing " + pad(show(r, results::MetricUnit::kCentimos, t.swing), 22) +
             "\n";
    }
  }
  return out;
}

}  // namespace coachsim::report
