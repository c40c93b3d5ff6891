// A ledger entry: one cost, posted by the event that caused it.
//
// Every amount a user sees is a sum of entries. An entry says when (date, school year), where
// (region, UGEL), what (category, activity), for whom (a coach, school, supervisor, staff role
// or region) and how it was computed: amount = round(quantity x rate), with the rounding rule
// of units/rounding.hpp. The ledger knows money and provenance, nothing about the engine's
// internals or output formats.
#pragma once

#include <cstdint>
#include <string_view>

namespace coachsim::ledger {

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

// Whom an entry belongs to; `ref_id` indexes the matching table of the population.
// kCentral: a scenario central cost (ref_id indexes scenario.central_costs).
enum class RefKind : std::uint8_t { kCoach, kSchool, kSupervisor, kStaffRole, kRegion, kCentral };

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

inline constexpr std::uint32_t kNoCoach = 0xFFFFFFFF;

struct Entry {
  std::int32_t date = 0;    // days since 1970-01-01
  std::uint64_t event = 0;  // sequence number of the engine event that posted it
  std::int64_t amount = 0;  // céntimos
  std::int64_t rate = 0;    // céntimos per unit
  double quantity = 0.0;
  std::uint32_t ref_id = 0;
  std::uint32_t coach = kNoCoach;  // the coach whose work caused it, when there is one
  std::uint16_t year_index = 0;    // index into the scenario's years
  std::uint16_t region = 0;        // region index
  std::uint16_t ugel = 0;          // UGEL index (global), kNoUgel for region-level entries
  Category category = Category::kOther;
  Activity activity = Activity::kCoachContract;
  RefKind ref_kind = RefKind::kRegion;
  QuantityUnit unit = QuantityUnit::kMonths;
};
inline constexpr std::uint16_t kNoUgel = 0xFFFF;

// Category and activity ids are in the run's CostTable (cost_table.hpp).
std::string_view ref_kind_id(RefKind r);   // e.g. "coach"
std::string_view unit_id(QuantityUnit u);  // e.g. "participant-days"

}  // namespace coachsim::ledger
