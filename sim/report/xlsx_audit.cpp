// The audit workbook: the same tables as the audit's CSV files, as numbers with formats.
#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/audit_xlsx.hpp"
#include "labels.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report {
namespace {

using xlsx::Sheet;
using xlsx::Style;

// A metric or category id as in the CSV files in English, its translation otherwise.
std::string metric_shown(const std::string& id) {
  return i18n::language() == "en" ? id : metric_label(id);
}
std::string category_shown(std::string_view id) {
  return i18n::language() == "en" ? std::string(id) : category_label_of_id(id);
}

void findings_sheet(xlsx::Book& book, const std::vector<audit::YearAudit>& audit) {
  Sheet sh(book, trc("sheet", "Findings"));
  sh.note(tr("Audit findings, largest gap in money first"), Style::kTitle);
  sh.note(
      tr("Expected cost is each region's own structure simulated at the scenario's standard "
         "unit costs; the gap is split into price, quantity and an unexplained rest (see the "
         "README, 'Auditing regional costs')."));
  for (const audit::YearAudit& ya : audit)
    for (const std::string& warning : ya.warnings)
      sh.note(trf("Warning, {0}: {1}", {std::to_string(ya.year), warning}));
  sh.header({trc("column", "year"), trc("column", "rank"), trc("column", "region"),
             trc("column", "gap"), trc("column", "severity"), trc("column", "finding")});
  for (const audit::YearAudit& ya : audit) {
    int rank = 0;
    for (const audit::Finding& f : ya.findings) {
      sh.integer(ya.year).count(++rank).text(f.region).money(f.gap).decimal(f.severity);
      sh.text(f.text);
      sh.end_row();
    }
  }
  sh.freeze();
  sh.finish();
}

void spread_sheet(xlsx::Book& book, const std::vector<audit::YearAudit>& audit) {
  Sheet sh(book, trc("sheet", "Spread"));
  sh.note(
      tr("Ratios across regions (Sempé 2015, Tables 17 and 22): sample SD, flags at 2 and 3 SD"),
      Style::kTitle);
  sh.header({trc("column", "year"), trc("column", "metric"), "N", trc("column", "Min"),
             trc("column", "Max"), trc("column", "Mean"), trc("column", "SD")});
  for (const audit::YearAudit& ya : audit) {
    for (const audit::RatioSpread& s : ya.ratios) {
      const bool money = s.metric.rfind("cost_", 0) == 0;
      sh.integer(ya.year).text(metric_shown(s.metric)).count(s.n);
      for (double v : {s.min, s.max, s.mean, s.sd}) money ? sh.amount(v) : sh.decimal(v);
      sh.end_row();
    }
  }
  sh.freeze();
  sh.filter();
  sh.finish();
}

double z_of(const audit::YearAudit& ya, const char* metric, const std::string& region, int& flag) {
  for (const audit::RatioSpread& s : ya.ratios) {
    if (s.metric != metric) continue;
    for (std::size_t i = 0; i < s.regions.size(); ++i) {
      if (s.regions[i] == region) {
        flag = s.flag[i];
        return s.z[i];
      }
    }
  }
  flag = 0;
  return 0;
}

void regions_sheet(xlsx::Book& book, const std::vector<audit::YearAudit>& audit) {
  Sheet sh(book, trc("sheet", "Regions"));
  sh.header({trc("column", "year"), trc("column", "region"), trc("column", "teachers per coach"),
             trc("column", "students per coach"), trc("column", "coaches per staff"),
             trc("column", "cost per teacher"), "z", trc("column", "flag"),
             trc("column", "cost per coach"), "z", trc("column", "flag"), trc("column", "actual"),
             trc("column", "expected"), trc("column", "gap"), trc("column", "price"),
             trc("column", "quantity"), trc("column", "rest")});
  for (const audit::YearAudit& ya : audit) {
    for (const audit::RegionAudit& r : ya.regions) {
      int ft = 0, fc = 0;
      const double zt = z_of(ya, "cost_per_teacher", r.region, ft);
      const double zc = z_of(ya, "cost_per_coach", r.region, fc);
      // A ratio the actuals cannot give (a count missing or zero) is a blank cell, not 0.
      const auto ratio = [&sh](double v) { v > 0 ? sh.decimal(v) : sh.blank(); };
      const auto cost = [&sh](double v, double z, int flag) {
        if (v > 0)
          sh.amount(v).decimal(z).count(flag);
        else
          sh.blank(3);
      };
      sh.integer(r.year).text(r.region);
      ratio(r.teachers_per_coach);
      ratio(r.students_per_coach);
      ratio(r.coaches_per_staff);
      cost(r.cost_per_teacher, zt, ft);
      cost(r.cost_per_coach, zc, fc);
      sh.money(r.total.actual).money(r.total.expected).money(r.total.actual - r.total.expected);
      sh.money(r.total.price).money(r.total.quantity).money(r.total.rest);
      sh.end_row();
    }
  }
  sh.freeze(2);
  sh.filter();
  sh.finish();
}

void gaps_sheet(xlsx::Book& book, const std::vector<audit::YearAudit>& audit) {
  Sheet sh(book, trc("sheet", "Gaps by category"));
  sh.header({trc("column", "year"), trc("column", "region"), trc("column", "category"),
             trc("column", "actual"), trc("column", "expected"), trc("column", "gap"),
             trc("column", "price"), trc("column", "quantity"), trc("column", "rest")});
  for (const audit::YearAudit& ya : audit) {
    for (const audit::RegionAudit& r : ya.regions) {
      if (!r.simulated) continue;
      for (std::size_t c = 0; c < r.gaps.size(); ++c) {
        const audit::CategoryGap& g = r.gaps[c];
        sh.integer(r.year).text(r.region).text(
            category_shown(ya.costs->category_id(static_cast<costs::Category>(c))));
        sh.money(g.actual).money(g.expected).money(g.actual - g.expected);
        sh.money(g.price).money(g.quantity).money(g.rest);
        sh.end_row();
      }
    }
  }
  sh.freeze(2);
  sh.filter();
  sh.finish();
}

void regression_sheet(xlsx::Book& book, const std::vector<audit::YearAudit>& audit) {
  // One header row, one kind of row: the terms here, each region's fit on Residuals. The
  // coefficients are in currency units per unit of their driver, shown to the cent; t, R² and
  // adjusted R² to three decimals.
  Sheet sh(book, trc("sheet", "Regression"));
  sh.header({trc("column", "year"), trc("column", "term"), trc("column", "coefficient"),
             trc("column", "std error"), "t", "n", "R2", trc("column", "adjusted R2"),
             trc("column", "note")});
  for (const audit::YearAudit& ya : audit) {
    const audit::Regression& g = ya.regression;
    if (!g.ok) {
      sh.integer(ya.year).blank(7).text(trf("not estimated: {0}", {g.problem_shown}));
      sh.end_row();
      continue;
    }
    for (std::size_t i = 0; i < g.terms.size(); ++i) {
      sh.integer(ya.year)
          .text(metric_shown(g.terms[i]))
          .decimal(g.coefficients[i])
          .decimal(g.std_errors[i]);
      sh.fine(g.t_values[i]).count(g.n).fine(g.r2).fine(g.adjusted_r2);
      sh.end_row();
    }
  }
  sh.freeze();
  sh.filter();
  sh.finish();

  Sheet res(book, trc("sheet", "Residuals"));
  res.header({trc("column", "year"), trc("column", "region"),
              trc("column", "actual cost per teacher"), trc("column", "fitted"),
              trc("column", "residual"), trc("column", "residual (residual SD)")});
  for (const audit::YearAudit& ya : audit) {
    const audit::Regression& g = ya.regression;
    if (!g.ok) continue;
    for (std::size_t i = 0; i < g.labels.size(); ++i) {
      res.integer(ya.year).text(g.labels[i]).amount(g.fitted[i] + g.residuals[i]);
      res.amount(g.fitted[i]).amount(g.residuals[i]);
      if (g.residual_sd > 0)
        res.decimal(g.residuals[i] / g.residual_sd);
      else
        res.blank();
      res.end_row();
    }
  }
  res.freeze();
  res.filter();
  res.finish();
}

}  // namespace

void write_audit_xlsx(const std::vector<audit::YearAudit>& audit, const std::string& path,
                      const std::string& currency) {
  xlsx::write_book(path, currency, [&](xlsx::Book& book) {
    findings_sheet(book, audit);
    spread_sheet(book, audit);
    regions_sheet(book, audit);
    gaps_sheet(book, audit);
    regression_sheet(book, audit);  // and Residuals
  });
}

}  // namespace coachsim::report
