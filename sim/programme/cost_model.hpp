// Private to the programme module: the one place where an activity's cost is computed.
//
// Each function below turns an activity (a coach's trip, a workshop, a supervisor's visit, a
// contract month, the year's materials) into the ledger lines it posts: category, activity,
// unit, quantity, rate and amount; the scenario's extra costs (extra_costs:) are lines added to
// the activity that drives them (ExtraLines), so they are committed, posted and dropped with it.
// The processes post exactly these lines when the activity ends, and the treasury is asked to
// commit exactly their sum, by budget class, before it starts (budget_gate.hpp); so a commitment
// always equals its postings, to the céntimo.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <vector>

#include "coachsim/costs/cost_table.hpp"
#include "coachsim/ledger/entry.hpp"
#include "coachsim/programme/budget.hpp"
#include "coachsim/scenario/scenario.hpp"
#include "coachsim/units/quantities.hpp"
#include "coachsim/units/rounding.hpp"

namespace coachsim::programme {

// One ledger line of an activity.
struct CostLine {
  costs::Category category = costs::Category::kOther;
  costs::Activity activity = costs::Activity::kVisitTrip;
  costs::QuantityUnit unit = costs::QuantityUnit::kParticipants;
  double quantity = 0.0;
  std::int64_t rate = 0;    // céntimos per unit
  std::int64_t amount = 0;  // céntimos
  // Lines of zero amount are not posted, except those that record a fact even at no cost
  // (the per diem days of an overnight trip, a workshop's participant-days, a contract month).
  bool post_when_zero = false;
};

// The lines of one activity: at most four built-in ones (travel, per diem, GIA fees, RTC fees;
// materials: two), then up to scenario::kMaxExtraCostsPerDriver extra lines per driver (the
// year's materials carry three drivers). Built on every trip and contract month, so everything
// here is inline and only the lines added are written: the storage is left uninitialised
// (CostLine is trivially copyable).
inline constexpr int kMaxCostLines = 4 + 3 * scenario::kMaxExtraCostsPerDriver;
class CostLines {
 public:
  CostLines() {}  // NOLINT: storage deliberately not initialised
  CostLines(const CostLines& other) : count_(other.count_) {
    for (int i = 0; i < count_; ++i) std::construct_at(&store_.lines[i], other.store_.lines[i]);
  }
  CostLines& operator=(const CostLines& other) {
    count_ = other.count_;
    for (int i = 0; i < count_; ++i) std::construct_at(&store_.lines[i], other.store_.lines[i]);
    return *this;
  }
  void add(const CostLine& line) { std::construct_at(&store_.lines[count_++], line); }
  const CostLine* begin() const { return store_.lines; }
  const CostLine* end() const { return store_.lines + count_; }
  std::int64_t total() const {
    std::int64_t sum = 0;
    for (const CostLine& l : *this) sum += l.amount;
    return sum;
  }
  ClassCosts by_class(const costs::CostTable& table) const;  // by cost_class of each line

