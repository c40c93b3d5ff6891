// Private to the report module: writing a set of output files all-or-nothing. Files go to a
// staging folder inside the output directory and are renamed into place by commit(); the
// staging folder is removed whatever happens.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace coachsim::report {

class Staging {
 public:
  explicit Staging(const std::filesystem::path& dir) : dir_(dir), tmp_(dir / ".coachsim-staging") {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec)
      throw std::runtime_error("cannot create output folder '" + dir_.string() +
                               "': " + ec.message());
    std::filesystem::remove_all(tmp_, ec);
    std::filesystem::create_directory(tmp_, ec);
    if (ec)
      throw std::runtime_error("cannot write in output folder '" + dir_.string() +
                               "': " + ec.message());
  }
  ~Staging() {
    std::error_code ec;
    std::filesystem::remove_all(tmp_, ec);
  }

  std::FILE* open(const std::string& name) {
    std::FILE* f = std::fopen((tmp_ / name).c_str(), "wb");
    if (f == nullptr) fail(name);
    names_.push_back(name);
    return f;
  }
  void close(std::FILE* f, const std::string& name, bool ok) {
    if (std::fclose(f) != 0 || !ok) fail(name);
  }
  void write(const std::string& name, const std::string& text) {
    std::FILE* f = open(name);
    close(f, name, std::fwrite(text.data(), 1, text.size(), f) == text.size());
  }
  void commit() {
    for (const std::string& name : names_) {
      std::error_code ec;
      std::filesystem::rename(tmp_ / name, dir_ / name, ec);
      if (ec)
        throw std::runtime_error("cannot move '" + name + "' into '" + dir_.string() +
                                 "': " + ec.message());
    }
  }

 private:
  [[noreturn]] void fail(const std::string& name) {
    throw std::runtime_error("cannot write '" + (dir_ / name).string() +
                             "': " + std::strerror(errno));
  }
  std::filesystem::path dir_, tmp_;
  std::vector<std::string> names_;
};

}  // namespace coachsim::report
