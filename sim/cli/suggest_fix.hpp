// After CLI11 refuses a command line: "did you mean" for a mistyped command or flag.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace coachsim::cli {

// A message naming the first unknown command or flag of argv and the closest known one (by the
// scenario loader's rule, or a flag that begins the word, as --out begins --output); "" when
// every command and flag is known (the error is about something else).
std::string suggest_fix(CLI::App& app, int argc, char** argv);

}  // namespace coachsim::cli
