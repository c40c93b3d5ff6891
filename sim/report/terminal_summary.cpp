// The summary `coachsim run` prints: national figures per year, then the regions of the last
// year with their unit costs, aligned, with thousands separators and units.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "coachsim/ledger/entry.hpp"
#include "coachsim/units/parse.hpp"
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

std::string pad_left(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}
std::string pad_right(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
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

}  // namespace

std::string terminal_summary(const RunReport& report) {
  const std::string& cur = report.scenario.currency;
  std::string out;
  out += "coachsim " COACHSIM_VERSION ": " + report.scenario.name + "\n";
  out += "scenario " + report.scenario_file + ", seed " + std::to_string(report.scenario.seed) +
         ", " + grouped(static_cast<std::int64_t>(report.events)) + " events, " +
         grouped(static_cast<std::int64_t>(report.ledger.entry_count())) + " ledger entries\n\n";

  out += "National, per school year (money in " + cur + ")\n";
  out += pad_right("year", 6) + pad_left("teachers", 10) + pad_left("coaches", 9) +
         pad_left("cost total", 18) + pad_left("per teacher", 13) + pad_left("per coach", 13) +
         pad_left("compliance", 12) + pad_left("full protocol", 15) + "\n";
  for (const results::Row& r : report.results.national) {
    out += pad_right(std::to_string(r.year), 6) + pad_left(grouped(r.tally.teachers), 10) +
           pad_left(grouped(r.tally.coaches), 9) +
           pad_left(units::format_centimos_grouped(r.cost_total), 18) +
           pad_left(units::format_centimos_grouped(r.cost_per_teacher), 13) +
           pad_left(units::format_centimos_grouped(r.cost_per_coach), 13) +
           pad_left(pct(r.compliance_pct), 12) + pad_left(pct(r.full_protocol_pct), 15) + "\n";
  }
  out += outcomes_summary(report);

  if (!report.results.national.empty()) {
    const results::Row& last = report.results.national.back();
    out += "\nCost by category, " + std::to_string(last.year) + " (" + cur + ")\n";
    for (int c = 0; c < ledger::kCategoryCount; ++c) {
      const std::int64_t v = last.cost_by_category[static_cast<std::size_t>(c)];
      const double share = last.cost_total == 0 ? 0.0 : 100.0 * v / last.cost_total;
      out += "  " +
             pad_right(std::string(ledger::category_id(static_cast<ledger::Category>(c))), 20) +
             pad_left(units::format_centimos_grouped(v), 18) + pad_left(pct(share), 8) + "\n";
    }

    if (last.cost_outside_regions != 0) {
      out += "  of which executed outside the regions: " +
             units::format_centimos_grouped(last.cost_outside_regions) + "\n";
    }
    out += "\nRegions, " + std::to_string(last.year) + " (" + cur + ")\n";
    out += pad_right("region", 20) + pad_left("teachers", 9) + pad_left("coaches", 8) +
           pad_left("t/coach", 8) + pad_left("per teacher", 13) + pad_left("per coach", 13) +
           pad_left("compliance", 11) + "\n";
    for (const results::Row& r : report.results.regions) {
      if (r.year != last.year) continue;
      out += pad_right(r.region, 20) + pad_left(grouped(r.tally.teachers), 9) +
             pad_left(grouped(r.tally.coaches), 8) + pad_left(dec(r.teachers_per_coach), 8) +
             pad_left(units::format_centimos_grouped(r.cost_per_teacher), 13) +
             pad_left(units::format_centimos_grouped(r.cost_per_coach), 13) +
             pad_left(pct(r.compliance_pct), 11) + "\n";
    }
    out += "\nSpread across regions, " + std::to_string(last.year) +
           " (sample SD; Sempé 2015 Table 22 layout)\n";
    out += pad_right("metric", 20) + pad_left("n", 4) + pad_left("min", 12) + pad_left("max", 12) +
           pad_left("mean", 12) + pad_left("sd", 12) + "\n";
    for (const results::Spread& s : report.results.variance) {
      if (s.year != last.year) continue;
      out += pad_right(s.metric, 20) + pad_left(std::to_string(s.n), 4) +
             pad_left(dec_grouped(s.min), 12) + pad_left(dec_grouped(s.max), 12) +
             pad_left(dec_grouped(s.mean), 12) + pad_left(dec_grouped(s.sd), 12) + "\n";
    }
  }
  if (report.results.execution.enabled) out += budget_terminal(report);
  return out;
}

}  // namespace coachsim::report
