// Events of the discrete-event engine: small values ordered by (time, sequence number).
//
// Time is in minutes since the start of the simulation's first day, so a clock "in days with
// hours inside a day" needs no floating point. Ties in time break on the sequence number given
// at scheduling, which makes every run deterministic. An event carries no closure: `target`
// indexes a handler registered with the Simulator and `kind`/`payload` tell the handler what
// to do, so events stay 32 bytes and the hot path never allocates.
//
// The engine knows nothing about coaching.
#pragma once

#include <cstdint>

namespace coachsim::engine {

using SimTime = std::int64_t;  // minutes since 00:00 of the simulation's first day
inline constexpr SimTime kMinutesPerDay = 24 * 60;
inline constexpr SimTime day_start(std::int64_t day) { return day * kMinutesPerDay; }

using EventId = std::uint64_t;  // the sequence number; unique within one Simulator

struct Event {
  SimTime time = 0;
  EventId seq = 0;
  std::uint32_t target = 0;   // handler index
  std::uint32_t kind = 0;     // handler-defined
  std::uint64_t payload = 0;  // handler-defined
};

// Strict ordering: earlier time first, then earlier scheduling.
inline constexpr bool before(const Event& a, const Event& b) {
  return a.time != b.time ? a.time < b.time : a.seq < b.seq;
}

}  // namespace coachsim::engine
