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

}  // namespace coachsim::ledger
