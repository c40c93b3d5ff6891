// The ids of the cost model's built-in rows and units: what a ledger entry is posted under.
//
// Its own module, below both the scenario (which checks a scenario's cost declarations against
// the built-in rows) and the ledger (which posts entries under them), so that neither depends
// on the other.
#pragma once

#include <cstdint>
#include <string_view>

namespace coachsim::costs {

// The built-in cost categories and activities: the named indices of CostTable::builtin()'s rows
// (cost_table.hpp), which holds their ids and labels. A scenario's own rows come after them.
enum class Category : std::uint8_t {
  kCoachContracts,
  kTravel,
  kPerDiem,
  kTeacherWorkshops,
  kCoachTraining,
  kSupervision,
  kRegionalStaff,
  kMaterials,
  kOther,
};
inline constexpr int kBuiltinCategoryCount = 9;

enum class Activity : std::uint8_t {
  kCoachContract,       // a month (or part) of a coach's contract
  kVisitTrip,           // travel and per diem of a trip for classroom visits (and sessions)
  kGia,                 // peer learning group
  kRtc,                 // collegiate meeting
  kTeacherWorkshop,     // at the UGEL
  kCoachWorkshop,       // at the macro-regional site
  kSupervisorContract,  // a month of a supervisor's contract
  kSupervisorVisit,     // a supervisor's visit to a coach
  kStaffSalary,         // a month of regional staff
  kTeacherMaterials,    // per teacher per year
  kCoachMaterials,      // per coach per year
  kOverhead,            // share of the month's direct cost
  kCentralSpending,     // executed outside the regions (scenario central_costs)
};
inline constexpr int kBuiltinActivityCount = 13;

// The unit of `quantity` (and so of `rate`, which is céntimos per that unit).
enum class QuantityUnit : std::uint8_t {
  kMonths,           // contract months (fractions for partial months)
  kDays,             // per diem days
  kKm,               // travelled distance
  kParticipants,     // per participant amounts
  kParticipantDays,  // workshops
  kShare,            // overhead: quantity is the share, rate the base amount in céntimos
  kLumpSum,          // a central cost: quantity 1, rate the amount
};

std::string_view unit_id(QuantityUnit u);  // e.g. "participant-days"

}  // namespace coachsim::costs
