// Private to the report module: a thin layer over libxlsxwriter shared by sim/report/xlsx_*.cpp,
// and one function per sheet of the workbook (xlsx_report.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "coachsim/report/xlsx_report.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace coachsim::report {

namespace xlsx {

enum class Style : std::uint8_t {
  kText,
  kHeader,   // bold, bottom border
  kTitle,    // bold, larger
  kNote,     // italic, for notes that spill over empty cells to the right
  kMoney,    // currency units with two decimals, e.g. S/ 1,234.56
  kPercent,  // a fraction shown as 12.3%
  kCount,    // #,##0
  kDecimal,  // #,##0.00
  kInteger,  // 0: years and identifiers, no separators
  kDate,     // yyyy-mm-dd (dd/mm/yyyy in Spanish)
  kNumber,   // General: quantities
  kPoints,   // a difference of percentages in percentage points, e.g. -12.3 pp
  kFine,     // #,##0.000: statistics (R², t values) that two decimals would blur
};
inline constexpr std::size_t kStyleCount = 13;

class Book {
 public:
  // `tmpdir`: where libxlsxwriter keeps its temporary files while writing.
  Book(const std::string& file, const std::string& tmpdir, const std::string& currency);
  ~Book();  // discards a workbook that was not closed
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  lxw_worksheet* add_sheet(const std::string& name);
  lxw_format* format(Style s) const { return formats_[static_cast<std::size_t>(s)]; }
  // Characters the money prefix adds to a number ("S/ " for PEN, else the code and a space).
  const std::string& money_prefix() const { return prefix_; }
  // Writes the file; throws std::runtime_error naming it on failure.
  void close();

 private:
  void add_formats();

  std::string file_, tmpdir_, prefix_;
  std::string date_format_;  // libxlsxwriter may keep the pointer until the workbook is closed
  lxw_workbook* book_ = nullptr;
  std::array<lxw_format*, kStyleCount> formats_{};
};

// Writes one sheet row by row, left to right (libxlsxwriter's constant-memory mode), and
// remembers each column's widest content to size the columns at the end.
class Sheet {
 public:
  Sheet(Book& book, const std::string& name);

  std::uint32_t row() const { return row_; }

  Sheet& text(std::string_view s, Style style = Style::kText);
  Sheet& money(std::int64_t centimos);
  Sheet& amount(double currency_units);  // money that is not a whole number of cents (a mean)
  Sheet& count(std::int64_t n);
  Sheet& integer(std::int64_t n);
  Sheet& percent(double fraction);
  Sheet& points(double percentage_points);
  Sheet& decimal(double v);
  Sheet& fine(double v);  // three decimals
  Sheet& number(double v);
  Sheet& date(std::int32_t days_since_epoch);
  Sheet& blank(int cells = 1);
  void end_row();

  // A row holding one line of text in its first column, left out of the column sizing so it
  // spills over the empty cells to its right.
  void note(std::string_view s, Style style = Style::kNote);
  // A bold header row; it becomes the row that freeze() and filter() refer to.
  void header(const std::vector<std::string>& names);
  // Freezes the rows up to and including the header, and `columns` columns.
  void freeze(int columns = 0);
  // An autofilter over the header and every row written below it so far.
  void filter();
  // Sets the column widths from their content; call once, after the last row.
  void finish();

 private:
  Sheet& cell(double v, Style style, double width);
  void fit(std::size_t col, double width);

  Book& book_;
  lxw_worksheet* sheet_;
  std::uint32_t row_ = 0;
  std::uint16_t col_ = 0;
  std::uint32_t header_row_ = 0;
  std::uint16_t header_cols_ = 0;
  std::vector<double> widths_;
};

// The number of characters a UTF-8 string shows.
std::size_t display_length(std::string_view s);
// Percent columns of results hold 0..100; the workbook shows fractions formatted as percent.
inline double fraction(double pct) { return pct / 100.0; }

// Builds a workbook into a temporary file next to `path` with `fill`, then renames it into
// place; throws std::runtime_error naming `path` on failure (nothing is left behind).
void write_book(const std::string& path, const std::string& currency,
                const std::function<void(Book&)>& fill);

void summary_sheet(Book& book, const RunReport& report, const XlsxOptions& options);
void region_year_sheet(Book& book, const RunReport& report);
void category_sheet(Book& book, const RunReport& report);
void execution_sheet(Book& book, const RunReport& report);
void variance_sheet(Book& book, const RunReport& report);
// With a budget only (xlsx_budget.cpp).
void budget_sheet(Book& book, const RunReport& report);
// The execution row of the school year's last month of `region` ("national" too) and `year`;
// nullptr when there is none (no budget).
const results::ExecutionRow* year_end_row(const results::Execution& execution,
                                          const std::string& region, int year);
// The ledger summed by region, category and calendar month (xlsx_ledger_pivot.cpp).
void ledger_pivot_sheet(Book& book, const RunReport& report);
void ledger_sheet(Book& book, const RunReport& report, const XlsxOptions& options);
void inputs_sheet(Book& book, const RunReport& report, const std::string& scenario_text);

}  // namespace xlsx
}  // namespace coachsim::report
