// The "By region and year" sheet (the columns of regions.csv) and the "By category" sheet
// (region x year x category, with national rows that include spending outside the regions).
#include "coachsim/i18n/tr.hpp"
#include "coachsim/ledger/entry.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "coachsim/results/metric_list.hpp"
#include "labels.hpp"
#include "report_files.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report::xlsx {
namespace {

using programme::RegionYearTally;
using results::Row;

double share(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

void region_year_sheet(Book& book, const RunReport& report) {
  Sheet sh(book, trc("sheet", "By region and year"));
  // The columns of regions.csv, with its prices: and outcomes: columns when the scenario has
  // them (US$, cost per full-protocol teacher, SD per US$100), from the same layout.
  results::TableOptions with;
  with.prices = report.results.has_prices;
  with.outcomes = report.results.has_outcomes;
  with.costs = report.results.costs.get();
  const std::vector<const results::MetricDef*> layout = results::table_layout(with);
  std::vector<std::string> names = {trc("column", "region"), trc("column", "year")};
  for (const results::MetricDef* m : layout) names.push_back(metric_label(m->id));
  sh.header(names);
  for (const Row& r : report.results.regions) {
    sh.text(region_label(r.region)).integer(r.year);
    for (const results::MetricDef* m : layout) {
      switch (m->unit) {
        case results::MetricUnit::kCount:
          sh.count(results::exact_value(*m, r));
          break;
        case results::MetricUnit::kPercent:
          sh.percent(fraction(results::real_value(*m, r)));
          break;
        case results::MetricUnit::kCentimos:
          // US$ amounts are céntimos of US$, as in regions.csv; the sheet's money format carries
          // the scenario's currency, so they are plain decimals here.
          if (m->id.ends_with("_usd"))
            sh.decimal(static_cast<double>(results::exact_value(*m, r)) / 100.0);
          else
            sh.money(results::exact_value(*m, r));
          break;
        case results::MetricUnit::kRatio:
          sh.decimal(results::real_value(*m, r));
          break;
      }
    }
    sh.end_row();
  }
  sh.freeze(2);
  sh.filter();
  sh.finish();
}

void category_sheet(Book& book, const RunReport& report) {
  const std::size_t outside = report.population.regions.size();  // the ledger's last slot
  const bool has_outside = !report.scenario.central_costs.empty();
  Sheet sh(book, trc("sheet", "By category"));
  sh.header({trc("column", "year"), trc("column", "region"), trc("column", "category"),
             trc("column", "cost"), trc("column", "share of the region's year")});
  auto rows = [&](int year, const std::string& region, const auto& cost_of, std::int64_t total) {
    const costs::CostTable& costs = *report.results.costs;
    for (std::size_t c = 0; c < costs.category_count(); ++c) {
      const std::int64_t cost = cost_of(c);
      sh.integer(year)
          .text(region_label(region))
          .text(category_label(costs, static_cast<costs::Category>(c)))
          .money(cost)
          .percent(share(cost, total));
      sh.end_row();
    }
  };
  for (std::size_t y = 0; y < report.results.national.size(); ++y) {
    for (const Row& r : report.results.regions) {
      if (r.year_index != y) continue;
      rows(
          r.year, r.region, [&](std::size_t c) { return r.cost_by_category[c]; }, r.cost_total);
    }
    const Row& nation = report.results.national[y];
    if (has_outside)
      rows(
          nation.year, std::string(kOutsideRegions),
          [&](std::size_t c) {
            return report.ledger.total(y, outside, static_cast<costs::Category>(c));
          },
          nation.cost_outside_regions);
    rows(
        nation.year, nation.region, [&](std::size_t c) { return nation.cost_by_category[c]; },
        nation.cost_total);
  }
  sh.freeze(0);
  sh.filter();
  sh.finish();
}

}  // namespace coachsim::report::xlsx
