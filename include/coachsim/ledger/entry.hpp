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

#include "coachsim/costs/cost_ids.hpp"

namespace coachsim::ledger {

// Whom an entry belongs to; `ref_id` indexes the matching table of the population.
// kCentral: a scenario central cost (ref_id indexes scenario.central_costs).
enum class RefKind : std::uint8_t { kCoach, kSchool, kSupervisor, kStaffRole, kRegion, kCentral };

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
  costs::Category category = costs::Category::kOther;
  costs::Activity activity = costs::Activity::kCoachContract;
  RefKind ref_kind = RefKind::kRegion;
  costs::QuantityUnit unit = costs::QuantityUnit::kMonths;
};
inline constexpr std::uint16_t kNoUgel = 0xFFFF;

// Category and activity ids are in the run's costs::CostTable, unit ids in costs::unit_id.
std::string_view ref_kind_id(RefKind r);  // e.g. "coach"

}  // namespace coachsim::ledger
