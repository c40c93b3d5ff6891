#include "atomic_file.hpp"

#include <unistd.h>

#include <stdexcept>
#include <system_error>

#include "coachsim/report/interrupt.hpp"

namespace coachsim::report {

std::filesystem::path partial_path(const std::filesystem::path& target) {
  const std::filesystem::path dir =
      target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  return dir / ("." + target.filename().string() + ".partial-" + std::to_string(::getpid()));
}

void write_atomically(const std::string& target,
                      const std::function<void(const std::filesystem::path& partial)>& fill) {
  namespace fs = std::filesystem;
  const fs::path partial = partial_path(target);
  const RemoveOnInterrupt remove_on_interrupt(partial);
  try {
    std::error_code ec;
    if (!fs::is_directory(partial.parent_path(), ec)) throw std::runtime_error("no such folder");
    fs::remove(partial, ec);  // left by a killed run of the same process id
    fill(partial);
    fs::rename(partial, target, ec);
    if (ec) throw std::runtime_error(ec.message());
  } catch (const std::exception& e) {
    std::error_code ec;
    fs::remove(partial, ec);
    throw std::runtime_error("cannot write '" + target + "': " + e.what());
  }
}

}  // namespace coachsim::report
