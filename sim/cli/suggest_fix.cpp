// "Did you mean" for commands and flags (see suggest_fix.hpp).
#include "suggest_fix.hpp"

#include <algorithm>
#include <vector>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/scenario/suggest.hpp"

namespace coachsim::cli {
namespace {

std::string closest_flag(const std::string& given, const std::vector<std::string>& flags) {
  std::string hint = scenario::did_you_mean(given, flags);
  if (!hint.empty()) return hint;
  // An abbreviation or an extension of a flag ("--output" for "--out") is too far by edit
  // distance but plainly meant; "--" plus at least three letters must match.
  for (const std::string& flag : flags) {
    const std::size_t n = std::min(flag.size(), given.size());
    if (n >= 5 && flag.compare(0, n, given, 0, n) == 0)
      return trf("; did you mean {0}?", {"'" + flag + "'"});
  }
  return "";
}

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

std::string suggest_fix(CLI::App& app, int argc, char** argv) {
  const std::vector<CLI::App*> subcommands = app.get_subcommands([](CLI::App*) { return true; });
  std::vector<std::string> commands;
  for (const CLI::App* sub : subcommands) commands.push_back(sub->get_name());
  CLI::App* command = nullptr;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (command == nullptr) {
      if (word.rfind('-', 0) == 0) {  // a flag before the command: CLI11's message
        // and its value ("--lang es"), which is not a command.
        const CLI::Option* option = app.get_option_no_throw(word);
        if (option != nullptr && option->get_expected_min() > 0 && i + 1 < argc) ++i;
        continue;
      }
      for (CLI::App* sub : subcommands)
        if (sub->get_name() == word) command = sub;
      if (command == nullptr) {
        const std::string hint = scenario::did_you_mean(word, commands);
        return hint.empty() ? trf("coachsim: unknown command '{0}' (expected one of {1})",
                                  {word, list(commands)})
                            : trf("coachsim: unknown command '{0}'{1}", {word, hint});
      }
      continue;
    }
    if (word.rfind("--", 0) != 0 || word == "--") continue;
    const std::string name = word.substr(0, word.find('='));
    if (command->get_option_no_throw(name) != nullptr || name == "--help") continue;
    std::vector<std::string> flags;
    for (const CLI::Option* option : command->get_options())
      for (const std::string& long_name : option->get_lnames()) flags.push_back("--" + long_name);
    return trf("coachsim {0}: unknown flag '{1}'{2}",
               {command->get_name(), name, closest_flag(name, flags)});
  }
  return "";
}

}  // namespace coachsim::cli
