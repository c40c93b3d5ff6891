// The terminal summary's results block: for each school year the cost, the teachers who got
// the full protocol and what a unit of money bought, side by side, so that a cut that saves
// money but breaks the protocol shows both at once.
#include <cstdio>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/units/parse.hpp"
#include "labels.hpp"
#include "report_files.hpp"

namespace coachsim::report {
namespace {

std::string cell(const std::string& s, std::size_t width) {
  return text_width(s) >= width ? " " + s : pad_left(s, width);
}
std::string fmt(const char* format, double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}
std::string count(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace

std::string outcomes_summary(const RunReport& report) {
  const results::Results& res = report.results;
  if (!res.has_outcomes && !res.has_prices) return "";
  const std::string& cur = report.scenario.currency;
  std::string out = "\n";
  if (res.has_prices)
    out +=
        trf("Results per school year (cost in {0} at constant prices of {1}; US$ at current "
            "prices)",
            {cur, std::to_string(report.scenario.prices->price_year)});
  else
    out += trf("Results per school year (cost in {0} at constant prices)", {cur});
  out += "\n";
  out += pad_right(tr("year"), 6) + cell(tr("cost total"), 18);
  if (res.has_prices) out += cell(tr("cost US$"), 16) + cell(tr("US$/student"), 12);
  if (res.has_outcomes) {
    out += cell(tr("full protocol"), 14) + cell(tr("per full-prot."), 15) +
           cell(tr("student SD"), 11) + cell(tr("teacher SD"), 11);
    if (res.has_prices) out += cell(tr("SD/US$100"), 10);
  }
  out += "\n";
  for (const results::Row& r : res.national) {
    const results::RowOutcomes& o = r.outcome;
    out += std::to_string(r.year) + "  " + cell(units::format_centimos_grouped(r.cost_total), 18);
    if (res.has_prices)
      out += cell(units::format_centimos_grouped(o.cost_total_usd), 16) +
             cell(units::format_centimos_grouped(o.cost_per_student_usd), 12);
    if (res.has_outcomes) {
      out += cell(count(r.tally.teachers_full_protocol), 14) +
             cell(units::format_centimos_grouped(o.cost_per_full_protocol_teacher), 15) +
             cell(fmt("%.4f", o.student_learning_sd), 11) +
             cell(fmt("%.4f", o.teacher_practice_sd), 11);
      if (res.has_prices) out += cell(fmt("%.4f", o.sd_per_usd100), 10);
    }
    out += "\n";
  }
  if (res.has_outcomes)
    out += "  " +
           tr("student/teacher SD: mean effect over coached teachers' students / coached "
              "teachers, scaled by the dose each received (outcomes: in the scenario; "
              "projections from the cited studies, not measured)") +
           "\n";
  if (res.has_outcomes && res.has_prices) {
    out += "  " +
           trf("SD/US$100: the gain level reached (effects are levels after 1, 2, 3 years) over "
               "the cost per student of every year that produced it, US$ of the entry year, "
               "discounted at {0} a year",
               {fmt("%.1f%%", report.scenario.outcomes->discount_rate * 100.0)}) +
           "\n";
    for (const results::CohortEffect& c : res.cohorts)
      out += "  " +
             trf("cohort {0}-{1}: gain {2} SD / US${3} per student = {4} SD per US$100",
                 {std::to_string(c.entry_year), std::to_string(c.end_year),
                  fmt("%.4f", c.mean_gain_sd()), fmt("%.2f", c.cost_per_student_usd()),
                  fmt("%.4f", c.sd_per_usd100())}) +
             "\n";
    if (res.cohorts.size() > 1)
      out +=
          "  " + trf("all cohorts: {0} SD per US$100", {fmt("%.4f", res.sd_per_usd100_all)}) + "\n";
  }
  return out;
}

}  // namespace coachsim::report
