#include "coachsim/programme/tally.hpp"

#include <algorithm>
#include <tuple>

namespace coachsim::programme {

void sort_missed(std::vector<MissedRecord>& missed) {
  auto key = [](const MissedRecord& m) {
    return std::tuple(m.date, m.year_index, m.region, m.ugel, m.coach, m.school, m.activity,
                      m.reason, m.round, m.quantity);
  };
  std::sort(missed.begin(), missed.end(),
            [&](const MissedRecord& a, const MissedRecord& b) { return key(a) < key(b); });
}

std::string_view miss_reason_id(MissReason r) {
  switch (r) {
    case MissReason::kNoCoachTime:
      return "no_coach_time";
    case MissReason::kLateContract:
      return "late_contract";
    case MissReason::kNoSupervisorTime:
      return "no_supervisor_time";
    case MissReason::kOverlap:
      return "overlap";
    case MissReason::kVacancy:
      return "vacancy";
    case MissReason::kCancelled:
      return "cancelled";
    case MissReason::kNotHired:
      return "not_hired";
    case MissReason::kNoFunds:
      return "no_funds";
  }
  return "?";
}

}  // namespace coachsim::programme
