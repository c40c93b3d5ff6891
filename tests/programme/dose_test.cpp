// Dose received per teacher: years coached, the students of each teacher, the histogram and
// the share of the effect under each dose-response rule, by hand.
#include <gtest/gtest.h>

#include "coachsim/programme/dose.hpp"

namespace coachsim::programme {
namespace dose_test {

TEST(Dose, YearsCoachedCountsFromTheFirstYearUpToThree) {
  EXPECT_EQ(years_coached(0), 1);
  EXPECT_EQ(years_coached(1), 2);
  EXPECT_EQ(years_coached(2), 3);
  EXPECT_EQ(years_coached(5), 3);
  // A school that entered in the second year (scale_up) is in its first year then.
  EXPECT_EQ(years_coached(1, 1), 1);
  EXPECT_EQ(years_coached(2, 1), 2);
}

TEST(Dose, StudentsAreSplitEvenlyAndSumToTheSchool) {
  // 10 students over 3 teachers: 10*1/3 = 3, 10*2/3 - 3 = 3, 10 - 6 = 4.
  EXPECT_EQ(students_of_teacher(10, 3, 0), 3);
  EXPECT_EQ(students_of_teacher(10, 3, 1), 3);
  EXPECT_EQ(students_of_teacher(10, 3, 2), 4);
  EXPECT_EQ(students_of_teacher(30, 2, 0), 15);
  EXPECT_EQ(students_of_teacher(7, 0, 0), 0);
  std::int64_t sum = 0;
  for (int k = 0; k < 7; ++k) sum += students_of_teacher(23, 7, k);
  EXPECT_EQ(sum, 23);
}

TEST(Dose, ShareUnderEachRule) {
  scenario::Outcomes linear;
  EXPECT_DOUBLE_EQ(dose_share(linear, 3, 6), 0.5);
  EXPECT_DOUBLE_EQ(dose_share(linear, 6, 6), 1.0);
  EXPECT_DOUBLE_EQ(dose_share(linear, 8, 6), 1.0);  // capped at the full effect
  EXPECT_DOUBLE_EQ(dose_share(linear, 0, 6), 0.0);
  scenario::Outcomes threshold;
  threshold.dose_response = scenario::DoseResponse::kThreshold;
  threshold.full_at = 1.0;
  EXPECT_EQ(dose_share(threshold, 6, 6), 1.0);
  EXPECT_EQ(dose_share(threshold, 5, 6), 0.0);
  threshold.full_at = 0.7;  // 0.7 x 7 = 4.9 visits: 5 suffice, 4 do not
  EXPECT_EQ(dose_share(threshold, 5, 7), 1.0);
  EXPECT_EQ(dose_share(threshold, 4, 7), 0.0);
}

TEST(Dose, HandBuiltHistogramAndEffectSums) {
  scenario::Outcomes o;
  o.student_learning_sd = {0.1, 0.2, 0.3};
  o.teacher_practice_sd = {0.4, 0.5, 0.6};
  RegionYearTally t;
  record_dose(t, 1, 6, 6, 20, &o);  // full: 20 x 0.1 students, 0.4 teacher
  record_dose(t, 1, 3, 6, 10, &o);  // half: 10 x 0.05, 0.2
  record_dose(t, 2, 0, 7, 15, &o);  // none
  record_dose(t, 3, 40, 7, 5, &o);  // beyond the last column: counted in it; full effect
  EXPECT_EQ(t.teachers_by_dose[0][6], 1);
  EXPECT_EQ(t.teachers_by_dose[0][3], 1);
  EXPECT_EQ(t.teachers_by_dose[1][0], 1);
  EXPECT_EQ(t.teachers_by_dose[2][kMaxDose - 1], 1);
  EXPECT_EQ(t.students_by_dose[0][6], 20);
  EXPECT_EQ(t.students_by_dose[0][3], 10);
  EXPECT_EQ(t.students_by_dose[1][0], 15);
  EXPECT_EQ(t.students_by_dose[2][kMaxDose - 1], 5);
  EXPECT_DOUBLE_EQ(t.student_sd_sum, 20 * 0.1 + 10 * 0.05 + 0 + 5 * 0.3);
  EXPECT_DOUBLE_EQ(t.teacher_sd_sum, 0.4 + 0.2 + 0 + 0.6);
  RegionYearTally none;
  record_dose(none, 1, 6, 6, 20, nullptr);  // without outcomes: only the histogram
  EXPECT_EQ(none.teachers_by_dose[0][6], 1);
  EXPECT_EQ(none.student_sd_sum, 0.0);
}

// The evidence measured one grade in one school type: a covered teacher's students beyond the
// grade share are outside it, like an uncovered type's; extrapolating keeps their gain (and says
// how much of the sum it is), `zero` drops it.
TEST(Dose, GradeShareSplitsACoveredTeachersStudentsAtTheEvidence) {
  scenario::Outcomes o;
  o.student_learning_sd = {0.1, 0.2, 0.3};
  o.teacher_practice_sd = {0.4, 0.5, 0.6};
  o.evidence_grade_share = 0.167;  // grade 2 of six
  DoseReceived full;
  full.visits = full.protocol_visits = 6;
  RegionYearTally t;
  // 3 of a covered teacher's 20 students in the grade, 17 outside; an uncovered teacher's 12
  // all outside, whatever their grades.
  EXPECT_DOUBLE_EQ(record_dose(t, 1, full, 20, &o, true, 3), 20 * 0.1);
  EXPECT_DOUBLE_EQ(record_dose(t, 1, full, 12, &o, false, 2), 12 * 0.1);
  EXPECT_EQ(t.students_outside_evidence, 17 + 12);
  EXPECT_DOUBLE_EQ(t.student_sd_sum, 32 * 0.1);
  EXPECT_DOUBLE_EQ(t.student_sd_extrapolated, 29 * 0.1);
  EXPECT_DOUBLE_EQ(t.teacher_sd_sum, 0.4 + 0.4);

  o.outside = scenario::OutsideEvidence::kZero;
  RegionYearTally z;
  // 2 of 9 inside; the uncovered teacher earns nothing, not even on practice.
  EXPECT_DOUBLE_EQ(record_dose(z, 2, full, 9, &o, true, 2), 2 * 0.2);
  EXPECT_DOUBLE_EQ(record_dose(z, 2, full, 12, &o, false, 2), 0.0);
  EXPECT_EQ(z.students_outside_evidence, 7 + 12);
  EXPECT_DOUBLE_EQ(z.student_sd_sum, 2 * 0.2);
  EXPECT_DOUBLE_EQ(z.student_sd_extrapolated, 0.0);
  EXPECT_DOUBLE_EQ(z.teacher_sd_sum, 0.5);
}

// A school's grade share is rounded once and split over its teachers like its students, so
// the teachers' shares add up to the school's (rounding each teacher's 10 x 16.7% = 1.67 up to
// 2 would put 20% of them inside).
TEST(Dose, StudentsInTheEvidencesGradesAreSplitPerSchool) {
  scenario::Outcomes o;
  o.evidence_grade_share = 0.167;
  // 30 students x 16.7% = 5.01 -> 5, over 3 teachers: 5/3 = 1, 10/3 - 1 = 2, 5 - 3 = 2.
  EXPECT_EQ(students_in_evidence(o, 30, 3, 0), 1);
  EXPECT_EQ(students_in_evidence(o, 30, 3, 1), 2);
  EXPECT_EQ(students_in_evidence(o, 30, 3, 2), 2);
  o.evidence_grade_share = 1.0;  // every grade: every student of the teacher
  for (int k = 0; k < 3; ++k)
    EXPECT_EQ(students_in_evidence(o, 10, 3, k), students_of_teacher(10, 3, k));
}

}  // namespace dose_test
}  // namespace coachsim::programme
