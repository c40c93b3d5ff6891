#include "coachsim/ledger/entry.hpp"

namespace coachsim::ledger {

std::string_view category_id(Category c) {
  switch (c) {
    case Category::kCoachContracts:
      return "coach_contracts";
    case Category::kTravel:
      return "travel";
    case Category::kPerDiem:
      return "per_diem";
    case Category::kTeacherWorkshops:
      return "teacher_workshops";
    case Category::kCoachTraining:
      return "coach_training";
    case Category::kSupervision:
      return "supervision";
    case Category::kRegionalStaff:
      return "regional_staff";
    case Category::kMaterials:
      return "materials";
    case Category::kOther:
      return "other";
  }
  return "?";
}

std::string_view activity_id(Activity a) {
  switch (a) {
    case Activity::kCoachContract:
      return "coach_contract";
    case Activity::kVisitTrip:
      return "visit_trip";
    case Activity::kGia:
      return "gia";
    case Activity::kRtc:
      return "rtc";
    case Activity::kTeacherWorkshop:
      return "teacher_workshop";
    case Activity::kCoachWorkshop:
      return "coach_workshop";
    case Activity::kSupervisorContract:
      return "supervisor_contract";
    case Activity::kSupervisorVisit:
      return "supervisor_visit";
    case Activity::kStaffSalary:
      return "staff_salary";
    case Activity::kTeacherMaterials:
      return "teacher_materials";
    case Activity::kCoachMaterials:
      return "coach_materials";
    case Activity::kCentralSpending:
      return "central_spending";
    case Activity::kOverhead:
      return "overhead";
  }
  return "?";
}

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

bool category_from_id(std::string_view id, Category& out) {
  for (int c = 0; c < kCategoryCount; ++c) {
    if (category_id(static_cast<Category>(c)) == id) {
      out = static_cast<Category>(c);
      return true;
    }
  }
  return false;
}

}  // namespace coachsim::ledger
