// Results beyond spending: what a row's teachers and students gained (by the dose they
// received and the scenario's outcomes:), what it bought per US$100, and its cost in current
// prices and US dollars (prices:). Every figure is zero unless the scenario has the section.
#pragma once

#include <cstdint>
#include <vector>

namespace coachsim::results {

struct RowOutcomes {
  // From the dose histograms: teachers of coaches' caseloads and their students.
  std::int64_t teachers_coached = 0, students_coached = 0;
  double student_learning_sd = 0;  // mean gain over students of coached teachers (SD)
  double teacher_practice_sd = 0;  // mean gain over coached teachers (SD)
  // Share (%) of the students' summed gain earned outside the evidence (extrapolation).
  double extrapolated_gain_pct = 0;
  // Cost-effectiveness as J-PAL computes it (results/cost_effectiveness.cpp): the gain level the
  // row's students have reached, over the cost per student of every year that produced it (each
  // entry cohort's share of each year's cost since it entered, in US$ of its entry year,
  // discounted to that year at outcomes.discount_rate), x 100. Needs prices:; 0 without.
  double sd_per_usd100 = 0;
  double cost_to_date_usd = 0;  // US cents: the denominator's cost (all students, not per student)
  std::int64_t cost_per_full_protocol_teacher = 0;  // céntimos, constant prices

  double price_index = 1.0;             // of the row's year (1 for all-years rows)
  std::int64_t cost_total_nominal = 0;  // céntimos at the year's prices
  std::int64_t cost_total_usd = 0;      // US cents: nominal / exchange rate of the year
  std::int64_t cost_per_teacher_usd = 0, cost_per_student_usd = 0;  // US cents
};

// One entry cohort (the schools that entered the programme in one year) at the end of its
// coaching: its last school year in the scenario, at most the third.
struct CohortEffect {
  int entry_year = 0, end_year = 0;
  std::int64_t teachers = 0, students = 0;  // of caseloads, in the end year
  double student_sd_sum = 0;                // students x their gain level, in the end year
  double cost_usd = 0;  // US cents of the entry year, discounted: every year entry..end
  double mean_gain_sd() const {
    return students == 0 ? 0.0 : student_sd_sum / static_cast<double>(students);
  }
  double cost_per_student_usd() const {  // US$ (not cents)
    return students == 0 ? 0.0 : cost_usd / 100.0 / static_cast<double>(students);
  }
  double sd_per_usd100() const { return cost_usd <= 0 ? 0.0 : student_sd_sum * 10000.0 / cost_usd; }
};

}  // namespace coachsim::results
