// Turning ledger totals and tallies into rows: sums first, ratios last, each ratio from the
// same sums a user can recompute from regions.csv.
#include "coachsim/results/results.hpp"

#include "coachsim/results/metric_list.hpp"

#include "coachsim/units/rounding.hpp"

namespace coachsim::results {
namespace {

// Counts declared in the metric list are summed from their declaration; the arrays and the
// dose histograms here.
void add(programme::RegionYearTally& a, const programme::RegionYearTally& b) {
  add_declared_counts(a, b);
  for (int k = 0; k < programme::kMissReasonCount; ++k) a.missed[k] += b.missed[k];
  for (int k = 0; k < 3; ++k) a.teachers_stage[k] += b.teachers_stage[k];
  add_dose(a, b);
}

void finish(Row& row, const scenario::Scenario& s) {
  row.cost_total = 0;
  for (std::int64_t c : row.cost_by_category) row.cost_total += c;
  derive_ratios(row);  // each ratio by its one expression in the metric list
  if (s.prices) price_row(row, *s.prices);
  finish_outcomes(row);
}

}  // namespace

Results aggregate(const scenario::Scenario& s, const programme::Population& pop,
                  const ledger::Ledger& ledger, const programme::Tally& tally) {
  Results out;
  out.costs = ledger.costs_ptr();
  const std::size_t categories = ledger.category_count();
  out.has_outcomes = s.outcomes.has_value();
  out.has_prices = s.prices.has_value();
  for (std::size_t y = 0; y < s.years.size(); ++y) {
    Row nation;
    nation.region = "national";
    nation.national = true;
    nation.year = s.years[y].year;
    nation.year_index = y;
    nation.cost_by_category.assign(categories, 0);
    std::vector<Row> rows;
    for (std::size_t r = 0; r < pop.regions.size(); ++r) {
      Row row;
      row.region = pop.regions[r].id;
      row.year = s.years[y].year;
      row.year_index = y;
      row.tally = tally.at(y, r);
      row.cost_by_category.assign(categories, 0);
      for (std::size_t c = 0; c < categories; ++c) {
        row.cost_by_category[static_cast<std::size_t>(c)] =
            ledger.total(y, r, static_cast<costs::Category>(c));
        nation.cost_by_category[static_cast<std::size_t>(c)] +=
            row.cost_by_category[static_cast<std::size_t>(c)];
      }
      add(nation.tally, row.tally);
      finish(row, s);
      rows.push_back(std::move(row));
    }
    for (std::size_t c = 0; c < categories; ++c) {
      const std::int64_t outside =
          ledger.total(y, pop.regions.size(), static_cast<costs::Category>(c));
      nation.cost_by_category[static_cast<std::size_t>(c)] += outside;
      nation.cost_outside_regions += outside;
    }
    finish(nation, s);
    out.grand_total += nation.cost_total;

    // Spread across regions that ran the programme this year.
    static const MetricDef* const metrics[] = {
        &metric::kCostPerTeacher,   &metric::kCostPerStudent,   &metric::kCostPerCoach,
        &metric::kTeachersPerCoach, &metric::kStudentsPerCoach, &metric::kCompliancePct,
    };
    for (const MetricDef* m : metrics) {
      std::vector<double> values;
      std::vector<const Row*> who;
      for (const Row& row : rows) {
        if (row.tally.teachers == 0 || row.tally.coaches == 0) continue;
        if (s.regions[static_cast<std::size_t>(&row - rows.data())].exclude_from_statistics)
          continue;
        // Money in currency units, as variance.csv shows it.
        values.push_back(m->unit == MetricUnit::kCentimos ? value_as_double(*m, row) / 100.0
                                                          : value_as_double(*m, row));
        who.push_back(&row);
      }
      if (values.empty()) continue;
      Spread sp = spread_of(values);
      sp.year = nation.year;
      sp.metric = std::string(m->id);
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] == sp.min && sp.min_region.empty()) sp.min_region = who[i]->region;
        if (values[i] == sp.max && sp.max_region.empty()) sp.max_region = who[i]->region;
      }
      out.variance.push_back(std::move(sp));
    }
    // Execution by month, per region and national.
    const std::size_t slots = ledger.regions();
    std::vector<std::int64_t> national(12, 0);
    for (std::size_t r = 0; r < slots; ++r) {
      std::int64_t cumulative = 0;
      for (unsigned m = 1; m <= 12; ++m) {
        const std::int64_t c = ledger.month_total(y, m, r);
        national[m - 1] += c;
        cumulative += c;
        if (r < pop.regions.size())
          out.monthly.push_back({nation.year, m, pop.regions[r].id, c, cumulative});
      }
    }
    std::int64_t cumulative = 0;
    for (unsigned m = 1; m <= 12; ++m) {
      cumulative += national[m - 1];
      out.monthly.push_back({nation.year, m, "national", national[m - 1], cumulative});
    }
    for (Row& row : rows) out.regions.push_back(std::move(row));
    out.national.push_back(std::move(nation));
  }
  cost_effectiveness(out, s);  // needs every year's rows: gains over the cost of all years
  return out;
}

}  // namespace coachsim::results
