// SHA-256 of a file, for the output manifest (private to the report module). The same digest
// as `sha256sum`, so a reader can check a set with standard tools.
#pragma once

#include <filesystem>
#include <string>

namespace coachsim::report {

// Lower-case hex digest of the file's bytes; throws std::runtime_error when it cannot be read.
std::string sha256_file(const std::filesystem::path& path);
// Lower-case hex digest of `text`.
std::string sha256_text(const std::string& text);

}  // namespace coachsim::report
