// The EventQueue's day buckets: for each of a fixed number of slots, an unsorted list of events
// kept in fixed-size chunks drawn from one shared pool.
//
// Why chunks: a bucket holds a different day each time the window slides, and days differ
// greatly (the first day of a school year wakes every coach at once). With a vector per bucket,
// each would keep the capacity of the busiest day it ever held; with a shared pool, memory
// follows the events pending now (plus at most one part-filled chunk per bucket), and once the
// pool has grown to the run's working size, appending and draining never allocate.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "coachsim/engine/event.hpp"

namespace coachsim::engine::detail {

class DayBuckets {
 public:
  explicit DayBuckets(std::size_t buckets) : lists_(buckets) {}

  void append(std::size_t bucket, const Event& e);
  std::size_t size(std::size_t bucket) const { return lists_[bucket].size; }
  bool empty(std::size_t bucket) const { return lists_[bucket].size == 0; }

  // Appends the bucket's events to `out` in the order they were appended, and empties it.
  void drain(std::size_t bucket, std::vector<Event>& out);

  // Removes the events for which `drop(event)` is true from every bucket, keeping the order of
  // the others; returns the number removed. Not on the hot path (it may allocate).
  template <typename Drop>
  std::size_t remove_if(Drop drop) {
    std::size_t removed = 0;
    std::vector<Event> kept;
    for (std::size_t b = 0; b < lists_.size(); ++b) {
      if (empty(b)) continue;
      kept.clear();
      drain(b, kept);
      for (const Event& e : kept) {
        if (drop(e)) {
          ++removed;
        } else {
          append(b, e);
        }
      }
    }
    return removed;
  }

  void clear();  // keeps the pool

 private:
  static constexpr std::size_t kChunkEvents = 128;  // 4 KiB
  static constexpr std::uint32_t kNone = UINT32_MAX;
  struct Chunk {
    std::array<Event, kChunkEvents> events;
    std::uint32_t size = 0;
    std::uint32_t next = kNone;
  };
  struct List {
    std::uint32_t head = kNone, tail = kNone;
    std::size_t size = 0;
  };
  std::uint32_t take_chunk();
  void grow_pool();

  std::vector<std::unique_ptr<Chunk>> chunks_;  // the pool; chunk i is chunks_[i]
  std::vector<std::uint32_t> free_;             // chunks not in any list
  std::vector<List> lists_;
};

}  // namespace coachsim::engine::detail
