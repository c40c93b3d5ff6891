// The pending-event set: a binary min-heap of Event values with lazy cancellation.
//
// Cost: push and pop O(log n); cancel O(1) amortised (the event is skipped when it reaches the
// top). Memory: one Event (32 bytes) per pending event plus one entry per cancelled event
// still in the heap. Keep the pending set small (one event per entity, not one per plan item).
#pragma once

#include <cstddef>
#include <optional>
#include <unordered_set>
#include <vector>

#include "coachsim/engine/event.hpp"

namespace coachsim::engine {

class EventQueue {
 public:
  // Adds an event. REQUIRES: e.seq unique among pending events.
  void push(const Event& e);

  // Removes and returns the earliest live event, or nothing when none is left.
  std::optional<Event> pop();

  // The time of the earliest live event; REQUIRES: !empty().
  SimTime next_time();

  // Marks a pending event cancelled. Returns false if `id` is not pending.
  bool cancel(EventId id);

  bool empty();
  std::size_t size() const { return heap_.size() - cancelled_.size(); }

 private:
  void drop_cancelled_top();

  std::vector<Event> heap_;
  std::unordered_set<EventId> pending_ids_;  // only maintained while cancellations exist
  std::unordered_set<EventId> cancelled_;
};

}  // namespace coachsim::engine
