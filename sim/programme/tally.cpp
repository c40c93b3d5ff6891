#include "coachsim/programme/tally.hpp"

namespace coachsim::programme {

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
