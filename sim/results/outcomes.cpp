// Outcomes, cost-effectiveness, nominal prices and US dollars of a row (see outcomes.hpp).
#include "coachsim/results/outcomes.hpp"

#include "coachsim/results/metric_list.hpp"
#include "coachsim/results/results.hpp"
#include "coachsim/units/rounding.hpp"

namespace coachsim::results {

void add_dose(programme::RegionYearTally& a, const programme::RegionYearTally& b) {
  for (int y = 0; y < programme::kMaxYearsCoached; ++y) {
    for (int v = 0; v < programme::kMaxDose; ++v) {
      a.teachers_by_dose[y][v] += b.teachers_by_dose[y][v];
      a.students_by_dose[y][v] += b.students_by_dose[y][v];
    }
  }
  a.student_sd_sum += b.student_sd_sum;
  a.teacher_sd_sum += b.teacher_sd_sum;
  // students_outside_evidence is a declared count (metric_list.cpp): add_declared_counts sums it.
  a.student_sd_extrapolated += b.student_sd_extrapolated;
  for (int k = 0; k < programme::kMaxYearsCoached; ++k) {
    a.cohort_teachers[k] += b.cohort_teachers[k];
    a.cohort_students[k] += b.cohort_students[k];
    a.cohort_student_sd[k] += b.cohort_student_sd[k];
  }
}

void price_row(Row& row, const scenario::Prices& prices) {
  RowOutcomes& o = row.outcome;
  o.price_index = scenario::price_index(prices, row.year);
  o.cost_total_nominal =
      units::round_half_away(static_cast<double>(row.cost_total) * o.price_index);
  const auto rate = scenario::exchange_rate(prices, row.year);
  // Validation requires a rate for every school year; a hand-built scenario without one gets 0.
  o.cost_total_usd =
      rate ? units::round_half_away(static_cast<double>(o.cost_total_nominal) / *rate) : 0;
}

void finish_outcomes(Row& row) {
  RowOutcomes& o = row.outcome;
  const programme::RegionYearTally& t = row.tally;
  o.teachers_coached = o.students_coached = 0;
  for (int y = 0; y < programme::kMaxYearsCoached; ++y) {
    for (int v = 0; v < programme::kMaxDose; ++v) {
      o.teachers_coached += t.teachers_by_dose[y][v];
      o.students_coached += t.students_by_dose[y][v];
    }
  }
  o.student_learning_sd =
      o.students_coached == 0 ? 0.0 : t.student_sd_sum / static_cast<double>(o.students_coached);
  o.teacher_practice_sd =
      o.teachers_coached == 0 ? 0.0 : t.teacher_sd_sum / static_cast<double>(o.teachers_coached);
  o.extrapolated_gain_pct =
      t.student_sd_sum == 0.0 ? 0.0 : 100.0 * t.student_sd_extrapolated / t.student_sd_sum;
  o.cost_per_full_protocol_teacher = ratio_exact(metric::kCostPerFullProtocolTeacher, row);
  o.cost_per_teacher_usd = ratio_exact(metric::kCostPerTeacherUsd, row);
  o.cost_per_student_usd = ratio_exact(metric::kCostPerStudentUsd, row);
}

}  // namespace coachsim::results
