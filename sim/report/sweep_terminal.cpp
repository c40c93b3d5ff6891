// The sweep's terminal summary: the national headline figures with their P5/P50/P95, the
// exceedance probabilities and the top of the tornado.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/sweep_outputs.hpp"
#include "coachsim/units/parse.hpp"
#include "labels.hpp"

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

std::string pad(const std::string& s, std::size_t width) { return pad_left(s, width); }

// A metric's id in English (as in sweep.csv), its translation otherwise.
std::string label_of(const std::string& id) {
  return i18n::language() == "en" ? id : metric_label(id);
}

// "P(national cost_total all years > 1,000.00 PEN)": the event's words translated.
std::string when_words(int year) {
  return year == 0 ? tr("all years") : year < 0 ? tr("any single year") : std::to_string(year);
}

}  // namespace

std::string sweep_terminal(const SweepReport& r) {
  std::string out = r.scenario_name + " (" + r.scenario_file + "): " +
                    // "1 replications" as the English always said (a scenario without uncertainty).
                    trf("{0} replications", {std::to_string(r.config.replications)}) + ", " +
                    trf("seed {0}", {std::to_string(r.config.seed)}) + ", " +
                    fill(trn("{0} uncertain input", "{0} uncertain inputs", r.inputs.size()),
                         {std::to_string(r.inputs.size())}) +
                    "\n\n";
  out += pad_right(tr("National, all years"), 32) + pad("P5", 22) + pad("P50", 22) +
         pad("P95", 22) + "\n";
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
    std::string label =
        yearly ? label_of("cost_total") + " " + std::to_string(m.year) : label_of(m.name);
    label = pad_right(label, 32);
    const Summary& s = r.summaries[i];
    out += label + pad(show(r, m.unit, s.p5), 22) + pad(show(r, m.unit, s.p50), 22) +
           pad(show(r, m.unit, s.p95), 22) + "\n";
  }
  bool national_probability = false;
  for (const Probability& p : r.probabilities) {
    if (p.scope != "national") continue;
    if (!national_probability) out += "\n";
    national_probability = true;
    const std::string when = when_words(p.year);
    const results::MetricUnit u =
        p.metric == "cost_total" ? results::MetricUnit::kCentimos : results::MetricUnit::kPercent;
    char prob[32];
    std::snprintf(prob, sizeof prob, "%.1f%%", 100.0 * p.probability);
    out += trf("P(national {0} {1} {2} {3}) = {4}",
               {label_of(p.metric), when, p.event, show(r, u, p.threshold), prob}) +
           "\n";
  }
  if (!r.tornado.empty()) {
    out += "\n" +
           trf("Tornado, national {0} over all years (input at its P5 and P95):",
               {label_of("cost_total")}) +
           "\n";
    int shown = 0;
    for (const TornadoRow& t : r.tornado) {
      if (t.output != "cost_total" || shown == 8) continue;
      ++shown;
      const std::string field = pad_right(r.inputs[t.input].field, 40);
      out += "  " + field + " " + tr("swing") + " " +
             pad(show(r, results::MetricUnit::kCentimos, t.swing), 22) + "\n";
    }
  }
  return out;
}

}  // namespace coachsim::report
