// A 4-ary min-heap of Events ordered by (time, seq): the part of the EventQueue that holds
// events in no particular order of arrival (those scheduled for the day already being run, and
// those too far ahead for the day buckets).
//
// Node i lives at slot kPad + i of 64-byte-aligned storage and its children at 4i+1..4i+4, so
// with kPad = 3 the four children of a node (128 bytes) occupy exactly two cache lines, and
// sifting down touches two lines per level. Push and pop are O(log n); nothing is allocated once
// the storage has grown to its working size.
#pragma once

#include <algorithm>
#include <cstddef>
#include <new>
#include <vector>

#include "coachsim/engine/event.hpp"

namespace coachsim::engine::detail {

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

class EventHeap {
 public:
  bool empty() const { return size() == 0; }
  std::size_t size() const { return slots_.empty() ? 0 : slots_.size() - kPad; }
  // REQUIRES: !empty().
  const Event& top() const { return slots_[kPad]; }
  // Node `i` (0 the top, 1..4 its children), or null; for prefetching.
  const Event* node(std::size_t i) const { return i < size() ? slots_.data() + kPad + i : nullptr; }

  void push(const Event& e);
  // Removes the top. REQUIRES: !empty().
  void pop();

  // Removes every event for which `drop(event)` is true, then restores the heap order in O(n).
  // Returns the number removed.
  template <typename Drop>
  std::size_t remove_if(Drop drop) {
    if (slots_.empty()) return 0;
    const auto end = std::remove_if(slots_.begin() + kPad, slots_.end(), drop);
    const auto removed = static_cast<std::size_t>(slots_.end() - end);
    slots_.erase(end, slots_.end());
    rebuild();
    return removed;
  }

  void clear() { slots_.clear(); }  // keeps the capacity
  void reserve(std::size_t n) { slots_.reserve(n + kPad); }

 private:
  static constexpr std::size_t kPad = 3;
  Event* nodes() { return slots_.data() + kPad; }
  void sift_up(std::size_t hole, const Event& e);
  void sift_down(std::size_t hole, const Event& e);
  void rebuild();

  std::vector<Event, CacheLineAllocator<Event>> slots_;  // empty, or kPad unused slots first
};

}  // namespace coachsim::engine::detail
