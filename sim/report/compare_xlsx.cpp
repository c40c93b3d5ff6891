// The workbook of `coachsim compare --xlsx`. It opens on the answer: a "Headline" sheet with the
// national headline figures of the year that changed (Comparison::changed_year) and of all
// years, then each region's cost and full-protocol share that year. The "Comparison" sheet
// follows with every row of compare.csv as numbers (money in the currency format, percents as
// percent, differences of percents in percentage points), a frozen header and filters, so a
// finance officer can sort and filter the differences.
#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/compare_report.hpp"
#include "compare_format.hpp"
#include "labels.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report {
namespace {

using compare::Comparison;
using compare::Row;
using results::MetricUnit;

// A value or a difference of `row` in its unit; a blank cell when absent. A percent's
// difference is in percentage points and shown as such ("-2.5 pp").
void cell(xlsx::Sheet& sheet, const Row& row, const std::optional<double>& v, bool usd,
          bool difference) {
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
      if (difference)
        sheet.points(*v);
      else
        sheet.percent(xlsx::fraction(*v));
      break;
    case MetricUnit::kRatio:
      sheet.decimal(*v);
      break;
  }
}

std::vector<std::string> header_of(const Comparison& c) {
  std::vector<std::string> header{trc("column", "Scope"), trc("column", "Year"),
                                  trc("column", "Metric"), trc("column", "Unit")};
  for (std::size_t s = 0; s < c.scenarios.size(); ++s) {
    header.push_back(c.scenarios[s].label);
    if (s > 0) {
      header.push_back(trf("diff {0}", {c.scenarios[s].label}));
      header.push_back(trf("diff % {0}", {c.scenarios[s].label}));
    }
  }
  return header;
}

// A unit id of compare.csv in the chosen language; a currency stays as it is.
std::string unit_shown(const std::string& unit) {
  if (unit == "count") return trc("unit", "count");
  if (unit == "percent") return trc("unit", "percent");
  if (unit == "ratio") return trc("unit", "ratio");
  return unit;
}

void write_row(xlsx::Sheet& sheet, const Comparison& c, const Row& row) {
  const std::string unit = cmp::unit_label(row, c.currency);
  const bool usd = row.unit == MetricUnit::kCentimos && unit != c.currency;
  // Scope and metric as ids in English (as in compare.csv), translated otherwise.
  const bool english = i18n::language() == "en";
  sheet.text(english ? row.scope : region_label(row.scope));
  if (row.year == 0)
    sheet.text(trc("year", "all"));
  else
    sheet.integer(row.year);
  sheet.text(english ? row.name : metric_label(row.name)).text(english ? unit : unit_shown(unit));
  for (std::size_t s = 0; s < c.scenarios.size(); ++s) {
    cell(sheet, row, row.values[s], usd, false);
    if (s == 0) continue;
    cell(sheet, row, row.diffs[s], usd, true);
    if (row.diff_pcts[s])
      sheet.percent(xlsx::fraction(*row.diff_pcts[s]));
    else
      sheet.blank();
  }
  sheet.end_row();
}

std::string scenario_names(const Comparison& c) {
  std::string names;
  for (const compare::Entry& e : c.scenarios)
    names += (names.empty() ? "" : "; ") + e.label + " = " + e.file + " (" +
             trf("\"{0}\", seed {1}", {e.scenario_name, std::to_string(e.seed)}) + ")";
  return names;
}

void headline_sheet(xlsx::Book& book, const Comparison& c) {
  const int year = c.changed_year();
  xlsx::Sheet sheet(book, trc("sheet", "Headline"));
  const std::string year_text = year == 0 ? trc("year", "all") : std::to_string(year);
  sheet.note(trf("What changed, {0}: {1}", {year_text, scenario_names(c)}), xlsx::Style::kTitle);
  sheet.note(
      trf("{0} is the school year whose national cost differs most from {1}'s (or, at "
          "equal cost, whose full-protocol share does). National headline figures of that "
          "year and of all years, then each region's cost and full-protocol share that "
          "year; every row is in the Comparison sheet.",
          {year_text, c.scenarios.front().label}));
  sheet.header(header_of(c));
  for (const int y : {year, 0})
    for (const results::MetricDef* m : cmp::kHeadlines)
      if (const Row* row = c.find("national/" + cmp::year_label(y) + "/" + std::string(m->id)))
        write_row(sheet, c, *row);
  for (const std::string_view metric : {"cost_total", "full_protocol_pct"})
    for (const Row& row : c.rows)
      if (row.scope != "national" && row.year == year && row.name == metric)
        write_row(sheet, c, row);
  sheet.freeze(3);
  sheet.finish();
}

void comparison_sheet(xlsx::Book& book, const Comparison& c) {
  xlsx::Sheet sheet(book, trc("sheet", "Comparison"));
  sheet.note(trf("Scenarios side by side: {0}", {scenario_names(c)}), xlsx::Style::kTitle);
  sheet.note(
      trf("diff = value - {0}; diff % = diff / {0}'s value. Differences of percentages are "
          "in percentage points (pp). Year 'all' is every school year together (counts "
          "are teacher-years).",
          {c.scenarios.front().label}));
  sheet.header(header_of(c));
  for (const Row& row : c.rows) write_row(sheet, c, row);
  sheet.freeze(3);
  sheet.filter();
  sheet.finish();
}

}  // namespace

void write_compare_xlsx(const Comparison& c, const std::string& path) {
  xlsx::write_book(path, c.currency, [&](xlsx::Book& book) {
    headline_sheet(book, c);
    comparison_sheet(book, c);
  });
}

}  // namespace coachsim::report
