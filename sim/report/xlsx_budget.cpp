// The "Budget" sheet (scenarios with a budget: only): per region and school year, the opening
// budget (PIA), the modified budget (PIM), what the treasury released and what was accrued
// (devengado), with the execution rate accrued / PIM and what the results-based rules withheld,
// forfeited or topped up. The figures are execution.csv's year-end rows.
#include <map>
#include <utility>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "labels.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report::xlsx {

const results::ExecutionRow* year_end_row(const results::Execution& execution,
                                          const std::string& region, int year) {
  const results::ExecutionRow* last = nullptr;
  for (const results::ExecutionRow& r : execution.rows)
    if (r.region == region && r.year == year && (last == nullptr || r.month >= last->month))
      last = &r;
  return last;
}

void budget_sheet(Book& book, const RunReport& report) {
  const results::Execution& x = report.results.execution;
  if (!x.enabled) return;
  Sheet sh(book, trc("sheet", "Budget"));
  sh.note(tr("Budget: PIA, PIM and devengado per region and school year"), Style::kTitle);
  sh.note(
      tr("PIA: the opening budget; PIM: the budget after modifications (cuts, top-ups); "
         "released: what the treasury made available; devengado: the spending accrued. "
         "Cumulative to the school year's last month, as in execution.csv."));
  sh.header({trc("column", "region"), trc("column", "year"), trc("column", "PIA"),
             trc("column", "PIM"), trc("column", "released"), trc("column", "devengado (accrued)"),
             trc("column", "execution (devengado / PIM)"), trc("column", "withheld"),
             trc("column", "forfeited"), trc("column", "top-ups")});
  // execution.rows run per year and month, regions in scenario order then national: the year-end
  // row of each (region, year) in that order.
  std::map<std::pair<int, std::string>, const results::ExecutionRow*> year_end;
  std::vector<std::pair<int, std::string>> order;
  for (const results::ExecutionRow& r : x.rows) {
    auto [it, added] = year_end.try_emplace({r.year, r.region}, &r);
    if (added)
      order.push_back(it->first);
    else if (r.month >= it->second->month)
      it->second = &r;
  }
  for (const auto& key : order) {
    const results::ExecutionRow& r = *year_end.at(key);
    sh.text(region_label(r.region))
        .integer(r.year)
        .money(r.pia)
        .money(r.pim)
        .money(r.released)
        .money(r.accrued);
    sh.percent(fraction(r.execution_pct));
    sh.money(r.withheld).money(r.forfeited).money(r.top_ups);
    sh.end_row();
  }
  sh.text(region_label("national"))
      .text(tr("all years"))
      .money(x.pia)
      .money(x.pim)
      .money(x.released);
  sh.money(x.accrued);
  sh.percent(x.pim == 0 ? 0.0 : static_cast<double>(x.accrued) / static_cast<double>(x.pim));
  sh.blank().money(x.forfeited).money(x.top_ups);
  sh.end_row();
  sh.freeze(2);
  sh.filter();
  sh.finish();
}

}  // namespace coachsim::report::xlsx
