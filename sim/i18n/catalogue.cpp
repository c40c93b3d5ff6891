// Reading an embedded GNU .mo catalogue (see catalogue.hpp). The layout is documented in the
// GNU gettext manual, "The Format of GNU MO Files".
#include "catalogue.hpp"

#include <cstdint>
#include <stdexcept>

namespace coachsim::i18n::detail {
namespace {

constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::uint32_t kMagicSwapped = 0xde120495;

std::uint32_t word(const unsigned char* p, bool swapped) {
  const std::uint32_t v =
      static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
      (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
  if (!swapped) return v;
  return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

// The plural rules of the catalogue's header line "Plural-Forms: nplurals=2; plural=(n != 1);".
// Only the two rules of the languages coachsim has (or is likely to get) are known; a catalogue
// with another rule fails here, at the first run of the tests, rather than choosing wrong forms.
int plural_not_one(unsigned long n) { return n != 1 ? 1 : 0; }
int plural_more_than_one(unsigned long n) { return n > 1 ? 1 : 0; }

std::string_view header_field(std::string_view header, std::string_view name) {
  const std::size_t at = header.find(name);
  if (at == std::string_view::npos) return {};
  std::string_view rest = header.substr(at + name.size());
  return rest.substr(0, rest.find('\n'));
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out.push_back(c);
  return out;
}

}  // namespace

Catalogue read_mo(const unsigned char* data, std::size_t size) {
  if (size < 28) throw std::runtime_error("message catalogue too short");
  const std::uint32_t magic = word(data, false);
  if (magic != kMagic && magic != kMagicSwapped)
    throw std::runtime_error("message catalogue: not a GNU .mo file");
  const bool swapped = magic == kMagicSwapped;
  const std::uint32_t count = word(data + 8, swapped);
  const std::uint32_t originals = word(data + 12, swapped);
  const std::uint32_t translations = word(data + 16, swapped);
  auto string_at = [&](std::uint32_t table, std::uint32_t i) {
    const std::size_t entry = static_cast<std::size_t>(table) + 8u * i;
    if (entry + 8 > size) throw std::runtime_error("message catalogue: table out of range");
    const std::uint32_t length = word(data + entry, swapped);
    const std::uint32_t offset = word(data + entry + 4, swapped);
    if (static_cast<std::size_t>(offset) + length >= size)
      throw std::runtime_error("message catalogue: string out of range");
    return std::string_view(reinterpret_cast<const char*>(data) + offset, length);
  };

  Catalogue catalogue;
  catalogue.plural = plural_not_one;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string_view original = string_at(originals, i);
    const std::string_view translated = string_at(translations, i);
    if (original.empty()) {  // the header entry
      const std::string rule = without_spaces(header_field(translated, "Plural-Forms:"));
      if (rule.find("plural=(n>1)") != std::string::npos ||
          rule.find("plural=n>1") != std::string::npos)
        catalogue.plural = plural_more_than_one;
      else if (!rule.empty() && rule.find("plural=(n!=1)") == std::string::npos &&
               rule.find("plural=n!=1") == std::string::npos)
        throw std::runtime_error("message catalogue: unknown Plural-Forms rule '" + rule +
                                 "' (add it to sim/i18n/catalogue.cpp)");
      continue;
    }
    // A plural entry's original is "singular\0plural": keyed by the singular.
    original = original.substr(0, original.find('\0'));
    catalogue.messages.emplace(original, translated);
  }
  return catalogue;
}

}  // namespace coachsim::i18n::detail
