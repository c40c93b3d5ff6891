// Simulator: clock, dispatch loop and scheduling checks.
#include "coachsim/engine/simulator.hpp"

#include <stdexcept>

namespace coachsim::engine {

namespace {
// How many events ahead of the next one each prefetch level looks: far enough for a miss to
// main memory to complete before the event is handled (about 250 ns each at ten times the
// national scale); 4 to 16 ahead for level 0 measured the same (README "Performance").
constexpr int kPrefetchLevels = 2;
constexpr std::size_t kPrefetchAhead[kPrefetchLevels] = {8, 2};
}  // namespace

std::uint32_t Simulator::add_handler(EventHandler* handler) {
  if (handler == nullptr) throw std::invalid_argument("Simulator::add_handler: null handler");
  handlers_.push_back(handler);
  return static_cast<std::uint32_t>(handlers_.size() - 1);
}

EventId Simulator::schedule_at(SimTime at, std::uint32_t target, std::uint32_t kind,
                               std::uint64_t payload) {
  if (at < now_) throw std::invalid_argument("Simulator::schedule_at: time before now()");
  if (target >= handlers_.size()) {
    throw std::invalid_argument("Simulator::schedule_at: unknown target");
  }
  const EventId id = next_seq_++;
  queue_.push(Event{at, id, target, kind, payload});
  return id;
}

std::uint64_t Simulator::run_until(SimTime until) {
  const std::uint64_t start = processed_;
  Event e;
  while (queue_.pop_until(until, e)) {
    now_ = e.time;
    ++processed_;
    // Most handlers touch per-entity state scattered in memory: start loading what the coming
    // events will need while this one runs (the profile's hot spots are cache misses, README
    // "Performance"). The queue's view of the next events is exact along the day's sorted run,
    // so each event is hinted at two distances, following one more pointer the second time.
    for (int level = 0; level < kPrefetchLevels; ++level) {
      if (const Event* later = queue_.peek(kPrefetchAhead[level]))
        handlers_[later->target]->prefetch(*later, level);
    }
    handlers_[e.target]->handle(*this, e);
  }
  return processed_ - start;
}

}  // namespace coachsim::engine
