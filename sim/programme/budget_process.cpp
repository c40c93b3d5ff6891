// The processes' side of a budget: what an activity will cost (the same formulas the processes
// post with, so that a commitment equals its postings), and asking the treasury before it
// starts. Used only when the scenario has a budget (ctx.treasury set).
#include <algorithm>

#include "coachsim/units/rounding.hpp"
#include "processes.hpp"
#include "treasury.hpp"

namespace coachsim::programme {
namespace {

using scenario::BudgetClass;

constexpr auto idx(BudgetClass c) { return static_cast<std::size_t>(c); }

MissedRecord missed_for(const Context& ctx, std::size_t year, const Coach& c, std::uint32_t coach) {
  MissedRecord m;
  m.date = Context::day_number(ctx.today());
  m.year_index = static_cast<std::uint16_t>(year);
  m.region = static_cast<std::uint16_t>(c.region);
  m.ugel = c.ugel;
  m.coach = coach;
  m.school = UINT32_MAX;
  m.reason = MissReason::kNoFunds;
  return m;
}

}  // namespace

bool CoachProcess::budget_admits_trip(std::uint32_t coach, const Trip& trip,
                                      const TravelPlan& travel, int site_days, Date last) {
  Treasury& t = *ctx_.treasury;
  const Coach& c = ctx_.population.coaches[coach];
  const BudgetClass gate = trip.cluster ? BudgetClass::kGiaRtc : BudgetClass::kVisits;
  if (t.suspended(year_, coach, false)) return false;
  const CaseloadItem& item = c.caseload[trip.item];
  const scenario::Geography& geo =
      ctx_.scenario.geographies[ctx_.population.regions[c.region].geography];
  const scenario::UnitCosts& costs = ctx_.scenario.costs;
  ClassCosts cost{};
  // As in finish_trip: travel and per diem belong to the trip's class, session fees to GIA/RTC.
  const double km = 2.0 * item.distance_km * (travel.overnight ? 1 : site_days);
  cost[idx(gate)] += units::apply_rate(geo.fare, units::km(km)).value();
  if (travel.overnight)  // the days the trip will post: counted once it was fitted
    cost[idx(gate)] += units::apply_rate(costs.per_diem, units::days(travel.per_diem_days)).value();
  const int participants = trip.cluster ? c.teachers : item.teachers;
  cost[idx(BudgetClass::kGiaRtc)] +=
      units::apply_rate(costs.gia_per_participant,
                        units::participants(static_cast<double>(participants) * trip.gia))
          .value() +
      units::apply_rate(costs.rtc_per_participant,
                        units::participants(static_cast<double>(participants) * trip.rtc))
          .value();
  return t.admit(year_, c.region, gate, cost, last);
}

bool CoachProcess::budget_holds_trip(std::uint32_t coach, const Trip& trip,
                                     const TravelPlan& travel, int site_days, Date start,
                                     Date last) {
  if (budget_admits_trip(coach, trip, travel, site_days, last)) return false;
  const engine::Calendar& cal = ctx_.calendar;
  State& st = states_[coach];
  if (start > ctx_.today()) {  // money may come before the trip would start
    ctx_.sim.schedule_at(ctx_.at(start, kMorning), target_, kBudgetRetry, coach);
    return true;
  }
  Date when;
  const BudgetClass gate = trip.cluster ? BudgetClass::kGiaRtc : BudgetClass::kVisits;
  if (ctx_.treasury->defer_until(year_, ctx_.population.coaches[coach].region,
                                 static_cast<int>(gate), coach, false, when)) {
    st.free_from = when;  // waits for the next tranche, then tries the same trip again
    ctx_.sim.schedule_at(ctx_.at(cal.next_working_day(when), kMorning), target_, kBudgetRetry,
                         coach);
    return true;
  }
  // Dropped: the coach stays at its base today and goes on with the next trip tomorrow.
  const MissReason no_funds = MissReason::kNoFunds;
  miss_trip(coach, &no_funds);
  st.free_from = cal.next_working_day(ctx_.today() + std::chrono::days(1));
  ctx_.sim.schedule_at(ctx_.at(st.free_from, kMorning), target_, kBudgetRetry, coach);
  return true;
}

bool CoachProcess::budget_holds_commitment(std::uint32_t coach, const Commitment& c) {
  dropped_commitment_ = false;
  if (budget_admits_commitment(coach, c)) return false;
  if (c.start > ctx_.today()) {  // money may come before the workshop starts
    ctx_.sim.schedule_at(ctx_.at(c.start, kMorning), target_, kBudgetRetry, coach);
    return true;
  }
  State& st = states_[coach];
  ctx_.treasury->dropped(cost_class(c.coach_workshop ? ledger::Activity::kCoachWorkshop
                                                     : ledger::Activity::kTeacherWorkshop));
  miss_commitment(coach, c, MissReason::kNoFunds);
  ++st.next_commitment;
  st.free_from = std::max(st.free_from, ctx_.today());
  dropped_commitment_ = true;
  return true;
}

bool CoachProcess::budget_admits_commitment(std::uint32_t coach, const Commitment& cm) {
  Treasury& t = *ctx_.treasury;
  const Coach& c = ctx_.population.coaches[coach];
  const BudgetClass gate =
      cm.coach_workshop ? BudgetClass::kCoachWorkshops : BudgetClass::kTeacherWorkshops;
  const scenario::UnitCosts& costs = ctx_.scenario.costs;
  const int participants = cm.coach_workshop ? 1 : c.teachers;
  const units::MoneyPerParticipantDay day_rate =
      cm.coach_workshop ? costs.coach_workshop : costs.teacher_workshop;
  const units::MoneyPerParticipant travel_rate =
      cm.coach_workshop ? costs.coach_workshop_travel : costs.teacher_workshop_travel;
  ClassCosts cost{};
  cost[idx(gate)] =
      units::apply_rate(day_rate,
                        units::participant_days(static_cast<double>(participants) * cm.days))
          .value() +
      units::apply_rate(travel_rate, units::participants(participants)).value();
  return !t.suspended(year_, coach, false) && t.admit(year_, c.region, gate, cost, cm.end);
}

bool CoachProcess::budget_pays_materials(std::uint32_t coach) {
  Treasury& t = *ctx_.treasury;
  const Coach& c = ctx_.population.coaches[coach];
  const scenario::UnitCosts& costs = ctx_.scenario.costs;
  const std::int64_t amount =
      units::apply_rate(costs.materials_per_teacher, units::participants(c.teachers)).value() +
      costs.materials_per_coach.value();
  if (!t.suspended(year_, coach, false) && t.can_pay(year_, c.region, amount)) return true;
  t.dropped(kFixedClass);
  MissedRecord m = missed_for(ctx_, year_, c, coach);
  m.activity = ledger::Activity::kTeacherMaterials;
  m.quantity = static_cast<std::uint32_t>(c.teachers);
  ctx_.tally.missed().push_back(m);
  return false;
}

bool SupervisorProcess::budget_admits_visit(std::uint32_t s, const Visit& v,
                                            const TravelPlan& travel, int site_days, Date last) {
  Treasury& t = *ctx_.treasury;
  const Supervisor& sup = ctx_.population.supervisors[s];
  const scenario::Geography& geo =
      ctx_.scenario.geographies[ctx_.population.regions[sup.region].geography];
  ClassCosts cost{};
  const double km = 2.0 * coach_distance_km_[v.coach] * (travel.overnight ? 1 : site_days);
  std::int64_t& c = cost[idx(BudgetClass::kSupervisorVisits)];
  c = units::apply_rate(geo.fare, units::km(km)).value();
  if (travel.overnight)  // the days the visit will post: counted once it was fitted
    c += units::apply_rate(ctx_.scenario.costs.per_diem, units::days(travel.per_diem_days)).value();
  return !t.suspended(year_, s, true) &&
         t.admit(year_, sup.region, BudgetClass::kSupervisorVisits, cost, last);
}

bool Payroll::budget_pays_contract(std::size_t year, std::size_t region, std::uint32_t who,
                                   bool supervisor, std::int64_t amount) {
  Treasury& t = *ctx_.treasury;
  if (t.suspended(year, who, supervisor)) return false;
  if (t.can_pay(year, region, amount)) return true;
  t.suspend(year, region, who, supervisor, amount);
  return false;
}

}  // namespace coachsim::programme
