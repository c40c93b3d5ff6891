// The compiled message catalogues (GNU .mo files) embedded in the binary by cmake/i18n.cmake,
// and their reading. Internal to sim/i18n.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace coachsim::i18n::detail {

struct EmbeddedCatalogue {
  const char* language;  // "es"
  const unsigned char* mo;
  std::size_t size;
};

// Defined in the generated catalogues.cpp: one entry per po/*.po.
extern const EmbeddedCatalogue kCatalogues[];
extern const std::size_t kCatalogueCount;

// A .mo file read into a table. Keys are msgid, or msgctxt "\x04" msgid; a plural entry's key is
// its singular msgid and its value the forms separated by '\0'. The views point into the
// embedded bytes, which live as long as the program.
struct Catalogue {
  std::unordered_map<std::string_view, std::string_view> messages;
  int (*plural)(unsigned long n) = nullptr;  // index of the form for n
};

// Reads the GNU .mo layout (magic, count, tables of lengths and offsets; both byte orders).
// Throws std::runtime_error on a malformed file (a build fault: msgfmt wrote it).
Catalogue read_mo(const unsigned char* data, std::size_t size);

}  // namespace coachsim::i18n::detail
