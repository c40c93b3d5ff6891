// The simulation kernel: a clock, the pending-event set and handler dispatch.
//
// Entities register an EventHandler once and receive the events scheduled for them. A handler
// may schedule and cancel events (for itself or others) while it runs. The simulator never
// reads a wall clock and never draws random numbers, so two runs that schedule the same events
// process them in the same order.
#pragma once

#include <cstdint>
#include <vector>

#include "coachsim/engine/event.hpp"
#include "coachsim/engine/event_queue.hpp"

namespace coachsim::engine {

class Simulator;

class EventHandler {
 public:
  virtual ~EventHandler() = default;
  virtual void handle(Simulator& sim, const Event& event) = 0;
  // A hint that `event` is handled soon: a handler may prefetch the state it will touch, so
  // that its cache misses overlap other events' work. Must not change any state. Each event is
  // hinted twice as it comes closer: at `level` 0 only addresses known without a load should be
  // fetched; at level 1 the handler may follow one pointer from that state (hinted a few events
  // earlier, so now in cache).
  virtual void prefetch(const Event& /*event*/, int /*level*/) const {}
};

class Simulator {
 public:
  // Registers a handler and returns its target index. The handler must outlive the run.
  // Throws std::invalid_argument for a null handler.
  std::uint32_t add_handler(EventHandler* handler);

  // Schedules an event at absolute time `at` and returns its id. Ids are given in increasing
  // order, so events at equal times run in the order they were scheduled.
  // REQUIRES: at >= now() and `target` returned by add_handler (std::invalid_argument if not).
  EventId schedule_at(SimTime at, std::uint32_t target, std::uint32_t kind,
                      std::uint64_t payload = 0);
  EventId schedule_in(SimTime delay, std::uint32_t target, std::uint32_t kind,
                      std::uint64_t payload = 0) {
    return schedule_at(now_ + delay, target, kind, payload);
  }

  // Cancels a pending event; false when it already ran or was cancelled.
  bool cancel(EventId id) { return queue_.cancel(id); }
  // True while the event is scheduled and has neither run nor been cancelled.
  bool is_pending(EventId id) const { return queue_.is_pending(id); }

  // Processes events in order while their time is <= `until`; the clock then stays at the
  // last processed event's time. Returns the number of events processed by this call.
  // An exception thrown by a handler propagates; the event that threw counts as processed.
  std::uint64_t run_until(SimTime until);
  std::uint64_t run() { return run_until(INT64_MAX); }

  SimTime now() const { return now_; }
  std::uint64_t events_processed() const { return processed_; }
  std::size_t pending() const { return queue_.size(); }

  // Makes room for `n` pending events, so scheduling up to that many never allocates.
  void reserve(std::size_t n) { queue_.reserve(n); }

 private:
  EventQueue queue_;
  std::vector<EventHandler*> handlers_;
  SimTime now_ = 0;
  EventId next_seq_ = 0;
  std::uint64_t processed_ = 0;
};

}  // namespace coachsim::engine
