// The pending-event set: a min-heap of Event values ordered by (time, seq), with lazy
// cancellation.
//
// Cost: push and pop O(log n) (a 4-ary heap, cache-line aligned); cancel O(1) (the event is skipped
// when it reaches the top). Memory: one Event (32 bytes) per pending event plus one per cancelled
// event still in the heap (these are purged in one O(n) pass whenever they outnumber the live
// ones), plus the pending bitmap described below. Keep the pending set small (one event per entity,
// not one per plan item).
//
// Which ids are pending is kept in a bitmap indexed by sequence number, over a sliding window
// that starts near the oldest pending id: one bit set on push, tested and cleared on pop. So
// the hot path (push, pop, no cancellations) never allocates once the window has grown to its
// working size, and never touches a hash set. The window is kept at most ~16 bits per pending
// event; an id that falls below it (an event that stays pending while very many later ones
// come and go, or an id pushed out of order) is kept in a small hash set instead, which only
// that event's pop or cancel touches. Ids pushed in increasing order, as the Simulator does,
// are the fast case; any other order is correct but slower.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <unordered_set>
#include <vector>

#include "coachsim/engine/event.hpp"

namespace coachsim::engine {

namespace detail {
// Allocator giving cache-line-aligned storage, so the heap's sibling groups share lines.
template <typename T>
struct CacheLineAllocator {
  using value_type = T;
  static constexpr std::size_t kAlign = 64;
  CacheLineAllocator() = default;
  template <typename U>
  CacheLineAllocator(const CacheLineAllocator<U>&) {}
  T* allocate(std::size_t n) {
    return static_cast<T*>(::operator new (n * sizeof(T), std::align_val_t{kAlign}));
  }
  void deallocate(T* p, std::size_t) { ::operator delete (p, std::align_val_t{kAlign}); }
  template <typename U>
  bool operator==(const CacheLineAllocator<U>&) const {
    return true;
  }
};
}  // namespace detail

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

  // The event at the top of the heap (possibly a cancelled one), or null when the heap is
  // empty. For prefetching only: it may not be the next event handled.
  const Event* peek_top() const { return peek(0); }
  // Node `i` of the heap (0 the top, 1..4 its children: one of them is usually the event after
  // the top), or null; for prefetching only.
  const Event* peek(std::size_t i) const { return i < count() ? heap_.data() + kPad + i : nullptr; }

  // Marks a pending event cancelled. Returns false if `id` is not pending (never pushed,
  // already popped, or already cancelled).
  bool cancel(EventId id);

  // True if `id` is pushed and neither popped nor cancelled.
  bool is_pending(EventId id) const;

  bool empty();
  std::size_t size() const { return count() - stale_; }

  // Removes every event.
  void clear();

  // Makes room for `n` pending events without reallocating.
  void reserve(std::size_t n) { heap_.reserve(n + kPad); }

 private:
  // The heap is 4-ary. Node i lives at heap_[kPad + i] and its children at 4i+1..4i+4, so
  // with kPad = 3 and 64-byte-aligned storage the four children of a node (128 bytes) occupy
  // exactly two cache lines. heap_ is empty or holds the kPad unused slots first.
  static constexpr std::size_t kPad = 3;
  std::size_t count() const { return heap_.empty() ? 0 : heap_.size() - kPad; }
  Event* nodes() { return heap_.data() + kPad; }

  void sift_up(std::size_t hole, const Event& e);
  void sift_down(std::size_t hole, const Event& e);
  void remove_top();
  void drop_cancelled_top();
  void purge_cancelled();

  // Pending-id bookkeeping.
  void mark_pending(EventId id);
  bool take_pending(EventId id);  // clears the mark; false when `id` was not pending
  void make_room(std::uint64_t word);
  void grow_window();
  void evict_base_word();

  std::vector<Event, detail::CacheLineAllocator<Event>> heap_;
  std::size_t stale_ = 0;  // cancelled events still in heap_

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
