// Private to the programme module: the processes that act on the engine during a run.
//
// Each process is one EventHandler for all entities of its kind (the event's payload names the
// entity), keeps one pending event per entity at most, and reads like the norm it implements.
#pragma once

#include <cstdint>
#include <vector>

#include "context.hpp"
#include "cost_model.hpp"

namespace coachsim::programme {

class CoachSupplyPlan;  // coach_supply.hpp

// The coach (acompañante pedagógico), following its school type's protocol (protocol.hpp) as
// named steps. Its year, in the norm's order:
//
//   start_contract   the contract starts (after any initial training): the year's materials;
//   carry_on         then, until the contract ends, one step after another:
//     attend_workshop    a fixed-date workshop whose turn has come (the coach's own or the
//                        teachers'), which comes before any trip that would run into it;
//     school_visit       a trip to the next school of the current visit round: its teachers'
//                        classroom visits, with the round's GIA and RTC held there on days apart;
//     cluster_sessions   after the round's last school, a trip for the round's GIA and RTC for
//                        the whole caseload at the host school (when the scenario holds them
//                        there);
//     miss_trip          a trip that cannot end before the year does is recorded as missed and
//                        the coach goes on (a nearer school may still fit);
//   end_trip, end_workshop   post the costs, count what was done, and carry on;
//   end_year         the contract ends: which teachers were reached and their dose.
//
// A trip leaves only once the post is filled, the trip is not cancelled and the budget holds
// it (set_out); otherwise the coach waits for its event. Each coach has one pending event.
class CoachProcess final : public engine::EventHandler {
 public:
  CoachProcess(const RunInputs& in, const Clock& clock, Books& books, Tally& tally,
               CoachSupplyPlan& supply);
  void begin_year(std::size_t year);  // plan every coach's year and wake it at contract start
  void end_year(std::size_t year);    // count teachers reached and fully coached
  void handle(engine::Simulator& sim, const engine::Event& event) override;
  void prefetch(const engine::Event& event, int level) const override;
  // Each coach runs its whole year at its contract start: a trip or workshop ends as soon as it
  // is scheduled, at its own date, instead of waiting for an event. Only for runs whose money is
  // unlimited (no budget gate between coaches) and whose ledger does not keep its entries in
  // event order (run.hpp); the overhead base is then by entry date (Books::dated_direct). A coach
  // reads nothing another coach writes, so its steps are the same in any order; about a fifth less
  // CPU a sweep replication (README "Performance").
  void run_ahead(bool on) { ahead_ = on; }
  // Trips and workshops ended while running ahead: events the queue did not have to run.
  std::uint64_t ended_ahead() const { return ended_ahead_; }

 private:
  // The events a coach waits for.
  enum Kind : std::uint32_t { kContractStart, kTripEnd, kWorkshopEnd, kBudgetRetry };
  // Where the coach is in its protocol: in visit round `round`, the visit of school `school`
  // (its caseload item) or the round's cluster sessions; kVisitsDone after the last round.
  enum class Stage : std::uint8_t { kSchoolVisit, kClusterSessions, kVisitsDone };
  // What a step leaves the coach doing: waiting for an event, or going on with the next step.
  enum class Then : std::uint8_t { kWait, kGoOn };
  // A trip of the protocol: a school visit, or the round's cluster sessions at the host school.
  struct Trip {
    std::uint32_t item = 0;   // caseload item (the host school's item for cluster sessions)
    std::uint16_t round = 0;  // visit round, 0-based
    bool cluster = false;     // sessions for all the coach's teachers at the host school
    std::uint8_t gia = 0;     // GIA sessions held on this trip
    std::uint8_t rtc = 0;     // RTC sessions held on this trip
  };
  // A trip fitted into the calendar from the coach's first free day.
  struct FittedTrip {
    Trip trip;
    int site_days = 0;  // days on site: the visits, then the sessions
    TravelPlan travel;
    Date start, last, after;  // departure, last day away, first day free again
    bool fits = false;        // ends before the school year (and the contract) does
  };
  // Everything an event of the coach reads about it, in one cache line: a trip or wake touches
  // this line, the trip's caseload item and the item's visit count, and nothing else that is
  // per coach (README "Performance"). The copies of the coach record are set by plan_year.
  struct alignas(64) State {
    Stage stage = Stage::kVisitsDone;  // kVisitsDone: not in the programme this year
    std::uint16_t round = 0;           // the visit round under way
    std::uint16_t school = 0;          // the caseload item visited next (kSchoolVisit)
    std::uint32_t host = 0;            // the caseload item that hosts cluster sessions
    std::uint32_t next_workshop = 0;   // index into the year's workshops of the coach's type
    Date free_from;
    // Copies of the coach record (population.hpp).
    const CaseloadItem* caseload = nullptr;
    std::uint32_t first_item = 0;  // index of caseload[0] in visits_by_item_
    // The trip under way: days on site and the travel plan's figures that end_trip posts.
    std::int32_t site_days = 0;
    std::uint16_t items = 0;  // caseload size
    std::uint16_t teachers = 0, region = 0, ugel = 0, type = 0;
    std::int16_t days_each_way = 0, rain_extra_days = 0, per_diem_days = 0;
    bool overnight = false;
  };
  static_assert(sizeof(State) == 64);

