// EventQueue: ordering, lazy cancellation and the pending-id bookkeeping, checked against a
// simple ordered-set model under random operations, including ids pushed out of order, long
// gaps between ids and events that stay pending while millions of others pass.
#include "coachsim/engine/event_queue.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <set>
#include <utility>

namespace coachsim::engine {
namespace event_queue_test {

Event ev(SimTime time, EventId seq, std::uint64_t payload = 0) {
  return Event{time, seq, 0, 0, payload};
}

TEST(EventQueue, EmptyQueue) {
  EventQueue q;
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.size(), 0u);
  EXPECT_FALSE(q.pop().has_value());
  EXPECT_FALSE(q.cancel(0));
  EXPECT_FALSE(q.is_pending(0));
}

TEST(EventQueue, PopsByTimeThenSeq) {
  EventQueue q;
  q.push(ev(5, 3));
  q.push(ev(5, 1));
  q.push(ev(1, 4));
  q.push(ev(9, 0));
  q.push(ev(5, 2));
  EXPECT_EQ(q.size(), 5u);
  EXPECT_EQ(q.next_time(), 1);
  std::vector<EventId> order;
  while (auto e = q.pop()) order.push_back(e->seq);
  EXPECT_EQ(order, (std::vector<EventId>{4, 1, 2, 3, 0}));
  EXPECT_TRUE(q.empty());
}

TEST(EventQueue, CancelledTopIsSkipped) {
  EventQueue q;
  q.push(ev(1, 0));
  q.push(ev(2, 1));
  EXPECT_TRUE(q.cancel(0));
  EXPECT_FALSE(q.cancel(0));
  EXPECT_EQ(q.size(), 1u);
  EXPECT_FALSE(q.empty());
  EXPECT_EQ(q.next_time(), 2);
  Event out;
  EXPECT_FALSE(q.pop_until(1, out));
  EXPECT_TRUE(q.pop_until(2, out));
  EXPECT_EQ(out.seq, 1u);
  EXPECT_FALSE(q.cancel(1));
  EXPECT_TRUE(q.empty());
}

TEST(EventQueue, CancelEverythingEmptiesQueue) {
  EventQueue q;
  for (EventId i = 0; i < 500; ++i) q.push(ev(static_cast<SimTime>(i % 17), i));
  for (EventId i = 0; i < 500; ++i) EXPECT_TRUE(q.cancel(i));
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.size(), 0u);
  EXPECT_FALSE(q.pop().has_value());
}

TEST(EventQueue, IdReusedAfterCancelIsOneEvent) {
  // A caller other than the Simulator may reuse the id of a cancelled event.
  EventQueue q;
  q.push(ev(10, 5, 1));
  q.push(ev(20, 6));
  EXPECT_TRUE(q.cancel(5));
  q.push(ev(30, 5, 2));
  EXPECT_EQ(q.size(), 2u);
  auto a = q.pop();
  auto b = q.pop();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->seq, 6u);
  EXPECT_EQ(b->seq, 5u);
  EXPECT_EQ(b->payload, 2u);
  EXPECT_FALSE(q.pop().has_value());
}

TEST(EventQueue, ClearForgetsEverything) {
  EventQueue q;
  for (EventId i = 0; i < 100; ++i) q.push(ev(1, i));
  q.cancel(3);
  q.clear();
  EXPECT_TRUE(q.empty());
  EXPECT_FALSE(q.is_pending(4));
  EXPECT_FALSE(q.cancel(4));
  q.push(ev(7, 4));
  EXPECT_TRUE(q.is_pending(4));
  EXPECT_EQ(q.pop()->time, 7);
}

