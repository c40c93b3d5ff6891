// A progress line with ETA on standard error, shown only on a terminal and only once a job has
// run for a second (short runs stay quiet, and so does output piped to a file or a script).
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "coachsim/i18n/tr.hpp"

namespace coachsim::cli {

class Progress {
 public:
  explicit Progress(bool quiet) : enabled_(!quiet && isatty(STDERR_FILENO) == 1) {}
  ~Progress() { done(); }

  // Reports that `fraction` (0..1) of the job is done and `what` comes next.
  void update(double fraction, const std::string& what) {
    if (!enabled_) return;
    const double elapsed = seconds();
    if (elapsed < 1.0) return;
    const int width = 30;
    const int filled = static_cast<int>(fraction * width + 0.5);
    const double eta = fraction > 0.01 ? elapsed * (1.0 - fraction) / fraction : 0.0;
    // "ETA" as the language says it ("faltan" in Spanish), before the seconds left.
    std::fprintf(stderr, "\r[%-*s] %3.0f%%  %s %4.0fs  %-40s", width,
                 std::string(static_cast<std::size_t>(filled), '#').c_str(), 100.0 * fraction,
                 eta_word_.c_str(), eta, what.c_str());
    std::fflush(stderr);
    shown_ = true;
  }
  void done() {
    if (shown_) std::fprintf(stderr, "\r%*s\r", 100, "");
    shown_ = false;
  }

 private:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  bool enabled_;
  std::string eta_word_ = tr("ETA");
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace coachsim::cli
