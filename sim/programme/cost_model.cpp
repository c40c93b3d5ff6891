// The cost of each activity, once: what the processes post and the treasury commits.
#include "cost_model.hpp"

#include "coachsim/units/rounding.hpp"
#include "context.hpp"

namespace coachsim::programme {
namespace {

using ledger::Activity;
using ledger::Category;
using ledger::QuantityUnit;

// Travel and per diem of a trip, under `category` and `activity`. A commuter travels there and
// back on every day on site; an overnight traveller once, and is paid per diem for the days
// counted when the trip was fitted (even when the rate is zero: the days are a fact).
void add_travel(CostLines& lines, Category category, Activity activity, units::MoneyPerKm fare,
                units::MoneyPerDay per_diem, const TravelCost& travel) {
  const double km = 2.0 * travel.distance_km * (travel.overnight ? 1 : travel.site_days);
  lines.add({category, activity, QuantityUnit::kKm, km, fare.value(),
             units::apply_rate(fare, units::km(km)).value(), false});
  if (travel.overnight)
    lines.add({category == Category::kTravel ? Category::kPerDiem : category, activity,
               QuantityUnit::kDays, static_cast<double>(travel.per_diem_days), per_diem.value(),
               units::apply_rate(per_diem, units::days(travel.per_diem_days)).value(), true});
}

}  // namespace

std::int64_t CostLines::total() const {
  std::int64_t sum = 0;
  for (const CostLine& l : *this) sum += l.amount;
  return sum;
}

ClassCosts CostLines::by_class() const {
  ClassCosts cost{};
  for (const CostLine& l : *this)
    cost[static_cast<std::size_t>(cost_class(l.activity))] += l.amount;
  return cost;
}

void post_lines(Context& ctx, ledger::Entry entry, const CostLines& lines) {
  for (const CostLine& l : lines) {
    if (l.amount == 0 && !l.post_when_zero) continue;
    entry.category = l.category;
    entry.activity = l.activity;
    entry.unit = l.unit;
    entry.quantity = l.quantity;
    entry.rate = l.rate;
    entry.amount = l.amount;
    ctx.post(entry);
  }
}

CostLines coach_trip_cost(const scenario::UnitCosts& costs, units::MoneyPerKm fare,
                          const TravelCost& travel, bool cluster, int gia, int rtc,
                          int participants) {
  CostLines lines;
  // A visit trip's travel is the visit's; a cluster trip's is the session's it holds.
  const Activity trip = !cluster ? Activity::kVisitTrip : gia > 0 ? Activity::kGia : Activity::kRtc;
  add_travel(lines, Category::kTravel, trip, fare, costs.per_diem, travel);
  auto sessions = [&](int count, Activity activity, units::MoneyPerParticipant rate) {
    if (count == 0) return;
    const double quantity = static_cast<double>(participants) * count;
    lines.add({Category::kOther, activity, QuantityUnit::kParticipants, quantity, rate.value(),
               units::apply_rate(rate, units::participants(quantity)).value(), false});
  };
  sessions(gia, Activity::kGia, costs.gia_per_participant);
  sessions(rtc, Activity::kRtc, costs.rtc_per_participant);
  return lines;
}

CostLines supervisor_visit_cost(const scenario::UnitCosts& costs, units::MoneyPerKm fare,
                                const TravelCost& travel) {
  CostLines lines;
  add_travel(lines, Category::kSupervision, Activity::kSupervisorVisit, fare, costs.per_diem,
             travel);
  return lines;
}

CostLines workshop_cost(const scenario::UnitCosts& costs, bool coach_workshop, int days,
                        int teachers) {
  const int participants = coach_workshop ? 1 : teachers;
  const Category category = coach_workshop ? Category::kCoachTraining : Category::kTeacherWorkshops;
  const Activity activity = coach_workshop ? Activity::kCoachWorkshop : Activity::kTeacherWorkshop;
  const units::MoneyPerParticipantDay day_rate =
      coach_workshop ? costs.coach_workshop : costs.teacher_workshop;
  const units::MoneyPerParticipant travel_rate =
      coach_workshop ? costs.coach_workshop_travel : costs.teacher_workshop_travel;
  const double participant_days = static_cast<double>(participants) * days;
  CostLines lines;
  lines.add({category, activity, QuantityUnit::kParticipantDays, participant_days, day_rate.value(),
             units::apply_rate(day_rate, units::participant_days(participant_days)).value(), true});
  lines.add({category, activity, QuantityUnit::kParticipants, static_cast<double>(participants),
             travel_rate.value(),
             units::apply_rate(travel_rate, units::participants(participants)).value(), false});
  return lines;
}

CostLines materials_cost(const scenario::UnitCosts& costs, int teachers) {
  CostLines lines;
  lines.add({Category::kMaterials, Activity::kTeacherMaterials, QuantityUnit::kParticipants,
             static_cast<double>(teachers), costs.materials_per_teacher.value(),
             units::apply_rate(costs.materials_per_teacher, units::participants(teachers)).value(),
             true});
  lines.add({Category::kMaterials, Activity::kCoachMaterials, QuantityUnit::kParticipants, 1.0,
             costs.materials_per_coach.value(), costs.materials_per_coach.value(), true});
  return lines;
}

CostLine contract_month_cost(Category category, Activity activity, units::MoneyPerMonth fee,
                             int active, int month_days) {
  return {category,
          activity,
          QuantityUnit::kMonths,
          static_cast<double>(active) / month_days,
          fee.value(),
          units::prorate_month(fee, active, month_days).value(),
          true};
}

}  // namespace coachsim::programme