// Model: the pending events ordered by (time, seq), and by id.
class Model {
 public:
  void push(const Event& e) {
    by_key_.insert({e.time, e.seq});
    by_id_[e.seq] = e;
  }
  bool cancel(EventId id) {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return false;
    by_key_.erase({it->second.time, id});
    by_id_.erase(it);
    return true;
  }
  bool pending(EventId id) const { return by_id_.contains(id); }
  std::optional<Event> pop() {
    if (by_key_.empty()) return std::nullopt;
    const EventId id = by_key_.begin()->second;
    Event e = by_id_.at(id);
    cancel(id);
    return e;
  }
  std::size_t size() const { return by_id_.size(); }
  std::vector<EventId> ids() const {
    std::vector<EventId> out;
    for (const auto& [id, e] : by_id_) out.push_back(id);
    return out;
  }

 private:
  std::set<std::pair<SimTime, EventId>> by_key_;
  std::map<EventId, Event> by_id_;
};

struct Lcg {
  std::uint64_t s;
  std::uint64_t next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return s >> 17;
  }
};

// Runs random operations; `next_id` decides which id each push uses, `delay` how far after the
// last popped time each event is scheduled.
template <typename NextId, typename Delay>
void run_against_model(std::uint64_t seed, int steps, NextId next_id, Delay delay) {
  EventQueue q;
  Model m;
  Lcg rng{seed};
  SimTime now = 0;
  for (int step = 0; step < steps; ++step) {
    const std::uint64_t op = rng.next() % 100;
    if (op < 45) {
      const EventId id = next_id(rng, m);
      if (m.pending(id)) continue;  // the queue requires unique pending ids
      const Event e = ev(now + delay(rng), id, rng.next());
      q.push(e);
      m.push(e);
    } else if (op < 85) {
      const auto a = q.pop();
      const auto b = m.pop();
      ASSERT_EQ(a.has_value(), b.has_value()) << "step " << step;
      if (a) {
        ASSERT_EQ(a->seq, b->seq) << "step " << step;
        ASSERT_EQ(a->time, b->time);
        ASSERT_EQ(a->payload, b->payload);
        now = a->time;
      }
    } else if (op < 95) {
      // Cancel a pending id most of the time, otherwise an arbitrary one.
      EventId id = rng.next() % 100000;
      if (op < 92 && m.size() > 0) {
        const auto ids = m.ids();
        id = ids[rng.next() % ids.size()];
      }
      ASSERT_EQ(q.cancel(id), m.cancel(id)) << "step " << step << " id " << id;
    } else {
      const EventId id = rng.next() % 100000;
      ASSERT_EQ(q.is_pending(id), m.pending(id));
    }
    ASSERT_EQ(q.size(), m.size());
  }
  while (auto b = m.pop()) {
    const auto a = q.pop();
    ASSERT_TRUE(a.has_value());
    ASSERT_EQ(a->seq, b->seq);
  }
  EXPECT_FALSE(q.pop().has_value());
}

// Within the day or the next: the open day's tail and heap, and the first buckets.
SimTime within_a_day(Lcg& rng) { return static_cast<SimTime>(rng.next() % 1000); }

template <typename NextId>
void run_against_model(std::uint64_t seed, int steps, NextId next_id) {
  run_against_model(seed, steps, next_id, within_a_day);
}

TEST(EventQueue, MatchesModelWithIncreasingIds) {
  EventId counter = 0;
  run_against_model(1, 20000, [&](Lcg&, const Model&) { return counter++; });
}

TEST(EventQueue, MatchesModelWithIdsInAnyOrder) {
  run_against_model(2, 20000, [](Lcg& rng, const Model&) { return rng.next() % 5000; });
}

TEST(EventQueue, MatchesModelWithLargeGapsBetweenIds) {
  EventId counter = 0;
  run_against_model(3, 20000, [&](Lcg& rng, const Model&) {
    counter += rng.next() % 50 == 0 ? (rng.next() % 1000000) : 1;
    return counter;
  });
}

TEST(EventQueue, MatchesModelWithHugeIds) {
  run_against_model(4, 5000, [](Lcg& rng, const Model&) {
    return (rng.next() << 20) ^ rng.next();  // scattered over the whole 64-bit range
  });
}

