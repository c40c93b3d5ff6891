// Dose received per teacher and the effect it earns (see dose.hpp).
#include "coachsim/programme/dose.hpp"

#include <algorithm>
#include <cmath>

namespace coachsim::programme {

int years_coached(std::size_t year_index, std::size_t entry_year_index) {
  if (year_index < entry_year_index) return 1;  // not yet in the programme: not counted anyway
  return static_cast<int>(
      std::min<std::size_t>(kMaxYearsCoached, year_index - entry_year_index + 1));
}

double dose_share(const scenario::Outcomes& outcomes, const DoseReceived& dose) {
  auto part = [](double received, double reference) {
    return reference <= 0 ? 1.0 : std::min(1.0, received / reference);
  };
  double share = 0.0;
  if (outcomes.reference) {
    const scenario::ReferenceProtocol& ref = *outcomes.reference;
    const scenario::DoseWeights& w = outcomes.weights;
    share = w.visits * part(dose.visits, ref.visits) + w.gia * part(dose.gia, ref.gia) +
            w.workshops * part(dose.workshop_days, ref.workshop_days);
  } else {
    if (dose.protocol_visits <= 0) return 0.0;
    share = part(dose.visits, dose.protocol_visits);
  }
  if (outcomes.dose_response == scenario::DoseResponse::kThreshold)
    // A tolerance so that e.g. 6 of 6 visits meets "100%" despite binary fractions.
    return share + 1e-9 >= outcomes.full_at ? 1.0 : 0.0;
  return share;
}

double dose_share(const scenario::Outcomes& outcomes, int visits, int protocol_visits) {
  DoseReceived dose;
  dose.visits = visits;
  dose.protocol_visits = protocol_visits;
  return dose_share(outcomes, dose);
}

std::int64_t students_of_teacher(std::int64_t students, std::int64_t teachers, std::int64_t k) {
  if (teachers <= 0) return 0;
  return students * (k + 1) / teachers - students * k / teachers;
}

double record_dose(RegionYearTally& t, int years, int visits, int protocol_visits,
                   std::int64_t students, const scenario::Outcomes* outcomes) {
  DoseReceived dose;
  dose.visits = visits;
  dose.protocol_visits = protocol_visits;
  const std::int64_t inside =
      outcomes == nullptr
          ? students
          : std::llround(static_cast<double>(students) * outcomes->evidence_grade_share);
  return record_dose(t, years, dose, students, outcomes, true, inside);
}

std::int64_t students_in_evidence(const scenario::Outcomes& outcomes, std::int64_t students,
                                  std::int64_t teachers, std::int64_t k) {
  const std::int64_t in_grades =
      std::llround(static_cast<double>(students) * outcomes.evidence_grade_share);
  return students_of_teacher(in_grades, teachers, k);
}

double record_dose(RegionYearTally& t, int years, const DoseReceived& dose, std::int64_t students,
                   const scenario::Outcomes* outcomes, bool covered, std::int64_t in_grades) {
  const int y = std::clamp(years, 1, kMaxYearsCoached) - 1;
  const int v = std::clamp(dose.visits, 0, kMaxDose - 1);
  t.teachers_by_dose[y][v] += 1;
  t.students_by_dose[y][v] += students;
  if (outcomes == nullptr) return 0.0;
  // Inside the evidence: a covered type's students in the evidence's grades; the rest are
  // outside it.
  const std::int64_t inside = covered ? std::clamp<std::int64_t>(in_grades, 0, students) : 0;
  const std::int64_t outside = students - inside;
  t.students_outside_evidence += outside;
  const bool extrapolate = outcomes->outside == scenario::OutsideEvidence::kExtrapolate;
  if (!covered && !extrapolate) return 0.0;
  const double share = dose_share(*outcomes, dose);
  const double effect = outcomes->student_learning_sd[static_cast<std::size_t>(y)];
  // Extrapolating, every student earns the effect; otherwise only those inside the evidence.
  // (students x share x effect, in that order, as the sums have always been formed.)
  const double gain = static_cast<double>(extrapolate ? students : inside) * share * effect;
  if (extrapolate) t.student_sd_extrapolated += static_cast<double>(outside) * share * effect;
  t.student_sd_sum += gain;
  // Practice is measured on the teacher, whatever the grades taught.
  t.teacher_sd_sum += share * outcomes->teacher_practice_sd[static_cast<std::size_t>(y)];
  return gain;
}

void record_cohort(RegionYearTally& t, std::size_t year_index, std::size_t entry_year_index,
                   std::int64_t students, double student_sd) {
  const std::size_t since = year_index > entry_year_index ? year_index - entry_year_index : 0;
  const std::size_t k = std::min<std::size_t>(since, kMaxYearsCoached - 1);
  t.cohort_teachers[k] += 1;
  t.cohort_students[k] += students;
  t.cohort_student_sd[k] += student_sd;
}

}  // namespace coachsim::programme
