// The "Summary" sheet: how to read the workbook, the run's identity and the national figures
// per school year.
#include <string>
#include <string_view>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report::xlsx {
namespace {

std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string ledger_line(const RunReport& report, const XlsxOptions& options) {
  const ledger::Ledger& l = report.ledger;
  std::string s =
      tr("Ledger by month: the ledger's entries summed by region, category and calendar month.");
  if (!options.full_ledger)
    return s + " " +
           tr("Every entry is in ledger.csv; run with --xlsx-ledger to list them in a Ledger "
              "sheet as well.");
  s += " " + tr("Ledger: every cost entry with its date, region, UGEL, category, activity, whom "
                "it belongs to, quantity and rate (amount = round(quantity × rate)), as in "
                "ledger.csv.");
  if (!l.keeps_entries())
    s += " " + tr("This run did not keep the entries (--no-ledger): run without --no-ledger to "
                  "list them.");
  else if (l.entries().size() > options.ledger_row_cap)
    s += " " + trf("It lists the first {0} of {1} entries; ledger.csv has them all.",
                   {grouped(options.ledger_row_cap), grouped(l.entries().size())});
  return s;
}

// Long text (a scenario description) as several note rows of at most `width` characters,
// broken at spaces, so it reads on a screen.
void wrapped_note(Sheet& sh, std::string_view text, std::size_t width = 110) {
  while (display_length(text) > width) {
    std::size_t cut = text.rfind(' ', width);
    if (cut == std::string_view::npos || cut == 0) cut = text.find(' ', width);
    if (cut == std::string_view::npos) break;
    sh.note(text.substr(0, cut), Style::kText);
    text.remove_prefix(cut + 1);
  }
  sh.note(text, Style::kText);
}

}  // namespace

void summary_sheet(Book& book, const RunReport& report, const XlsxOptions& options) {
  const scenario::Scenario& s = report.scenario;
  const std::string& cur = s.currency;
  Sheet sh(book, trc("sheet", "Summary"));
  sh.note("coachsim " COACHSIM_VERSION ": " + s.name, Style::kTitle);
  if (!s.description.empty()) wrapped_note(sh, s.description);
  sh.note("");
  sh.note(tr("How to read this workbook"), Style::kHeader);
  sh.note(tr("Summary: this note and the national figures per school year (below)."));
  sh.note(
      tr("By region and year: one row per region and school year with the columns of "
         "regions.csv: structure, what was planned and done, coach time, missed visits and "
         "costs."));
  sh.note(
      tr("By category: the cost of every region, school year and category; the national rows "
         "include the spending executed outside the regions."));
  sh.note(
      tr("PpR execution: per region and school year, the physical targets (teachers in "
         "caseloads, teacher-visits planned) against what was achieved, and the spending "
         "accrued by month with its cumulative curve."));
  if (report.results.execution.enabled)
    sh.note(
        tr("Budget: PIA, PIM, released and devengado (accrued) per region and school year, "
           "with the execution rate and what results-based rules withheld, forfeited or topped "
           "up."));
  sh.note(
      tr("Regional variance: the spread across regions of unit costs and caseloads per school "
         "year (N, min, max, mean, SD), in the layout of Sempé 2015, Table 22."));
  sh.note(ledger_line(report, options));
  sh.note(
      tr("Scenario inputs: the source of each input, and the scenario file as it was run, with "
         "its units."));
  sh.note("");
  sh.note(cur == "PEN" ? trf("Money is in the scenario currency, {0} (shown as S/, soles), with "
                             "two decimals. Percentages are shown as %, counts as whole numbers.",
                             {cur})
                       : trf("Money is in the scenario currency, {0}, with two decimals. "
                             "Percentages are shown as %, counts as whole numbers.",
                             {cur}));
  sh.note(
      tr("Every money figure is a sum of ledger entries: a region's cost in a category and year "
         "is the sum of the matching rows of ledger.csv (and of the Ledger sheet with "
         "--xlsx-ledger)."));
  sh.note(
      tr("Per-unit costs are a total divided by a count, rounded once to the cent, so they can "
         "be recomputed from the same row."));
  sh.note(
      tr("Compliance = teacher-visits done / planned; coverage = teachers with at least one "
         "visit / teachers; full protocol = teachers who received every visit of their "
         "protocol / teachers."));
  sh.note("");
  sh.note(trf("Scenario file: {0}; seed {1}; {2} events; {3} ledger entries.",
              {report.scenario_file, std::to_string(s.seed), grouped(report.events),
               grouped(report.ledger.entry_count())}));
  sh.note("");
  sh.note(trf("National figures per school year ({0})", {cur}), Style::kHeader);
  sh.header({trc("column", "year"), trc("column", "teachers"), trc("column", "schools"),
             trc("column", "students"), trc("column", "coaches"), trc("column", "supervisors"),
             trc("column", "visits planned"), trc("column", "visits done"),
             trc("column", "compliance"), trc("column", "coverage"), trc("column", "full protocol"),
             trc("column", "cost total"), trc("column", "cost per teacher"),
             trc("column", "cost per student"), trc("column", "cost per coach"),
             trc("column", "teachers per coach"), trc("column", "cost outside regions")});
  for (const results::Row& r : report.results.national) {
    const programme::RegionYearTally& t = r.tally;
    sh.integer(r.year).count(t.teachers).count(t.schools).count(t.students).count(t.coaches);
    sh.count(t.supervisors).count(t.visits_planned).count(t.visits_done);
    sh.percent(fraction(r.compliance_pct)).percent(fraction(r.coverage_pct));
    sh.percent(fraction(r.full_protocol_pct)).money(r.cost_total).money(r.cost_per_teacher);
    sh.money(r.cost_per_student).money(r.cost_per_coach).decimal(r.teachers_per_coach);
    sh.money(r.cost_outside_regions);
    sh.end_row();
  }
  sh.text(tr("all years"), Style::kHeader).blank(10).money(report.results.grand_total);
  sh.end_row();
  sh.finish();
}

}  // namespace coachsim::report::xlsx
