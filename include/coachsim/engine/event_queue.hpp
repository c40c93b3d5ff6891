// The pending-event set: events ordered by (time, seq), with lazy cancellation.
//
// Events are kept by day, as a calendar queue: the day being run is a sorted run read front to
// back; events scheduled into that day while it runs are appended to a second sorted run, the
// tail, when they come no earlier than its last (the usual case: this morning's trip that ends
// this evening), or else go to a small heap; the next 63 days are unsorted buckets that events
// are appended to; anything later waits in a heap and moves into its bucket as the window
// slides. A day's bucket is sorted once, when the day opens.
// Why: the programme keeps one pending event per coach and supervisor (44,000 at ten times the
// national scale), and a single heap that size spends most of its pop in cache misses; here a
// pop is usually one step along a sorted array, and the next events are known exactly, so the
// Simulator can prefetch their state (README "Performance").
//
// Cost: push O(1) into a bucket or the tail (O(log n) into a heap); pop O(1) from a run,
// O(log n) from a heap; opening a day sorts its bucket, O(k log k) for k events (O(k) when they
// were appended in order). Cancel O(1) (the event is skipped when it comes up). Memory: one Event
// (32 bytes) per pending event plus one per cancelled event still stored (purged in one O(n)
// pass whenever they outnumber the live ones), the buckets' part-filled chunks (day_buckets.hpp),
// the runs' spare capacity (the busiest day so far) and the pending bitmap described below.
//
// Which ids are pending is kept in a bitmap indexed by sequence number, over a sliding window
// that starts near the oldest pending id: one bit set on push, tested and cleared on pop. So
// the hot path (push, pop, no cancellations) never allocates once the window and the buckets
// have grown to their working size, and never touches a hash set. The window is kept at most
// ~16 bits per pending event; an id that falls below it (an event that stays pending while very
// many later ones come and go, or an id pushed out of order) is kept in a small hash set
// instead, which only that event's pop or cancel touches. Ids pushed in increasing order, as the
// Simulator does, are the fast case; any other order is correct but slower.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_set>
#include <vector>

#include "coachsim/engine/day_buckets.hpp"
#include "coachsim/engine/event.hpp"
#include "coachsim/engine/event_heap.hpp"

namespace coachsim::engine {

class EventQueue {
 public:
  // Adds an event. REQUIRES: e.seq unique among pending events.
  void push(const Event& e);

  // Removes and returns the earliest live event, or nothing when none is left.
  std::optional<Event> pop();

  // Removes the earliest live event into `out` and returns true, or returns false when none is
  // left. Same as pop() without the optional; the Simulator's loop uses it.
  bool pop_into(Event& out);

  // Like pop_into, but only when the earliest live event's time is <= `until`; otherwise the
  // queue is left unchanged and false is returned.
  bool pop_until(SimTime until, Event& out);

  // The time of the earliest live event; REQUIRES: !empty().
  SimTime next_time();

  // The earliest stored event of the open day (possibly a cancelled one), or null when the day
  // is used up. For prefetching only.
  const Event* peek_top() const { return peek(0); }
  // Event `i` of the open day's sorted run counted from the earliest stored event (i = 0, the
  // same as peek_top), or null; for prefetching only: an event scheduled into the open day
  // may come before it.
  const Event* peek(std::size_t i) const;

  // Marks a pending event cancelled. Returns false if `id` is not pending (never pushed,
  // already popped, or already cancelled).
  bool cancel(EventId id);

  // True if `id` is pushed and neither popped nor cancelled.
  bool is_pending(EventId id) const;

  bool empty() { return size() == 0; }
  std::size_t size() const { return stored_ - stale_; }

  // Removes every event.
  void clear();

  // Makes room for `n` events scheduled into the open day (the heap) without reallocating; the
  // day buckets reach their working size within the first weeks of a run.
  void reserve(std::size_t n) { late_.reserve(n); }

 private:
  static constexpr std::int64_t kRingDays = 64;  // a power of two

  static std::int64_t day_of(SimTime t) {  // floor division, for negative times too
    const std::int64_t d = t / kMinutesPerDay;
    return (t % kMinutesPerDay < 0) ? d - 1 : d;
  }
  static std::size_t slot(std::int64_t day) {
    return static_cast<std::size_t>(static_cast<std::uint64_t>(day) & (kRingDays - 1));
  }
  // The earliest stored event of the open day (run, tail or heap), possibly cancelled, or null.
  const Event* front() const;
  // Removes `front()`, which must be `f`.
  void remove_front(const Event* f);
  // With the open day used up: opens the next day that holds events; false when none does.
  bool open_next_day();
  void purge_cancelled();

  // Pending-id bookkeeping.
  void mark_pending(EventId id);
  bool take_pending(EventId id);  // clears the mark; false when `id` was not pending
  void make_room(std::uint64_t word);
  void grow_window();
  void evict_base_word();

  std::int64_t day_ = 0;      // the open day; every stored event of an earlier or equal day
                              // is in run_, tail_ or late_
  std::vector<Event> run_;    // the open day's events when it opened, sorted
  std::size_t run_pos_ = 0;   // the next of them
  std::vector<Event> tail_;   // events scheduled for the open day after it opened, each one
                              // no earlier than the one before (the common case), sorted
  std::size_t tail_pos_ = 0;  // the next of them
  detail::EventHeap late_;    // the others scheduled for the open day (or before) since
  detail::DayBuckets ring_{kRingDays};  // days day_+1 .. day_+kRingDays-1, unsorted
  std::size_t in_ring_ = 0;             // events in ring_
  detail::EventHeap far_;               // days day_+kRingDays and later
  std::size_t stored_ = 0;              // events held anywhere, cancelled ones included
  std::size_t stale_ = 0;               // cancelled events still stored

  // Bitmap window: absolute word w (ids 64w..64w+63) lives at window_[w & (size - 1)] for
  // w in [base_word_, base_word_ + window_.size()). window_.size() is 0 or a power of two.
  std::vector<std::uint64_t> window_;
  std::uint64_t base_word_ = 0;
  std::size_t in_window_ = 0;  // bits set in window_
  // Pending ids below the window (rare; see above).
  std::unordered_set<EventId> below_window_;

  bool any_pushed_ = false;
  EventId max_pushed_ = 0;  // the largest id ever pushed
};

}  // namespace coachsim::engine