TEST(EventQueue, MatchesModelAcrossDaysAndBeyondTheBucketWindow) {
  // Same minute (the open day's tail), later today, the next weeks (the day buckets) and up to
  // 300 days ahead (the far heap, whose events move into buckets as the window slides).
  EventId counter = 0;
  run_against_model(
      5, 30000, [&](Lcg&, const Model&) { return counter++; },
      [](Lcg& rng) -> SimTime {
        switch (rng.next() % 4) {
          case 0:
            return 0;
          case 1:
            return static_cast<SimTime>(rng.next() % kMinutesPerDay);
          case 2:
            return static_cast<SimTime>(rng.next() % (30 * kMinutesPerDay));
          default:
            return static_cast<SimTime>(rng.next() % (300 * kMinutesPerDay));
        }
      });
}

TEST(EventQueue, MatchesModelAcrossDaysWithIdsInAnyOrder) {
  run_against_model(
      6, 20000, [](Lcg& rng, const Model&) { return rng.next() % 5000; },
      [](Lcg& rng) { return static_cast<SimTime>(rng.next() % (100 * kMinutesPerDay)); });
}

TEST(EventQueue, EventsInThePastOfTheOpenDayStillComeFirst) {
  // The queue itself does not require times to increase (the Simulator does): an event pushed
  // before the open day, after a later day has opened, is the next one popped.
  EventQueue q;
  q.push(ev(10 * kMinutesPerDay, 0));
  q.push(ev(90 * kMinutesPerDay, 1));  // beyond the bucket window
  EXPECT_EQ(q.pop()->seq, 0u);
  q.push(ev(5, 2));
  q.push(ev(10 * kMinutesPerDay + 1, 3));
  EXPECT_EQ(q.next_time(), 5);
  EXPECT_EQ(q.pop()->seq, 2u);
  EXPECT_EQ(q.pop()->seq, 3u);
  EXPECT_EQ(q.pop()->seq, 1u);
  EXPECT_FALSE(q.pop().has_value());
}

TEST(EventQueue, PeekFollowsTheOrderOfTheDay) {
  // peek(i) is a prefetch hint; along the open day's sorted run it is the exact order.
  EventQueue q;
  for (EventId i = 0; i < 6; ++i) q.push(ev(kMinutesPerDay + static_cast<SimTime>(5 - i), i));
  EXPECT_EQ(q.next_time(), kMinutesPerDay);  // opens the day
  for (std::size_t i = 0; i < 6; ++i) {
    ASSERT_NE(q.peek(i), nullptr);
    EXPECT_EQ(q.peek(i)->seq, 5 - i);
  }
  EXPECT_EQ(q.peek(6), nullptr);
}

TEST(EventQueue, LongLivedEventsSurviveManyLaterOnes) {
  // A few events stay pending while a million later ones pass through, so they fall below the
  // id window; they must still pop in order and be cancellable exactly once.
  EventQueue q;
  q.push(ev(1'000'000'000, 0, 100));
  q.push(ev(1'000'000'001, 1, 101));
  q.push(ev(1'000'000'002, 2, 102));
  EventId id = 3;
  SimTime now = 0;
  for (int i = 0; i < 1'000'000; ++i) {
    q.push(ev(now + 1 + i % 7, id++));
    if (i >= 10) {
      auto e = q.pop();
      ASSERT_TRUE(e.has_value());
      ASSERT_LT(e->time, 1'000'000'000);
      now = e->time;
    }
  }
  EXPECT_TRUE(q.is_pending(0));
  EXPECT_TRUE(q.cancel(1));
  EXPECT_FALSE(q.cancel(1));
  EXPECT_EQ(q.size(), 12u);
  std::vector<std::uint64_t> tail;
  while (auto e = q.pop()) {
    if (e->time >= 1'000'000'000) tail.push_back(e->payload);
  }
  EXPECT_EQ(tail, (std::vector<std::uint64_t>{100, 102}));
  EXPECT_FALSE(q.is_pending(0));
}

}  // namespace event_queue_test
}  // namespace coachsim::engine
