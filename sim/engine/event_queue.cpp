// EventQueue: the calendar queue (sorted runs, day buckets, two heaps) and the pending-id bitmap.
#include "coachsim/engine/event_queue.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <utility>

namespace coachsim::engine {

namespace {

constexpr std::size_t kInitialWindowWords = 64;  // 4096 ids, 512 bytes
// The window may grow while more than 1 bit in kSparseness is set; below that density the
// oldest word is evicted to the hash set instead.
constexpr std::size_t kSparseness = 16;
// Cancelled events still stored are purged once there are more than this many and more of
// them than live events.
constexpr std::size_t kPurgeThreshold = 64;

constexpr auto kBefore = [](const Event& a, const Event& b) { return before(a, b); };

}  // namespace

// ---- days ------------------------------------------------------------------------------------

const Event* EventQueue::front() const {
  const Event* best = run_pos_ < run_.size() ? run_.data() + run_pos_ : nullptr;
  if (tail_pos_ < tail_.size() && (best == nullptr || before(tail_[tail_pos_], *best)))
    best = tail_.data() + tail_pos_;
  if (!late_.empty() && (best == nullptr || before(late_.top(), *best))) best = &late_.top();
  return best;
}

const Event* EventQueue::peek(std::size_t i) const {
  if (i == 0) return front();
  // The run, then the tail: the tail holds events scheduled into the day as it runs, which
  // mostly come after the run's (a trip that ends this evening, scheduled this morning).
  if (run_pos_ + i < run_.size()) return run_.data() + run_pos_ + i;
  i -= run_.size() - std::min(run_pos_, run_.size());
  return tail_pos_ + i < tail_.size() ? tail_.data() + tail_pos_ + i : nullptr;
}

void EventQueue::remove_front(const Event* f) {
  if (f == run_.data() + run_pos_) {
    ++run_pos_;
  } else if (f == tail_.data() + tail_pos_) {
    ++tail_pos_;
  } else {
    late_.pop();
  }
  --stored_;
}

bool EventQueue::open_next_day() {
  if (in_ring_ == 0 && far_.empty()) return false;
  std::int64_t next = day_ + 1;
  if (in_ring_ > 0) {
    while (ring_.empty(slot(next))) ++next;  // ends within the window: in_ring_ > 0
  } else {
    next = day_of(far_.top().time);
  }
  day_ = next;
  // Slide the window: events of days now inside it move from the far heap to their buckets.
  while (!far_.empty()) {
    const Event e = far_.top();
    const std::int64_t d = day_of(e.time);
    if (d >= day_ + kRingDays) break;
    far_.pop();
    ring_.append(slot(d), e);
    ++in_ring_;
  }
  // The bucket becomes the run (the used-up run's storage is reused).
  run_.clear();
  run_pos_ = 0;
  tail_.clear();
  tail_pos_ = 0;
  ring_.drain(slot(day_), run_);
  in_ring_ -= run_.size();
  // Appended in scheduling order, a bucket is often sorted already.
  if (!std::is_sorted(run_.begin(), run_.end(), kBefore)) {
    std::sort(run_.begin(), run_.end(), kBefore);
  }
  return true;
}

void EventQueue::purge_cancelled() {
  const auto cancelled = [this](const Event& e) { return !is_pending(e.seq); };
  std::size_t removed = late_.remove_if(cancelled) + far_.remove_if(cancelled);
  for (auto* sorted : {&run_, &tail_}) {
    const std::size_t pos = sorted == &run_ ? run_pos_ : tail_pos_;
    const auto live_end = std::remove_if(sorted->begin() + static_cast<std::ptrdiff_t>(pos),
                                         sorted->end(), cancelled);  // keeps the order
    removed += static_cast<std::size_t>(sorted->end() - live_end);
    sorted->erase(live_end, sorted->end());
  }
  const std::size_t from_ring = ring_.remove_if(cancelled);
  in_ring_ -= from_ring;
  removed += from_ring;
  stored_ -= removed;
  stale_ = 0;
}

void EventQueue::push(const Event& e) {
  mark_pending(e.seq);
  ++stored_;
  const std::int64_t d = day_of(e.time);
  if (d == day_ && (tail_pos_ == tail_.size() || !before(e, tail_.back()))) {
    if (tail_pos_ == tail_.size()) {  // used up: start again at the front, keeping capacity
      tail_.clear();
      tail_pos_ = 0;
    }
    tail_.push_back(e);
  } else if (d <= day_) {
    late_.push(e);
  } else if (d < day_ + kRingDays) {
    ring_.append(slot(d), e);
    ++in_ring_;
  } else {
    far_.push(e);
  }
}

std::optional<Event> EventQueue::pop() {
  Event e;
  if (pop_into(e)) return e;
  return std::nullopt;
}

bool EventQueue::pop_into(Event& out) { return pop_until(INT64_MAX, out); }

bool EventQueue::pop_until(SimTime until, Event& out) {
  for (;;) {
    const Event* f = front();
    if (f == nullptr) {
      if (!open_next_day()) return false;
      continue;
    }
    const bool due = f->time <= until;
    const bool live = due ? take_pending(f->seq) : is_pending(f->seq);
    if (live && !due) return false;
    if (live) out = *f;
    remove_front(f);
    if (live) return true;
    --stale_;
  }
}

SimTime EventQueue::next_time() {
  for (;;) {
    const Event* f = front();
    if (f == nullptr) {
      if (!open_next_day()) return INT64_MAX;  // unreachable when the precondition holds
      continue;
    }
    if (is_pending(f->seq)) return f->time;
    remove_front(f);
    --stale_;
  }
}

bool EventQueue::cancel(EventId id) {
  if (!take_pending(id)) return false;
  ++stale_;
  if (stale_ > kPurgeThreshold && stale_ > size()) purge_cancelled();
  return true;
}

void EventQueue::clear() {
  day_ = 0;
  run_.clear();  // all containers keep their capacity
  run_pos_ = 0;
  tail_.clear();
  tail_pos_ = 0;
  late_.clear();
  ring_.clear();
  in_ring_ = 0;
  far_.clear();
  stored_ = 0;
  stale_ = 0;
  std::fill(window_.begin(), window_.end(), 0);
  base_word_ = 0;
  in_window_ = 0;
  below_window_.clear();
  any_pushed_ = false;
  max_pushed_ = 0;
}

// ---- pending ids -----------------------------------------------------------------------------

bool EventQueue::is_pending(EventId id) const {
  const std::uint64_t word = id >> 6;
  if (word >= base_word_) {
    if (word - base_word_ >= window_.size()) return false;
    return (window_[word & (window_.size() - 1)] >> (id & 63)) & 1;
  }
  return !below_window_.empty() && below_window_.contains(id);
}

bool EventQueue::take_pending(EventId id) {
  const std::uint64_t word = id >> 6;
  if (word >= base_word_) {
    if (word - base_word_ >= window_.size()) return false;
    std::uint64_t& bits = window_[word & (window_.size() - 1)];
    const std::uint64_t mask = std::uint64_t{1} << (id & 63);
    if ((bits & mask) == 0) return false;
    bits &= ~mask;
    --in_window_;
    return true;
  }
  return !below_window_.empty() && below_window_.erase(id) == 1;
}

void EventQueue::mark_pending(EventId id) {
  if (any_pushed_ && id <= max_pushed_) {
    // An id at or below one pushed before: it may equal a cancelled event still in the heap,
    // which must go before the id becomes pending again.
    if (stale_ > 0) purge_cancelled();
  } else {
    any_pushed_ = true;
    max_pushed_ = id;
  }
  const std::uint64_t word = id >> 6;
  if (word < base_word_) {
    below_window_.insert(id);
    return;
  }
  if (word - base_word_ >= window_.size()) make_room(word);
  window_[word & (window_.size() - 1)] |= std::uint64_t{1} << (id & 63);
  ++in_window_;
}

void EventQueue::make_room(std::uint64_t word) {
  for (;;) {
    if (window_.empty()) {
      window_.assign(kInitialWindowWords, 0);
      base_word_ = word;
      return;
    }
    if (word - base_word_ < window_.size()) return;
    if (in_window_ == 0) {  // all words are zero: the window can start anywhere
      base_word_ = word;
      return;
    }
    if (window_[base_word_ & (window_.size() - 1)] == 0) {
      ++base_word_;
    } else if (in_window_ * kSparseness > window_.size() * 64) {
      grow_window();
    } else {
      evict_base_word();
    }
  }
}

void EventQueue::grow_window() {
  const std::size_t old_size = window_.size();
  std::vector<std::uint64_t> bigger(old_size * 2, 0);
  for (std::uint64_t w = base_word_; w < base_word_ + old_size; ++w) {
    bigger[w & (bigger.size() - 1)] = window_[w & (old_size - 1)];
  }
  window_ = std::move(bigger);
}

void EventQueue::evict_base_word() {
  std::uint64_t& bits = window_[base_word_ & (window_.size() - 1)];
  while (bits != 0) {
    const int bit = std::countr_zero(bits);
    below_window_.insert(base_word_ * 64 + static_cast<std::uint64_t>(bit));
    bits &= bits - 1;
    --in_window_;
  }
  ++base_word_;
}

}  // namespace coachsim::engine
