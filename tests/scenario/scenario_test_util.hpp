// Helpers shared by the scenario tests: the test data folder, reading files, and loading the
// small valid scenario with a text edit applied.
#pragma once

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "coachsim/scenario/loader.hpp"

namespace coachsim::scenario::testing {

inline std::string data_dir() { return std::string(COACHSIM_SOURCE_DIR) + "/tests/data/scenario"; }

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The small valid scenario (tests/data/scenario/small.yaml) as text.
inline std::string small_text() { return read_text(data_dir() + "/small.yaml"); }

// `text` with the first occurrence of `from` replaced by `to`; fails the test when absent.
inline std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "test edit not found: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// Loads `text` as "small.yaml" from the test data folder (so its CSV resolves).
inline LoadResult load_as_small(const std::string& text) {
  return load_scenario_text(text, "small.yaml", data_dir());
}

// The small scenario with one edit applied.
inline LoadResult load_small_with(std::string_view from, std::string_view to) {
  return load_as_small(replaced(small_text(), from, to));
}

// All error lines, for failure messages.
// The small scenario with `tail` appended (a section of its own, e.g. "budget:\n..."); `line0`
// is the line number of the tail's first line, for the errors' positions.
inline LoadResult load_small_plus(const std::string& tail, int& line0) {
  const std::string base = small_text();
  line0 = static_cast<int>(std::count(base.begin(), base.end(), '\n')) + 1;
  return load_as_small(base + tail);
}

inline std::string dump(const std::vector<LoadError>& errors) {
  std::string out;
  for (const auto& e : errors) out += "  " + e.to_string() + "\n";
  return out;
}

// Checks that `errors` holds exactly one error, at file:line:column with `field`, whose message
// contains every one of `words`.
inline ::testing::AssertionResult only_error(const std::vector<LoadError>& errors,
                                             const std::string& file, int line, int column,
                                             const std::string& field,
                                             const std::vector<std::string>& words) {
  if (errors.size() != 1) {
    return ::testing::AssertionFailure()
           << "expected exactly one error, got " << errors.size() << ":\n"
           << dump(errors);
  }
  const LoadError& e = errors[0];
  if (e.file != file || e.line != line || e.column != column || e.field != field) {
    return ::testing::AssertionFailure() << "expected " << file << ":" << line << ":" << column
                                         << ": " << field << ", got " << e.to_string();
  }
  for (const auto& word : words) {
    if (e.message.find(word) == std::string::npos) {
      return ::testing::AssertionFailure() << "message lacks '" << word << "': " << e.to_string();
    }
  }
  return ::testing::AssertionSuccess();
}

// The first error with `field`, or nullptr.
inline const LoadError* error_for(const std::vector<LoadError>& errors, const std::string& field) {
  for (const auto& e : errors) {
    if (e.field == field) return &e;
  }
  return nullptr;
}

// The number of lines of `text` (its newlines): where a section appended to a scenario starts.
inline int lines_of(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace coachsim::scenario::testing
