#include "translated_help.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <sstream>
#include <string_view>
#include <utility>

#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"

namespace coachsim::cli {
namespace {

// CLI11's own words, marked here for the catalogue. Its default help and version descriptions
// and group names come from CLI11 itself, so they are not at a call xgettext sees.
constexpr const char* kCli11Words[] = {N_("Print this help message and exit"),
                                       N_("Display program version information and exit"),
                                       N_("Options"), N_("Subcommands")};

class TranslatedHelp : public CLI::Formatter {
 public:
  std::string make_group(std::string group, bool is_positional,
                         std::vector<const CLI::Option*> opts) const override {
    return CLI::Formatter::make_group(tr(group.c_str()), is_positional, std::move(opts));
  }
  std::string make_option_desc(const CLI::Option* opt) const override {
    return tr(opt->get_description().c_str());
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    std::stringstream out;
    CLI::detail::format_help(out, sub->get_display_name(true), tr(sub->get_description().c_str()),
                             get_column_width());
    return out.str();
  }
  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
    // The group heading is printed inside CLI11's loop: translate it after.
    const std::string english = "\nSubcommands:\n";
    std::string text = CLI::Formatter::make_subcommands(app, mode);
    if (const auto at = text.find(english); at != std::string::npos)
      text.replace(at, english.size(), "\n" + std::string(tr("Subcommands")) + ":\n");
    return text;
  }
  // A checked option's type reads "TEXT:{text,json}" or "UINT:NONNEGATIVE", which no label
  // matches whole: its type word is translated here.
  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string text = CLI::Formatter::make_option_opts(opt);
    for (const auto& [english, label] :
         {std::pair{" TEXT:", tr("TEXT") + ":"}, std::pair{" UINT:NONNEGATIVE", tr("UINT")}}) {
      if (const auto at = text.find(english); at != std::string::npos)
        text.replace(at + 1, std::string_view(english).size() - 1, label);
    }
    return text;
  }
  std::string make_description(const CLI::App* app) const override {
    const std::string desc = app->get_description();
    return desc.empty() ? std::string() : std::string(tr(desc.c_str())) + "\n";
  }
};

}  // namespace

std::string language_of_command_line(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    std::string_view value;
    if (a == "--lang" && i + 1 < argc)
      value = argv[i + 1];
    else if (a.starts_with("--lang="))
      value = a.substr(7);
    else
      continue;
    if (auto lang = i18n::parse_language(value)) return *lang;
  }
  return i18n::language_from_environment();
}

void use_translated_help(CLI::App& app) {
  static_cast<void>(kCli11Words);
  auto formatter = std::make_shared<TranslatedHelp>();
  // TRANSLATORS: CLI11's labels in --help: "Usage: coachsim [OPTIONS] SUBCOMMAND", an option's
  // value type (TEXT, INT ...) and its REQUIRED mark.
  formatter->label("Usage", tr("Usage"));
  formatter->label("OPTIONS", tr("OPTIONS"));
  formatter->label("SUBCOMMAND", tr("SUBCOMMAND"));
  formatter->label("SUBCOMMANDS", tr("SUBCOMMANDS"));
  formatter->label("Positionals", tr("Positionals"));
  formatter->label("REQUIRED", tr("REQUIRED"));
  formatter->label("TEXT", tr("TEXT"));
  formatter->label("INT", tr("INT"));
  formatter->label("UINT", tr("UINT"));
  formatter->label("FLOAT", tr("FLOAT"));
  app.formatter(formatter);
}

}  // namespace coachsim::cli
