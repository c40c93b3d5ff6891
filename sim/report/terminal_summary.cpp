// The summary `coachsim run` prints: national figures per year, then the regions of the last
// year with their unit costs, aligned, with thousands separators and units.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/ledger/entry.hpp"
#include "coachsim/results/metric_list.hpp"
#include "coachsim/units/parse.hpp"
#include "labels.hpp"
#include "report_files.hpp"

namespace coachsim::report {
namespace {

std::string grouped(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

std::string pct(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", v);
  return buf;
}
std::string dec(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}
// Two decimals with thousands separators, e.g. 35648 -> "35,648.00".
std::string dec_grouped(double v) {
  return units::format_centimos_grouped(static_cast<std::int64_t>(std::llround(v * 100.0)));
}

// A metric in a terminal column: counts and money grouped in thousands, percents with one
// decimal, ratios with two. The heading is translated where it is shown (N_ marks it).
struct Column {
  const results::MetricDef& metric;
  const char* heading;
  std::size_t width;
};

std::string shown(const results::MetricDef& m, const results::Row& r) {
  switch (m.unit) {
    case results::MetricUnit::kCount:
      return grouped(results::exact_value(m, r));
    case results::MetricUnit::kCentimos:
      return units::format_centimos_grouped(results::exact_value(m, r));
    case results::MetricUnit::kPercent:
      return pct(results::real_value(m, r));
    case results::MetricUnit::kRatio:
      break;
  }
  return dec(results::real_value(m, r));
}

template <std::size_t N>
std::string headings(const Column (&columns)[N]) {
  std::string out;
  for (const Column& c : columns) {
    // A translated heading as wide as its column keeps one space before it.
    const std::string h = tr(c.heading);
    out += pad_left(text_width(h) >= c.width ? " " + h : h, c.width);
  }
  return out + "\n";
}

template <std::size_t N>
std::string cells(const Column (&columns)[N], const results::Row& r) {
  std::string out;
  for (const Column& c : columns) out += pad_left(shown(c.metric, r), c.width);
  return out + "\n";
}

namespace m = results::metric;
const Column kNational[] = {{m::kTeachers, N_("teachers"), 10},
                            {m::kCoaches, N_("coaches"), 9},
                            {m::kCostTotal, N_("cost total"), 18},
                            {m::kCostPerTeacher, N_("per teacher"), 13},
                            {m::kCostPerCoach, N_("per coach"), 13},
                            {m::kCompliancePct, N_("compliance"), 12},
                            {m::kFullProtocolPct, N_("full protocol"), 15}};
const Column kRegions[] = {
    {m::kTeachers, N_("teachers"), 9},        {m::kCoaches, N_("coaches"), 8},
    {m::kTeachersPerCoach, N_("t/coach"), 8}, {m::kCostPerTeacher, N_("per teacher"), 13},
    {m::kCostPerCoach, N_("per coach"), 13},  {m::kCompliancePct, N_("compliance"), 11}};

}  // namespace

std::string terminal_summary(const RunReport& report) {
  const std::string& cur = report.scenario.currency;
  std::string out;
  out += "coachsim " COACHSIM_VERSION ": " + report.scenario.name + "\n";
  out += trf("scenario {0}, seed {1}, {2} events, {3} ledger entries",
             {report.scenario_file, std::to_string(report.scenario.seed),
              grouped(static_cast<std::int64_t>(report.events)),
              grouped(static_cast<std::int64_t>(report.ledger.entry_count()))}) +
         "\n\n";

  out += trf("National, per school year (money in {0})", {cur}) + "\n";
  out += pad_right(tr("year"), 6) + headings(kNational);
  for (const results::Row& r : report.results.national)
    out += pad_right(std::to_string(r.year), 6) + cells(kNational, r);
  out += outcomes_summary(report);

  if (!report.results.national.empty()) {
    const results::Row& last = report.results.national.back();
    const std::string year = std::to_string(last.year);
    out += "\n" + trf("Cost by category, {0} ({1})", {year, cur}) + "\n";
    // Labels wider than 20 characters (some translations) widen the column rather than touch
    // the figures.
    std::size_t label_width = 20;
    const costs::CostTable& costs = *report.results.costs;
    for (std::size_t c = 0; c < costs.category_count(); ++c)
      label_width = std::max(
          label_width, text_width(category_label(costs, static_cast<costs::Category>(c))) + 1);
    for (std::size_t c = 0; c < costs.category_count(); ++c) {
      const std::int64_t v = last.cost_by_category[c];
      const double share = last.cost_total == 0 ? 0.0 : 100.0 * v / last.cost_total;
      out += "  " + pad_right(category_label(costs, static_cast<costs::Category>(c)), label_width) +
             pad_left(units::format_centimos_grouped(v), 18) + pad_left(pct(share), 8) + "\n";
    }

    if (last.cost_outside_regions != 0) {
      out += "  " +
             trf("of which executed outside the regions: {0}",
                 {units::format_centimos_grouped(last.cost_outside_regions)}) +
             "\n";
    }
    out += "\n" + trf("Regions, {0} ({1})", {year, cur}) + "\n";
    out += pad_right(tr("region"), 20) + headings(kRegions);
    for (const results::Row& r : report.results.regions)
      if (r.year == last.year) out += pad_right(r.region, 20) + cells(kRegions, r);
    out += "\n" +
           trf("Spread across regions, {0} (sample SD; Sempé 2015 Table 22 layout)", {year}) + "\n";
    std::size_t metric_width = 20;
    for (const results::Spread& s : report.results.variance)
      if (s.year == last.year)
        metric_width = std::max(metric_width, text_width(metric_label(s.metric)) + 1);
    out += pad_right(tr("metric"), metric_width) + pad_left("n", 4) + pad_left(tr("min"), 12) +
           pad_left(tr("max"), 12) + pad_left(tr("mean"), 12) + pad_left(tr("sd"), 12) + "\n";
    for (const results::Spread& s : report.results.variance) {
      if (s.year != last.year) continue;
      out += pad_right(metric_label(s.metric), metric_width) + pad_left(std::to_string(s.n), 4) +
             pad_left(dec_grouped(s.min), 12) + pad_left(dec_grouped(s.max), 12) +
             pad_left(dec_grouped(s.mean), 12) + pad_left(dec_grouped(s.sd), 12) + "\n";
    }
  }
  if (report.results.execution.enabled) out += budget_terminal(report);
  return out;
}

}  // namespace coachsim::report
