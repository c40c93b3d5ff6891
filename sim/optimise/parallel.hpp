// The pool of threads the frontiers run on (frontier.cpp, planning.cpp).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace coachsim::optimise {

// Calls fn(i) once for each i in 0..n-1 on up to `threads` threads (the calling one among them).
// Each call must write only its own slots, so the result does not depend on scheduling. The
// first exception thrown stops its thread and is rethrown once every thread has stopped.
template <class Fn>
void for_each_index(std::size_t n, unsigned threads, Fn fn) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&] {
    for (std::size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) {
      try {
        fn(i);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  const unsigned count = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(n)));
  for (unsigned t = 1; t < count; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace coachsim::optimise
