// Simulator: clock, dispatch loop and scheduling checks.
#include "coachsim/engine/simulator.hpp"

#include <stdexcept>

namespace coachsim::engine {

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
    // Most handlers touch per-entity state scattered in memory: start loading what the next
    // events will need while this one runs, in two stages (the profile's hot spots are cache
    // misses, README "Performance"): the top's pointed-to data, and the first level of the
    // top's children (one of which is usually handled after the top).
    if (const Event* next = queue_.peek(0)) handlers_[next->target]->prefetch(*next, true);
    for (std::size_t i = 1; i <= 4; ++i)
      if (const Event* later = queue_.peek(i)) handlers_[later->target]->prefetch(*later, false);
    handlers_[e.target]->handle(*this, e);
  }
  return processed_ - start;
}

}  // namespace coachsim::engine
