// CLI11's refusals of a command line in the chosen language. CLI11 writes its own messages in
// English ("--out: 1 required TEXT missing"); in another language the common ones are
// rewritten from the error's type and the flag CLI11 names, so a Spanish user reads a Spanish
// sentence that still names the flag. English keeps CLI11's own text, byte for byte.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace coachsim::cli {

// The error as a sentence in the chosen language, or "" in English and for an error this does
// not recognise (the caller then lets CLI11 print its own).
std::string translated_parse_error(const CLI::ParseError& e);

}  // namespace coachsim::cli
