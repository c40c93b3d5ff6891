// Reading and preparing files in tests that run the coachsim binary.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace coachsim::testing {

// The whole file as bytes ("" when it cannot be read).
inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// An empty folder of the temporary directory named `prefix` + `name` (removed first if it
// exists; created by whoever writes into it).
inline std::filesystem::path fresh_dir(const std::string& prefix, const std::string& name) {
  const std::filesystem::path d = std::filesystem::temp_directory_path() / (prefix + name);
  std::filesystem::remove_all(d);
  return d;
}

}  // namespace coachsim::testing
