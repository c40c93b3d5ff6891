// Bounded, regular-file-only reads and the UTF-8 check (see input_file.hpp).
#include "coachsim/scenario/input_file.hpp"
#include "coachsim/i18n/tr.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace coachsim::scenario {

std::string describe_bytes(std::uintmax_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  std::string digits = std::to_string(bytes);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return trf("{0} bytes", {digits});
}

bool read_input_file(const std::string& path, const char* what, std::uintmax_t limit,
                     std::string& text, std::string& error) {
  const std::string name = tr(what) + " '" + path + "'";
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) {
    error = trf("cannot read {0}: {1}", {name, std::strerror(errno)});
    return false;
  }
  // Checked on the open file, so the file read is the file checked.
  struct stat info {};
  if (fstat(fileno(file.get()), &info) != 0) {
    error = trf("cannot read {0}: {1}", {name, std::strerror(errno)});
    return false;
  }
  if (S_ISDIR(info.st_mode)) {
    error = trf("cannot read {0}: {1}", {name, std::strerror(EISDIR)});
    return false;
  }
  if (!S_ISREG(info.st_mode)) {
    error = trf("cannot read {0}: not a regular file (a device, pipe or socket)", {name});
    return false;
  }
  const auto too_large = [&] {
    error = trf("cannot read {0}: larger than the limit of {1} for a {2} (README \"Limits\")",
                {name, describe_bytes(limit), tr(what)});
    return false;
  };
  if (static_cast<std::uintmax_t>(info.st_size) > limit) return too_large();
  text.clear();
  text.reserve(static_cast<std::size_t>(info.st_size));
  // The size can change while reading (a file being written): the limit holds on what is read.
  char buffer[65536];
  std::size_t n = 0;
  errno = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    if (text.size() + n > limit) return too_large();
    text.append(buffer, n);
  }
  if (std::ferror(file.get())) {
    error = trf("cannot read {0}: {1}", {name, std::strerror(errno != 0 ? errno : EIO)});
    return false;
  }
  return true;
}

namespace {

// Length of the valid UTF-8 sequence at `s[i]`, or 0 when it is not one (overlong forms,
// surrogates and code points above U+10FFFF are not valid).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
}

}  // namespace

std::optional<TextPosition> find_invalid_utf8(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_length(text, i);
    if (n == 0) return TextPosition{line, static_cast<int>(i - line_start) + 1};
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
    i += n;
  }
  return std::nullopt;
}

std::string invalid_utf8_message(std::string_view text, const TextPosition& at) {
  std::size_t offset = 0;
  for (int line = 1; line < at.line; ++line) offset = text.find('\n', offset) + 1;
  offset += static_cast<std::size_t>(at.column - 1);
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[offset]));
  return trf(
      "the text is not valid UTF-8 (byte {0}); save the file as UTF-8 (names such as "
      "'Apurímac' are written in UTF-8)",
      {hex});
}

}  // namespace coachsim::scenario
