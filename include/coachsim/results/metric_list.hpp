// The one declared list of output metrics. Each figure a run reports per region and year is
// declared here once: its column id, how people read it, its unit, how many decimals a CSV
// shows, how it aggregates from regions to the nation, and how it is read from a Row. Every
// writer (regions.csv and national.csv, the workbook's "By region and year" sheet,
// summary.json, the terminal summary, metrics_of for compare and sweep) walks a layout of
// these entries, so a header and its cells come from the same entry and cannot get out of
// step, and every ratio is computed by one expression (ratio_real / ratio_exact below).
//
// The entries and layouts are in metric_list.cpp. Adding an output column: a count is a field
// in the tally, the process that counts it, and one entry in metric_list.cpp (in every
// layout that should show it); aggregate() sums a count with a `tally` field by itself. A
// ratio of two declared metrics is one entry alone (computed where it is read unless the Row
// stores it). tests/results/metric_list_test.cpp checks every national figure against its
// aggregation rule, tests/report/metric_writers_test.cpp every writer against its layout.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "coachsim/results/results.hpp"

namespace coachsim::results {

enum class MetricUnit : std::uint8_t {
  kCentimos,  // money; shown in currency units with two decimals
  kCount,     // teachers, coaches, visits ...
  kPercent,   // 0..100
  kRatio,     // teachers per coach ...
};

// How a national figure follows from the regions' figures of the same year.
enum class Aggregation : std::uint8_t {
  kSum,           // the sum of the regions' values (money: plus spending outside the regions)
  kRatioOfSums,   // the metric's ratio recomputed from the national sums, never a mean of ratios
  kWeightedMean,  // the regions' values weighted by `denominator` (a mean gain over students)
  kRecomputed,    // from national figures by a rule of its own (prices, cost-effectiveness)
};

// The ratio of a kRatioOfSums metric: numerator over denominator, each another metric.
enum class Ratio : std::uint8_t {
  kNone,
  kPercent,       // 100 x n / d, a double
  kQuotient,      // n / d, a double (teachers per coach)
  kMoneyPerUnit,  // céntimos n / count d, rounded half away from zero to the céntimo
};

struct MetricDef {
  std::string_view id;     // column name in the CSVs, key in summary.json, name in metrics_of
  std::string_view label;  // as people read it (compare's headline table)
  MetricUnit unit = MetricUnit::kCount;
  int decimals = 0;  // CSV decimals of a percent or ratio (money always 2, counts 0)
  Aggregation aggregation = Aggregation::kSum;
  Ratio ratio = Ratio::kNone;
  const MetricDef* numerator = nullptr;    // kRatioOfSums; the weight of kWeightedMean
  const MetricDef* denominator = nullptr;  // kRatioOfSums and kWeightedMean
  // Where the value is: a tally count (summed by aggregate), or a reader of the Row. Counts and
  // money are exact integers (`exact`), percents and ratios doubles (`real`).
  std::int64_t programme::RegionYearTally::*tally = nullptr;
  std::int64_t (*exact)(const Row&) = nullptr;
  double (*real)(const Row&) = nullptr;
  // Ratios stored in the Row: aggregate() and metrics_of set them with ratio_real/ratio_exact
  // (derive_ratios). A ratio with neither field nor reader is computed where it is read.
  double Row::*real_field = nullptr;
  std::int64_t Row::*exact_field = nullptr;
  // A category's cost, "cost_<category id>": the index into Row::cost_by_category (or -1).
  int category = -1;

  bool is_exact() const { return unit == MetricUnit::kCentimos || unit == MetricUnit::kCount; }
};

// The value of `m` in `row`: exact for counts and money, real for percents and ratios.
std::int64_t exact_value(const MetricDef& m, const Row& row);
double real_value(const MetricDef& m, const Row& row);
double value_as_double(const MetricDef& m, const Row& row);  // either, as a double

// The one expression of each ratio, from the row's numerator and denominator.
double ratio_real(const MetricDef& m, const Row& row);         // kPercent, kQuotient
std::int64_t ratio_exact(const MetricDef& m, const Row& row);  // kMoneyPerUnit

// Sets every ratio the Row stores (cost per teacher, compliance_pct ...) from its sums.
void derive_ratios(Row& row);

// Sums every metric with a tally field of b into a (aggregate's national tallies).
void add_declared_counts(programme::RegionYearTally& a, const programme::RegionYearTally& b);

// Every declared metric: those of the layouts below, each once (with the built-in categories).
const std::vector<const MetricDef*>& all_metrics();
// The cost of one category of `costs` (the run's cost table), "cost_<category id>"; one entry
// per category, kept for the life of the program (a scenario's own categories included).
const MetricDef& category_metric(const costs::CostTable& costs, int category);

// The layouts: which metrics each writer shows, in its order.
struct TableOptions {
  bool national = false;                    // national.csv adds cost_outside_regions
  bool growth = false;                      // scale_up / coach_supply columns
  bool turnover = false;                    // teacher_turnover's teachers_new
  bool prices = false;                      // prices: columns
  bool outcomes = false;                    // outcomes: columns
  const costs::CostTable* costs = nullptr;  // the run's categories (null: the built-in ones)
};
// regions.csv / national.csv after region and year; the workbook's "By region and year" sheet
// with no options.
std::vector<const MetricDef*> table_layout(const TableOptions& with);
// summary.json's figures of a row, its "prices" object and its "outcomes" object.
std::vector<const MetricDef*> json_layout(bool national);
std::vector<const MetricDef*> json_prices_layout();
std::vector<const MetricDef*> json_outcomes_layout(bool prices);
// metrics_of (compare and sweep).
std::vector<const MetricDef*> metrics_layout(bool national, bool prices, bool outcomes,
                                             const costs::CostTable* costs = nullptr);

// The entries by name, for writers that show a chosen few.
namespace metric {
#define COACHSIM_METRIC(name) extern const MetricDef name;
COACHSIM_METRIC(kTeachers)
COACHSIM_METRIC(kSchools)
COACHSIM_METRIC(kStudents)
COACHSIM_METRIC(kCoaches)
COACHSIM_METRIC(kSupervisors)
COACHSIM_METRIC(kVisitsPlanned)
COACHSIM_METRIC(kVisitsDone)
COACHSIM_METRIC(kTeachersReached)
COACHSIM_METRIC(kTeachersFullProtocol)
COACHSIM_METRIC(kCompliancePct)
COACHSIM_METRIC(kCoveragePct)
COACHSIM_METRIC(kFullProtocolPct)
COACHSIM_METRIC(kCostTotal)
COACHSIM_METRIC(kCostOutsideRegions)
COACHSIM_METRIC(kCostPerTeacher)
COACHSIM_METRIC(kCostPerStudent)
COACHSIM_METRIC(kCostPerCoach)
COACHSIM_METRIC(kCostPerFullProtocolTeacher)
COACHSIM_METRIC(kTeachersPerCoach)
COACHSIM_METRIC(kStudentsPerCoach)
COACHSIM_METRIC(kCostTotalUsd)
COACHSIM_METRIC(kCostPerTeacherUsd)
COACHSIM_METRIC(kCostPerStudentUsd)
#undef COACHSIM_METRIC
}  // namespace metric

}  // namespace coachsim::results
