// The "PpR execution" sheet: per region and school year (and nationally), the physical targets
// of a results-based budget programme against what was achieved, and the financial execution:
// spending accrued by month and its cumulative curve.
#include <array>
#include <map>
#include <utility>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "labels.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report::xlsx {
namespace {

// The months' short names in the column headers (context "month").
std::string month_name(int m) {
  switch (m) {
    case 0:
      return trc("month", "Jan");
    case 1:
      return trc("month", "Feb");
    case 2:
      return trc("month", "Mar");
    case 3:
      return trc("month", "Apr");
    case 4:
      return trc("month", "May");
    case 5:
      return trc("month", "Jun");
    case 6:
      return trc("month", "Jul");
    case 7:
      return trc("month", "Aug");
    case 8:
      return trc("month", "Sep");
    case 9:
      return trc("month", "Oct");
    case 10:
      return trc("month", "Nov");
    default:
      return trc("month", "Dec");
  }
}

using Months = std::array<const results::MonthCost*, 12>;

double share(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

void row(Sheet& sh, const results::Row& r, const Months& months, const results::Execution& x) {
  const programme::RegionYearTally& t = r.tally;
  sh.text(region_label(r.region)).integer(r.year);
  sh.count(t.teachers).count(t.teachers_reached).percent(share(t.teachers_reached, t.teachers));
  sh.count(t.teachers_full_protocol).percent(share(t.teachers_full_protocol, t.teachers));
  sh.count(t.visits_planned).count(t.visits_done).percent(share(t.visits_done, t.visits_planned));
  // With a budget the financial target is the year's PIM; without one, the year's total
  // accrued stands in as the reference.
  const results::ExecutionRow* budget = x.enabled ? year_end_row(x, r.region, r.year) : nullptr;
  const std::int64_t target = budget != nullptr ? budget->pim : r.cost_total;
  const std::int64_t accrued = months[11] != nullptr ? months[11]->cumulative : 0;
  sh.money(target).money(accrued).percent(share(accrued, target));
  for (const results::MonthCost* m : months) sh.money(m != nullptr ? m->cost : 0);
  for (const results::MonthCost* m : months) sh.money(m != nullptr ? m->cumulative : 0);
  sh.end_row();
}

}  // namespace

void execution_sheet(Book& book, const RunReport& report) {
  std::map<std::pair<int, std::string>, Months> monthly;
  for (const results::MonthCost& m : report.results.monthly)
    monthly[{m.year, m.region}][m.month - 1] = &m;
  auto months_of = [&](const results::Row& r) {
    const auto it = monthly.find({r.year, r.region});
    return it != monthly.end() ? it->second : Months{};
  };

  Sheet sh(book, trc("sheet", "PpR execution"));
  sh.note(tr("PpR execution: targets against what was achieved, per region and school year"),
          Style::kTitle);
  sh.note(
      tr("Physical: the targets are the teachers in caseloads and the teacher-visits planned; "
         "achieved are the teachers reached, those with the full protocol and the visits done."));
  const results::Execution& x = report.results.execution;
  sh.note(x.enabled ? tr("Financial: the target is the year's modified budget (PIM); execution is "
                         "accrued / PIM. The Budget sheet has PIA, PIM, released and devengado.")
                    : tr("Financial: the scenario declares no budget, so the financial target "
                         "column shows the year's total accrued as the reference until budgets "
                         "exist."));
  sh.note(
      tr("Accrued <month>: spent in the month; cumulative <month>: spent in the school year to "
         "the month's end. National rows include spending outside the regions."));
  std::vector<std::string> names = {
      trc("column", "region"),
      trc("column", "year"),
      trc("column", "teachers in caseloads (target)"),
      trc("column", "teachers reached"),
      trc("column", "coverage"),
      trc("column", "teachers full protocol"),
      trc("column", "full protocol"),
      trc("column", "teacher-visits planned (target)"),
      trc("column", "teacher-visits done"),
      trc("column", "compliance"),
      x.enabled ? trc("column", "financial target (PIM)")
                : trc("column", "financial target (reference: year's accrued)"),
      trc("column", "accrued in the year"),
      trc("column", "execution")};
  for (int m = 0; m < 12; ++m) names.push_back(trf("accrued {0}", {month_name(m)}));
  for (int m = 0; m < 12; ++m) names.push_back(trf("cumulative {0}", {month_name(m)}));
  sh.header(names);
  for (std::size_t y = 0; y < report.results.national.size(); ++y) {
    for (const results::Row& r : report.results.regions)
      if (r.year_index == y) row(sh, r, months_of(r), x);
    row(sh, report.results.national[y], months_of(report.results.national[y]), x);
  }
  sh.freeze(2);
  sh.filter();
  sh.finish();
}

}  // namespace coachsim::report::xlsx
