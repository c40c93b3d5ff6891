// SIGINT/SIGTERM handling (see interrupt.hpp). The signals are blocked everywhere and taken by
// one thread with sigwait, so the clean-up runs as ordinary code, not in a signal handler.
#include "coachsim/report/interrupt.hpp"

#include <unistd.h>

#include <csignal>
#include <set>
#include <string>
#include <thread>

namespace coachsim::report {

namespace {

std::recursive_mutex& outputs_mutex() {
  static std::recursive_mutex m;
  return m;
}

std::multiset<std::string>& registered() {
  static std::multiset<std::string> paths;
  return paths;
}

}  // namespace

void handle_interrupts() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return;  // keep the default behaviour
  std::thread([set] {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) return;
    std::lock_guard<std::recursive_mutex> lock(outputs_mutex());
    for (const std::string& path : registered()) {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
    const char message[] = "\ncoachsim: interrupted; partial files removed, nothing changed.\n";
    [[maybe_unused]] const auto n = ::write(2, message, sizeof message - 1);
    ::_exit(128 + sig);
  }).detach();
}

RemoveOnInterrupt::RemoveOnInterrupt(std::filesystem::path path) : path_(std::move(path)) {
  std::lock_guard<std::recursive_mutex> lock(outputs_mutex());
  registered().insert(path_.string());
}

RemoveOnInterrupt::~RemoveOnInterrupt() {
  std::lock_guard<std::recursive_mutex> lock(outputs_mutex());
  auto& paths = registered();
  const auto it = paths.find(path_.string());
  if (it != paths.end()) paths.erase(it);
}

std::unique_lock<std::recursive_mutex> hold_interrupts() {
  return std::unique_lock<std::recursive_mutex>(outputs_mutex());
}

}  // namespace coachsim::report
