// Translated text. Every string a person reads goes through one of these, so that xgettext finds
// it (tests/i18n/check_catalogue.sh) and a translator edits po/LANG.po, not C++:
//   tr("Regions")                       the message in the language chosen by --lang
//   trc("sheet", "Budget")              the same with a gettext context (msgctxt), for words
//                                       that translate differently in different places
//   trn("{0} region", "{0} regions", n) singular or plural by the language's plural rule
//   trf("expected {0}, got {1}", {a, b}) a translated pattern with numbered arguments, which a
//                                       translator may reorder ("se esperaba {0}; se leyó {1}")
//   N_("teachers")                      marks a message in a static table; translate it with
//                                       tr() where it is shown
// The catalogues are compiled into the binary (cmake/i18n.cmake), so no file is looked up at run
// time. Until set_language() is called every function returns the English text.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace coachsim {

std::string tr(const char* msgid);
std::string trc(const char* context, const char* msgid);
std::string trn(const char* singular, const char* plural, unsigned long n);
// {0}..{9} in the (translated) pattern are replaced by the arguments; "{{" is a literal "{".
std::string trf(const char* pattern, std::initializer_list<std::string_view> args);
// The same substitution on a pattern already translated, e.g. fill(trn(...), {count}).
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);
constexpr const char* N_(const char* msgid) { return msgid; }

}  // namespace coachsim
