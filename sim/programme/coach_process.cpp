// The coach's steps through its protocol (processes.hpp, protocol.hpp), in coach time.
//
// Each year the coach makes its visit rounds: in each, one trip per caseload school (nearest
// school first) for the teachers' classroom visits, with the round's GIA and RTC sessions held
// on days apart from the visits (at the school, or for the whole caseload at a host school
// after the round's last school). A round does not start before its window opens, so visits
// spread over the year. A trip that would run into a fixed-date workshop waits until after it;
// a trip that cannot end before the school year (or contract) does is missed and recorded with
// its reason; the coach goes on with the next trip, which may be nearer. The year's planning
// and closing are in coach_year.cpp.
#include <algorithm>

#include "coach_supply.hpp"
#include "cost_model.hpp"
#include "processes.hpp"

namespace coachsim::programme {
namespace {

using costs::Activity;
using ledger::RefKind;
using std::chrono::days;

}  // namespace

// --- Events --------------------------------------------------------------------------------

void CoachProcess::handle(engine::Simulator&, const engine::Event& event) {
  books_.current_event = event.seq;
  const auto coach = static_cast<std::uint32_t>(event.payload);
  switch (event.kind) {
    case kContractStart:
      start_contract(coach);
      break;
    case kTripEnd:
      end_trip(coach);
      break;
    case kWorkshopEnd:
      end_workshop(coach);
      break;
    case kBudgetRetry:  // an activity the budget could not pay yet: try again on its start day
      carry_on(coach);
      break;
    default:
      break;
  }
}

void CoachProcess::prefetch(const engine::Event& event, int level) const {
  const auto coach = static_cast<std::uint32_t>(event.payload);
  if (coach >= states_.size()) return;
  if (level == 0) {  // addresses known without a load: the coach's state line, its supply
    __builtin_prefetch(&states_[coach]);
    supply_.prefetch(coach);
    return;
  }
  // The state line was hinted at level 0: follow it to the trip's caseload item and the item's
  // visit and GIA counts (small arrays, but out of the first-level cache by the time a coach's
  // event comes round: end_trip's loads of them were a tenth of its samples).
  if (level != 1) return;
  const State& st = states_[coach];
  if (st.stage == Stage::kVisitsDone) return;
  const std::uint32_t item = st.stage == Stage::kSchoolVisit ? st.school : st.host;
  if (item >= st.items) return;
  __builtin_prefetch(&st.caseload[item]);
  __builtin_prefetch(&visits_by_item_[st.first_item + item]);
  __builtin_prefetch(&gia_by_item_[st.first_item + item]);
}

// --- The steps -----------------------------------------------------------------------------

// The contract starts (after any initial training): the year's materials, then the first step.
void CoachProcess::start_contract(std::uint32_t coach) {
  ahead_today_ = clock_.today();
  if (!supply_.not_hired(coach)) post_materials(coach);
  carry_on(coach);
}

// Steps until one leaves the coach waiting for an event (a trip's or workshop's end, a budget
// retry); each step that records something missed moves the coach on at once. Running ahead
// (run_ahead), the trip or workshop a step starts ends here at once, on its own date, and the
// coach carries on from that day: its whole year in one call.
void CoachProcess::carry_on(std::uint32_t coach) {
  for (;;) {
    while (step(coach) == Then::kGoOn) {
    }
    if (pending_ == Pending::kNone) return;
    const Pending p = pending_;
    pending_ = Pending::kNone;
    ahead_today_ = pending_date_;
    ++ended_ahead_;
    if (p == Pending::kTrip) {
      finish_trip(coach);
    } else {
      finish_workshop(coach);
    }
  }
}

// One step: the next workshop when its turn has come, else the next trip of the protocol.
CoachProcess::Then CoachProcess::step(std::uint32_t coach) {
  const Workshop* workshop = next_workshop(coach);
  if (states_[coach].stage == Stage::kVisitsDone)
    return workshop != nullptr ? attend_workshop(coach, *workshop) : Then::kWait;
  const FittedTrip t = fit_next_trip(coach);
  if (workshop != nullptr && (!t.fits || t.last >= workshop->start))
    return attend_workshop(coach, *workshop);  // the workshop first; the trip is tried after it
  if (!t.fits) {
    miss_trip(coach);  // and go on: a nearer school may still fit
    return Then::kGoOn;
  }
  return set_out(coach, t);
}

// The coach's next workshop it can attend; those it cannot are recorded as missed: past the
// contract's end, while the post is vacant, before its contract started or while it is away.
const Workshop* CoachProcess::next_workshop(std::uint32_t coach) {
  State& st = states_[coach];
  const std::vector<Workshop>& workshops = in_.years[year_].workshops[st.type];
  for (; st.next_workshop < workshops.size(); ++st.next_workshop) {
    const Workshop& w = workshops[st.next_workshop];
    Date resume;
    MissReason why = MissReason::kVacancy;
    if (!w.fits) {
      miss_workshop(coach, w, MissReason::kNoCoachTime);
    } else if (supply_.blocks(coach, w.start, w.end, resume, why)) {
      miss_workshop(coach, w, why);  // the post is vacant (coach_supply.cpp)
    } else if (w.start < st.free_from) {
      const bool before_contract = w.start < supply_.at(coach).start;
      miss_workshop(coach, w, before_contract ? MissReason::kLateContract : MissReason::kOverlap);
    } else {
      return &w;
    }
  }
  return nullptr;
}

// A workshop, if the budget pays it (a fixed date cannot wait for the next tranche).
CoachProcess::Then CoachProcess::attend_workshop(std::uint32_t coach, const Workshop& w) {
  State& st = states_[coach];
  Date resume;
  switch (books_.budget.ask(
      year_, st.region, {coach, false},
      [&] { return workshop_cost(in_.scenario.costs, w.coach_workshop, w.days, st.teachers); },
      w.start, w.end, today(), false, resume)) {
    case BudgetGate::Verdict::kGo:
      break;
    case BudgetGate::Verdict::kWaitStartDay:
      clock_.sim.schedule_at(clock_.at(w.start, kMorning), target_, kBudgetRetry, coach);
      return Then::kWait;
    case BudgetGate::Verdict::kDeferred:
    case BudgetGate::Verdict::kDropped:
      miss_workshop(coach, w, MissReason::kNoFunds);
      ++st.next_workshop;
      st.free_from = std::max(st.free_from, today());
      return Then::kGoOn;
  }
  st.free_from = w.end + days(1);
  if (ahead_) {
    pending_ = Pending::kWorkshop;
    pending_date_ = w.end;
    return Then::kWait;
  }
  clock_.sim.schedule_at(clock_.at(w.end, kEvening), target_, kWorkshopEnd, coach);
  return Then::kWait;
}

// The visit of the round's next school ("visita en aula"): its teachers' classroom visits,
// with the round's GIA and RTC held at the school on days apart.
inline CoachProcess::Trip CoachProcess::school_visit(const State& st) const {
  const VisitRound& r = in_.protocols[st.type].rounds[st.round];
  return {st.school, st.round, false, r.gia, r.rtc};
}

// The round's GIA and RTC for the whole caseload, at the host school.
inline CoachProcess::Trip CoachProcess::cluster_sessions(const State& st) const {
  const VisitRound& r = in_.protocols[st.type].rounds[st.round];
  return {st.host, st.round, true, r.cluster_gia, r.cluster_rtc};
}

inline CoachProcess::Trip CoachProcess::current_trip(const State& st) const {
  switch (st.stage) {
    case Stage::kSchoolVisit:
      return school_visit(st);
    case Stage::kClusterSessions:
      return cluster_sessions(st);
    case Stage::kVisitsDone:
      break;
  }
  return {};  // past the end: callers check the stage first
}

// After a trip: the round's next school, the round's cluster sessions, or the next round.
void CoachProcess::advance(State& st) const {
  if (st.stage == Stage::kSchoolVisit && ++st.school < st.items) return;
  if (st.stage == Stage::kSchoolVisit &&
      in_.protocols[st.type].rounds[st.round].cluster_sessions()) {
    st.stage = Stage::kClusterSessions;
    return;
  }
  ++st.round;
  enter_round(st);
}

// The first trip of round st.round, or of the first later round that has one.
void CoachProcess::enter_round(State& st) const {
  const std::vector<VisitRound>& rounds = in_.protocols[st.type].rounds;
  st.school = 0;
  for (; st.round < rounds.size(); ++st.round) {
    if (st.items > 0) {
      st.stage = Stage::kSchoolVisit;
      return;
    }
    if (rounds[st.round].cluster_sessions()) {
      st.stage = Stage::kClusterSessions;
      return;
    }
  }
  st.stage = Stage::kVisitsDone;
}

// The current trip fitted into the calendar from the coach's first free day in its round's
// window: travel out, days on site, travel back (travel.cpp).
CoachProcess::FittedTrip CoachProcess::fit_next_trip(std::uint32_t coach) const {
  const State& st = states_[coach];
  const YearPlan& plan = in_.years[year_];
  const Protocol& protocol = in_.protocols[st.type];
  const calendar::Calendar& cal = in_.calendar;
  FittedTrip f;
  f.trip = current_trip(st);
  const CaseloadItem& item = st.caseload[f.trip.item];
  f.site_days = f.trip.cluster ? protocol.cluster_session_days(f.trip.round)
                               : protocol.school_visit_days(f.trip.round, item.teachers);
  f.start = cal.next_working_day(std::max(st.free_from, plan.round_starts[st.type][f.trip.round]));
  f.last = f.after = f.start;
  // The travel plan is that of the departure day (rainy season); a departure moved past a
  // break is planned again (twice is enough: a later start only leaves the rains behind).
  for (int attempt = 0; attempt < 2; ++attempt) {
    f.travel = plan_travel(in_, item.travel_hours, in_.population.regions[st.region].geography,
                           std::min(f.start, plan.contract_end));
    Date depart = f.start;
    f.fits =
        fit_trip(cal, plan, f.start, f.travel.days_each_way, f.site_days, depart, f.last, f.after);
    if (!f.fits || depart == f.start) break;
    f.start = depart;
  }
  if (f.fits && f.travel.overnight)
    f.travel.per_diem_days =
        per_diem_days(cal, in_.scenario.costs.per_diem_basis, f.start, f.last, f.site_days);
  return f;
}

// The fitted trip leaves, unless the post is vacant (wait, or miss it past the contract's end),
// it is cancelled on its first day (that day is lost), or the budget holds it back.
CoachProcess::Then CoachProcess::set_out(std::uint32_t coach, const FittedTrip& t) {
  State& st = states_[coach];
  Date resume;
  MissReason why = MissReason::kVacancy;
  if (supply_.blocks(coach, t.start, t.last, resume, why)) {
    if (resume > in_.years[year_].contract_end) {
      miss_trip(coach, &why);
    } else {
      st.free_from = resume;
    }
    return Then::kGoOn;
  }
  if (supply_.cancel_trip(coach)) {
    st.free_from = t.start;
    const MissReason cancelled = MissReason::kCancelled;
    miss_trip(coach, &cancelled);
    st.free_from = t.start + days(1);
    return Then::kGoOn;
  }
  if (budget_holds_trip(coach, t)) return Then::kWait;  // waits, deferred or dropped
  // A scheduled trip ends within the year, so its travel days fit in 16 bits.
  st.overnight = t.travel.overnight;
  st.days_each_way = static_cast<std::int16_t>(t.travel.days_each_way);
  st.rain_extra_days = static_cast<std::int16_t>(t.travel.rain_extra_days);
  st.per_diem_days = static_cast<std::int16_t>(t.travel.per_diem_days);
  st.site_days = t.site_days;
  st.free_from = t.after;
  if (ahead_) {
    pending_ = Pending::kTrip;
    pending_date_ = t.last;
    return Then::kWait;
  }
  clock_.sim.schedule_at(clock_.at(t.last, kEvening), target_, kTripEnd, coach);
  return Then::kWait;
}

bool CoachProcess::budget_holds_trip(std::uint32_t coach, const FittedTrip& t) {
  State& st = states_[coach];
  const calendar::Calendar& cal = in_.calendar;
  Date resume;
  switch (books_.budget.ask(
      year_, st.region, {coach, false},
      [&] {
        return trip_cost(st, t.trip, t.travel.overnight, t.site_days, t.travel.per_diem_days);
      },
      t.start, t.last, today(), true, resume)) {
    case BudgetGate::Verdict::kGo:
      return false;
    case BudgetGate::Verdict::kWaitStartDay:
      clock_.sim.schedule_at(clock_.at(t.start, kMorning), target_, kBudgetRetry, coach);
      return true;
    case BudgetGate::Verdict::kDeferred:
      st.free_from = resume;  // waits for the next tranche, then tries the same trip again
      clock_.sim.schedule_at(clock_.at(cal.next_working_day(resume), kMorning), target_,
                             kBudgetRetry, coach);
      return true;
    case BudgetGate::Verdict::kDropped:
      break;
  }
  // Dropped: the coach stays at its base today and goes on with the next trip tomorrow.
  const MissReason no_funds = MissReason::kNoFunds;
  miss_trip(coach, &no_funds);
  st.free_from = cal.next_working_day(today() + days(1));
  clock_.sim.schedule_at(clock_.at(st.free_from, kMorning), target_, kBudgetRetry, coach);
  return true;
}

// Back from a trip: its costs (what the budget committed when it left), what was done, and on.
void CoachProcess::end_trip(std::uint32_t coach) {
  finish_trip(coach);
  carry_on(coach);
}

void CoachProcess::finish_trip(std::uint32_t coach) {
  State& st = states_[coach];
  const Trip trip = current_trip(st);
  advance(st);
  const CaseloadItem& item = st.caseload[trip.item];
  RegionYearTally& t = tally_.at(year_, st.region);

  ledger::Entry e = entry_for(coach);
  e.ref_kind = RefKind::kSchool;
  e.ref_id = item.school;
  // Per diem days were counted when the trip was fitted.
  post_lines(books_, e, trip_cost(st, trip, st.overnight, st.site_days, st.per_diem_days));
  if (st.overnight) t.overnight_trips += 1;
  t.trips += 1;
  t.coach_days_travel += 2 * st.days_each_way;
  t.coach_days_rain_extra += st.rain_extra_days;

  std::int64_t newly_reached = 0;  // teachers with their first visit of the year
  if (!trip.cluster) {
    const int vd = in_.protocols[st.type].rounds[trip.round].visit_days;
    t.visits_done += item.teachers;
    t.visit_days_done += static_cast<std::int64_t>(item.teachers) * vd;
    // The item's teachers are visited together: the first visit reaches all of them.
    if (++visits_by_item_[st.first_item + trip.item] == 1) newly_reached = item.teachers;
  }
  const int participants = trip.cluster ? st.teachers : item.teachers;
  t.gia_done += static_cast<std::int64_t>(participants) * trip.gia;
  if (trip.gia > 0) {  // a cluster session reaches every item of the caseload
    const std::uint32_t from = trip.cluster ? 0 : trip.item;
    const std::uint32_t to = trip.cluster ? st.items : trip.item + 1;
    for (std::uint32_t i = from; i < to; ++i) {
      std::uint8_t& g = gia_by_item_[st.first_item + i];
      g = static_cast<std::uint8_t>(std::min(255, g + trip.gia));
    }
  }
  t.rtc_done += static_cast<std::int64_t>(participants) * trip.rtc;
  books_.budget.after_trip(year_, st.region, newly_reached);
}

// Back from a workshop: its costs and days (a teacher workshop is part of the teachers' dose).
void CoachProcess::end_workshop(std::uint32_t coach) {
  finish_workshop(coach);
  carry_on(coach);
}

void CoachProcess::finish_workshop(std::uint32_t coach) {
  State& st = states_[coach];
  const Workshop& w = in_.years[year_].workshops[st.type][st.next_workshop++];
  RegionYearTally& t = tally_.at(year_, st.region);
  post_lines(books_, entry_for(coach),
             workshop_cost(in_.scenario.costs, w.coach_workshop, w.days, st.teachers));
  if (w.coach_workshop) {
    t.coach_workshop_days_done += w.days;
  } else {
    t.teacher_workshop_days_done += static_cast<std::int64_t>(st.teachers) * w.days;
    workshop_days_by_coach_[coach] = static_cast<std::uint16_t>(
        std::min(65535, workshop_days_by_coach_[coach] + static_cast<int>(w.days)));
  }
}

// --- What a step posts or records ------------------------------------------------------------

void CoachProcess::post_materials(std::uint32_t coach) {
  const Coach& c = in_.population.coaches[coach];
  const CostLines cost = materials_cost(in_.scenario.costs, c.teachers,
                                        static_cast<int>(c.caseload.size()), in_.extra_lines);
  if (!books_.budget.pays_materials(year_, c.region, {coach, false}, cost)) {
    record_missed(tally_, today(), year_, {c.region, c.ugel, coach}, Activity::kTeacherMaterials,
                  MissReason::kNoFunds, 0, static_cast<std::uint32_t>(c.teachers));
    return;
  }
  post_lines(books_, entry_for(coach), cost);
}

CostLines CoachProcess::trip_cost(const State& st, const Trip& trip, bool overnight, int site_days,
                                  int per_diem_days) const {
  const CaseloadItem& item = st.caseload[trip.item];
  const scenario::Geography& geo =
      in_.scenario.geographies[in_.population.regions[st.region].geography];
  return coach_trip_cost(in_.scenario.costs, geo.fare,
                         {item.distance_km, overnight, site_days, per_diem_days}, trip.cluster,
                         trip.gia, trip.rtc, trip.cluster ? st.teachers : item.teachers,
                         in_.extra_lines);
}

ledger::Entry CoachProcess::entry_for(std::uint32_t coach) const {
  const State& st = states_[coach];
  ledger::Entry e;
  e.date = Clock::day_number(today());
  e.year_index = static_cast<std::uint16_t>(year_);
  e.region = st.region;
  e.ugel = st.ugel;
  e.coach = coach;
  e.ref_kind = RefKind::kCoach;
  e.ref_id = coach;
  return e;
}

void CoachProcess::miss_workshop(std::uint32_t coach, const Workshop& w, MissReason reason) {
  const Coach& c = in_.population.coaches[coach];
  record_missed(tally_, w.start, year_, {c.region, c.ugel, coach},
                w.coach_workshop ? Activity::kCoachWorkshop : Activity::kTeacherWorkshop, reason,
                static_cast<std::uint16_t>(w.number),
                static_cast<std::uint32_t>(w.days * (w.coach_workshop ? 1 : c.teachers)));
}

void CoachProcess::miss_trip(std::uint32_t coach, const MissReason* forced) {
  const Coach& c = in_.population.coaches[coach];
  State& st = states_[coach];
  const YearPlan& plan = in_.years[year_];
  const MissReason reason =
      forced != nullptr
          ? *forced
          : supply_.miss_reason(coach, in_.scenario.regions[c.region].contract_delay.value() > 0
                                           ? MissReason::kLateContract
                                           : MissReason::kNoCoachTime);
  RegionYearTally& t = tally_.at(year_, c.region);
  const Date when = std::min(st.free_from, plan.contract_end);
  const Trip trip = current_trip(st);
  advance(st);
  const CaseloadItem& item = c.caseload[trip.item];
  const MissedBy who{c.region, c.ugel, coach, item.school};
  if (!trip.cluster) {
    t.missed[static_cast<int>(reason)] += item.teachers;
    record_missed(tally_, when, year_, who, Activity::kVisitTrip, reason, trip.round,
                  item.teachers);
  }
  const std::uint32_t participants = trip.cluster ? c.teachers : item.teachers;
  if (trip.gia > 0)
    record_missed(tally_, when, year_, who, Activity::kGia, reason, trip.round,
                  participants * trip.gia);
  if (trip.rtc > 0)
    record_missed(tally_, when, year_, who, Activity::kRtc, reason, trip.round,
                  participants * trip.rtc);
}

}  // namespace coachsim::programme
