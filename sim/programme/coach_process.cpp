// The coach: the protocol of NT-026 as a sequence of trips and workshops in coach time.
//
// Each year a coach plans one trip per caseload school per visit round (nearest school first),
// with the round's GIA and RTC sessions held on a day apart from the visits (at the school, or
// for the whole caseload at a host school). A round does not start before its window opens,
// so visits spread over the year. A trip that would run into a fixed-date workshop waits until
// after it; a trip that cannot end before the school year (or contract) does is missed and
// recorded with its reason; the coach goes on with the next trip, which may be nearer.
#include <algorithm>
#include <cmath>

#include "coach_supply.hpp"
#include "coachsim/engine/random.hpp"
#include "coachsim/programme/dose.hpp"
#include "cost_model.hpp"
#include "processes.hpp"

namespace coachsim::programme {
namespace {

using ledger::Activity;
using ledger::RefKind;
using std::chrono::days;

int session_days(const scenario::SessionProtocol& p, const scenario::CoachTerms& terms) {
  return std::max(
      1,
      static_cast<int>(std::ceil(p.duration.value() / terms.working_hours_per_day.value() - 1e-9)));
}

// Round of the j-th of `count` sessions among `rounds` visit rounds, centred in its share.
int session_round(int j, int count, int rounds) { return (2 * j + 1) * rounds / (2 * count); }

constexpr std::uint64_t kTurnover = engine::stream_purpose(std::string_view{"teacher.turnover"});

}  // namespace

CoachProcess::CoachProcess(Context& ctx)
    : ctx_(ctx),
      target_(ctx.sim.add_handler(this)),
      states_(ctx.population.coaches.size()),
      rounds_(ctx.scenario.school_types.size()),
      first_item_(ctx.population.coaches.size()) {
  std::uint32_t items = 0;
  for (std::size_t k = 0; k < first_item_.size(); ++k) {
    first_item_[k] = items;
    items += static_cast<std::uint32_t>(ctx.population.coaches[k].caseload.size());
  }
  visits_by_item_.assign(items, 0);
  gia_by_item_.assign(items, 0);
  workshop_days_by_coach_.assign(ctx.population.coaches.size(), 0);
  evidence_covers_.assign(ctx.scenario.school_types.size(), true);
  if (ctx.scenario.outcomes && !ctx.scenario.outcomes->evidence_school_types.empty())
    for (std::size_t k = 0; k < evidence_covers_.size(); ++k)
      evidence_covers_[k] = std::find(ctx.scenario.outcomes->evidence_school_types.begin(),
                                      ctx.scenario.outcomes->evidence_school_types.end(),
                                      ctx.scenario.school_types[k].id) !=
                            ctx.scenario.outcomes->evidence_school_types.end();
  if (ctx.scenario.teacher_turnover.enabled) joined_.assign(ctx.population.teacher_count, 0);
  for (std::size_t k = 0; k < rounds_.size(); ++k) {
    const scenario::SchoolTypeProtocol& type = ctx.scenario.school_types[k];
    const int rounds = static_cast<int>(type.visit_days.size());
    const bool gia_here = type.gia.venue == scenario::SessionVenue::kSchool;
    const bool rtc_here = type.rtc.venue == scenario::SessionVenue::kSchool;
    for (int r = 0; r < rounds; ++r) {
      auto sessions_in = [&](const scenario::SessionProtocol& p) {
        int n = 0;
        for (int j = 0; j < p.count; ++j) n += session_round(j, p.count, rounds) == r;
        return static_cast<std::uint8_t>(n);
      };
      const std::uint8_t gia = sessions_in(type.gia), rtc = sessions_in(type.rtc);
      RoundSessions rs;
      rs.gia = gia_here ? gia : 0;
      rs.rtc = rtc_here ? rtc : 0;
      rs.cluster_gia = gia_here ? 0 : gia;
      rs.cluster_rtc = rtc_here ? 0 : rtc;
      rounds_[k].push_back(rs);
    }
  }
}

std::uint32_t CoachProcess::trips_in_round(const State& st, std::size_t round) const {
  return st.items + (rounds_[st.type][round].cluster() ? 1u : 0u);
}

void CoachProcess::settle_trip_position(State& st) const {
  const std::size_t rounds = rounds_[st.type].size();
  while (st.round < rounds && st.slot >= trips_in_round(st, st.round)) {
    st.slot = 0;
    ++st.round;
  }
}

void CoachProcess::advance_trip(State& st) const {
  ++st.next_trip;
  ++st.slot;
  settle_trip_position(st);
}

CoachProcess::Trip CoachProcess::current_trip(const State& st) const {
  const std::vector<RoundSessions>& rounds = rounds_[st.type];
  if (st.round >= rounds.size()) return {};  // past the end: callers check trip_count first
  const RoundSessions& rs = rounds[st.round];
  if (st.slot < st.items) return {st.slot, st.round, false, rs.gia, rs.rtc};
  return {st.host, st.round, true, rs.cluster_gia, rs.cluster_rtc};
}

ledger::Entry CoachProcess::entry_for(std::uint32_t coach) const {
  const State& st = states_[coach];
  ledger::Entry e;
  e.date = Context::day_number(ctx_.today());
  e.year_index = static_cast<std::uint16_t>(year_);
  e.region = st.region;
  e.ugel = st.ugel;
  e.coach = coach;
  e.ref_kind = RefKind::kCoach;
  e.ref_id = coach;
  return e;
}

void CoachProcess::begin_year(std::size_t year) {
  year_ = year;
  ctx_.supply->begin_year(year);  // contract starts, training, attrition (coach_supply.cpp)
  for (std::uint32_t c = 0; c < states_.size(); ++c) plan_year(c, year);
}

void CoachProcess::plan_year(std::uint32_t coach, std::size_t year) {
  const Coach& c = ctx_.population.coaches[coach];
  const scenario::SchoolTypeProtocol& type = ctx_.scenario.school_types[c.type];
  State& st = states_[coach];
  st = State{};
  st.free_from = ctx_.supply->at(coach).available;
  st.caseload = c.caseload.data();
  st.first_item = first_item_[coach];
  // Narrowing is safe: validation caps teachers per coach (kMaxTeachersPerCoach), so a caseload
  // has at most that many items; ledger entries already carry regions and UGELs in 16 bits.
  st.items = static_cast<std::uint16_t>(c.caseload.size());
  st.teachers = static_cast<std::uint16_t>(c.teachers);
  st.region = static_cast<std::uint16_t>(c.region);
  st.ugel = static_cast<std::uint16_t>(c.ugel);
  st.type = c.type;
  if (!c.active_in(year)) return;  // its cohort is not in the programme this year

  const int rounds = static_cast<int>(type.visit_days.size());
  for (std::uint32_t i = 0; i < c.caseload.size(); ++i)  // most teachers hosts cluster sessions
    if (c.caseload[i].teachers > c.caseload[st.host].teachers) st.host = i;
  const auto items = static_cast<std::uint32_t>(c.caseload.size());
  for (const RoundSessions& r : rounds_[c.type]) st.trip_count += items + (r.cluster() ? 1 : 0);
  settle_trip_position(st);  // past rounds without trips (a coach with no schools)

  RegionYearTally& t = ctx_.tally.at(year, c.region);
  int visit_days = 0;
  for (int d : type.visit_days) visit_days += d;
  t.coaches += 1;
  t.visits_planned += static_cast<std::int64_t>(c.teachers) * rounds;
  t.visit_days_planned += static_cast<std::int64_t>(c.teachers) * visit_days;
  t.gia_planned += static_cast<std::int64_t>(c.teachers) * type.gia.count;
  t.rtc_planned += static_cast<std::int64_t>(c.teachers) * type.rtc.count;
  t.teacher_workshop_days_planned +=
      c.teachers * std::lround(type.teacher_workshops.total_days.value());
  t.coach_workshop_days_planned += std::lround(type.coach_workshops.total_days.value());

  ctx_.sim.schedule_at(ctx_.at(st.free_from, kMorning), target_, kWake, coach);
}

void CoachProcess::prefetch(const engine::Event& event, int level) const {
  const auto coach = static_cast<std::uint32_t>(event.payload);
  if (coach >= states_.size()) return;
  if (level == 0) {  // an address known without a load: the coach's state line
    __builtin_prefetch(&states_[coach]);
    return;
  }
  // The state line was hinted at level 0: follow it to the trip's caseload item (the item's
  // visit count is in a small array that stays in cache).
  if (level != 1) return;
  const State& st = states_[coach];
  if (st.next_trip >= st.trip_count) return;
  const std::uint32_t item = current_trip(st).item;
  if (item < st.items) __builtin_prefetch(&st.caseload[item]);
}

void CoachProcess::handle(engine::Simulator&, const engine::Event& event) {
  ctx_.current_event = event.seq;
  const auto coach = static_cast<std::uint32_t>(event.payload);
  switch (event.kind) {
    case kWake:
      if (!ctx_.supply->not_hired(coach)) post_materials(coach);
      next(coach);
      break;
    case kTripEnd:
      finish_trip(coach);
      break;
    case kCommitmentEnd:
      finish_commitment(coach);
      break;
    case kBudgetRetry:  // an activity the budget could not pay yet: try again on its start day
      next(coach);
      break;
    default:
      break;
  }
}

void CoachProcess::post_materials(std::uint32_t coach) {
  const Coach& c = ctx_.population.coaches[coach];
  const CostLines cost = materials_cost(ctx_.scenario.costs, c.teachers);
  if (!ctx_.budget.pays_materials(year_, c.region, {coach, false}, cost)) {
    record_missed(ctx_.tally, ctx_.today(), year_, {c.region, c.ugel, coach},
                  Activity::kTeacherMaterials, MissReason::kNoFunds, 0,
                  static_cast<std::uint32_t>(c.teachers));
    return;
  }
  post_lines(ctx_, entry_for(coach), cost);
}

CostLines CoachProcess::trip_cost(const State& st, const Trip& trip, bool overnight, int site_days,
                                  int per_diem_days) const {
  const CaseloadItem& item = st.caseload[trip.item];
  const scenario::Geography& geo =
      ctx_.scenario.geographies[ctx_.population.regions[st.region].geography];
  return coach_trip_cost(ctx_.scenario.costs, geo.fare,
                         {item.distance_km, overnight, site_days, per_diem_days}, trip.cluster,
                         trip.gia, trip.rtc, trip.cluster ? st.teachers : item.teachers);
}

bool CoachProcess::budget_holds_trip(std::uint32_t coach, const Trip& trip,
                                     const TravelPlan& travel, int site_days, Date start,
                                     Date last) {
  State& st = states_[coach];
  const engine::Calendar& cal = ctx_.calendar;
  Date resume;
  switch (ctx_.budget.ask(
      year_, st.region, {coach, false},
      [&] { return trip_cost(st, trip, travel.overnight, site_days, travel.per_diem_days); }, start,
      last, ctx_.today(), true, resume)) {
    case BudgetGate::Verdict::kGo:
      return false;
    case BudgetGate::Verdict::kWaitStartDay:
      ctx_.sim.schedule_at(ctx_.at(start, kMorning), target_, kBudgetRetry, coach);
      return true;
    case BudgetGate::Verdict::kDeferred:
      st.free_from = resume;  // waits for the next tranche, then tries the same trip again
      ctx_.sim.schedule_at(ctx_.at(cal.next_working_day(resume), kMorning), target_, kBudgetRetry,
                           coach);
      return true;
    case BudgetGate::Verdict::kDropped:
      break;
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
  State& st = states_[coach];
  Date resume;
  // A workshop has fixed dates: it cannot be deferred to the next tranche.
  switch (ctx_.budget.ask(
      year_, st.region, {coach, false},
      [&] { return workshop_cost(ctx_.scenario.costs, c.coach_workshop, c.days, st.teachers); },
      c.start, c.end, ctx_.today(), false, resume)) {
    case BudgetGate::Verdict::kGo:
      return false;
    case BudgetGate::Verdict::kWaitStartDay:
      ctx_.sim.schedule_at(ctx_.at(c.start, kMorning), target_, kBudgetRetry, coach);
      return true;
    case BudgetGate::Verdict::kDeferred:
    case BudgetGate::Verdict::kDropped:
      break;
  }
  miss_commitment(coach, c, MissReason::kNoFunds);
  ++st.next_commitment;
  st.free_from = std::max(st.free_from, ctx_.today());
  dropped_commitment_ = true;
  return true;
}

void CoachProcess::next(std::uint32_t coach) {
  State& st = states_[coach];
  const YearPlan& plan = ctx_.years[year_];
  const std::vector<Commitment>& commitments = plan.commitments[st.type];
  const engine::Calendar& cal = ctx_.calendar;
  for (;;) {
    const Commitment* cm =
        st.next_commitment < commitments.size() ? &commitments[st.next_commitment] : nullptr;
    if (cm != nullptr && !cm->fits) {  // runs past the contract's end: not held for this coach
      miss_commitment(coach, *cm, MissReason::kNoCoachTime);
      ++st.next_commitment;
      continue;
    }
    Date resume;
    MissReason why = MissReason::kVacancy;
    if (cm != nullptr && ctx_.supply->blocks(coach, cm->start, cm->end, resume, why)) {
      miss_commitment(coach, *cm, why);  // the post is vacant (coach_supply.cpp)
      ++st.next_commitment;
      continue;
    }
    if (cm != nullptr && cm->start < st.free_from) {
      const bool before_contract = cm->start < ctx_.supply->at(coach).start;
      miss_commitment(coach, *cm,
                      before_contract ? MissReason::kLateContract : MissReason::kOverlap);
      ++st.next_commitment;
      continue;
    }
    if (st.next_trip >= st.trip_count) {
      if (cm != nullptr && !attend(coach, *cm)) continue;
      return;
    }
    const Trip trip = current_trip(st);
    const CaseloadItem& item = st.caseload[trip.item];
    const scenario::SchoolTypeProtocol& type = ctx_.scenario.school_types[st.type];
    const int site = (trip.cluster ? 0 : item.teachers * type.visit_days[trip.round]) +
                     trip.gia * session_days(type.gia, ctx_.scenario.coach) +
                     trip.rtc * session_days(type.rtc, ctx_.scenario.coach);
    Date start =
        cal.next_working_day(std::max(st.free_from, plan.round_starts[st.type][trip.round]));
    TravelPlan travel;
    Date last = start, after = start;
    bool fits = false;
    // The travel plan is that of the departure day (rainy season); a departure moved past a
    // break is planned again (twice is enough: a later start only leaves the rains behind).
    for (int attempt = 0; attempt < 2; ++attempt) {
      travel = plan_travel(ctx_, item.travel_hours, ctx_.population.regions[st.region].geography,
                           std::min(start, plan.contract_end));
      Date depart = start;
      fits = fit_trip(cal, plan, start, travel.days_each_way, site, depart, last, after);
      if (!fits || depart == start) break;
      start = depart;
    }
    if (fits && travel.overnight)
      travel.per_diem_days =
          per_diem_days(cal, ctx_.scenario.costs.per_diem_basis, start, last, site);
    if (cm != nullptr && (!fits || last >= cm->start)) {
      // The workshop comes first; the trip is tried again after it.
      if (!attend(coach, *cm)) continue;
      return;
    }
    if (!fits) {
      miss_trip(coach);  // and go on: a nearer school may still fit
      continue;
    }
    if (ctx_.supply->blocks(coach, start, last, resume, why)) {  // vacant post: wait or miss
      if (resume > plan.contract_end) {
        miss_trip(coach, &why);
      } else {
        st.free_from = resume;
      }
      continue;
    }
    if (ctx_.supply->cancel_trip(coach)) {  // cancelled on its first day: that day is lost
      st.free_from = start;
      why = MissReason::kCancelled;
      miss_trip(coach, &why);
      st.free_from = start + days(1);
      continue;
    }
    if (budget_holds_trip(coach, trip, travel, site, start, last))
      return;  // waits, deferred or dropped
    // A scheduled trip ends within the year, so its travel days fit in 16 bits.
    st.overnight = travel.overnight;
    st.days_each_way = static_cast<std::int16_t>(travel.days_each_way);
    st.rain_extra_days = static_cast<std::int16_t>(travel.rain_extra_days);
    st.per_diem_days = static_cast<std::int16_t>(travel.per_diem_days);
    st.site_days = site;
    st.free_from = after;
    ctx_.sim.schedule_at(ctx_.at(last, kEvening), target_, kTripEnd, coach);
    return;
  }
}

bool CoachProcess::attend(std::uint32_t coach, const Commitment& c) {
  State& st = states_[coach];
  if (budget_holds_commitment(coach, c))
    return !dropped_commitment_;  // waits for its start day, or dropped
  st.free_from = c.end + days(1);
  ctx_.sim.schedule_at(ctx_.at(c.end, kEvening), target_, kCommitmentEnd, coach);
  return true;
}

void CoachProcess::finish_trip(std::uint32_t coach) {
  State& st = states_[coach];
  const Trip trip = current_trip(st);
  advance_trip(st);
  const CaseloadItem& item = st.caseload[trip.item];
  RegionYearTally& t = ctx_.tally.at(year_, st.region);

  ledger::Entry e = entry_for(coach);
  e.ref_kind = RefKind::kSchool;
  e.ref_id = item.school;
  // What the budget committed when the trip started (per diem days counted when it was fitted).
  post_lines(ctx_, e, trip_cost(st, trip, st.overnight, st.site_days, st.per_diem_days));
  if (st.overnight) t.overnight_trips += 1;
  t.trips += 1;
  t.coach_days_travel += 2 * st.days_each_way;
  t.coach_days_rain_extra += st.rain_extra_days;

  std::int64_t newly_reached = 0;  // teachers with their first visit of the year
  if (!trip.cluster) {
    const int vd = ctx_.scenario.school_types[st.type].visit_days[trip.round];
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
  ctx_.budget.after_trip(year_, st.region, newly_reached);
  next(coach);
}

void CoachProcess::finish_commitment(std::uint32_t coach) {
  State& st = states_[coach];
  const Commitment& cm = ctx_.years[year_].commitments[st.type][st.next_commitment++];
  RegionYearTally& t = ctx_.tally.at(year_, st.region);
  post_lines(ctx_, entry_for(coach),
             workshop_cost(ctx_.scenario.costs, cm.coach_workshop, cm.days, st.teachers));
  if (cm.coach_workshop) {
    t.coach_workshop_days_done += cm.days;
  } else {
    t.teacher_workshop_days_done += static_cast<std::int64_t>(st.teachers) * cm.days;
    workshop_days_by_coach_[coach] = static_cast<std::uint16_t>(
        std::min(65535, workshop_days_by_coach_[coach] + static_cast<int>(cm.days)));
  }
  next(coach);
}

void CoachProcess::miss_commitment(std::uint32_t coach, const Commitment& cm, MissReason reason) {
  const Coach& c = ctx_.population.coaches[coach];
  record_missed(ctx_.tally, cm.start, year_, {c.region, c.ugel, coach},
                cm.coach_workshop ? Activity::kCoachWorkshop : Activity::kTeacherWorkshop, reason,
                static_cast<std::uint16_t>(cm.number),
                static_cast<std::uint32_t>(cm.days * (cm.coach_workshop ? 1 : c.teachers)));
}

void CoachProcess::miss_trip(std::uint32_t coach, const MissReason* forced) {
  const Coach& c = ctx_.population.coaches[coach];
  State& st = states_[coach];
  const YearPlan& plan = ctx_.years[year_];
  const MissReason reason =
      forced != nullptr ? *forced
                        : ctx_.supply->miss_reason(
                              coach, ctx_.scenario.regions[c.region].contract_delay.value() > 0
                                         ? MissReason::kLateContract
                                         : MissReason::kNoCoachTime);
  RegionYearTally& t = ctx_.tally.at(year_, c.region);
  const Date when = std::min(st.free_from, plan.contract_end);
  {
    const Trip trip = current_trip(st);
    advance_trip(st);
    const CaseloadItem& item = c.caseload[trip.item];
    const MissedBy who{c.region, c.ugel, coach, item.school};
    if (!trip.cluster) {
      t.missed[static_cast<int>(reason)] += item.teachers;
      record_missed(ctx_.tally, when, year_, who, Activity::kVisitTrip, reason, trip.round,
                    item.teachers);
    }
    const std::uint32_t participants = trip.cluster ? c.teachers : item.teachers;
    if (trip.gia > 0)
      record_missed(ctx_.tally, when, year_, who, Activity::kGia, reason, trip.round,
                    participants * trip.gia);
    if (trip.rtc > 0)
      record_missed(ctx_.tally, when, year_, who, Activity::kRtc, reason, trip.round,
                    participants * trip.rtc);
  }
}

std::size_t CoachProcess::teacher_entry(std::uint32_t teacher, std::size_t year,
                                        std::size_t school_entry, RegionYearTally& t) {
  std::uint16_t& joined = joined_[teacher];
  if (year > school_entry) {
    // One draw per post and year, keyed by both (common random numbers across scenarios).
    engine::RandomStream rng(
        {ctx_.scenario.seed, ctx_.replication, teacher,
         kTurnover ^ ((static_cast<std::uint64_t>(year) + 1) * 0x9E3779B97F4A7C15ULL)});
    if (rng.bernoulli(ctx_.scenario.teacher_turnover.share_per_year)) {
      joined = static_cast<std::uint16_t>(year + 1);
      t.teachers_new += 1;
    }
  }
  return joined == 0 ? school_entry : std::max<std::size_t>(school_entry, joined - 1u);
}

void CoachProcess::end_year(std::size_t year) {
  const scenario::Outcomes* outcomes = ctx_.scenario.outcomes ? &*ctx_.scenario.outcomes : nullptr;
  const bool turnover = ctx_.scenario.teacher_turnover.enabled;
  for (std::size_t k = 0; k < ctx_.population.coaches.size(); ++k) {
    const Coach& c = ctx_.population.coaches[k];
    if (!c.active_in(year)) continue;
    const auto rounds = ctx_.scenario.school_types[c.type].visit_days.size();
    RegionYearTally& t = ctx_.tally.at(year, c.region);
    for (std::size_t i = 0; i < c.caseload.size(); ++i) {
      const CaseloadItem& item = c.caseload[i];
      const School& school = ctx_.population.schools[item.school];
      int years = years_coached(year, school.first_year);
      std::uint8_t& v = visits_by_item_[first_item_[k] + i];
      std::uint8_t& gia = gia_by_item_[first_item_[k] + i];
      DoseReceived dose;
      dose.visits = v;
      dose.gia = gia;
      dose.workshop_days = workshop_days_by_coach_[k];
      dose.protocol_visits = static_cast<int>(rounds);
      for (std::uint32_t j = 0; j < item.teachers; ++j) {
        if (turnover) {
          const std::uint32_t teacher = school.first_teacher + item.first_teacher + j;
          years = years_coached(year, teacher_entry(teacher, year, school.first_year, t));
        }
        t.teachers_reached += v > 0;
        t.teachers_full_protocol += v >= rounds;
        const std::int64_t students =
            students_of_teacher(school.students, school.teachers, item.first_teacher + j);
        // The post belongs to its school's entry cohort whoever holds it: the cohort pays for it.
        record_cohort(t, year, school.first_year, students,
                      record_dose(t, years, dose, students, outcomes, evidence_covers_[c.type]));
      }
      v = 0;
      gia = 0;
    }
    workshop_days_by_coach_[k] = 0;
  }
}

}  // namespace coachsim::programme
