// Private to the programme module: coach supply over a year (coach_supply: in the scenario).
//
// At each year's open it works out, per coach post: when the coach's contract starts (returning
// coaches at the contract start; new coaches of a cohort staggered by the regional hiring
// limit), the initial training before its first trip, whether and when it leaves (attrition
// drawn from the coach's own random stream), and when the replacement starts and is trained.
// The coach process asks it which days the post cannot travel, the payroll which days are paid,
// and it posts the initial training's cost itself on the day training starts. Without
// coach_supply every coach is in post from the contract start to its end, as before.
#pragma once

#include <cstdint>
#include <vector>

#include "coachsim/stochastic/random.hpp"
#include "context.hpp"

namespace coachsim::programme {

struct CoachYear {
  bool active = false;     // the coach's cohort is in the programme this year
  bool new_hire = false;   // first year of its cohort (under coach_supply)
  Date start;              // contract start of the coach in post
  Date available;          // first day it may set out (after initial training)
  int training_days = 0;   // initial training done (working days)
  bool leaves = false;     // attrition: leaves during the year
  Date leave_day;          // its last paid day
  bool replaced = false;   // a replacement starts before the contract end
  Date replacement_start;  // first paid day of the replacement
  int replacement_training_days = 0;
  Date blocked_from, blocked_until;  // the post cannot travel in [from, until)
  bool blocked = false;
  MissReason block_reason = MissReason::kVacancy;
};

class CoachSupplyPlan final : public engine::EventHandler {
 public:
  CoachSupplyPlan(const RunInputs& in, const Clock& clock, Books& books, Tally& tally);
  void begin_year(std::size_t year);  // plan every post; tally hires, leavers, training days
  void handle(engine::Simulator& sim, const engine::Event& event) override;

  const CoachYear& at(std::uint32_t coach) const { return posts_[coach]; }
  // The queries below run on every trip the coach process plans: they are inline and read a
  // compact per-post copy of the blocked period (blocks_, 24 bytes a post) rather than the
  // post's whole CoachYear, so a sweep's hot loop neither calls out nor loads a second line.
  // The post is never filled this year (reads nothing when no post is blocked).
  bool not_hired(std::uint32_t coach) const {
    return any_blocked_ && blocks_[coach].blocked && blocks_[coach].reason == MissReason::kNotHired;
  }
  // Contract days of the post paid within [first, last].
  int paid_days(std::uint32_t coach, Date first, Date last) const;
  // True when [start, last] meets the post's blocked period; `resume` is the first day the
  // post can travel again (past the contract end when never), `reason` why it cannot.
  bool blocks(std::uint32_t coach, Date start, Date last, Date& resume, MissReason& reason) const {
    if (!any_blocked_) return false;  // the common case: no post is blocked this year
    const Block& b = blocks_[coach];
    if (!b.blocked || last < b.from || start >= b.until) return false;
    resume = b.until;
    reason = b.reason;
    return true;
  }
  // The reason to give for a trip that does not fit: the block's when the post had one.
  MissReason miss_reason(std::uint32_t coach, MissReason otherwise) const {
    if (!any_blocked_) return otherwise;
    return blocks_[coach].blocked ? blocks_[coach].reason : otherwise;
  }
  // Hints the post's block and cancellation stream into the cache, ahead of the coach's event
  // (CoachProcess::prefetch): set_out reads both first, and they were its cache misses.
  void prefetch(std::uint32_t coach) const {
    if (any_blocked_) __builtin_prefetch(&blocks_[coach]);
    if (!cancel_.empty()) __builtin_prefetch(&cancel_[coach]);
  }
  // Bernoulli draw of visit_cancellation from the coach's stream (false when the rate is 0).
  bool cancel_trip(std::uint32_t coach) {
    if (cancel_.empty()) return false;
    return cancel_[coach].bernoulli(in_.scenario.coach_supply.visit_cancellation);
  }

 private:
  enum Kind : std::uint32_t { kTrainNew, kTrainReplacement };
  int train(Date from, int days, Date& available) const;  // working days done from `from`
  void post_training(std::uint32_t coach, int days);

  const RunInputs& in_;
  const Clock& clock_;
  Books& books_;
  Tally& tally_;
  std::uint32_t target_;
  std::size_t year_ = 0;
  std::vector<CoachYear> posts_;
  // posts_[c]'s blocked, blocked_from, blocked_until and block_reason, set by begin_year.
  struct Block {
    Date from, until;
    MissReason reason = MissReason::kVacancy;
    bool blocked = false;
  };
  std::vector<Block> blocks_;
  bool any_blocked_ = false;  // some post is blocked this year (else blocks() reads nothing)
  std::vector<stochastic::RandomStream> cancel_;  // per coach, this year's cancellation stream
};

}  // namespace coachsim::programme
