// Which language coachsim speaks: chosen once by the command line (--lang, else the environment)
// before any output is written; read by tr() (tr.hpp) and the few formats that differ by
// language (dates).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coachsim::i18n {

// "en" (the messages as written in the code) and one code per compiled catalogue (po/*.po).
std::vector<std::string> languages();

// The language a code names: "es", "es_PE.UTF-8", "es-PE", "EN" ... (the part before '_', '-',
// '.' or '@', lower-cased), if coachsim has it.
std::optional<std::string> parse_language(std::string_view code);

// The default when --lang is not given: COACHSIM_LANG, else the POSIX locale variables in their
// order of precedence (LC_ALL, LC_MESSAGES, LANG); the first one that is set and not empty
// decides. A language coachsim does not have (or "C", "POSIX") gives English.
std::string language_from(std::string_view coachsim_lang, std::string_view lc_all,
                          std::string_view lc_messages, std::string_view lang);
std::string language_from_environment();

// Sets the language of every later tr(); "en" or a code from languages(). Not thread-safe:
// call it before starting threads.
void set_language(std::string_view code);
const std::string& language();

// A calendar date as the language writes it: 2021-03-15 in English (ISO 8601, as in the CSV
// files), 15/03/2021 in Spanish (dd/mm/aaaa).
std::string date(int year, unsigned month, unsigned day);

}  // namespace coachsim::i18n
