// --help in the user's language. The descriptions are written in English at the CLI11 calls in
// main.cpp (extracted for the catalogue by xgettext's add_option/add_flag/add_subcommand
// keywords, scripts/xgettext_args.sh) and translated when the help is printed, so adding a flag
// needs no marker and a translator edits po/es.po only.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace coachsim::cli {

// The language the command line asks for: the value of --lang (as "--lang es" or "--lang=es",
// anywhere in argv) when coachsim has it, else the environment's (i18n/language.hpp). Read
// before the flags are parsed, so that --help and the parser's own errors already speak it.
std::string language_of_command_line(int argc, const char* const* argv);

// Makes `app` (and the subcommands added after this call, which inherit its formatter) print
// its help through tr(): descriptions, group names, the help flag and CLI11's labels.
void use_translated_help(CLI::App& app);

}  // namespace coachsim::cli
