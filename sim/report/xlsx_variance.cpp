// The "Regional variance" sheet: per school year, the spread across regions of unit costs and
// caseloads, in the layout of Sempé 2015, Table 22 (rows: indicators; columns: N, Min, Max,
// Mean, SD), plus the regions at the minimum and maximum.
#include <string_view>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "labels.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report::xlsx {
namespace {

enum class Kind { kMoney, kRatio, kPercent };

struct Indicator {
  std::string_view metric;  // results::Spread::metric
  const char* label;
  Kind kind;
};

// Table 22's rows, then compliance (the same spread, for the physical side).
constexpr Indicator kIndicators[] = {
    {"cost_per_teacher", N_("Cost per teacher"), Kind::kMoney},
    {"cost_per_student", N_("Cost per student"), Kind::kMoney},
    {"cost_per_coach", N_("Cost per coach"), Kind::kMoney},
    {"teachers_per_coach", N_("Teachers per coach"), Kind::kRatio},
    {"students_per_coach", N_("Students per coach"), Kind::kRatio},
    {"compliance_pct", N_("Compliance (teacher-visits done / planned)"), Kind::kPercent},
};

void value(Sheet& sh, Kind kind, double v) {
  switch (kind) {
    case Kind::kMoney:
      sh.amount(v);
      break;
    case Kind::kRatio:
      sh.decimal(v);
      break;
    case Kind::kPercent:
      sh.percent(fraction(v));
      break;
  }
}

}  // namespace

void variance_sheet(Book& book, const RunReport& report) {
  Sheet sh(book, trc("sheet", "Regional variance"));
  sh.note(tr("Regional variance: the spread of unit costs across regions (Sempé 2015, Table 22)"),
          Style::kTitle);
  sh.note(
      tr("N counts the regions with teachers and coaches in the year, less those the scenario "
         "excludes from statistics; SD is the sample standard deviation (n - 1)."));
  sh.header({trc("column", "year"), trc("column", "indicator"), trc("column", "N"),
             trc("column", "Min"), trc("column", "Max"), trc("column", "Mean"), trc("column", "SD"),
             trc("column", "region at min"), trc("column", "region at max")});
  for (const results::Row& nation : report.results.national) {
    for (const Indicator& ind : kIndicators) {
      for (const results::Spread& s : report.results.variance) {
        if (s.year != nation.year || s.metric != ind.metric) continue;
        sh.integer(s.year).text(tr(ind.label)).count(s.n);
        for (double v : {s.min, s.max, s.mean, s.sd}) value(sh, ind.kind, v);
        sh.text(s.min_region).text(s.max_region);
        sh.end_row();
      }
    }
  }
  sh.freeze(2);
  sh.filter();
  sh.finish();
}

}  // namespace coachsim::report::xlsx
