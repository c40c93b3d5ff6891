// Interrupted runs leave no debris: SIGINT and SIGTERM remove the staging folders and temporary
// files registered here, wait for an output set being committed to be complete, and exit with
// 130 or 143 (128 + the signal). SIGKILL cannot be caught: the manifest tells a complete set
// (README "Robustness"), and the next run removes the stale staging.
#pragma once

#include <filesystem>
#include <mutex>

namespace coachsim::report {

// Blocks SIGINT and SIGTERM in the calling thread (and every thread started after it) and
// starts the one thread that waits for them. Call at the start of main, before other threads.
void handle_interrupts();

// Registers a file or folder for removal on an interrupt, for as long as the object lives.
class RemoveOnInterrupt {
 public:
  explicit RemoveOnInterrupt(std::filesystem::path path);
  ~RemoveOnInterrupt();
  RemoveOnInterrupt(const RemoveOnInterrupt&) = delete;
  RemoveOnInterrupt& operator=(const RemoveOnInterrupt&) = delete;

 private:
  std::filesystem::path path_;
};

// Held while an output set is committed (its renames and manifest): an interrupt that arrives
// meanwhile is handled once the set is complete.
std::unique_lock<std::recursive_mutex> hold_interrupts();

}  // namespace coachsim::report
