// The dose of coaching a teacher received: years coached and visits received, and the share of
// a fully coached teacher's effect that dose earns under the scenario's dose-response rule.
#pragma once

#include <cstddef>
#include <cstdint>

#include "coachsim/programme/tally.hpp"
#include "coachsim/scenario/outcomes.hpp"

namespace coachsim::programme {

// Years of coaching a teacher has had by the end of school year `year_index` (0-based), 1..3,
// when their school entered the programme in year `entry_year_index` (its first active year:
// 0 without scale_up, so every teacher starts in the scenario's first year).
int years_coached(std::size_t year_index, std::size_t entry_year_index = 0);

// What one teacher received in a year, and the visits of the scenario's own protocol (used
// only when the outcomes declare no reference protocol: a hand-built scenario).
struct DoseReceived {
  int visits = 0, gia = 0, workshop_days = 0;
  int protocol_visits = 0;
};

// Share (0..1) of the full effect earned by a dose: each part (visits, GIA, workshop days)
// against the study's reference protocol, capped at 1, weighted by outcomes.weights; then the
// dose-response rule (linear: that share; threshold: 1 when it reaches full_at, else 0).
double dose_share(const scenario::Outcomes& outcomes, const DoseReceived& dose);
// Visits only (GIA and workshops received count as none).
double dose_share(const scenario::Outcomes& outcomes, int visits, int protocol_visits);

// The students of teacher `k` (0-based) of a school of `teachers` teachers and `students`
// students: the school's students split evenly, the remainder going to the first teachers of
// the cumulative split (students*(k+1)/teachers - students*k/teachers), so the shares sum to
// the school's students exactly and match the caseload's split.
std::int64_t students_of_teacher(std::int64_t students, std::int64_t teachers, std::int64_t k);

// Counts one teacher (with `students` students) into the dose histograms of `t`, and when
// `outcomes` is given adds the teacher's effects to the SD sums. Returns the student-SD added
// (students x effect; 0 without outcomes). The teacher's school type counts as covered, and
// round(students x evidence_grade_share) of its students as inside the evidence.
double record_dose(RegionYearTally& t, int years, int visits, int protocol_visits,
                   std::int64_t students, const scenario::Outcomes* outcomes);
// As above with the whole dose. Of the teacher's `students`, `in_grades` are in the grades the
// evidence measured (students_in_evidence); they are inside it when the school type is covered.
// The others, and every student of a type the evidence does not cover (`covered` false), are
// counted in students_outside_evidence and earn the effect only when the outcomes extrapolate.
double record_dose(RegionYearTally& t, int years, const DoseReceived& dose, std::int64_t students,
                   const scenario::Outcomes* outcomes, bool covered, std::int64_t in_grades);

// The students of teacher `k` of a school of `teachers` teachers and `students` students that
// are in the evidence's grades: the school's round(students x evidence_grade_share) split over
// its teachers by the same cumulative rule as students_of_teacher, so they add up to the
// school's share exactly (no rounding bias per teacher).
std::int64_t students_in_evidence(const scenario::Outcomes& outcomes, std::int64_t students,
                                  std::int64_t teachers, std::int64_t k);

// Counts one teacher of a school that entered in `entry_year_index` into the cohort tallies of
// `t` (year `year_index`), with its students and their gain `student_sd` (student-SD).
void record_cohort(RegionYearTally& t, std::size_t year_index, std::size_t entry_year_index,
                   std::int64_t students, double student_sd);

}  // namespace coachsim::programme
