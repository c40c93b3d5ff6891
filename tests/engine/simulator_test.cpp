// Simulator: ordering, tie-breaks, cancellation, re-entrant scheduling, run_until, determinism.
#include "coachsim/engine/simulator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace coachsim::engine {
namespace simulator_test {

struct Record {
  SimTime time;
  EventId seq;
  std::uint32_t target;
  std::uint32_t kind;
  std::uint64_t payload;
  bool operator==(const Record&) const = default;
};

// Appends every event it receives to a shared trace.
class Recorder : public EventHandler {
 public:
  explicit Recorder(std::vector<Record>* trace) : trace_(trace) {}
  void handle(Simulator& sim, const Event& e) override {
    EXPECT_EQ(sim.now(), e.time);
    trace_->push_back({e.time, e.seq, e.target, e.kind, e.payload});
  }

 private:
  std::vector<Record>* trace_;
};

std::vector<std::uint64_t> payloads(const std::vector<Record>& trace) {
  std::vector<std::uint64_t> out;
  for (const Record& r : trace) out.push_back(r.payload);
  return out;
}

TEST(Simulator, ProcessesEventsInTimeOrder) {
  std::vector<Record> trace;
  Recorder rec(&trace);
  Simulator sim;
  const auto t = sim.add_handler(&rec);
  sim.schedule_at(30, t, 0, 3);
  sim.schedule_at(10, t, 0, 1);
  sim.schedule_at(20, t, 0, 2);
  sim.schedule_at(5, t, 0, 0);
  EXPECT_EQ(sim.pending(), 4u);
  EXPECT_EQ(sim.run(), 4u);
  EXPECT_EQ(payloads(trace), (std::vector<std::uint64_t>{0, 1, 2, 3}));
  EXPECT_EQ(sim.now(), 30);
  EXPECT_EQ(sim.pending(), 0u);
  EXPECT_EQ(sim.events_processed(), 4u);
}

TEST(Simulator, EqualTimesRunInSchedulingOrder) {
  std::vector<Record> trace;
  Recorder rec(&trace);
  Simulator sim;
  const auto t = sim.add_handler(&rec);
  // Interleave two times so that heap order alone would not give FIFO.
  for (std::uint64_t i = 0; i < 50; ++i) sim.schedule_at(i % 2 == 0 ? 100 : 50, t, 0, i);
  sim.run();
  ASSERT_EQ(trace.size(), 50u);
  for (std::size_t i = 0; i < 25; ++i) {
    EXPECT_EQ(trace[i].time, 50);
    EXPECT_EQ(trace[i].payload, 2 * i + 1);
    EXPECT_EQ(trace[25 + i].time, 100);
    EXPECT_EQ(trace[25 + i].payload, 2 * i);
  }
}

TEST(Simulator, EventCarriesTargetKindPayload) {
  std::vector<Record> trace;
  Recorder a(&trace);
  Recorder b(&trace);
  Simulator sim;
  const auto ta = sim.add_handler(&a);
  const auto tb = sim.add_handler(&b);
  EXPECT_EQ(ta, 0u);
  EXPECT_EQ(tb, 1u);
  const EventId id = sim.schedule_at(7, tb, 42, 0xdeadbeefcafeULL);
  sim.run();
  ASSERT_EQ(trace.size(), 1u);
  EXPECT_EQ(trace[0], (Record{7, id, tb, 42, 0xdeadbeefcafeULL}));
}

TEST(Simulator, CancelPendingEvent) {
  std::vector<Record> trace;
  Recorder rec(&trace);
  Simulator sim;
  const auto t = sim.add_handler(&rec);
  sim.schedule_at(10, t, 0, 1);
  const EventId doomed = sim.schedule_at(20, t, 0, 2);
  sim.schedule_at(30, t, 0, 3);
  EXPECT_TRUE(sim.is_pending(doomed));
  EXPECT_TRUE(sim.cancel(doomed));
  EXPECT_FALSE(sim.is_pending(doomed));
  EXPECT_EQ(sim.pending(), 2u);
  EXPECT_EQ(sim.run(), 2u);
  EXPECT_EQ(payloads(trace), (std::vector<std::uint64_t>{1, 3}));
}

TEST(Simulator, CancelTopEvent) {
  std::vector<Record> trace;
  Recorder rec(&trace);
  Simulator sim;
  const auto t = sim.add_handler(&rec);
  const EventId first = sim.schedule_at(10, t, 0, 1);
  sim.schedule_at(20, t, 0, 2);
  EXPECT_TRUE(sim.cancel(first));
  EXPECT_EQ(sim.run_until(15), 0u);
  EXPECT_EQ(sim.now(), 0);
  EXPECT_EQ(sim.run(), 1u);
  EXPECT_EQ(payloads(trace), (std::vector<std::uint64_t>{2}));
}

TEST(Simulator, CancelTwiceReturnsFalse) {
  std::vector<Record> trace;
  Recorder rec(&trace);
  Simulator sim;
  const auto t = sim.add_handler(&rec);
  const EventId id = sim.schedule_at(10, t, 0);
  EXPECT_TRUE(sim.cancel(id));
  EXPECT_FALSE(sim.cancel(id));
  EXPECT_EQ(sim.pending(), 0u);
  EXPECT_EQ(sim.run(), 0u);
  EXPECT_TRUE(trace.empty());
}

TEST(Simulator, CancelAlreadyRunOrUnknownReturnsFalse) {
  std::vector<Record> trace;
  Recorder rec(&trace);
  Simulator sim;
  const auto t = sim.add_handler(&rec);
  EXPECT_FALSE(sim.cancel(0));  // nothing scheduled yet
  const EventId id = sim.schedule_at(10, t, 0);
  sim.run();
  EXPECT_FALSE(sim.cancel(id));
  EXPECT_FALSE(sim.cancel(id + 1));
  EXPECT_FALSE(sim.cancel(123456789));
  EXPECT_FALSE(sim.cancel(UINT64_MAX));
  EXPECT_EQ(trace.size(), 1u);
}

TEST(Simulator, CancelThenScheduleMore) {
  std::vector<Record> trace;
  Recorder rec(&trace);
  Simulator sim;
  const auto t = sim.add_handler(&rec);
  const EventId a = sim.schedule_at(10, t, 0, 1);
  EXPECT_TRUE(sim.cancel(a));
  const EventId b = sim.schedule_at(10, t, 0, 2);
  const EventId c = sim.schedule_at(5, t, 0, 3);
  EXPECT_NE(a, b);
  EXPECT_NE(b, c);
  EXPECT_FALSE(sim.cancel(a));
  EXPECT_EQ(sim.pending(), 2u);
  EXPECT_EQ(sim.run(), 2u);
  EXPECT_EQ(payloads(trace), (std::vector<std::uint64_t>{3, 2}));
}

TEST(Simulator, ManyCancellationsKeepOrder) {
  // Enough cancellations to trigger the purge of cancelled events inside the queue.
  std::vector<Record> trace;
  Recorder rec(&trace);
  Simulator sim;
  const auto t = sim.add_handler(&rec);
  std::vector<EventId> ids;
  for (std::uint64_t i = 0; i < 1000; ++i) {
    ids.push_back(sim.schedule_at(static_cast<SimTime>((i * 7919) % 1000), t, 0, i));
  }
  std::vector<std::uint64_t> expected;
  for (std::uint64_t i = 0; i < 1000; ++i) {
    if (i % 10 != 3) {
      EXPECT_TRUE(sim.cancel(ids[i]));
    }
  }
  for (std::uint64_t i = 0; i < 1000; ++i) {
    if (i % 10 == 3) expected.push_back(i);
  }
  std::sort(expected.begin(), expected.end(),
            [](std::uint64_t x, std::uint64_t y) { return (x * 7919) % 1000 < (y * 7919) % 1000; });
  EXPECT_EQ(sim.pending(), 100u);
  EXPECT_EQ(sim.run(), 100u);
  EXPECT_EQ(payloads(trace), expected);
}

// A process that re-schedules itself `remaining` times, `step` apart, and on its first event
// also schedules an event at the current time, which must run after it.
class Chain : public EventHandler {
 public:
  Chain(std::vector<Record>* trace, int remaining, SimTime step)
      : trace_(trace), remaining_(remaining), step_(step) {}
  std::uint32_t target = 0;
  void handle(Simulator& sim, const Event& e) override {
    trace_->push_back({e.time, e.seq, e.target, e.kind, e.payload});
    if (e.kind == 1) return;  // the same-time follow-up
    if (e.payload == 0) sim.schedule_in(0, target, 1, 999);
    if (--remaining_ > 0) sim.schedule_in(step_, target, 0, e.payload + 1);
  }

