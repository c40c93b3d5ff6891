// Results of a run: per region and year, per year for the nation, and the spread of unit costs
// across regions (the layout of Sempé's Tables 17 and 22).
//
// Every money figure is a sum of ledger entries (céntimos); a per-unit cost is that sum divided
// by a tally count, rounded to the céntimo once (units/rounding.hpp). Nothing here reads files
// or knows output formats.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "coachsim/ledger/ledger.hpp"
#include "coachsim/programme/population.hpp"
#include "coachsim/programme/tally.hpp"
#include "coachsim/results/execution.hpp"
#include "coachsim/results/outcomes.hpp"
#include "coachsim/scenario/scenario.hpp"

namespace coachsim::results {

struct Row {
  std::string region;  // the region id; "national" for national rows
  bool national = false;
  int year = 0;
  std::size_t year_index = 0;
  programme::RegionYearTally tally;
  // Céntimos by category of the run's cost table (Results::costs), in its order.
  std::vector<std::int64_t> cost_by_category;
  std::int64_t cost_outside_regions = 0;  // national rows: spending executed centrally
  std::int64_t cost_total = 0;            // céntimos
  std::int64_t cost_per_teacher = 0, cost_per_student = 0, cost_per_coach = 0;  // céntimos
  double teachers_per_coach = 0, students_per_coach = 0;
  double compliance_pct = 0;     // visits done / visits planned
  double coverage_pct = 0;       // teachers with at least one visit / teachers
  double full_protocol_pct = 0;  // teachers with every visit / teachers
  RowOutcomes outcome;           // zero unless the scenario has outcomes: / prices:
};

// One line of the variance table: a metric's spread across the regions of one year.
struct Spread {
  int year = 0;
  std::string metric;  // cost_per_teacher, cost_per_student, cost_per_coach, ...
  int n = 0;           // regions with teachers and coaches, less those excluded from statistics
  double min = 0, max = 0, mean = 0, sd = 0;  // sd: sample standard deviation (n - 1)
  std::string min_region, max_region;
};

// Spending accrued per month: the execution curve of a budget programme.
struct MonthCost {
  int year = 0;
  unsigned month = 1;           // 1..12
  std::string region;           // a region id, or "national" (all regions and outside them)
  std::int64_t cost = 0;        // céntimos accrued in the month
  std::int64_t cumulative = 0;  // céntimos accrued in the school year up to the month's end
};

struct Results {
  // The categories and activities of the run (ids and labels of every by-category output).
  std::shared_ptr<const costs::CostTable> costs = costs::CostTable::builtin();
  std::size_t category_count() const { return costs->category_count(); }
  std::vector<Row> regions;   // year-major, regions in scenario order
  std::vector<Row> national;  // one per year
  std::vector<Spread> variance;
  std::vector<MonthCost> monthly;  // per year: each region's 12 months, then national
  std::int64_t grand_total = 0;
  bool has_outcomes = false;  // the scenario has outcomes: (outcome columns and metrics)
  bool has_prices = false;    // the scenario has prices: (nominal and US$ columns and metrics)
  Execution execution;        // budget execution; enabled only when the scenario has a budget
  // With outcomes: and prices: national cost-effectiveness per entry cohort, and over all of
  // them (the all-years figure: each cohort's gain at its end over the cost that produced it).
  std::vector<CohortEffect> cohorts;
  double sd_per_usd100_all = 0;
};

Results aggregate(const scenario::Scenario& scenario, const programme::Population& population,
                  const ledger::Ledger& ledger, const programme::Tally& tally);

// Outcome and price figures (sim/results/outcomes.cpp). `add_dose` sums b's dose histograms
// and effect sums into a; `price_row` sets a year row's nominal and US$ totals from its
// cost_total; `finish_outcomes` derives means, per-unit and cost-effectiveness figures from the
// row's sums (also for all-years rows, whose sums the caller adds up).
void add_dose(programme::RegionYearTally& a, const programme::RegionYearTally& b);
void price_row(Row& row, const scenario::Prices& prices);
void finish_outcomes(Row& row);
// Sets sd_per_usd100 and cost_to_date_usd of every row, and the cohorts, from the rows' cohort
// tallies and costs (sim/results/cost_effectiveness.cpp). Needs outcomes: and prices:.
void cost_effectiveness(Results& results, const scenario::Scenario& scenario);

// Mean, min, max and sample SD of `values` (n >= 1; sd = 0 when n == 1).
Spread spread_of(const std::vector<double>& values);

}  // namespace coachsim::results
