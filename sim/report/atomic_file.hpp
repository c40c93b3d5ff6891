// The one way a report file (workbook, HTML page, SQLite ledger, input template) is written
// all-or-nothing: the whole file is made under a temporary name beside its target and renamed
// onto it only when complete, so a failed or interrupted write leaves the target as it was.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace coachsim::report {

// The temporary beside `target`: ".NAME.partial-PID", hidden, in the same folder so the final
// rename never crosses file systems, and unique to this process.
std::filesystem::path partial_path(const std::filesystem::path& target);

// Calls `fill(partial)`, which must write the complete file at `partial` (a path that does not
// exist yet, in `target`'s folder), then renames it onto `target`. The partial file is removed
// on any failure and on SIGINT/SIGTERM meanwhile. Throws std::runtime_error
// "cannot write 'TARGET': WHY" (a missing folder: "no such folder").
void write_atomically(const std::string& target,
                      const std::function<void(const std::filesystem::path& partial)>& fill);

}  // namespace coachsim::report
