// The declared metrics (metric_list.hpp) and the layouts the writers walk.
#include "coachsim/results/metric_list.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <mutex>
#include <string>
#include <utility>

#include "coachsim/units/rounding.hpp"

namespace coachsim::results {

namespace metric {
namespace {

using T = programme::RegionYearTally;

constexpr MetricDef count(std::string_view id, std::int64_t T::*field) {
  MetricDef m;
  m.id = id;
  m.label = id;
  m.unit = MetricUnit::kCount;
  m.tally = field;
  return m;
}

// A count read from the Row (an array element or a derived sum), summed to the nation.
constexpr MetricDef count_of(std::string_view id, std::int64_t (*read)(const Row&)) {
  MetricDef m;
  m.id = id;
  m.label = id;
  m.unit = MetricUnit::kCount;
  m.exact = read;
  return m;
}

constexpr MetricDef money_sum(std::string_view id, std::string_view label,
                              std::int64_t (*read)(const Row&)) {
  MetricDef m;
  m.id = id;
  m.label = label;
  m.unit = MetricUnit::kCentimos;
  m.exact = read;
  return m;
}

constexpr MetricDef ratio(std::string_view id, std::string_view label, MetricUnit unit, Ratio r,
                          const MetricDef& num, const MetricDef& den) {
  MetricDef m;
  m.id = id;
  m.label = label;
  m.unit = unit;
  m.decimals = unit == MetricUnit::kCentimos ? 0 : 2;
  m.aggregation = Aggregation::kRatioOfSums;
  m.ratio = r;
  m.numerator = &num;
  m.denominator = &den;
  return m;
}

constexpr MetricDef with_field(MetricDef m, double Row::*field) {
  m.real_field = field;
  return m;
}
constexpr MetricDef with_field(MetricDef m, std::int64_t Row::*field) {
  m.exact_field = field;
  return m;
}
constexpr MetricDef reading(MetricDef m, std::int64_t (*read)(const Row&)) {
  m.exact = read;
  return m;
}

constexpr MetricDef recomputed(std::string_view id, MetricUnit unit, int decimals,
                               double (*read)(const Row&)) {
  MetricDef m;
  m.id = id;
  m.label = id;
  m.unit = unit;
  m.decimals = decimals;
  m.aggregation = Aggregation::kRecomputed;
  m.real = read;
  return m;
}

template <programme::MissReason R>
std::int64_t missed(const Row& r) {
  return r.tally.missed[static_cast<int>(R)];
}
template <int Stage>
std::int64_t stage(const Row& r) {
  return r.tally.teachers_stage[Stage];
}

}  // namespace

// Counts of the tally: summed region by region into the nation by aggregate().
const MetricDef kTeachers = count("teachers", &T::teachers);
const MetricDef kSchools = count("schools", &T::schools);
const MetricDef kStudents = count("students", &T::students);
const MetricDef kCoaches = count("coaches", &T::coaches);
const MetricDef kSupervisors = count("supervisors", &T::supervisors);
const MetricDef kStaff = count("staff", &T::staff);
const MetricDef kVisitsPlanned = count("visits_planned", &T::visits_planned);
const MetricDef kVisitsDone = count("visits_done", &T::visits_done);
const MetricDef kTeachersReached = count("teachers_reached", &T::teachers_reached);
const MetricDef kTeachersFullProtocol = count("teachers_full_protocol", &T::teachers_full_protocol);
const MetricDef kVisitDaysPlanned = count("visit_days_planned", &T::visit_days_planned);
const MetricDef kVisitDaysDone = count("visit_days_done", &T::visit_days_done);
const MetricDef kGiaPlanned = count("gia_planned", &T::gia_planned);
const MetricDef kGiaDone = count("gia_done", &T::gia_done);
const MetricDef kRtcPlanned = count("rtc_planned", &T::rtc_planned);
const MetricDef kRtcDone = count("rtc_done", &T::rtc_done);
const MetricDef kTeacherWorkshopDaysPlanned =
    count("teacher_workshop_days_planned", &T::teacher_workshop_days_planned);
const MetricDef kTeacherWorkshopDaysDone =
    count("teacher_workshop_days_done", &T::teacher_workshop_days_done);
const MetricDef kCoachWorkshopDaysPlanned =
    count("coach_workshop_days_planned", &T::coach_workshop_days_planned);
const MetricDef kCoachWorkshopDaysDone =
    count("coach_workshop_days_done", &T::coach_workshop_days_done);
const MetricDef kSupervisorVisitsPlanned =
    count("supervisor_visits_planned", &T::supervisor_visits_planned);
const MetricDef kSupervisorVisitsDone = count("supervisor_visits_done", &T::supervisor_visits_done);
const MetricDef kTrips = count("trips", &T::trips);
const MetricDef kOvernightTrips = count("overnight_trips", &T::overnight_trips);
const MetricDef kCoachDaysTravel = count("coach_days_travel", &T::coach_days_travel);
const MetricDef kCoachDaysRainExtra = count("coach_days_rain_extra", &T::coach_days_rain_extra);
const MetricDef kCoachesHired = count("coaches_hired", &T::coaches_hired);
const MetricDef kCoachesLeft = count("coaches_left", &T::coaches_left);
const MetricDef kCoachesReplaced = count("coaches_replaced", &T::coaches_replaced);
const MetricDef kCoachTrainingDays = count("coach_training_days", &T::coach_training_days);
const MetricDef kTeachersNew = count("teachers_new", &T::teachers_new);

// Teacher-visits missed by reason and teachers by stage: arrays of the tally, summed by
// aggregate()'s loops over them.
using programme::MissReason;
const MetricDef kMissedNoCoachTime =
    count_of("visits_missed_no_coach_time", &missed<MissReason::kNoCoachTime>);
const MetricDef kMissedLateContract =
    count_of("visits_missed_late_contract", &missed<MissReason::kLateContract>);
const MetricDef kMissedVacancy = count_of("visits_missed_vacancy", &missed<MissReason::kVacancy>);
const MetricDef kMissedCancelled =
    count_of("visits_missed_cancelled", &missed<MissReason::kCancelled>);
const MetricDef kMissedNotHired =
    count_of("visits_missed_not_hired", &missed<MissReason::kNotHired>);
const MetricDef kTeachersStage1 = count_of("teachers_stage1", &stage<0>);
const MetricDef kTeachersStage2 = count_of("teachers_stage2", &stage<1>);
const MetricDef kTeachersStage3 = count_of("teachers_stage3", &stage<2>);

// Shares, each the one expression ratio_real computes from two sums.
const MetricDef kCompliancePct =
    with_field(ratio("compliance_pct", "compliance", MetricUnit::kPercent, Ratio::kPercent,
                     kVisitsDone, kVisitsPlanned),
               &Row::compliance_pct);
const MetricDef kCoveragePct = with_field(ratio("coverage_pct", "coverage", MetricUnit::kPercent,
                                                Ratio::kPercent, kTeachersReached, kTeachers),
                                          &Row::coverage_pct);
const MetricDef kFullProtocolPct =
    with_field(ratio("full_protocol_pct", "full protocol", MetricUnit::kPercent, Ratio::kPercent,
                     kTeachersFullProtocol, kTeachers),
               &Row::full_protocol_pct);

// Money: sums of ledger entries (national rows add what was spent outside the regions).
const MetricDef kCostTotal =
    money_sum("cost_total", "cost total", [](const Row& r) { return r.cost_total; });
const MetricDef kCostOutsideRegions =
    money_sum("cost_outside_regions", "cost outside regions",
              [](const Row& r) { return r.cost_outside_regions; });
const MetricDef kCostPerTeacher =
    with_field(ratio("cost_per_teacher", "cost per teacher", MetricUnit::kCentimos,
                     Ratio::kMoneyPerUnit, kCostTotal, kTeachers),
               &Row::cost_per_teacher);
const MetricDef kCostPerStudent =
    with_field(ratio("cost_per_student", "cost per student", MetricUnit::kCentimos,
                     Ratio::kMoneyPerUnit, kCostTotal, kStudents),
               &Row::cost_per_student);
const MetricDef kCostPerCoach =
    with_field(ratio("cost_per_coach", "cost per coach", MetricUnit::kCentimos,
                     Ratio::kMoneyPerUnit, kCostTotal, kCoaches),
               &Row::cost_per_coach);
// Cost per teacher who received every visit of the protocol: what a cut that keeps spending
// but breaks the protocol makes plain. Stored in the row's outcomes (finish_outcomes).
const MetricDef kCostPerFullProtocolTeacher =
    reading(ratio("cost_per_full_protocol_teacher", "cost per full-protocol teacher",
                  MetricUnit::kCentimos, Ratio::kMoneyPerUnit, kCostTotal, kTeachersFullProtocol),
            [](const Row& r) { return r.outcome.cost_per_full_protocol_teacher; });
const MetricDef kTeachersPerCoach =
    with_field(ratio("teachers_per_coach", "teachers per coach", MetricUnit::kRatio,
                     Ratio::kQuotient, kTeachers, kCoaches),
               &Row::teachers_per_coach);
const MetricDef kStudentsPerCoach =
    with_field(ratio("students_per_coach", "students per coach", MetricUnit::kRatio,
                     Ratio::kQuotient, kStudents, kCoaches),
               &Row::students_per_coach);

// prices: (results/outcomes.cpp). Nominal and US$ totals are converted from the row's own
// total and rounded once, so a national figure is not the sum of the regions' rounded ones.
// US$ figures are US cents, shown with two decimals like céntimos.
const MetricDef kPriceIndex = recomputed("price_index", MetricUnit::kRatio, 4,
                                         [](const Row& r) { return r.outcome.price_index; });
namespace {
constexpr MetricDef money_recomputed(std::string_view id, std::int64_t (*read)(const Row&)) {
  MetricDef m = money_sum(id, id, read);
  m.aggregation = Aggregation::kRecomputed;
  return m;
}
}  // namespace
const MetricDef kCostTotalNominal = money_recomputed(
    "cost_total_nominal", [](const Row& r) { return r.outcome.cost_total_nominal; });
const MetricDef kCostTotalUsd =
    money_recomputed("cost_total_usd", [](const Row& r) { return r.outcome.cost_total_usd; });
const MetricDef kCostPerTeacherUsd =
    reading(ratio("cost_per_teacher_usd", "cost per teacher (US$)", MetricUnit::kCentimos,
                  Ratio::kMoneyPerUnit, kCostTotalUsd, kTeachers),
            [](const Row& r) { return r.outcome.cost_per_teacher_usd; });
const MetricDef kCostPerStudentUsd =
    reading(ratio("cost_per_student_usd", "cost per student (US$)", MetricUnit::kCentimos,
                  Ratio::kMoneyPerUnit, kCostTotalUsd, kStudents),
            [](const Row& r) { return r.outcome.cost_per_student_usd; });

// outcomes: (results/outcomes.cpp): teachers and students of coaches' caseloads, and their
// mean gains, weighted by them.
const MetricDef kTeachersCoached =
    count_of("teachers_coached", [](const Row& r) { return r.outcome.teachers_coached; });
const MetricDef kStudentsCoached =
    count_of("students_coached", [](const Row& r) { return r.outcome.students_coached; });
namespace {
constexpr MetricDef weighted_mean(std::string_view id, const MetricDef& weight,
                                  double (*read)(const Row&)) {
  MetricDef m;
  m.id = id;
  m.label = id;
  m.unit = MetricUnit::kRatio;
  m.decimals = 4;
  m.aggregation = Aggregation::kWeightedMean;
  m.denominator = &weight;
  m.real = read;
  return m;
}
}  // namespace
const MetricDef kStudentLearningSd =
    weighted_mean("student_learning_sd", kStudentsCoached,
                  [](const Row& r) { return r.outcome.student_learning_sd; });
const MetricDef kTeacherPracticeSd =
    weighted_mean("teacher_practice_sd", kTeachersCoached,
                  [](const Row& r) { return r.outcome.teacher_practice_sd; });
// Outside the evidence (outcomes.evidence): students of school types and grades it did not
// measure, and the share of the student gain that is therefore extrapolation.
const MetricDef kStudentsOutsideEvidence =
    count("students_outside_evidence", &T::students_outside_evidence);
const MetricDef kExtrapolatedGainPct =
    recomputed("extrapolated_gain_pct", MetricUnit::kPercent, 2,
               [](const Row& r) { return r.outcome.extrapolated_gain_pct; });
// Each cohort's gain over the cost of every year that produced it (cost_effectiveness.cpp).
const MetricDef kSdPerUsd100 = recomputed("sd_per_usd100", MetricUnit::kRatio, 4,
                                          [](const Row& r) { return r.outcome.sd_per_usd100; });

}  // namespace metric

using namespace metric;

namespace {

// Category metrics are made on demand, one per (index, id), and never freed: a MetricDef's id
// is a string_view, and writers keep pointers to the entries.
const MetricDef* intern_category(int index, std::string_view category_id) {
  static std::mutex mutex;
  static std::deque<std::pair<std::string, MetricDef>> made;
  const std::string id = "cost_" + std::string(category_id);
  const std::lock_guard<std::mutex> lock(mutex);
  for (const auto& [name, def] : made)
    if (def.category == index && name == id) return &def;
  auto& [name, def] = made.emplace_back(id, MetricDef{});
  def.id = name;
  def.label = name;
  def.unit = MetricUnit::kCentimos;
  def.category = index;
  return &def;
}

void add_categories(std::vector<const MetricDef*>& out, const costs::CostTable* costs) {
  const costs::CostTable& table = costs != nullptr ? *costs : *costs::CostTable::builtin();
  for (std::size_t c = 0; c < table.category_count(); ++c)
    out.push_back(&category_metric(table, static_cast<int>(c)));
}

double quotient(std::int64_t num, std::int64_t den) {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

}  // namespace

// A ratio the Row does not store is computed where it is read, by the same expression.
std::int64_t exact_value(const MetricDef& m, const Row& row) {
  if (m.tally) return row.tally.*m.tally;
  if (m.exact_field) return row.*m.exact_field;
  if (m.exact) return m.exact(row);
  if (m.category >= 0) {
    const auto c = static_cast<std::size_t>(m.category);
    return c < row.cost_by_category.size() ? row.cost_by_category[c] : 0;
  }
  if (m.ratio == Ratio::kMoneyPerUnit) return ratio_exact(m, row);
  return 0;
}

double real_value(const MetricDef& m, const Row& row) {
  if (m.real_field) return row.*m.real_field;
  if (m.real) return m.real(row);
  if (m.ratio == Ratio::kPercent || m.ratio == Ratio::kQuotient) return ratio_real(m, row);
  return 0.0;
}

double value_as_double(const MetricDef& m, const Row& row) {
  return m.is_exact() ? static_cast<double>(exact_value(m, row)) : real_value(m, row);
}

double ratio_real(const MetricDef& m, const Row& row) {
  const double q = quotient(exact_value(*m.numerator, row), exact_value(*m.denominator, row));
  return m.ratio == Ratio::kPercent ? 100.0 * q : q;
}

std::int64_t ratio_exact(const MetricDef& m, const Row& row) {
  const std::int64_t den = exact_value(*m.denominator, row);
  return den == 0 ? 0 : units::divide_half_away(exact_value(*m.numerator, row), den);
}

// The union of the layouts, each metric once, in the order first shown: a metric no writer
// shows is not declared.
const std::vector<const MetricDef*>& all_metrics() {
  static const std::vector<const MetricDef*> all = [] {
    std::vector<const MetricDef*> out;
    for (const auto& layout :
         {table_layout({true, true, true, true, true}), json_layout(true), json_prices_layout(),
          json_outcomes_layout(true), metrics_layout(true, true, true)})
      for (const MetricDef* m : layout)
        if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
    return out;
  }();
  return all;
}

const MetricDef& category_metric(const costs::CostTable& costs, int category) {
  return *intern_category(category, costs.category_id(static_cast<costs::Category>(category)));
}

void derive_ratios(Row& row) {
  for (const MetricDef* m : all_metrics()) {
    if (m->real_field) row.*m->real_field = ratio_real(*m, row);
    if (m->exact_field) row.*m->exact_field = ratio_exact(*m, row);
  }
}

void add_declared_counts(programme::RegionYearTally& a, const programme::RegionYearTally& b) {
  for (const MetricDef* m : all_metrics())
    if (m->tally) a.*m->tally += b.*m->tally;
}

std::vector<const MetricDef*> table_layout(const TableOptions& with) {
  std::vector<const MetricDef*> out = {&kTeachers,
                                       &kSchools,
                                       &kStudents,
                                       &kCoaches,
                                       &kSupervisors,
                                       &kStaff,
                                       &kVisitsPlanned,
                                       &kVisitsDone,
                                       &kCompliancePct,
                                       &kTeachersReached,
                                       &kCoveragePct,
                                       &kTeachersFullProtocol,
                                       &kFullProtocolPct,
                                       &kVisitDaysPlanned,
                                       &kVisitDaysDone,
                                       &kGiaPlanned,
                                       &kGiaDone,
                                       &kRtcPlanned,
                                       &kRtcDone,
                                       &kTeacherWorkshopDaysPlanned,
                                       &kTeacherWorkshopDaysDone,
                                       &kCoachWorkshopDaysPlanned,
                                       &kCoachWorkshopDaysDone,
                                       &kSupervisorVisitsPlanned,
                                       &kSupervisorVisitsDone,
                                       &kTrips,
                                       &kOvernightTrips,
                                       &kCoachDaysTravel,
                                       &kCoachDaysRainExtra,
                                       &kMissedNoCoachTime,
                                       &kMissedLateContract,
                                       &kCostTotal,
                                       &kCostPerTeacher,
                                       &kCostPerStudent,
                                       &kCostPerCoach,
                                       &kTeachersPerCoach,
                                       &kStudentsPerCoach};
  add_categories(out, with.costs);
  // Optional columns come after every other one, and only for scenarios that use them, so
  // other scenarios' files keep their layout.
  if (with.national) out.push_back(&kCostOutsideRegions);
  if (with.growth)
    out.insert(out.end(), {&kMissedVacancy, &kMissedCancelled, &kMissedNotHired, &kCoachesHired,
                           &kCoachesLeft, &kCoachesReplaced, &kCoachTrainingDays, &kTeachersStage1,
                           &kTeachersStage2, &kTeachersStage3});
  if (with.turnover) out.push_back(&kTeachersNew);
  if (with.prices)
    out.insert(out.end(),
               {&kCostTotalNominal, &kCostTotalUsd, &kCostPerTeacherUsd, &kCostPerStudentUsd});
  if (with.outcomes) {
    out.insert(out.end(), {&kTeachersCoached, &kStudentsCoached, &kStudentLearningSd,
                           &kTeacherPracticeSd, &kCostPerFullProtocolTeacher});
    if (with.prices) out.push_back(&kSdPerUsd100);
    out.insert(out.end(), {&kStudentsOutsideEvidence, &kExtrapolatedGainPct});
  }
  return out;
}

std::vector<const MetricDef*> json_layout(bool national) {
  std::vector<const MetricDef*> out = {
      &kTeachers,         &kSchools,          &kStudents,      &kCoaches,     &kSupervisors,
      &kVisitsPlanned,    &kVisitsDone,       &kCompliancePct, &kCoveragePct, &kFullProtocolPct,
      &kTeachersPerCoach, &kStudentsPerCoach, &kCostTotal};
  if (national) out.push_back(&kCostOutsideRegions);
  out.insert(out.end(), {&kCostPerTeacher, &kCostPerStudent, &kCostPerCoach});
  return out;
}

std::vector<const MetricDef*> json_prices_layout() {
  return {&kPriceIndex, &kCostTotalNominal, &kCostTotalUsd, &kCostPerTeacherUsd,
          &kCostPerStudentUsd};
}

std::vector<const MetricDef*> json_outcomes_layout(bool prices) {
  std::vector<const MetricDef*> out = {&kTeachersCoached,      &kStudentsCoached,
                                       &kTeachersFullProtocol, &kStudentLearningSd,
                                       &kTeacherPracticeSd,    &kCostPerFullProtocolTeacher};
  if (prices) out.push_back(&kSdPerUsd100);
  out.insert(out.end(), {&kStudentsOutsideEvidence, &kExtrapolatedGainPct});
  return out;
}

std::vector<const MetricDef*> metrics_layout(bool national, bool prices, bool outcomes,
                                             const costs::CostTable* costs) {
  std::vector<const MetricDef*> out = {&kCostTotal};
  add_categories(out, costs);
  if (national) out.push_back(&kCostOutsideRegions);
  out.insert(out.end(),
             {&kCostPerTeacher, &kCostPerStudent, &kCostPerCoach, &kCostPerFullProtocolTeacher,
              &kTeachers, &kStudents, &kCoaches, &kSupervisors, &kTeachersReached,
              &kTeachersFullProtocol, &kVisitsPlanned, &kVisitsDone, &kCoveragePct, &kCompliancePct,
              &kFullProtocolPct, &kTeachersPerCoach});
  if (prices)
    out.insert(out.end(),
               {&kCostTotalNominal, &kCostTotalUsd, &kCostPerTeacherUsd, &kCostPerStudentUsd});
  if (outcomes) {
    out.insert(out.end(),
               {&kTeachersCoached, &kStudentsCoached, &kStudentLearningSd, &kTeacherPracticeSd});
    if (prices) out.push_back(&kSdPerUsd100);
  }
  return out;
}

}  // namespace coachsim::results
