// Writing a set of small text files all-or-nothing, with manifest.json (each file's SHA-256
// and a run id), as `run` writes its outputs: for commands whose files are built in memory
// (`optimise`: plan.yaml, plan.csv, frontier.csv).
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace coachsim::report {

// Writes every (name, text) into `dir` through a staging folder, then manifest.json last.
// Throws std::runtime_error naming the file when one cannot be written.
void write_file_set(const std::filesystem::path& dir,
                    const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace coachsim::report
