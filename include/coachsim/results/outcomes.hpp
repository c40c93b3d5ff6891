// Results beyond spending: what a row's teachers and students gained (by the dose they
// received and the scenario's outcomes:), what it bought per US$100, and its cost in current
// prices and US dollars (prices:). Every figure is zero unless the scenario has the section.
#pragma once

#include <cstdint>

namespace coachsim::results {

struct RowOutcomes {
  // From the dose histograms: teachers of coaches' caseloads and their students.
  std::int64_t teachers_coached = 0, students_coached = 0;
  double student_learning_sd = 0;  // mean gain over students of coached teachers (SD)
  double teacher_practice_sd = 0;  // mean gain over coached teachers (SD)
  // Student-SD gained per US$100 of the year's cost: sum over students of their gain divided
  // by cost_total_usd / 100 (needs prices:; 0 without).
  double sd_per_usd100 = 0;
  std::int64_t cost_per_full_protocol_teacher = 0;  // céntimos, constant prices

  double price_index = 1.0;             // of the row's year (1 for all-years rows)
  std::int64_t cost_total_nominal = 0;  // céntimos at the year's prices
  std::int64_t cost_total_usd = 0;      // US cents: nominal / exchange rate of the year
  std::int64_t cost_per_teacher_usd = 0, cost_per_student_usd = 0;  // US cents
};

}  // namespace coachsim::results
