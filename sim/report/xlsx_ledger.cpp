// The "Ledger" sheet: every ledger entry as in ledger.csv, up to a cap of rows (Excel holds
// 1,048,576 a sheet), with a note row counting what was left out.
#include "coachsim/i18n/tr.hpp"
#include "coachsim/ledger/entry.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "labels.hpp"
#include "report_files.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report::xlsx {

void ledger_sheet(Book& book, const RunReport& report, const XlsxOptions& options) {
  const ledger::Ledger& l = report.ledger;
  Sheet sh(book, trc("sheet", "Ledger"));
  if (!l.keeps_entries()) {
    sh.note(
        tr("This run did not keep the ledger's entries (--no-ledger). Run coachsim without "
           "--no-ledger to list every entry here."));
    sh.text(tr("entries posted"), Style::kHeader).count(static_cast<std::int64_t>(l.entry_count()));
    sh.end_row();
    sh.text(trc("column", "total"), Style::kHeader).money(l.grand_total());
    sh.end_row();
    sh.finish();
    return;
  }
  sh.header({trc("column", "entry"), trc("column", "date"), trc("column", "year"),
             trc("column", "region"), trc("column", "ugel"), trc("column", "category"),
             trc("column", "activity"), trc("column", "ref_kind"), trc("column", "ref"),
             trc("column", "coach"), trc("column", "quantity"), trc("column", "unit"),
             trc("column", "rate"), trc("column", "amount"), trc("column", "event")});
  const programme::Population& pop = report.population;
  const std::vector<ledger::Entry>& entries = l.entries();
  const std::size_t shown = std::min(entries.size(), options.ledger_row_cap);
  for (std::size_t i = 0; i < shown; ++i) {
    const ledger::Entry& e = entries[i];
    sh.integer(static_cast<std::int64_t>(i + 1)).date(e.date);
    sh.integer(report.scenario.years[e.year_index].year).text(region_name(report, e.region));
    sh.text(e.ugel == ledger::kNoUgel ? std::string_view{} : pop.ugels[e.ugel].name);
    sh.text(l.costs().category_id(e.category)).text(l.costs().activity_id(e.activity));
    sh.text(ledger::ref_kind_id(e.ref_kind)).text(ref_name(report, e));
    sh.text(e.coach == ledger::kNoCoach ? std::string{} : coach_name(e.coach));
    sh.number(e.quantity).text(costs::unit_id(e.unit)).money(e.rate).money(e.amount);
    sh.integer(static_cast<std::int64_t>(e.event));
    sh.end_row();
  }
  sh.freeze(0);
  sh.filter();
  if (shown < entries.size())
    sh.note(trf("{0} more entries (of {1}) were left out: a sheet holds about a million rows. "
                "ledger.csv lists them all.",
                {std::to_string(entries.size() - shown), std::to_string(entries.size())}),
            Style::kHeader);
  sh.finish();
}

}  // namespace coachsim::report::xlsx
