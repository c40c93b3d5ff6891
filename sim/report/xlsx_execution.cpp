// The "PpR execution" sheet: per region and school year (and nationally), the physical targets
// of a results-based budget programme against what was achieved, and the financial execution:
// spending accrued by month and its cumulative curve.
#include <array>
#include <map>
#include <utility>

#include "coachsim/report/xlsx_report.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report::xlsx {
namespace {

constexpr const char* kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

using Months = std::array<const results::MonthCost*, 12>;

double share(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

void row(Sheet& sh, const results::Row& r, const Months& months, const results::Execution& x) {
  const programme::RegionYearTally& t = r.tally;
  sh.text(r.region).integer(r.year);
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

  Sheet sh(book, "PpR execution");
  sh.note("PpR execution: targets against what was achieved, per region and school year",
          Style::kTitle);
  sh.note(
      "Physical: the targets are the teachers in caseloads and the teacher-visits planned; "
      "achieved are the teachers reached, those with the full protocol and the visits done.");
  const results::Execution& x = report.results.execution;
  sh.note(x.enabled ? "Financial: the target is the year's modified budget (PIM); execution is "
                      "accrued / PIM. The Budget sheet has PIA, PIM, released and devengado."
                    : "Financial: the scenario declares no budget, so the financial target "
                      "column shows the year's total accrued as the reference until budgets "
                      "exist.");
  sh.note(
      "Accrued <month>: spent in the month; cumulative <month>: spent in the school year to the "
      "month's end. National rows include spending outside the regions.");
  std::vector<std::string> names = {
      "region",
      "year",
      "teachers in caseloads (target)",
      "teachers reached",
      "coverage",
      "teachers full protocol",
      "full protocol",
      "teacher-visits planned (target)",
      "teacher-visits done",
      "compliance",
      x.enabled ? "financial target (PIM)" : "financial target (reference: year's accrued)",
      "accrued in the year",
      "execution"};
  for (const char* m : kMonths) names.push_back(std::string("accrued ") + m);
  for (const char* m : kMonths) names.push_back(std::string("cumulative ") + m);
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
