#include "coachsim/ledger/entry.hpp"

namespace coachsim::ledger {

std::string_view ref_kind_id(RefKind r) {
  switch (r) {
    case RefKind::kCoach:
      return "coach";
    case RefKind::kSchool:
      return "school";
    case RefKind::kSupervisor:
      return "supervisor";
    case RefKind::kStaffRole:
      return "staff_role";
    case RefKind::kCentral:
      return "central";
    case RefKind::kRegion:
      return "region";
  }
  return "?";
}

std::string_view unit_id(QuantityUnit u) {
  switch (u) {
    case QuantityUnit::kMonths:
      return "months";
    case QuantityUnit::kDays:
      return "days";
    case QuantityUnit::kKm:
      return "km";
    case QuantityUnit::kParticipants:
      return "participants";
    case QuantityUnit::kParticipantDays:
      return "participant-days";
    case QuantityUnit::kLumpSum:
      return "lump-sum";
    case QuantityUnit::kShare:
      return "share";
  }
  return "?";
}

}  // namespace coachsim::ledger
