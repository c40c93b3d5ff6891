// The audit's files and terminal summary.
#include "coachsim/report/audit_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/units/parse.hpp"
#include "csv_writer.hpp"
#include "labels.hpp"
#include "staging.hpp"

namespace coachsim::report {
namespace {

using audit::RegionAudit;
using audit::YearAudit;

// A ratio the actuals cannot give (a count missing or zero) is blank, never 0.00.
void ratio_cell(CsvWriter& w, double v) {
  if (v > 0)
    w.fixed(v, 2);
  else
    w.text("");
}

// Blank when the region is not in the metric's spread (its ratio is blank).
void z_cells(CsvWriter& w, double z, bool in_spread, const int* flag) {
  if (in_spread)
    w.fixed(z, 2);
  else
    w.text("");
  if (flag == nullptr) return;
  if (in_spread)
    w.integer(*flag);
  else
    w.text("");
}

double z_for(const YearAudit& ya, const std::string& metric, const std::string& region, int* flag) {
  for (const audit::RatioSpread& s : ya.ratios) {
    if (s.metric != metric) continue;
    for (std::size_t i = 0; i < s.regions.size(); ++i) {
      if (s.regions[i] == region) {
        if (flag) *flag = s.flag[i];
        return s.z[i];
      }
    }
  }
  if (flag) *flag = 0;
  return 0;
}

std::string regions_csv(const std::vector<YearAudit>& audit) {
  std::string out;
  CsvWriter w(out);
  for (const char* h : {"year",
                        "region",
                        "in_scenario",
                        "teachers_per_coach",
                        "students_per_coach",
                        "coaches_per_staff",
                        "students_per_school",
                        "cost_per_teacher",
                        "z_cost_per_teacher",
                        "flag_cost_per_teacher",
                        "cost_per_student",
                        "z_cost_per_student",
                        "cost_per_coach",
                        "z_cost_per_coach",
                        "flag_cost_per_coach",
                        "actual",
                        "expected",
                        "gap",
                        "price",
                        "quantity",
                        "rest"})
    w.text(h);
  w.end_row();
  for (const YearAudit& ya : audit) {
    for (const RegionAudit& r : ya.regions) {
      int flag_t = 0, flag_c = 0;
      const double zt = z_for(ya, "cost_per_teacher", r.region, &flag_t);
      const double zs = z_for(ya, "cost_per_student", r.region, nullptr);
      const double zc = z_for(ya, "cost_per_coach", r.region, &flag_c);
      w.integer(r.year).text(r.region).text(r.simulated ? "yes" : "no");
      ratio_cell(w, r.teachers_per_coach);
      ratio_cell(w, r.students_per_coach);
      ratio_cell(w, r.coaches_per_staff);
      ratio_cell(w, r.students_per_school);
      ratio_cell(w, r.cost_per_teacher);
      z_cells(w, zt, r.cost_per_teacher > 0, &flag_t);
      ratio_cell(w, r.cost_per_student);
      z_cells(w, zs, r.cost_per_student > 0, nullptr);
      ratio_cell(w, r.cost_per_coach);
      z_cells(w, zc, r.cost_per_coach > 0, &flag_c);
      w.money(r.total.actual).money(r.total.expected).money(r.total.actual - r.total.expected);
      w.money(r.total.price).money(r.total.quantity).money(r.total.rest);
      w.end_row();
    }
  }
  return out;
}

std::string gaps_csv(const std::vector<YearAudit>& audit) {
  std::string out;
  CsvWriter w(out);
  for (const char* h :
       {"year", "region", "category", "actual", "expected", "gap", "price", "quantity", "rest"})
    w.text(h);
  w.end_row();
  for (const YearAudit& ya : audit) {
    for (const RegionAudit& r : ya.regions) {
      if (!r.simulated) continue;
      for (std::size_t c = 0; c < r.gaps.size(); ++c) {
        const audit::CategoryGap& g = r.gaps[c];
        w.integer(r.year).text(r.region).text(
            ya.costs->category_id(static_cast<costs::Category>(c)));
        w.money(g.actual).money(g.expected).money(g.actual - g.expected);
        w.money(g.price).money(g.quantity).money(g.rest);
        w.end_row();
      }
    }
  }
  return out;
}

std::string spread_csv(const std::vector<YearAudit>& audit) {
  std::string out;
  CsvWriter w(out);
  for (const char* h :
       {"year", "metric", "n", "min", "max", "mean", "sd", "flagged_2sd", "flagged_3sd"})
    w.text(h);
  w.end_row();
  for (const YearAudit& ya : audit) {
    for (const audit::RatioSpread& s : ya.ratios) {
      std::string f2, f3;
      for (std::size_t i = 0; i < s.regions.size(); ++i) {
        std::string& list = s.flag[i] == 3 ? f3 : f2;
        if (s.flag[i] >= 2) list += (list.empty() ? "" : "; ") + s.regions[i];
      }
      w.integer(ya.year).text(s.metric).integer(s.n).fixed(s.min, 2).fixed(s.max, 2);
      w.fixed(s.mean, 2).fixed(s.sd, 2).text(f2).text(f3);
      w.end_row();
    }
  }
  return out;
}

std::string regression_csv(const std::vector<YearAudit>& audit) {
  std::string out;
  CsvWriter w(out);
  for (const char* h :
       {"year", "term", "coefficient", "std_error", "t", "n", "r2", "adjusted_r2", "note"})
    w.text(h);
  w.end_row();
  for (const YearAudit& ya : audit) {
    const audit::Regression& g = ya.regression;
    if (!g.ok) {
      w.integer(ya.year).text("").text("").text("").text("").integer(g.n).text("").text("");
      w.text(g.problem);
      w.end_row();
      continue;
    }
    for (std::size_t i = 0; i < g.terms.size(); ++i) {
      w.integer(ya.year).text(g.terms[i]).number(g.coefficients[i]).number(g.std_errors[i]);
      w.number(g.t_values[i]).integer(g.n).fixed(g.r2, 4).fixed(g.adjusted_r2, 4).text("");
      w.end_row();
    }
  }
  return out;
}

std::string residuals_csv(const std::vector<YearAudit>& audit) {
  std::string out;
  CsvWriter w(out);
  for (const char* h : {"year", "region", "cost_per_teacher", "fitted", "residual"}) w.text(h);
  w.end_row();
  for (const YearAudit& ya : audit) {
    const audit::Regression& g = ya.regression;
    if (!g.ok) continue;
    for (std::size_t i = 0; i < g.labels.size(); ++i) {
      w.integer(ya.year).text(g.labels[i]).fixed(g.fitted[i] + g.residuals[i], 2);
      w.fixed(g.fitted[i], 2).fixed(g.residuals[i], 2);
      w.end_row();
    }
  }
  return out;
}

std::string findings_text(const std::vector<YearAudit>& audit) {
  std::string out;
  for (const YearAudit& ya : audit) {
    out += trf("Findings {0} (largest gap in money first)", {std::to_string(ya.year)}) + "\n";
    for (const std::string& warning : ya.warnings)
      out += "  " + trf("Warning: {0}", {warning}) + "\n";
    if (ya.findings.empty())
      out += "  " + tr("No region is 2 SD or more from the mean cost per teacher or per coach.") +
             "\n";
    int n = 0;
    for (const audit::Finding& f : ya.findings)
      out += "  " + std::to_string(++n) + ". " + f.text + "\n";
    const audit::Regression& g = ya.regression;
    if (g.ok) {
      char r2[32], adjusted[32];
      std::snprintf(r2, sizeof r2, "%.3f", g.r2);
      std::snprintf(adjusted, sizeof adjusted, "%.3f", g.adjusted_r2);
      out += "  " +
             trf("Regression of cost per teacher on its drivers: n = {0}, R2 = {1} (adjusted "
                 "{2}); see audit_regression.csv.",
                 {std::to_string(g.n), r2, adjusted}) +
             "\n";
    } else {
      out += "  " + trf("Regression not estimated: {0}", {g.problem_shown}) + "\n";
    }
    if (!ya.dropped_drivers.empty()) {
      std::string list;
      // The drivers' ids in English (as in audit_regression.csv), translated where the
      // catalogue names them otherwise.
      for (const std::string& d : ya.dropped_drivers)
        list += (list.empty() ? "" : ", ") + (i18n::language() == "en" ? d : metric_label(d));
      out +=
          "  " + trf("Left out of the regression (the same in every region): {0}.", {list}) + "\n";
    }
  }
  return out;
}

}  // namespace

void write_audit_outputs(const std::vector<YearAudit>& audit, const std::string& dir) {
  Staging staging(dir);
  staging.write("audit_regions.csv", regions_csv(audit));
  staging.write("audit_gaps.csv", gaps_csv(audit));
  staging.write("audit_spread.csv", spread_csv(audit));
  staging.write("audit_regression.csv", regression_csv(audit));
  staging.write("audit_residuals.csv", residuals_csv(audit));
  staging.write("findings.txt", findings_text(audit));
  staging.commit();
}

std::string audit_summary(const std::vector<YearAudit>& audit) {
  std::string out;
  for (const YearAudit& ya : audit) {
    out += trf("Spread across regions, {0} (sample SD; Sempé 2015 Tables 17 and 22 layout)",
               {std::to_string(ya.year)}) +
           "\n";
    // The metric column: 20 characters in English as always, wider for a longer translation.
    std::size_t metric_w = 20;
    if (i18n::language() != "en")
      for (const audit::RatioSpread& s : ya.ratios)
        metric_w = std::max(metric_w, text_width(metric_label(s.metric)) + 1);
    out += pad_right(tr("metric"), metric_w) + pad_left("n", 4) + pad_left(tr("min"), 12) +
           pad_left(tr("max"), 12) + pad_left(tr("mean"), 12) + pad_left(tr("sd"), 12) + "\n";
    for (const audit::RatioSpread& s : ya.ratios) {
      // Two decimals with thousands separators, aligned.
      auto g = [](double v) {
        return units::format_centimos_grouped(static_cast<std::int64_t>(std::llround(v * 100.0)));
      };
      const std::string metric = i18n::language() == "en" ? s.metric : metric_label(s.metric);
      out += pad_right(metric, metric_w) + pad_left(std::to_string(s.n), 4) +
             pad_left(g(s.min), 12) + pad_left(g(s.max), 12) + pad_left(g(s.mean), 12) +
             pad_left(g(s.sd), 12) + "\n";
    }
    out += "\n";
  }
  return out + findings_text(audit);
}

}  // namespace coachsim::report
