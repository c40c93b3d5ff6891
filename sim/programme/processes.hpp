// Private to the programme module: the processes that act on the engine during a run.
//
// Each process is one EventHandler for all entities of its kind (the event's payload names the
// entity), keeps one pending event per entity at most, and reads like the norm it implements:
// a coach wakes when its contract starts, makes its round of trips to its schools, attends its
// fixed-date workshops, and whatever does not fit before the year ends is recorded as missed.
#pragma once

#include <cstdint>
#include <vector>

#include "context.hpp"
#include "cost_model.hpp"

namespace coachsim::programme {

class CoachProcess final : public engine::EventHandler {
 public:
  explicit CoachProcess(Context& ctx);
  void begin_year(std::size_t year);  // plan every coach's year and wake it at contract start
  void end_year(std::size_t year);    // count teachers reached and fully coached
  void handle(engine::Simulator& sim, const engine::Event& event) override;
  void prefetch(const engine::Event& event, int level) const override;

 private:
  enum Kind : std::uint32_t { kWake, kTripEnd, kCommitmentEnd, kBudgetRetry };
  struct Trip {
    std::uint32_t item = 0;   // caseload item (the host school's item for a cluster session)
    std::uint16_t round = 0;  // visit round, 0-based
    bool cluster = false;     // a session for all the coach's teachers at the host school
    std::uint8_t gia = 0;     // GIA sessions held on this trip
    std::uint8_t rtc = 0;     // RTC sessions held on this trip
  };
  // A coach's year is a fixed sequence of trips (per visit round: one per caseload item, then
  // the round's cluster session if any), computed from its position (current_trip) rather than
  // stored: the per-coach state stays small, so a national run's working set stays in cache.
  // Everything an event of the coach reads about it, in one cache line: a trip or wake touches
  // this line, the trip's caseload item and the item's visit count, and nothing else that is
  // per coach (README "Performance"). The copies of the coach record are set by plan_year.
  struct alignas(64) State {
    std::uint32_t next_trip = 0;
    std::uint32_t trip_count = 0;  // 0 when the coach is not in the programme this year
    std::uint32_t host = 0;        // the caseload item that hosts cluster sessions
    std::uint32_t next_commitment = 0;
    Date free_from;
    // Copies of the coach record (population.hpp).
    const CaseloadItem* caseload = nullptr;
    std::uint32_t first_item = 0;  // index of caseload[0] in visits_by_item_
    // The trip under way: days on site and the travel plan's figures that finish_trip posts.
    std::int32_t site_days = 0;
    std::uint16_t items = 0;  // caseload size
    std::uint16_t teachers = 0, region = 0, ugel = 0, type = 0;
    // Where next_trip is in the sequence: its visit round and its place in the round (an item,
    // or items for the round's cluster trip), so no division finds it (README "Performance").
    std::uint16_t round = 0, slot = 0;
    std::int16_t days_each_way = 0, rain_extra_days = 0, per_diem_days = 0;
    bool overnight = false;
  };
  static_assert(sizeof(State) == 64);
  // The sessions of one visit round of a school type.
  struct RoundSessions {
    std::uint8_t gia = 0, rtc = 0;                  // held on each school trip of the round
    std::uint8_t cluster_gia = 0, cluster_rtc = 0;  // held on the round's cluster trip
    bool cluster() const { return cluster_gia + cluster_rtc > 0; }
  };
  // The trip at position (round, slot) of the coach's sequence; kept in step with next_trip.
  Trip current_trip(const State& st) const;
  void advance_trip(State& st) const;
  void settle_trip_position(State& st) const;  // moves past rounds with no trips left
  std::uint32_t trips_in_round(const State& st, std::size_t round) const;

