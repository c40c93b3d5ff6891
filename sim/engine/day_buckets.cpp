// DayBuckets: chunk lists over a shared pool.
#include "coachsim/engine/day_buckets.hpp"

#include <algorithm>

namespace coachsim::engine::detail {

void DayBuckets::grow_pool() {
  // Grow by a quarter at a time (at least 8 chunks), so a pool that has reached its working
  // size has headroom for day-to-day variation and stops allocating.
  const std::size_t add = std::max<std::size_t>(8, chunks_.size() / 4);
  chunks_.reserve(chunks_.size() + add);
  free_.reserve(chunks_.size() + add);  // returning every chunk never allocates
  for (std::size_t i = 0; i < add; ++i) {
    free_.push_back(static_cast<std::uint32_t>(chunks_.size()));
    chunks_.push_back(std::make_unique<Chunk>());
  }
}

std::uint32_t DayBuckets::take_chunk() {
  if (free_.empty()) grow_pool();
  const std::uint32_t c = free_.back();
  free_.pop_back();
  chunks_[c]->size = 0;
  chunks_[c]->next = kNone;
  return c;
}

void DayBuckets::append(std::size_t bucket, const Event& e) {
  List& l = lists_[bucket];
  if (l.tail == kNone || chunks_[l.tail]->size == kChunkEvents) {
    const std::uint32_t c = take_chunk();
    if (l.tail == kNone) {
      l.head = c;
    } else {
      chunks_[l.tail]->next = c;
    }
    l.tail = c;
  }
  Chunk& t = *chunks_[l.tail];
  t.events[t.size++] = e;
  ++l.size;
}

void DayBuckets::drain(std::size_t bucket, std::vector<Event>& out) {
  List& l = lists_[bucket];
  for (std::uint32_t c = l.head; c != kNone;) {
    const Chunk& chunk = *chunks_[c];
    out.insert(out.end(), chunk.events.begin(), chunk.events.begin() + chunk.size);
    free_.push_back(c);
    c = chunk.next;
  }
  l = List{};
}

void DayBuckets::clear() {
  for (std::size_t b = 0; b < lists_.size(); ++b) {
    for (std::uint32_t c = lists_[b].head; c != kNone; c = chunks_[c]->next) free_.push_back(c);
    lists_[b] = List{};
  }
}

}  // namespace coachsim::engine::detail
