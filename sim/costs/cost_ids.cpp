#include "coachsim/costs/cost_ids.hpp"

namespace coachsim::costs {

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

}  // namespace coachsim::costs
