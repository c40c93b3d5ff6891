// The hot path does not allocate: once the queue has grown to its working size, scheduling,
// popping and dispatching (with no cancellations) makes no call to operator new.
//
// This file replaces the global operator new (plain and aligned) for the whole test program
// with a counting one.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>

#include "coachsim/engine/simulator.hpp"

// GCC 12 cannot see that these replacements pair malloc with free and warns on inlined
// `new`/`delete` pairs; the pairing is correct by construction here.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

namespace {
std::atomic<std::uint64_t> g_allocations{0};
}  // namespace

void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, std::align_val_t align) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  const auto a = static_cast<std::size_t>(align);
  if (void* p = std::aligned_alloc(a, (n + a - 1) / a * a)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t align) { return operator new(n, align); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace coachsim::engine {
namespace {

class Hopper : public EventHandler {
 public:
  std::uint32_t target = 0;
  std::uint64_t state = 1;
  void handle(Simulator& sim, const Event& e) override {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    sim.schedule_in(1 + static_cast<SimTime>((state >> 33) % 1440), target, e.kind, e.payload);
  }
};

TEST(Allocation, AlignedHeapStorageIsCounted) {
  EventQueue q;
  const std::uint64_t before = g_allocations.load();
  q.reserve(100);  // only the heap's cache-line-aligned storage
  EXPECT_EQ(g_allocations.load() - before, 1u);
}

TEST(Allocation, HotPathDoesNotAllocate) {
  for (const std::size_t processes : {1000u, 100000u}) {
    const std::uint64_t at_start = g_allocations.load();
    Simulator sim;
    std::vector<Hopper> hoppers(processes);
    EXPECT_GT(g_allocations.load(), at_start);  // the counting operator new is in use
    for (std::size_t i = 0; i < processes; ++i) {
      hoppers[i].state = i + 1;
      hoppers[i].target = sim.add_handler(&hoppers[i]);
      sim.schedule_at(static_cast<SimTime>(i % 1440), hoppers[i].target, 0, i);
    }
    // Warm up: the heap and the id window reach their working size.
    const SimTime warm = 30 * 1440;
    sim.run_until(warm);
    // Each process runs about twice a day; measure about two million events.
    const auto measured_days = static_cast<SimTime>(1'000'000 / processes + 1);
    const std::uint64_t before = g_allocations.load();
    const std::uint64_t done = sim.run_until(warm + measured_days * 1440);
    const std::uint64_t after = g_allocations.load();
    EXPECT_GT(done, 1'000'000u);
    EXPECT_EQ(after - before, 0u) << processes << " processes";
    EXPECT_EQ(sim.pending(), processes);
  }
}

}  // namespace
}  // namespace coachsim::engine
