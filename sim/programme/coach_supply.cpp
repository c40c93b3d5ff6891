// Coach supply over a year: hiring limit, initial training, attrition and replacement, trip
// cancellations. See coach_supply.hpp.
#include "coach_supply.hpp"

#include <algorithm>
#include <cmath>

#include "coachsim/units/rounding.hpp"

namespace coachsim::programme {

using calendar::add_months;

namespace {

using std::chrono::days;

int overlap_days(Date a_first, Date a_last, Date b_first, Date b_last) {
  const Date first = std::max(a_first, b_first), last = std::min(a_last, b_last);
  return first > last ? 0 : static_cast<int>((last - first).count()) + 1;
}

// Streams are keyed by the coach and by what the draws are for, mixed with the year, so a
// coach's draws do not depend on any other coach or on the order events run in.
stochastic::StreamKey key(const RunInputs& in, std::uint32_t coach, std::uint64_t purpose,
                          std::size_t year) {
  return {in.scenario.seed, in.replication, coach,
          purpose ^ ((static_cast<std::uint64_t>(year) + 1) * 0x9E3779B97F4A7C15ULL)};
}

constexpr std::uint64_t kAttrition =
    stochastic::stream_purpose(std::string_view{"coach.attrition"});
constexpr std::uint64_t kCancel =
    stochastic::stream_purpose(std::string_view{"coach.cancellation"});

}  // namespace

CoachSupplyPlan::CoachSupplyPlan(const RunInputs& in, const Clock& clock, Books& books,
                                 Tally& tally)
    : in_(in),
      clock_(clock),
      books_(books),
      tally_(tally),
      target_(clock.sim.add_handler(this)),
      posts_(in.population.coaches.size()),
      blocks_(in.population.coaches.size()) {}

int CoachSupplyPlan::train(Date from, int n, Date& available) const {
  const Date end = in_.years[year_].contract_end;
  int done = 0;
  Date d = from;
  for (; done < n && d <= end; d += days(1)) done += in_.calendar.is_working_day(d) ? 1 : 0;
  available = done == n ? d : end + days(1);
  return done;
}

void CoachSupplyPlan::begin_year(std::size_t year) {
  year_ = year;
  any_blocked_ = false;
  const scenario::Scenario& s = in_.scenario;
  const scenario::CoachSupply& cs = s.coach_supply;
  const YearPlan& plan = in_.years[year];
  const Date end = plan.contract_end;
  const int training = static_cast<int>(std::lround(cs.initial_training.value()));
  const int delay = static_cast<int>(std::lround(cs.replacement_delay.value()));
  std::vector<int> hired_in_region(in_.population.regions.size(), 0);
  cancel_.clear();
  for (std::uint32_t c = 0; c < posts_.size(); ++c) {
    const Coach& coach = in_.population.coaches[c];
    CoachYear& p = posts_[c];
    p = CoachYear{};
    p.active = coach.active_in(year);
    p.start = p.available = plan.contract_start[coach.region];
    if (cs.enabled && cs.visit_cancellation > 0) cancel_.emplace_back(key(in_, c, kCancel, year));
    if (!p.active || !cs.enabled) continue;
    RegionYearTally& t = tally_.at(year, coach.region);
    p.new_hire = coach.first_year == year;
    if (p.new_hire) {
      // The k-th new coach of a region starts k / hires_per_month months after the start.
      const int k = hired_in_region[coach.region]++;
      if (cs.hires_per_month > 0) p.start = add_months(p.start, k / cs.hires_per_month);
      if (p.start > end) {  // never hired this year: the post stays empty
        p.blocked = any_blocked_ = true;
        p.blocked_from = p.available = plan.contract_start[coach.region];
        p.blocked_until = end + days(1);
        p.block_reason = MissReason::kNotHired;
        continue;
      }
      t.coaches_hired += 1;
      p.training_days = train(p.start, training, p.available);
      t.coach_training_days += p.training_days;
      if (p.training_days > 0)
        clock_.sim.schedule_at(clock_.at(p.start, kMorning - 1), target_, kTrainNew, c);
      if (p.available > end) {  // training ran past the contract's end
        p.blocked = any_blocked_ = true;
        p.blocked_from = p.available = p.start;
        p.blocked_until = end + days(1);
        continue;
      }
    }
    if (cs.attrition_per_year <= 0) continue;
    // Constant hazard: the time to leaving is exponential with P(leave within 365 days) equal
    // to attrition_per_year; the coach leaves on that day if it falls before the contract end.
    stochastic::RandomStream rng(key(in_, c, kAttrition, year));
    const double u = rng.uniform01();
    const double after = std::log1p(-u) / std::log1p(-cs.attrition_per_year) * 365.0;
    const int contract_days = static_cast<int>((end - p.start).count()) + 1;
    if (after >= contract_days - 1) continue;
    p.leaves = true;
    p.leave_day = p.start + days(static_cast<int>(after));
    t.coaches_left += 1;
    p.blocked = any_blocked_ = true;
    p.blocked_from = p.leave_day + days(1);
    p.blocked_until = end + days(1);
    p.replacement_start = p.leave_day + days(delay + 1);
    if (p.replacement_start > end) continue;
    p.replaced = true;
    t.coaches_replaced += 1;
    p.replacement_training_days = train(p.replacement_start, training, p.blocked_until);
    t.coach_training_days += p.replacement_training_days;
    if (p.replacement_training_days > 0) {
      clock_.sim.schedule_at(clock_.at(p.replacement_start, kMorning - 1), target_,
                             kTrainReplacement, c);
    }
  }
  for (std::uint32_t c = 0; c < posts_.size(); ++c) {
    const CoachYear& p = posts_[c];
    blocks_[c] = Block{p.blocked_from, p.blocked_until, p.block_reason, p.blocked};
  }
}

void CoachSupplyPlan::handle(engine::Simulator&, const engine::Event& event) {
  books_.current_event = event.seq;
  const auto coach = static_cast<std::uint32_t>(event.payload);
  const CoachYear& p = posts_[coach];
  post_training(coach, event.kind == kTrainNew ? p.training_days : p.replacement_training_days);
}

// Initial training is costed like coach workshop days, one participant, under coach_training.
void CoachSupplyPlan::post_training(std::uint32_t coach, int n) {
  const Coach& c = in_.population.coaches[coach];
  const units::MoneyPerParticipantDay rate = in_.scenario.costs.coach_workshop;
  ledger::Entry e;
  e.date = Clock::day_number(clock_.today());
  e.year_index = static_cast<std::uint16_t>(year_);
  e.region = static_cast<std::uint16_t>(c.region);
  e.ugel = static_cast<std::uint16_t>(c.ugel);
  e.coach = coach;
  e.ref_kind = ledger::RefKind::kCoach;
  e.ref_id = coach;
  e.category = costs::Category::kCoachTraining;
  e.activity = costs::Activity::kCoachWorkshop;
  e.unit = costs::QuantityUnit::kParticipantDays;
  e.quantity = n;
  e.rate = rate.value();
  e.amount = units::apply_rate(rate, units::participant_days(n)).value();
  books_.post(e);
}

int CoachSupplyPlan::paid_days(std::uint32_t coach, Date first, Date last) const {
  const CoachYear& p = posts_[coach];
  if (!p.active) return 0;
  const Date end = in_.years[year_].contract_end;
  if (p.blocked && p.block_reason == MissReason::kNotHired) return 0;
  if (!p.leaves) return overlap_days(first, last, p.start, end);
  return overlap_days(first, last, p.start, p.leave_day) +
         (p.replaced ? overlap_days(first, last, p.replacement_start, end) : 0);
}

}  // namespace coachsim::programme
