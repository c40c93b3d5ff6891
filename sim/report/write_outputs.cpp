// Writing a run's files all-or-nothing: everything goes to a staging folder inside the output
// directory first and is renamed into place only when every file is complete.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "report_files.hpp"

namespace coachsim::report {
namespace {

namespace fs = std::filesystem;

class Staging {
 public:
  explicit Staging(const fs::path& dir) : dir_(dir), tmp_(dir / ".coachsim-staging") {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec)
      throw std::runtime_error("cannot create output folder '" + dir_.string() +
                               "': " + ec.message());
    fs::remove_all(tmp_, ec);
    fs::create_directory(tmp_, ec);
    if (ec)
      throw std::runtime_error("cannot write in output folder '" + dir_.string() +
                               "': " + ec.message());
  }
  ~Staging() {
    std::error_code ec;
    fs::remove_all(tmp_, ec);
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
      fs::rename(tmp_ / name, dir_ / name, ec);
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
  fs::path dir_, tmp_;
  std::vector<std::string> names_;
};

}  // namespace

void write_run_outputs(const RunReport& report, const std::string& dir) {
  Staging staging(dir);
  staging.write("regions.csv", regions_csv(report));
  staging.write("national.csv", national_csv(report));
  staging.write("variance.csv", variance_csv(report));
  staging.write("missed.csv", missed_csv(report));
  staging.write("summary.json", summary_json(report));
  if (report.ledger.keeps_entries()) {
    std::FILE* f = staging.open("ledger.csv");
    staging.close(f, "ledger.csv", write_ledger_csv(report, f));
  }
  staging.commit();
}

}  // namespace coachsim::report
