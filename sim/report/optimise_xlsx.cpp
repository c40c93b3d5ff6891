// The workbook of `coachsim optimise --xlsx` (see optimise_xlsx.hpp), on the xlsx_sheet helpers.
#include "coachsim/report/optimise_xlsx.hpp"

#include <algorithm>

#include "coachsim/i18n/tr.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report {
namespace {

void plan_sheet(xlsx::Book& book, const OptimiseWorkbook& w) {
  xlsx::Sheet sheet(book, trc("sheet", "Plan"));
  sheet.note(w.title, xlsx::Style::kTitle);
  sheet.note(
      tr("coached = 1 when the plan coaches the school; cost = its share of its coach's "
         "cost in the year (by teachers), overhead included."));
  sheet.header({trc("column", "School"), trc("column", "Region"), trc("column", "UGEL"),
                trc("column", "Year"), trc("column", "Coached"), trc("column", "Cost"),
                trc("column", "Teachers"), trc("column", "Students")});
  for (const OptimisePlanRow& r : w.plan) {
    sheet.text(r.school).text(r.region).text(r.ugel).integer(r.year).integer(r.coached ? 1 : 0);
    sheet.money(r.cost).count(r.teachers).count(r.students);
    sheet.end_row();
  }
  sheet.freeze(1);
  sheet.filter();
  sheet.finish();
}

void frontier_sheet(xlsx::Book& book, const OptimiseWorkbook& w) {
  // Several years: a Year column after the budget share (frontier.csv's order).
  const bool years = std::any_of(w.frontier.begin(), w.frontier.end(),
                                 [&](const auto& r) { return r.year != w.frontier.front().year; });
  xlsx::Sheet sheet(book, trc("sheet", "Frontier"));
  sheet.note(trf("What each budget buys: {0}", {w.title}), xlsx::Style::kTitle);
  sheet.note(
      tr("Each budget solved and its plan simulated; 'default' is the plan with every "
         "caseload, 'pro_rata_cut' the --budget given as a pro-rata cut (shortfall: drop)."));
  std::vector<std::string> header = {trc("column", "Budget % of plan"),
                                     trc("column", "Budget"),
                                     trc("column", "Teachers coached (estimate)"),
                                     trc("column", "Simulated cost"),
                                     trc("column", "Full-protocol teachers"),
                                     trc("column", "Learning gain (student-SD)"),
                                     trc("column", "Marker")};
  if (years) header.insert(header.begin() + 1, trc("column", "Year"));
  sheet.header(header);
  for (const OptimiseFrontierRow& r : w.frontier) {
    sheet.percent(r.budget_pct / 100.0);
    if (years) sheet.integer(r.year);
    sheet.money(r.budget);
    if (!r.feasible) {
      // The marker as in frontier.csv ("infeasible") in English, translated otherwise.
      sheet.blank(4).text(trc("marker", "infeasible"));
      sheet.end_row();
      continue;
    }
    if (r.teachers_estimate < 0)
      sheet.blank();
    else
      sheet.count(r.teachers_estimate);
    sheet.money(r.simulated_cost).count(r.full_protocol).decimal(r.learning_sd).text(r.marker);
    sheet.end_row();
  }
  sheet.freeze(1);
  sheet.finish();
}

}  // namespace

void write_optimise_xlsx(const OptimiseWorkbook& w, const std::string& path) {
  xlsx::write_book(path, w.currency, [&](xlsx::Book& book) {
    plan_sheet(book, w);
    if (!w.frontier.empty()) frontier_sheet(book, w);
  });
}

}  // namespace coachsim::report
