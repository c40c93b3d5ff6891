// Dose received per teacher and the effect it earns (see dose.hpp).
#include "coachsim/programme/dose.hpp"

#include <algorithm>

namespace coachsim::programme {

int years_coached(std::size_t year_index, std::size_t entry_year_index) {
  if (year_index < entry_year_index) return 1;  // not yet in the programme: not counted anyway
  return static_cast<int>(
      std::min<std::size_t>(kMaxYearsCoached, year_index - entry_year_index + 1));
}

double dose_share(const scenario::Outcomes& outcomes, int visits, int protocol_visits) {
  if (protocol_visits <= 0) return 0.0;
  const double share = static_cast<double>(visits) / protocol_visits;
  if (outcomes.dose_response == scenario::DoseResponse::kThreshold)
    // A tolerance so that e.g. 6 of 6 visits meets "100%" despite binary fractions.
    return share + 1e-9 >= outcomes.full_at ? 1.0 : 0.0;
  return std::min(1.0, share);
}

std::int64_t students_of_teacher(std::int64_t students, std::int64_t teachers, std::int64_t k) {
  if (teachers <= 0) return 0;
  return students * (k + 1) / teachers - students * k / teachers;
}

void record_dose(RegionYearTally& t, int years, int visits, int protocol_visits,
                 std::int64_t students, const scenario::Outcomes* outcomes) {
  const int y = std::clamp(years, 1, kMaxYearsCoached) - 1;
  const int v = std::clamp(visits, 0, kMaxDose - 1);
  t.teachers_by_dose[y][v] += 1;
  t.students_by_dose[y][v] += students;
  if (outcomes == nullptr) return;
  const double share = dose_share(*outcomes, visits, protocol_visits);
  t.student_sd_sum += static_cast<double>(students) * share *
                      outcomes->student_learning_sd[static_cast<std::size_t>(y)];
  t.teacher_sd_sum += share * outcomes->teacher_practice_sd[static_cast<std::size_t>(y)];
}

}  // namespace coachsim::programme
