// The chosen language and the messages in it (language.hpp, tr.hpp).
#include "coachsim/i18n/language.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "catalogue.hpp"
#include "coachsim/i18n/tr.hpp"

namespace coachsim::i18n {
namespace {

struct State {
  std::string code = "en";
  std::unique_ptr<detail::Catalogue> catalogue;  // null for English
};

State& state() {
  static State s;
  return s;
}

const detail::EmbeddedCatalogue* embedded(std::string_view code) {
  for (std::size_t i = 0; i < detail::kCatalogueCount; ++i)
    if (code == detail::kCatalogues[i].language) return &detail::kCatalogues[i];
  return nullptr;
}

// The translation of `key`, or nothing: an empty msgstr means "not translated" (gettext's rule).
std::string_view lookup(std::string_view key) {
  const detail::Catalogue* c = state().catalogue.get();
  if (c == nullptr) return {};
  const auto it = c->messages.find(key);
  return it == c->messages.end() ? std::string_view() : it->second;
}

std::string_view env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string_view() : std::string_view(v);
}

}  // namespace

std::vector<std::string> languages() {
  std::vector<std::string> out{"en"};
  for (std::size_t i = 0; i < detail::kCatalogueCount; ++i)
    out.emplace_back(detail::kCatalogues[i].language);
  return out;
}

std::optional<std::string> parse_language(std::string_view code) {
  std::string lang;
  for (char c : code) {
    if (c == '_' || c == '-' || c == '.' || c == '@') break;
    lang.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (lang == "en" || embedded(lang) != nullptr) return lang;
  return std::nullopt;
}

std::string language_from(std::string_view coachsim_lang, std::string_view lc_all,
                          std::string_view lc_messages, std::string_view lang) {
  for (std::string_view v : {coachsim_lang, lc_all, lc_messages, lang}) {
    if (v.empty()) continue;
    return parse_language(v).value_or("en");
  }
  return "en";
}

std::string language_from_environment() {
  return language_from(env("COACHSIM_LANG"), env("LC_ALL"), env("LC_MESSAGES"), env("LANG"));
}

void set_language(std::string_view code) {
  State& s = state();
  s.code = std::string(code);
  s.catalogue.reset();
  if (const detail::EmbeddedCatalogue* e = embedded(code))
    s.catalogue = std::make_unique<detail::Catalogue>(detail::read_mo(e->mo, e->size));
}

const std::string& language() { return state().code; }

std::string date(int year, unsigned month, unsigned day) {
  char buf[32];
  if (state().code == "es")
    std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", day, month, year);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
  return buf;
}

}  // namespace coachsim::i18n

namespace coachsim {

std::string tr(const char* msgid) {
  const std::string_view t = i18n::lookup(msgid);
  return t.empty() ? std::string(msgid) : std::string(t);
}

std::string trc(const char* context, const char* msgid) {
  const std::string key = std::string(context) + '\x04' + msgid;
  const std::string_view t = i18n::lookup(key);
  return t.empty() ? std::string(msgid) : std::string(t);
}

std::string trn(const char* singular, const char* plural, unsigned long n) {
  const i18n::detail::Catalogue* c = i18n::state().catalogue.get();
  const std::string_view forms = i18n::lookup(singular);
  if (c == nullptr || forms.empty()) return n == 1 ? singular : plural;
  std::string_view rest = forms;
  for (int i = c->plural(n); i > 0 && rest.find('\0') != std::string_view::npos; --i)
    rest.remove_prefix(rest.find('\0') + 1);
  return std::string(rest.substr(0, rest.find('\0')));
}

std::string trf(const char* pattern, std::initializer_list<std::string_view> args) {
  return fill(tr(pattern), args);
}

std::string fill(std::string_view p, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(p.size() + 32);
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '{' && i + 1 < p.size() && p[i + 1] == '{') {
      out.push_back('{');
      ++i;
    } else if (p[i] == '{' && i + 2 < p.size() && p[i + 1] >= '0' && p[i + 1] <= '9' &&
               p[i + 2] == '}') {
      const auto k = static_cast<std::size_t>(p[i + 1] - '0');
      if (k < args.size()) out += *(args.begin() + k);
      i += 2;
    } else {
      out.push_back(p[i]);
    }
  }
  return out;
}

}  // namespace coachsim