  void plan_year(std::uint32_t coach, std::size_t year);
  void next(std::uint32_t coach);
  bool attend(std::uint32_t coach, const Commitment& c);  // false: dropped for lack of funds
  void finish_trip(std::uint32_t coach);
  void finish_commitment(std::uint32_t coach);
  void miss_commitment(std::uint32_t coach, const Commitment& c, MissReason reason);
  // Records the next trip as missed and skips it; `forced` overrides the reason.
  void miss_trip(std::uint32_t coach, const MissReason* forced = nullptr);
  // What the trip posts when it ends, and the budget commits when it starts (cost_model.hpp).
  CostLines trip_cost(const State& st, const Trip& trip, bool overnight, int site_days,
                      int per_diem_days) const;
  // True when the budget holds the trip back: it is retried on its start day, deferred to the
  // next tranche, or dropped (the coach goes on tomorrow); the caller returns.
  bool budget_holds_trip(std::uint32_t coach, const Trip& trip, const TravelPlan& travel,
                         int site_days, Date start, Date last);
  // As above for a workshop: retried on its start day (dropped_commitment_ false) or dropped.
  bool budget_holds_commitment(std::uint32_t coach, const Commitment& c);
  bool dropped_commitment_ = false;
  void post_materials(std::uint32_t coach);
  ledger::Entry entry_for(std::uint32_t coach) const;

  Context& ctx_;
  std::uint32_t target_;
  std::size_t year_ = 0;
  std::vector<State> states_;
  std::vector<std::vector<RoundSessions>> rounds_;  // per school type, per visit round
  // Visits this year per caseload item (all teachers of an item are visited together), indexed
  // by State::first_item + item: a few hundred kilobytes at ten times the national scale, so
  // unlike a count per teacher it stays in cache.
  std::vector<std::uint8_t> visits_by_item_;
  // The rest of the dose this year: GIA sessions per caseload item (as visits_by_item_) and
  // teacher-workshop days per coach (all its teachers attend); whether the outcomes' evidence
  // covers each school type.
  std::vector<std::uint8_t> gia_by_item_;
  std::vector<std::uint16_t> workshop_days_by_coach_;
  std::vector<bool> evidence_covers_;
  std::vector<std::uint32_t> first_item_;
  // Teacher turnover (scenario teacher_turnover): per teacher post, 1 + the year index in which
  // its current teacher joined as a newcomer, 0 for the teacher the school entered with.
  std::vector<std::uint16_t> joined_;
  // The year the post's current teacher started being coached; draws this year's turnover.
  std::size_t teacher_entry(
      std::uint32_t teacher, std::size_t year, std::size_t school_entry,
      RegionYearTally& t);  // per coach: index of its caseload[0] in visits_by_item_
};

class SupervisorProcess final : public engine::EventHandler {
 public:
  explicit SupervisorProcess(Context& ctx);
  void begin_year(std::size_t year);
  void handle(engine::Simulator& sim, const engine::Event& event) override;

 private:
  enum Kind : std::uint32_t { kWake, kVisitEnd };
  struct Visit {
    Date target;
    std::uint32_t coach = 0;
    std::uint16_t number = 0;  // the coach's v-th visit of the year, 0-based
  };
  struct State {
    std::vector<Visit> visits;
    std::size_t next_visit = 0;
    Date free_from;
    TravelPlan travel;
  };
  void next(std::uint32_t supervisor);
  void finish_visit(std::uint32_t supervisor);
  CostLines visit_cost(std::uint32_t supervisor, const Visit& v, bool overnight, int site_days,
                       int per_diem_days) const;  // cost_model.hpp

  Context& ctx_;
  std::uint32_t target_;
  std::size_t year_ = 0;
  std::vector<State> states_;
  std::vector<double> coach_distance_km_;   // mean one-way distance of each coach's schools
  std::vector<double> coach_travel_hours_;  // mean one-way dry-season travel time
};

// Monthly payroll of coaches, supervisors and regional staff, and the month's overhead.
class Payroll final : public engine::EventHandler {
 public:
  explicit Payroll(Context& ctx);
  void begin_year(std::size_t year);  // schedule the twelve month closes
  void handle(engine::Simulator& sim, const engine::Event& event) override;

 private:
  void close_month(std::size_t year, unsigned month);
  Context& ctx_;
  std::uint32_t target_;
};

}  // namespace coachsim::programme
