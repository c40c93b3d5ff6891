// write_xlsx: builds every sheet into a temporary file next to the target, then renames it into
// place (atomic_file.hpp), so a failed run never leaves a half-written workbook.
#include <filesystem>
#include <functional>
#include <stdexcept>

#include "atomic_file.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report {

void write_xlsx(const RunReport& report, const std::string& path,
                const std::string& scenario_text) {
  write_xlsx(report, path, scenario_text, XlsxOptions{});
}

namespace xlsx {

void write_book(const std::string& path, const std::string& currency,
                const std::function<void(Book&)>& fill) {
  write_atomically(path, [&](const std::filesystem::path& partial) {
    // libxlsxwriter's own scratch files go to the target's folder too.
    Book book(partial.string(), partial.parent_path().string(), currency);
    fill(book);
    book.close();
  });
}

}  // namespace xlsx

void write_xlsx(const RunReport& report, const std::string& path, const std::string& scenario_text,
                const XlsxOptions& options) {
  xlsx::write_book(path, report.scenario.currency, [&](xlsx::Book& book) {
    xlsx::summary_sheet(book, report, options);
    xlsx::region_year_sheet(book, report);
    xlsx::category_sheet(book, report);
    xlsx::execution_sheet(book, report);
    xlsx::budget_sheet(book, report);
    xlsx::variance_sheet(book, report);
    xlsx::ledger_pivot_sheet(book, report);
    if (options.full_ledger) xlsx::ledger_sheet(book, report, options);
    xlsx::inputs_sheet(book, report, scenario_text);
  });
}

}  // namespace coachsim::report
