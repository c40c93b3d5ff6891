// The workbook and sheet writers over libxlsxwriter: formats, row-by-row cells, column sizing.
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report::xlsx {
namespace {

// Excel counts days from 1899-12-30 (serial 25569 is 1970-01-01).
constexpr double kExcelEpochOffset = 25569.0;
constexpr std::size_t kMaxCellText = 32767;  // Excel's limit on a cell's characters
constexpr double kMinWidth = 6.0, kMaxWidth = 80.0;

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + ": " + lxw_strerror(e));
}

// Characters of an integer with thousands separators, e.g. -1234567 -> 10 ("-1,234,567").
double grouped_width(std::int64_t v) {
  const std::uint64_t a = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  int digits = 1;
  for (std::uint64_t x = a; x >= 10; x /= 10) ++digits;
  return digits + (digits - 1) / 3 + (v < 0 ? 1 : 0);
}

double plain_width(std::int64_t v) {
  char buf[24];
  return static_cast<double>(std::to_chars(buf, buf + sizeof buf, v).ptr - buf);
}

}  // namespace

std::size_t display_length(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

Book::Book(const std::string& file, const std::string& tmpdir, const std::string& currency)
    : file_(file), tmpdir_(tmpdir), prefix_(currency == "PEN" ? "S/ " : currency + " ") {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // a ledger sheet holds up to a million rows
  options.tmpdir = tmpdir_.data();
  book_ = workbook_new_opt(file_.c_str(), &options);
  if (book_ == nullptr) throw std::runtime_error("cannot create the workbook");

  try {
    add_formats();
  } catch (...) {
    lxw_workbook_free(book_);
    throw;
  }
}

void Book::add_formats() {
  auto add = [&](Style s) {
    lxw_format* f = workbook_add_format(book_);
    if (f == nullptr) throw std::runtime_error("cannot create a cell format");
    formats_[static_cast<std::size_t>(s)] = f;
    return f;
  };
  lxw_format* header = add(Style::kHeader);
  format_set_bold(header);
  format_set_bottom(header, LXW_BORDER_THIN);
  lxw_format* title = add(Style::kTitle);
  format_set_bold(title);
  format_set_font_size(title, 14);
  format_set_italic(add(Style::kNote));
  // The prefix is quoted: letters in a number format are format codes (S would be seconds).
  const std::string money = "\"" + prefix_ + "\"#,##0.00";
  format_set_num_format(add(Style::kMoney), money.c_str());
  format_set_num_format(add(Style::kPercent), "0.0%");
  format_set_num_format(add(Style::kCount), "#,##0");
  format_set_num_format(add(Style::kDecimal), "#,##0.00");
  format_set_num_format(add(Style::kFine), "#,##0.000");
  format_set_num_format(add(Style::kInteger), "0");
  // Percentage points: "0.2 pp", never "0.2%", which would read as a relative change.
  format_set_num_format(add(Style::kPoints), "0.0\" pp\";-0.0\" pp\";0.0\" pp\"");
  // TRANSLATORS: an Excel number format for dates (Spanish: dd/mm/yyyy).
  date_format_ = trc("Excel date format", "yyyy-mm-dd");
  format_set_num_format(add(Style::kDate), date_format_.c_str());
  // kText and kNumber use the default format (General).

  lxw_doc_properties props{};
  props.title = const_cast<char*>("coachsim run");
  props.comments = const_cast<char*>("Written by coachsim " COACHSIM_VERSION);
  // A fixed creation time (2000-01-01 00:00 UTC; 0 would mean "now") so that a rerun writes a
  // byte-identical workbook: the run's inputs, not the clock, decide its content.
  props.created = 946684800;
  check(workbook_set_properties(book_, &props), "workbook properties");
}

Book::~Book() {
  if (book_ != nullptr) lxw_workbook_free(book_);
}

lxw_worksheet* Book::add_sheet(const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(book_, name.c_str());
  if (ws == nullptr) throw std::runtime_error("cannot add sheet '" + name + "'");
  return ws;
}

void Book::close() {
  lxw_workbook* b = book_;
  book_ = nullptr;  // workbook_close frees it whatever happens
  check(workbook_close(b), "saving the workbook");
}

Sheet::Sheet(Book& book, const std::string& name) : book_(book), sheet_(book.add_sheet(name)) {}

void Sheet::fit(std::size_t col, double width) {
  if (widths_.size() <= col) widths_.resize(col + 1, 0.0);
  widths_[col] = std::max(widths_[col], width);
}

Sheet& Sheet::cell(double v, Style style, double width) {
  check(worksheet_write_number(sheet_, row_, col_, v, book_.format(style)), "writing a number");
  fit(col_++, width);
  return *this;
}

Sheet& Sheet::text(std::string_view s, Style style) {
  if (s.empty()) return blank();
  if (s.size() > kMaxCellText) s = s.substr(0, kMaxCellText);
  const std::string str(s);
  check(worksheet_write_string(sheet_, row_, col_, str.c_str(), book_.format(style)),
        "writing text");
  fit(col_++, static_cast<double>(display_length(s)) * (style == Style::kHeader ? 1.1 : 1.0));
  return *this;
}

Sheet& Sheet::money(std::int64_t centimos) {
  const double width =
      grouped_width(centimos / 100) + 3 + static_cast<double>(display_length(book_.money_prefix()));
  return cell(static_cast<double>(centimos) / 100.0, Style::kMoney, width);
}

Sheet& Sheet::amount(double units) {
  const double width = grouped_width(static_cast<std::int64_t>(units)) + 3 +
                       static_cast<double>(display_length(book_.money_prefix()));
  return cell(units, Style::kMoney, width);
}

Sheet& Sheet::count(std::int64_t n) {
  return cell(static_cast<double>(n), Style::kCount, grouped_width(n));
}

Sheet& Sheet::integer(std::int64_t n) {
  return cell(static_cast<double>(n), Style::kInteger, plain_width(n));
}

Sheet& Sheet::percent(double f) { return cell(f, Style::kPercent, f >= 9.995 ? 8.0 : 6.0); }

Sheet& Sheet::points(double pp) { return cell(pp, Style::kPoints, 9.0); }

Sheet& Sheet::decimal(double v) {
  return cell(v, Style::kDecimal, grouped_width(static_cast<std::int64_t>(v)) + 3);
}

Sheet& Sheet::fine(double v) {
  return cell(v, Style::kFine, grouped_width(static_cast<std::int64_t>(v)) + 4);
}

Sheet& Sheet::number(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return cell(v, Style::kNumber, std::min(11.0, static_cast<double>(r.ptr - buf)));
}

Sheet& Sheet::date(std::int32_t days) {
  return cell(static_cast<double>(days) + kExcelEpochOffset, Style::kDate, 10.0);
}

Sheet& Sheet::blank(int cells) {
  col_ = static_cast<std::uint16_t>(col_ + cells);
  return *this;
}

void Sheet::end_row() {
  ++row_;
  col_ = 0;
}

void Sheet::note(std::string_view s, Style style) {
  if (!s.empty()) {
    if (s.size() > kMaxCellText) s = s.substr(0, kMaxCellText);
    const std::string str(s);
    check(worksheet_write_string(sheet_, row_, 0, str.c_str(), book_.format(style)),
          "writing a note");
  }
  end_row();
}

void Sheet::header(const std::vector<std::string>& names) {
  header_row_ = row_;
  header_cols_ = static_cast<std::uint16_t>(names.size());
  for (const std::string& n : names) {
    text(n, Style::kHeader);
    fit(col_ - 1u, static_cast<double>(display_length(n)) * 1.1 + 2);  // the filter button
  }
  end_row();
}

void Sheet::freeze(int columns) {
  worksheet_freeze_panes(sheet_, header_row_ + 1, static_cast<lxw_col_t>(columns));
}

void Sheet::filter() {
  if (header_cols_ == 0) return;
  const std::uint32_t last = std::max(header_row_, row_ == 0 ? 0u : row_ - 1);
  check(worksheet_autofilter(sheet_, header_row_, 0, last, header_cols_ - 1u), "autofilter");
}

void Sheet::finish() {
  for (std::size_t c = 0; c < widths_.size(); ++c) {
    if (widths_[c] <= 0) continue;
    const double w = std::clamp(widths_[c] + 1.5, kMinWidth, kMaxWidth);
    check(worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w,
                               nullptr),
          "column width");
  }
}

}  // namespace coachsim::report::xlsx
