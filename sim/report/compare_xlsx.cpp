// The workbook of `coachsim compare --xlsx`: one "Comparison" sheet with the columns of
// compare.csv as numbers (money in the currency format, percents as percent), a frozen header
// and filters, so a finance officer can sort and filter the differences.
#include "coachsim/report/compare_report.hpp"
#include "compare_format.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report {
namespace {

using compare::Comparison;
using compare::Row;
using results::MetricUnit;

// A value or a difference of `row` in its unit; a blank cell when absent. A percent's
// difference is in percentage points, shown as a percent of the same scale.
void cell(xlsx::Sheet& sheet, const Row& row, const std::optional<double>& v, bool usd) {
  if (!v) {
    sheet.blank();
    return;
  }
  switch (row.unit) {
    case MetricUnit::kCentimos:
      if (usd)
        sheet.decimal(*v / 100.0);  // US$ figures: not in the scenario currency's format
      else
        sheet.money(cmp::cents(*v));
      break;
    case MetricUnit::kCount:
      sheet.count(static_cast<std::int64_t>(std::llround(*v)));
      break;
    case MetricUnit::kPercent:
      sheet.percent(xlsx::fraction(*v));
      break;
    case MetricUnit::kRatio:
      sheet.decimal(*v);
      break;
  }
}

void comparison_sheet(xlsx::Book& book, const Comparison& c) {
  xlsx::Sheet sheet(book, "Comparison");
  std::string names;
  for (const compare::Entry& e : c.scenarios)
    names += (names.empty() ? "" : "; ") + e.label + " = " + e.file + " (\"" + e.scenario_name +
             "\", seed " + std::to_string(e.seed) + ")";
  sheet.note("Scenarios side by side: " + names, xlsx::Style::kTitle);
  sheet.note("diff = value - " + c.scenarios.front().label + "; diff % = diff / " +
             c.scenarios.front().label +
             "'s value. Differences of percentages are in percentage points. Year 'all' is "
             "every school year together (counts are teacher-years).");
  std::vector<std::string> header{"Scope", "Year", "Metric", "Unit"};
  for (std::size_t s = 0; s < c.scenarios.size(); ++s) {
    header.push_back(c.scenarios[s].label);
    if (s > 0) {
      header.push_back("diff " + c.scenarios[s].label);
      header.push_back("diff % " + c.scenarios[s].label);
    }
  }
  sheet.header(header);
  for (const Row& row : c.rows) {
    const std::string unit = cmp::unit_label(row, c.currency);
    const bool usd = row.unit == MetricUnit::kCentimos && unit != c.currency;
    sheet.text(row.scope);
    if (row.year == 0)
      sheet.text("all");
    else
      sheet.integer(row.year);
    sheet.text(row.name).text(unit);
    for (std::size_t s = 0; s < c.scenarios.size(); ++s) {
      cell(sheet, row, row.values[s], usd);
      if (s == 0) continue;
      cell(sheet, row, row.diffs[s], usd);
      if (row.diff_pcts[s])
        sheet.percent(xlsx::fraction(*row.diff_pcts[s]));
      else
        sheet.blank();
    }
    sheet.end_row();
  }
  sheet.freeze(3);
  sheet.filter();
  sheet.finish();
}

}  // namespace

void write_compare_xlsx(const Comparison& c, const std::string& path) {
  xlsx::write_book(path, c.currency, [&](xlsx::Book& book) { comparison_sheet(book, c); });
}

}  // namespace coachsim::report
