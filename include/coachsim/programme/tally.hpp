// What the programme did, counted per school year and region: the physical side of results
// (coverage and compliance), next to the ledger's money side. Also the list of everything
// planned that did not happen, each with its reason.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "coachsim/ledger/entry.hpp"

namespace coachsim::programme {

enum class MissReason : std::uint8_t {
  kNoCoachTime,       // the coach's working days ran out before the school year ended
  kLateContract,      // as above, for a coach whose contract started late; or a workshop held
                      // before the contract started
  kOverlap,           // a fixed-date workshop overlapped another commitment
  kNoSupervisorTime,  // a supervisor's working days ran out before the school year ended
  kVacancy,           // the coach left; the post was vacant (or its replacement in training)
  kCancelled,         // the trip was cancelled on its first day (coach_supply.visit_cancellation)
  kNotHired,          // the hiring limit put the coach's contract start past the contract end
  kNoFunds,           // the budget could not pay for it (budget: section), or its contract was
                      // suspended for lack of funds
};
inline constexpr int kMissReasonCount = 8;
// Dose histograms: years coached 1..kMaxYearsCoached, visits received 0..kMaxDose-1 (more
// visits are counted in the last column).
inline constexpr int kMaxYearsCoached = 3;
inline constexpr int kMaxDose = 16;
std::string_view miss_reason_id(MissReason r);

struct RegionYearTally {
  std::int64_t schools = 0, teachers = 0, students = 0, coaches = 0, supervisors = 0, staff = 0;
  std::int64_t visits_planned = 0, visits_done = 0;          // teacher-visits
  std::int64_t visit_days_planned = 0, visit_days_done = 0;  // teacher-visit-days
  std::int64_t gia_planned = 0, gia_done = 0;                // teacher-sessions
  std::int64_t rtc_planned = 0, rtc_done = 0;
  std::int64_t teacher_workshop_days_planned = 0, teacher_workshop_days_done = 0;  // per teacher
  std::int64_t coach_workshop_days_planned = 0, coach_workshop_days_done = 0;      // per coach
  std::int64_t supervisor_visits_planned = 0, supervisor_visits_done = 0;
  std::int64_t teachers_reached = 0;        // at least one visit
  std::int64_t teachers_full_protocol = 0;  // every visit of their protocol
  std::int64_t trips = 0, overnight_trips = 0;
  std::int64_t coach_days_travel = 0, coach_days_rain_extra = 0;
  std::int64_t missed[kMissReasonCount] = {};  // teacher-visits missed by reason
  // Growth over years (scale_up, coach_supply): coach posts filled by new hires, coaches who
  // left, replacements whose contract started, initial-training days done, teachers by stage.
  std::int64_t coaches_hired = 0, coaches_left = 0, coaches_replaced = 0;
  std::int64_t coach_training_days = 0;
  std::int64_t teachers_stage[3] = {};
  std::int64_t teachers_new = 0;  // posts taken by a newcomer this year (teacher_turnover)
  // Dose received (programme/dose.hpp): teachers of coaches' caseloads, and their students, by
  // [years coached - 1][visits received]; and, when the scenario has outcomes:, the sums of
  // their effects in SD (student gains weighted by students).
  std::int64_t teachers_by_dose[kMaxYearsCoached][kMaxDose] = {};
  std::int64_t students_by_dose[kMaxYearsCoached][kMaxDose] = {};
  double student_sd_sum = 0.0;  // sum over students of their learning gain (SD)
  double teacher_sd_sum = 0.0;  // sum over teachers of their practice gain (SD)
  // Students outside the evidence (outcomes.evidence): those of teachers in school types it does
  // not cover, and a covered type's students beyond its grade share (rounded per teacher). Their
  // gain is an extrapolation, or zero, as the scenario declares; student_sd_extrapolated is the
  // part of student_sd_sum that is extrapolation.
  std::int64_t students_outside_evidence = 0;
  double student_sd_extrapolated = 0.0;
  // The same by entry cohort, indexed by years since the school entered the programme (0..2;
  // later years are counted in 2): teachers and students of caseloads and the students' gains.
  // Cost-effectiveness divides a cohort's gain by the cost of every year that produced it
  // (results/cost_effectiveness.cpp).
  std::int64_t cohort_teachers[kMaxYearsCoached] = {};
  std::int64_t cohort_students[kMaxYearsCoached] = {};
  double cohort_student_sd[kMaxYearsCoached] = {};
};

struct MissedRecord {
  std::int32_t date = 0;  // days since 1970-01-01: when it was found not to fit
  std::uint16_t year_index = 0;
  std::uint16_t region = 0;
  std::uint32_t ugel = 0;
  std::uint32_t coach = 0;
  std::uint32_t school = 0;  // UINT32_MAX for coach-level activities (workshops)
  costs::Activity activity = costs::Activity::kVisitTrip;
  MissReason reason = MissReason::kNoCoachTime;
  std::uint16_t round = 0;     // visit round (0-based) or workshop number
  std::uint32_t quantity = 0;  // teacher-visits, teacher-sessions or workshop days
};

// Sorts missed records by date, year, region, UGEL, coach, school, activity, reason, round and
// quantity: every field, so records that compare equal are identical.
void sort_missed(std::vector<MissedRecord>& missed);

class Tally {
 public:
  Tally(std::size_t years, std::size_t regions) : regions_(regions), cells_(years * regions) {}
  RegionYearTally& at(std::size_t year, std::size_t region) {
    return cells_[year * regions_ + region];
  }
  const RegionYearTally& at(std::size_t year, std::size_t region) const {
    return cells_[year * regions_ + region];
  }
  std::vector<MissedRecord>& missed() { return missed_; }
  const std::vector<MissedRecord>& missed() const { return missed_; }

 private:
  std::size_t regions_;
  std::vector<RegionYearTally> cells_;
  std::vector<MissedRecord> missed_;
};

}  // namespace coachsim::programme