 private:
  union Store {
    Store() {}  // NOLINT: not initialised
    CostLine lines[kMaxCostLines];
  };
  Store store_;
  int count_ = 0;
};
static_assert(std::is_trivially_copyable_v<CostLine>);

// A scenario's extra cost, compiled for posting: the ledger rows it posts under and its rate
// (céntimos per month for coach_month, per unit of the driver otherwise).
struct ExtraLine {
  costs::Category category = costs::Category::kOther;
  costs::Activity activity = costs::Activity::kOverhead;
  std::int64_t rate = 0;
};
// The extra lines of each driver, in scenario::CostDriver order (empty without extra_costs:).
struct ExtraLines {
  std::array<std::vector<ExtraLine>, scenario::kCostDriverCount> by_driver;
  const std::vector<ExtraLine>& of(scenario::CostDriver d) const {
    return by_driver[static_cast<std::size_t>(d)];
  }
};
// REQUIRES: `table` is cost_table(scenario) (cost_table.hpp).
ExtraLines compile_extra_lines(const scenario::Scenario& scenario, const costs::CostTable& table);

// Adds `count` units of each extra line of `driver` (a count driver: teachers, coaches,
// schools, trips). A line of zero amount is not posted.
inline void add_extra_lines(CostLines& lines, const ExtraLines& extra, scenario::CostDriver driver,
                            double count) {
  for (const ExtraLine& x : extra.of(driver))
    lines.add(
        {x.category, x.activity, costs::QuantityUnit::kParticipants, count, x.rate,
         units::apply_rate(units::per_participant(x.rate), units::participants(count)).value(),
         false});
}

// Posts every line of `lines` that has an amount (or must be posted anyway), each as a copy of
// `entry` (who, where, when) with the line's category, activity, unit, quantity, rate, amount.
// `books` is the run's Books (context.hpp); a template so that it inlines into the hot
// paths (a trip's end, a contract month) without this header depending on the context.
template <class Ctx>
inline void post_lines(Ctx& ctx, ledger::Entry entry, const CostLines& lines) {
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

// A trip of a coach (or a supervisor's visit, with `supervisor_visit`) to a place
// `distance_km` away: a commuter travels there and back on each of its `site_days`, an
// overnight traveller once and is paid `per_diem_days` of per diem.
struct TravelCost {
  double distance_km = 0.0;  // one way
  bool overnight = false;
  int site_days = 0;
  int per_diem_days = 0;  // overnight only: counted by costs.per_diem_basis when fitted
};

namespace cost_detail {
using costs::Activity;
using costs::Category;
using costs::QuantityUnit;

// Travel and per diem of a trip, under `category` and `activity`. A commuter travels there and
// back on every day on site; an overnight traveller once, and is paid per diem for the days
// counted when the trip was fitted (even when the rate is zero: the days are a fact).
inline void add_travel(CostLines& lines, costs::Category category, costs::Activity activity,
                       units::MoneyPerKm fare, units::MoneyPerDay per_diem,
                       const TravelCost& travel) {
  const double km = 2.0 * travel.distance_km * (travel.overnight ? 1 : travel.site_days);
  lines.add({category, activity, QuantityUnit::kKm, km, fare.value(),
             units::apply_rate(fare, units::km(km)).value(), false});
  if (travel.overnight)
    lines.add({category == Category::kTravel ? Category::kPerDiem : category, activity,
               QuantityUnit::kDays, static_cast<double>(travel.per_diem_days), per_diem.value(),
               units::apply_rate(per_diem, units::days(travel.per_diem_days)).value(), true});
}

}  // namespace cost_detail

// A coach's trip: travel and per diem (under the visit, or for a cluster trip the session it
// holds), then the fees of the GIA and RTC sessions it holds for `participants` teachers.
// A visit trip then adds the scenario's extra costs per visit trip.
inline CostLines coach_trip_cost(const scenario::UnitCosts& costs, units::MoneyPerKm fare,
                                 const TravelCost& travel, bool cluster, int gia, int rtc,
                                 int participants, const ExtraLines& extra) {
  CostLines lines;
  // A visit trip's travel is the visit's; a cluster trip's is the session's it holds.
  const costs::Activity trip = !cluster  ? costs::Activity::kVisitTrip
                               : gia > 0 ? costs::Activity::kGia
                                         : costs::Activity::kRtc;
  cost_detail::add_travel(lines, costs::Category::kTravel, trip, fare, costs.per_diem, travel);
  auto sessions = [&](int count, costs::Activity activity, units::MoneyPerParticipant rate) {
    if (count == 0) return;
    const double quantity = static_cast<double>(participants) * count;
    lines.add({costs::Category::kOther, activity, costs::QuantityUnit::kParticipants, quantity,
               rate.value(), units::apply_rate(rate, units::participants(quantity)).value(),
               false});
  };
  sessions(gia, costs::Activity::kGia, costs.gia_per_participant);
  sessions(rtc, costs::Activity::kRtc, costs.rtc_per_participant);
  if (!cluster) add_extra_lines(lines, extra, scenario::CostDriver::kVisitTrip, 1.0);
  return lines;
}

// A supervisor's visit to a coach: travel and per diem, under supervision.
inline CostLines supervisor_visit_cost(const scenario::UnitCosts& costs, units::MoneyPerKm fare,
                                       const TravelCost& travel) {
  CostLines lines;
  cost_detail::add_travel(lines, costs::Category::kSupervision, costs::Activity::kSupervisorVisit,
                          fare, costs.per_diem, travel);
  return lines;
}

// A workshop of `days` working days: a coach workshop for its coach, or a teacher workshop for
// the coach's `teachers`: the day rate per participant-day, then travel per participant.
inline CostLines workshop_cost(const scenario::UnitCosts& costs, bool coach_workshop, int days,
                               int teachers) {
  const int participants = coach_workshop ? 1 : teachers;
  const costs::Category category =
      coach_workshop ? costs::Category::kCoachTraining : costs::Category::kTeacherWorkshops;
  const costs::Activity activity =
      coach_workshop ? costs::Activity::kCoachWorkshop : costs::Activity::kTeacherWorkshop;
  const units::MoneyPerParticipantDay day_rate =
      coach_workshop ? costs.coach_workshop : costs.teacher_workshop;
  const units::MoneyPerParticipant travel_rate =
      coach_workshop ? costs.coach_workshop_travel : costs.teacher_workshop_travel;
  const double participant_days = static_cast<double>(participants) * days;
  CostLines lines;
  lines.add({category, activity, costs::QuantityUnit::kParticipantDays, participant_days,
             day_rate.value(),
             units::apply_rate(day_rate, units::participant_days(participant_days)).value(), true});
  lines.add({category, activity, costs::QuantityUnit::kParticipants,
             static_cast<double>(participants), travel_rate.value(),
             units::apply_rate(travel_rate, units::participants(participants)).value(), false});
  return lines;
}

// The year's materials of a coach with `teachers` teachers at `schools` schools: per teacher,
// per coach, then the extra costs per teacher-year, coach-year and school-year.
inline CostLines materials_cost(const scenario::UnitCosts& costs, int teachers, int schools,
                                const ExtraLines& extra) {
  CostLines lines;
  lines.add({costs::Category::kMaterials, costs::Activity::kTeacherMaterials,
             costs::QuantityUnit::kParticipants, static_cast<double>(teachers),
             costs.materials_per_teacher.value(),
             units::apply_rate(costs.materials_per_teacher, units::participants(teachers)).value(),
             true});
  lines.add({costs::Category::kMaterials, costs::Activity::kCoachMaterials,
             costs::QuantityUnit::kParticipants, 1.0, costs.materials_per_coach.value(),
             costs.materials_per_coach.value(), true});
  add_extra_lines(lines, extra, scenario::CostDriver::kTeacherYear, teachers);
  add_extra_lines(lines, extra, scenario::CostDriver::kCoachYear, 1.0);
  add_extra_lines(lines, extra, scenario::CostDriver::kSchoolYear, schools);
  return lines;
}

// A contract month worked `active` of `month_days` days at `fee` a month, prorated.
inline CostLine contract_month_cost(costs::Category category, costs::Activity activity,
                                    units::MoneyPerMonth fee, int active, int month_days) {
  return {category,
          activity,
          costs::QuantityUnit::kMonths,
          static_cast<double>(active) / month_days,
          fee.value(),
          units::prorate_month(fee, active, month_days).value(),
          true};
}

// A coach's contract month: the fee's line, then the extra costs per coach-month, prorated as
// the fee is (a line of zero amount is not posted).
inline CostLines coach_month_cost(units::MoneyPerMonth fee, int active, int month_days,
                                  const ExtraLines& extra) {
  CostLines lines;
  lines.add(contract_month_cost(costs::Category::kCoachContracts, costs::Activity::kCoachContract,
                                fee, active, month_days));
  for (const ExtraLine& x : extra.of(scenario::CostDriver::kCoachMonth)) {
    CostLine line =
        contract_month_cost(x.category, x.activity, units::per_month(x.rate), active, month_days);
    line.post_when_zero = false;
    lines.add(line);
  }
  return lines;
}

}  // namespace coachsim::programme
