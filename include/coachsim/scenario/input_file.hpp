// Reading an input file (scenario YAML, extends: base, schools CSV, actuals CSV) with the limits
// that keep a bad or hostile file from exhausting memory: only regular files, at most a
// documented size, and valid UTF-8 (README "Limits").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace coachsim::scenario {

// Largest scenario YAML file, and largest sum of a scenario and every file it extends. The
// largest shipped scenario (scenarios/default.yaml) is 64 KB: 4 MiB is 60 times that.
inline constexpr std::uintmax_t kMaxScenarioBytes = 4u << 20;
inline constexpr std::uintmax_t kMaxExtendsTotalBytes = 16u << 20;
// Most files in one `extends:` chain (the scenario itself included).
inline constexpr int kMaxExtendsDepth = 16;
// Largest schools CSV: about 60 bytes a school, so room for a million schools; Peru has about
// 80,000 public primary schools.
inline constexpr std::uintmax_t kMaxSchoolsCsvBytes = 64u << 20;
// Largest actuals CSV: the 2013 file (scenarios/actuals-2013.csv) is 61 KB.
inline constexpr std::uintmax_t kMaxActualsBytes = 16u << 20;

// Reads the whole of `path` into `text`. On failure returns false and sets `error` to a sentence
// naming `what` (e.g. "scenario file"), the file and the reason: it cannot be opened, it is not
// a regular file (a folder, /dev/zero, a pipe), or it is larger than `limit` bytes. `what` is a
// message marked with N_() by the caller; it and the sentence are translated (--lang).
bool read_input_file(const std::string& path, const char* what, std::uintmax_t limit,
                     std::string& text, std::string& error);

// Where the first byte sequence that is not UTF-8 starts (1-based line and column, the column
// counted in bytes), or nothing when the whole text is valid UTF-8.
struct TextPosition {
  int line = 0;
  int column = 0;
};
std::optional<TextPosition> find_invalid_utf8(std::string_view text);

// "not valid UTF-8 (byte 0xE9); save the file as UTF-8": the message for the position above.
std::string invalid_utf8_message(std::string_view text, const TextPosition& at);

// A size in bytes as people read it: "4 MiB", "61,376 bytes".
std::string describe_bytes(std::uintmax_t bytes);

}  // namespace coachsim::scenario