  // The protocol's steps (coach_process.cpp), in the order above.
  void start_contract(std::uint32_t coach);
  void carry_on(std::uint32_t coach);
  Then step(std::uint32_t coach);
  const Workshop* next_workshop(std::uint32_t coach);  // records those it cannot attend
  Then attend_workshop(std::uint32_t coach, const Workshop& w);
  FittedTrip fit_next_trip(std::uint32_t coach) const;
  Then set_out(std::uint32_t coach, const FittedTrip& t);
  void end_trip(std::uint32_t coach);
  void end_workshop(std::uint32_t coach);
  // What end_trip and end_workshop do before the coach carries on.
  void finish_trip(std::uint32_t coach);
  void finish_workshop(std::uint32_t coach);
  // The coach's today: the engine's, or when running ahead the day of the step it is taking.
  Date today() const { return ahead_ ? ahead_today_ : clock_.today(); }

  // Moving along the protocol: the trip at the coach's stage (a school visit or the round's
  // cluster sessions), the stage after it, and the first stage with a trip from `st.round` on.
  // The three that build a Trip are always inlined: returned from a call, the 12-byte Trip
  // travels in registers built from byte stores that the caller reloads as one word, a
  // store-forwarding stall that was 6% of a sweep (README "Performance").
  [[gnu::always_inline]] Trip school_visit(const State& st) const;
  [[gnu::always_inline]] Trip cluster_sessions(const State& st) const;
  [[gnu::always_inline]] Trip current_trip(const State& st) const;
  void advance(State& st) const;
  void enter_round(State& st) const;

  void plan_year(std::uint32_t coach, std::size_t year);  // coach_year.cpp
  void miss_workshop(std::uint32_t coach, const Workshop& w, MissReason reason);
  // Records the current trip as missed and moves past it; `forced` overrides the reason.
  void miss_trip(std::uint32_t coach, const MissReason* forced = nullptr);
  // What the trip posts when it ends, and the budget commits when it starts (cost_model.hpp).
  CostLines trip_cost(const State& st, const Trip& trip, bool overnight, int site_days,
                      int per_diem_days) const;
  // True when the budget holds the trip back (budget_gate.hpp): it is retried on its start
  // day, deferred to the next tranche, or dropped (the coach goes on with the next trip
  // tomorrow); the coach then waits for its retry.
  bool budget_holds_trip(std::uint32_t coach, const FittedTrip& t);
  void post_materials(std::uint32_t coach);
  ledger::Entry entry_for(std::uint32_t coach) const;

  const RunInputs& in_;
  const Clock& clock_;
  Books& books_;
  Tally& tally_;
  CoachSupplyPlan& supply_;
  std::uint32_t target_;
  std::size_t year_ = 0;
  std::vector<State> states_;
  // Running ahead: what the current step left pending (a trip or workshop that ends on
  // pending_date_), and the day of the step being taken.
  enum class Pending : std::uint8_t { kNone, kTrip, kWorkshop };
  bool ahead_ = false;
  Pending pending_ = Pending::kNone;
  Date pending_date_, ahead_today_;
  std::uint64_t ended_ahead_ = 0;
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
  std::vector<std::uint32_t> first_item_;  // per coach: index of its caseload[0] in visits_by_item_
  // Teacher turnover (scenario teacher_turnover): per teacher post, 1 + the year index in which
  // its current teacher joined as a newcomer, 0 for the teacher the school entered with.
  std::vector<std::uint16_t> joined_;
  // The year the post's current teacher started being coached; draws this year's turnover.
  std::size_t teacher_entry(std::uint32_t teacher, std::size_t year, std::size_t school_entry,
                            RegionYearTally& t);
};

class SupervisorProcess final : public engine::EventHandler {
 public:
  SupervisorProcess(const RunInputs& in, const Clock& clock, Books& books, Tally& tally);
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

  const RunInputs& in_;
  const Clock& clock_;
  Books& books_;
  Tally& tally_;
  std::uint32_t target_;
  std::size_t year_ = 0;
  std::vector<State> states_;
  std::vector<double> coach_distance_km_;   // mean one-way distance of each coach's schools
  std::vector<double> coach_travel_hours_;  // mean one-way dry-season travel time
};

// Monthly payroll of coaches, supervisors and regional staff, and the month's overhead.
class Payroll final : public engine::EventHandler {
 public:
  Payroll(const RunInputs& in, const Clock& clock, Books& books, CoachSupplyPlan& supply);
  void begin_year(std::size_t year);  // schedule the twelve month closes
  void handle(engine::Simulator& sim, const engine::Event& event) override;

 private:
  void close_month(std::size_t year, unsigned month);
  const RunInputs& in_;
  const Clock& clock_;
  Books& books_;
  CoachSupplyPlan& supply_;
  std::uint32_t target_;
};

}  // namespace coachsim::programme
