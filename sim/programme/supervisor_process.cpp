// The supervisor (EPR): visits each of its coaches `visits_per_coach` times a year (the norm
// asks for at least two), aiming at dates spread evenly over the school year, travelling to
// the middle of the coach's caseload. Visits that cannot end before the year does are missed.
#include <algorithm>
#include <cmath>

#include "coachsim/units/rounding.hpp"
#include "processes.hpp"
#include "treasury.hpp"

namespace coachsim::programme {
namespace {

using ledger::Activity;
using ledger::Category;
using ledger::QuantityUnit;
using ledger::RefKind;

}  // namespace

SupervisorProcess::SupervisorProcess(Context& ctx)
    : ctx_(ctx), target_(ctx.sim.add_handler(this)), states_(ctx.population.supervisors.size()) {
  for (const Coach& c : ctx.population.coaches) {
    double km = 0, hours = 0;
    int teachers = 0;
    for (const CaseloadItem& item : c.caseload) {
      const School& s = ctx.population.schools[item.school];
      km += s.distance_km * item.teachers;
      hours += s.travel_hours * item.teachers;
      teachers += item.teachers;
    }
    // Kept to 0.1 km like school distances, so that ledger quantities stay short decimals.
    coach_distance_km_.push_back(teachers > 0 ? std::round(km / teachers * 10.0) / 10.0 : 0.0);
    coach_travel_hours_.push_back(teachers > 0 ? hours / teachers : 0.0);
  }
}

void SupervisorProcess::begin_year(std::size_t year) {
  year_ = year;
  const YearPlan& plan = ctx_.years[year];
  const int per_coach = ctx_.scenario.supervision.visits_per_coach;
  for (std::uint32_t s = 0; s < states_.size(); ++s) {
    const Supervisor& sup = ctx_.population.supervisors[s];
    State& st = states_[s];
    st.visits.clear();
    st.next_visit = 0;
    if (!sup.active_in(year)) continue;  // its coaches' cohort is not in the programme
    st.free_from = plan.contract_start[sup.region];
    for (int v = 0; v < per_coach; ++v) {
      // The v-th visit aims at the middle of the v-th equal share of the school days.
      const int offset = (2 * v + 1) * plan.school_days / (2 * per_coach);
      Date target = plan.first_school_day;
      for (int i = 0; i < offset; ++i)
        target = ctx_.calendar.next_school_day(target + std::chrono::days(1));
      for (std::uint32_t coach : sup.coaches)
        if (ctx_.population.coaches[coach].active_in(year))  // a dropped coach is not visited
          st.visits.push_back({target, coach, static_cast<std::uint16_t>(v)});
    }
    RegionYearTally& t = ctx_.tally.at(year, sup.region);
    t.supervisors += 1;
    t.supervisor_visits_planned += static_cast<std::int64_t>(st.visits.size());
    ctx_.sim.schedule_at(ctx_.at(st.free_from, kMorning), target_, kWake, s);
  }
}

void SupervisorProcess::handle(engine::Simulator&, const engine::Event& event) {
  ctx_.current_event = event.seq;
  const auto s = static_cast<std::uint32_t>(event.payload);
  if (event.kind == kVisitEnd) finish_visit(s);
  next(s);
}

void SupervisorProcess::next(std::uint32_t s) {
  State& st = states_[s];
  if (st.next_visit >= st.visits.size()) return;
  const Supervisor& sup = ctx_.population.supervisors[s];
  const YearPlan& plan = ctx_.years[year_];
  const Visit& v = st.visits[st.next_visit];
  Date start = ctx_.calendar.next_working_day(std::max(st.free_from, v.target));
  const auto site = static_cast<int>(ctx_.scenario.supervision.days_per_visit.value() + 0.5);
  TravelPlan travel;
  Date last = start, after = start;
  bool fits = false;
  // As for a coach's trip: planned on its departure day, again if a break moved the departure.
  for (int attempt = 0; attempt < 2; ++attempt) {
    travel = plan_travel(ctx_, coach_travel_hours_[v.coach],
                         ctx_.population.regions[sup.region].geography,
                         std::min(start, plan.contract_end));
    Date depart = start;
    fits = fit_trip(ctx_.calendar, plan, start, travel.days_each_way, site, depart, last, after);
    if (!fits || depart == start) break;
    start = depart;
  }
  if (fits && travel.overnight)
    travel.per_diem_days =
        per_diem_days(ctx_.calendar, ctx_.scenario.costs.per_diem_basis, start, last, site);
  if (!fits) {
    for (; st.next_visit < st.visits.size(); ++st.next_visit) {
      const Coach& coach = ctx_.population.coaches[st.visits[st.next_visit].coach];
      MissedRecord m;
      m.date = Context::day_number(std::min(start, plan.contract_end));
      m.year_index = static_cast<std::uint16_t>(year_);
      m.region = static_cast<std::uint16_t>(sup.region);
      m.ugel = coach.ugel;
      m.coach = st.visits[st.next_visit].coach;
      m.school = UINT32_MAX;
      m.activity = Activity::kSupervisorVisit;
      m.reason = MissReason::kNoSupervisorTime;
      m.round = st.visits[st.next_visit].number;
      m.quantity = 1;
      ctx_.tally.missed().push_back(m);
    }
    return;
  }
  if (ctx_.treasury != nullptr && !budget_admits_visit(s, v, travel, site, last)) {
    if (start > ctx_.today()) {  // money may come before the visit would start
      ctx_.sim.schedule_at(ctx_.at(start, kMorning), target_, kWake, s);
      return;
    }
    Date when;
    if (ctx_.treasury->defer_until(year_, sup.region,
                                   static_cast<int>(scenario::BudgetClass::kSupervisorVisits), s,
                                   true, when)) {
      st.free_from = when;  // waits for the next tranche
      ctx_.sim.schedule_at(ctx_.at(ctx_.calendar.next_working_day(when), kMorning), target_, kWake,
                           s);
      return;
    }
    MissedRecord m;
    m.date = Context::day_number(start);
    m.year_index = static_cast<std::uint16_t>(year_);
    m.region = static_cast<std::uint16_t>(sup.region);
    m.ugel = ctx_.population.coaches[v.coach].ugel;
    m.coach = v.coach;
    m.school = UINT32_MAX;
    m.activity = Activity::kSupervisorVisit;
    m.reason = MissReason::kNoFunds;
    m.round = v.number;
    m.quantity = 1;
    ctx_.tally.missed().push_back(m);
    ctx_.treasury->dropped(static_cast<int>(scenario::BudgetClass::kSupervisorVisits));
    ++st.next_visit;
    st.free_from = std::max(st.free_from, ctx_.today());
    next(s);
    return;
  }
  st.travel = travel;
  st.free_from = after;
  ctx_.sim.schedule_at(ctx_.at(last, kEvening), target_, kVisitEnd, s);
}

void SupervisorProcess::finish_visit(std::uint32_t s) {
  State& st = states_[s];
  const Supervisor& sup = ctx_.population.supervisors[s];
  const Visit v = st.visits[st.next_visit++];
  const Coach& coach = ctx_.population.coaches[v.coach];
  const scenario::Geography& geo =
      ctx_.scenario.geographies[ctx_.population.regions[sup.region].geography];
  const auto site = static_cast<int>(ctx_.scenario.supervision.days_per_visit.value() + 0.5);
  ledger::Entry e;
  e.date = Context::day_number(ctx_.today());
  e.year_index = static_cast<std::uint16_t>(year_);
  e.region = static_cast<std::uint16_t>(sup.region);
  e.ugel = static_cast<std::uint16_t>(coach.ugel);
  e.coach = v.coach;
  e.ref_kind = RefKind::kSupervisor;
  e.ref_id = s;
  e.category = Category::kSupervision;
  e.activity = Activity::kSupervisorVisit;
  const double km = 2.0 * coach_distance_km_[v.coach] * (st.travel.overnight ? 1 : site);
  e.unit = QuantityUnit::kKm;
  e.quantity = km;
  e.rate = geo.fare.value();
  e.amount = units::apply_rate(geo.fare, units::km(km)).value();
  if (e.amount != 0) ctx_.post(e);
  if (st.travel.overnight) {
    const int away = st.travel.per_diem_days;  // costs.per_diem_basis, counted when fitted
    e.unit = QuantityUnit::kDays;
    e.quantity = away;
    e.rate = ctx_.scenario.costs.per_diem.value();
    e.amount = units::apply_rate(ctx_.scenario.costs.per_diem, units::days(away)).value();
    ctx_.post(e);
  }
  ctx_.tally.at(year_, sup.region).supervisor_visits_done += 1;
}

}  // namespace coachsim::programme
