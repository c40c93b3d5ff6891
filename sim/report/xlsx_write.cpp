// write_xlsx: builds every sheet into a temporary file next to the target, then renames it into
// place, so a failed run never leaves a half-written workbook.
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <stdexcept>

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
  namespace fs = std::filesystem;
  const fs::path target(path);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  const fs::path tmp =
      dir / ("." + target.filename().string() + ".partial-" + std::to_string(::getpid()));
  try {
    {
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) throw std::runtime_error("no such folder");
      Book book(tmp.string(), dir.string(), currency);
      fill(book);
      book.close();
    }
    std::error_code ec;
    fs::rename(tmp, target, ec);
    if (ec) throw std::runtime_error(ec.message());
  } catch (const std::exception& e) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw std::runtime_error("cannot write '" + path + "': " + e.what());
  }
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