 private:
  std::vector<Record>* trace_;
  int remaining_;
  SimTime step_;
};

TEST(Simulator, HandlersScheduleFromInsideHandle) {
  std::vector<Record> trace;
  Simulator sim;
  Chain chain(&trace, 5, 10);
  chain.target = sim.add_handler(&chain);
  sim.schedule_at(100, chain.target, 0, 0);
  EXPECT_EQ(sim.run(), 6u);
  ASSERT_EQ(trace.size(), 6u);
  EXPECT_EQ(trace[0].payload, 0u);
  EXPECT_EQ(trace[1].payload, 999u);  // same time, scheduled later -> runs next
  EXPECT_EQ(trace[1].time, 100);
  for (std::size_t i = 2; i < 6; ++i) {
    EXPECT_EQ(trace[i].payload, i - 1);
    EXPECT_EQ(trace[i].time, 100 + 10 * static_cast<SimTime>(i - 1));
  }
  EXPECT_EQ(sim.now(), 140);
}

// Cancels another event from inside handle(), and tries to cancel itself (already running).
class Canceller : public EventHandler {
 public:
  EventId victim = 0;
  bool cancelled_victim = false;
  bool cancelled_self = true;
  int calls = 0;
  void handle(Simulator& sim, const Event& e) override {
    ++calls;
    cancelled_victim = sim.cancel(victim);
    cancelled_self = sim.cancel(e.seq);
  }
};

TEST(Simulator, HandlerCancelsOtherEvent) {
  std::vector<Record> trace;
  Recorder rec(&trace);
  Canceller canceller;
  Simulator sim;
  const auto tr = sim.add_handler(&rec);
  const auto tc = sim.add_handler(&canceller);
  sim.schedule_at(10, tc, 0);
  canceller.victim = sim.schedule_at(10, tr, 0, 1);  // same time, later: cancelled before it runs
  sim.schedule_at(20, tr, 0, 2);
  EXPECT_EQ(sim.run(), 2u);
  EXPECT_EQ(canceller.calls, 1);
  EXPECT_TRUE(canceller.cancelled_victim);
  EXPECT_FALSE(canceller.cancelled_self);
  EXPECT_EQ(payloads(trace), (std::vector<std::uint64_t>{2}));
}

TEST(Simulator, RunUntilStopsAtBoundary) {
  std::vector<Record> trace;
  Recorder rec(&trace);
  Simulator sim;
  const auto t = sim.add_handler(&rec);
  sim.schedule_at(10, t, 0, 1);
  sim.schedule_at(20, t, 0, 2);
  sim.schedule_at(20, t, 0, 3);
  sim.schedule_at(30, t, 0, 4);
  EXPECT_EQ(sim.run_until(5), 0u);
  EXPECT_EQ(sim.now(), 0);
  EXPECT_EQ(sim.run_until(20), 3u);  // the boundary is inclusive
  EXPECT_EQ(sim.now(), 20);
  EXPECT_EQ(sim.pending(), 1u);
  EXPECT_EQ(sim.run_until(29), 0u);
  EXPECT_EQ(sim.now(), 20);  // the clock stays at the last processed event
  // Relative scheduling is from now(), which is still 20.
  sim.schedule_in(5, t, 0, 5);
  EXPECT_EQ(sim.run_until(30), 2u);
  EXPECT_EQ(payloads(trace), (std::vector<std::uint64_t>{1, 2, 3, 5, 4}));
  EXPECT_EQ(sim.run(), 0u);
  EXPECT_EQ(sim.events_processed(), 5u);
}

TEST(Simulator, RunOnEmptyDoesNothing) {
  Simulator sim;
  EXPECT_EQ(sim.run(), 0u);
  EXPECT_EQ(sim.now(), 0);
}

TEST(Simulator, RejectsPastTimesAndUnknownTargets) {
  std::vector<Record> trace;
  Recorder rec(&trace);
  Simulator sim;
  EXPECT_THROW(sim.schedule_at(0, 0, 0), std::invalid_argument);  // no handler yet
  EXPECT_THROW(sim.add_handler(nullptr), std::invalid_argument);
  const auto t = sim.add_handler(&rec);
  sim.schedule_at(50, t, 0);
  sim.run();
  EXPECT_THROW(sim.schedule_at(49, t, 0), std::invalid_argument);
  EXPECT_THROW(sim.schedule_in(-1, t, 0), std::invalid_argument);
  EXPECT_NO_THROW(sim.schedule_at(50, t, 0));
  EXPECT_EQ(sim.pending(), 1u);
}

TEST(Simulator, DayStartHelper) {
  EXPECT_EQ(day_start(0), 0);
  EXPECT_EQ(day_start(3), 3 * 1440);
}

// A process with its own tiny generator, re-scheduling itself with random delays, sometimes
// scheduling and later cancelling a timeout, so the trace exercises every path.
class Wanderer : public EventHandler {
 public:
  Wanderer(std::vector<Record>* trace, std::uint64_t state) : trace_(trace), state_(state) {}
  std::uint32_t target = 0;
  void handle(Simulator& sim, const Event& e) override {
    trace_->push_back({e.time, e.seq, e.target, e.kind, e.payload});
    if (e.kind == 1) return;
    if (timeout_ != 0 && next() % 2 == 0) sim.cancel(timeout_);
    if (next() % 3 == 0) timeout_ = sim.schedule_in(static_cast<SimTime>(next() % 500), target, 1);
    if (e.payload < 200) {
      sim.schedule_in(static_cast<SimTime>(next() % 100), target, 0, e.payload + 1);
    }
  }

 private:
  std::uint64_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return state_ >> 33;
  }
  std::vector<Record>* trace_;
  std::uint64_t state_;
  EventId timeout_ = 0;
};

std::vector<Record> wander_trace() {
  std::vector<Record> trace;
  Simulator sim;
  std::vector<Wanderer> ws;
  ws.reserve(20);
  for (std::uint64_t i = 0; i < 20; ++i) ws.emplace_back(&trace, i + 1);
  for (auto& w : ws) w.target = sim.add_handler(&w);
  for (auto& w : ws) sim.schedule_at(0, w.target, 0, 0);
  sim.run();
  return trace;
}

TEST(Simulator, SameScheduleGivesSameTrace) {
  const auto a = wander_trace();
  const auto b = wander_trace();
  ASSERT_GT(a.size(), 20u * 200u);
  EXPECT_EQ(a, b);
  for (std::size_t i = 1; i < a.size(); ++i) {
    ASSERT_TRUE(a[i - 1].time < a[i].time ||
                (a[i - 1].time == a[i].time && a[i - 1].seq < a[i].seq));
  }
}

}  // namespace simulator_test
}  // namespace coachsim::engine
