// The supervisor (EPR): visits each of its coaches `visits_per_coach` times a year (the norm
// asks for at least two), aiming at dates spread evenly over the school year, travelling to
// the middle of the coach's caseload. Visits that cannot end before the year does are missed.
#include <algorithm>
#include <cmath>

#include "processes.hpp"

namespace coachsim::programme {
namespace {

using costs::Activity;
using ledger::RefKind;

}  // namespace

SupervisorProcess::SupervisorProcess(const RunInputs& in, const Clock& clock, Books& books,
                                     Tally& tally)
    : in_(in),
      clock_(clock),
      books_(books),
      tally_(tally),
      target_(clock.sim.add_handler(this)),
      states_(in.population.supervisors.size()) {
  for (const Coach& c : in.population.coaches) {
    double km = 0, hours = 0;
    int teachers = 0;
    for (const CaseloadItem& item : c.caseload) {
      const School& s = in.population.schools[item.school];
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
  const YearPlan& plan = in_.years[year];
  const int per_coach = in_.scenario.supervision.visits_per_coach;
  for (std::uint32_t s = 0; s < states_.size(); ++s) {
    const Supervisor& sup = in_.population.supervisors[s];
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
        target = in_.calendar.next_school_day(target + std::chrono::days(1));
      for (std::uint32_t coach : sup.coaches)
        if (in_.population.coaches[coach].active_in(year))  // a dropped coach is not visited
          st.visits.push_back({target, coach, static_cast<std::uint16_t>(v)});
    }
    RegionYearTally& t = tally_.at(year, sup.region);
    t.supervisors += 1;
    t.supervisor_visits_planned += static_cast<std::int64_t>(st.visits.size());
    clock_.sim.schedule_at(clock_.at(st.free_from, kMorning), target_, kWake, s);
  }
}

void SupervisorProcess::handle(engine::Simulator&, const engine::Event& event) {
  books_.current_event = event.seq;
  const auto s = static_cast<std::uint32_t>(event.payload);
  if (event.kind == kVisitEnd) finish_visit(s);
  next(s);
}

void SupervisorProcess::next(std::uint32_t s) {
  State& st = states_[s];
  if (st.next_visit >= st.visits.size()) return;
  const Supervisor& sup = in_.population.supervisors[s];
  const YearPlan& plan = in_.years[year_];
  const Visit& v = st.visits[st.next_visit];
  Date start = in_.calendar.next_working_day(std::max(st.free_from, v.target));
  const auto site = static_cast<int>(in_.scenario.supervision.days_per_visit.value() + 0.5);
  TravelPlan travel;
  Date last = start, after = start;
  bool fits = false;
  // As for a coach's trip: planned on its departure day, again if a break moved the departure.
  for (int attempt = 0; attempt < 2; ++attempt) {
    travel =
        plan_travel(in_, coach_travel_hours_[v.coach], in_.population.regions[sup.region].geography,
                    std::min(start, plan.contract_end));
    Date depart = start;
    fits = fit_trip(in_.calendar, plan, start, travel.days_each_way, site, depart, last, after);
    if (!fits || depart == start) break;
    start = depart;
  }
  if (fits && travel.overnight)
    travel.per_diem_days =
        per_diem_days(in_.calendar, in_.scenario.costs.per_diem_basis, start, last, site);
  if (!fits) {
    for (; st.next_visit < st.visits.size(); ++st.next_visit) {
      const Visit& missed = st.visits[st.next_visit];
      record_missed(tally_, std::min(start, plan.contract_end), year_,
                    {sup.region, in_.population.coaches[missed.coach].ugel, missed.coach},
                    Activity::kSupervisorVisit, MissReason::kNoSupervisorTime, missed.number, 1);
    }
    return;
  }
  Date resume;
  switch (books_.budget.ask(
      year_, sup.region, {s, true},
      [&] { return visit_cost(s, v, travel.overnight, site, travel.per_diem_days); }, start, last,
      clock_.today(), true, resume)) {
    case BudgetGate::Verdict::kGo:
      break;
    case BudgetGate::Verdict::kWaitStartDay:
      clock_.sim.schedule_at(clock_.at(start, kMorning), target_, kWake, s);
      return;
    case BudgetGate::Verdict::kDeferred:
      st.free_from = resume;  // waits for the next tranche
      clock_.sim.schedule_at(clock_.at(in_.calendar.next_working_day(resume), kMorning), target_,
                             kWake, s);
      return;
    case BudgetGate::Verdict::kDropped:
      record_missed(tally_, start, year_,
                    {sup.region, in_.population.coaches[v.coach].ugel, v.coach},
                    Activity::kSupervisorVisit, MissReason::kNoFunds, v.number, 1);
      ++st.next_visit;
      st.free_from = std::max(st.free_from, clock_.today());
      next(s);
      return;
  }
  st.travel = travel;
  st.free_from = after;
  clock_.sim.schedule_at(clock_.at(last, kEvening), target_, kVisitEnd, s);
}

void SupervisorProcess::finish_visit(std::uint32_t s) {
  State& st = states_[s];
  const Supervisor& sup = in_.population.supervisors[s];
  const Visit v = st.visits[st.next_visit++];
  const Coach& coach = in_.population.coaches[v.coach];
  const auto site = static_cast<int>(in_.scenario.supervision.days_per_visit.value() + 0.5);
  ledger::Entry e;
  e.date = Clock::day_number(clock_.today());
  e.year_index = static_cast<std::uint16_t>(year_);
  e.region = static_cast<std::uint16_t>(sup.region);
  e.ugel = static_cast<std::uint16_t>(coach.ugel);
  e.coach = v.coach;
  e.ref_kind = RefKind::kSupervisor;
  e.ref_id = s;
  // What the budget committed when the visit started (per diem days counted when fitted).
  post_lines(books_, e, visit_cost(s, v, st.travel.overnight, site, st.travel.per_diem_days));
  tally_.at(year_, sup.region).supervisor_visits_done += 1;
}

CostLines SupervisorProcess::visit_cost(std::uint32_t s, const Visit& v, bool overnight,
                                        int site_days, int per_diem_days) const {
  const Supervisor& sup = in_.population.supervisors[s];
  const scenario::Geography& geo =
      in_.scenario.geographies[in_.population.regions[sup.region].geography];
  return supervisor_visit_cost(in_.scenario.costs, geo.fare,
                               {coach_distance_km_[v.coach], overnight, site_days, per_diem_days});
}

}  // namespace coachsim::programme
