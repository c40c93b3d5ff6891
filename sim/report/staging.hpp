// Private to the report module: writing a set of output files all-or-nothing. Files go to a
// staging folder inside the output directory and are renamed into place by commit(); the
// staging folder is removed whatever happens (on SIGINT/SIGTERM too, see interrupt.hpp), and a
// stale one from a killed run is removed by the next run.
//
// How a reader tells a complete set: commit() first removes the old manifest.json, then renames
// the files, then writes manifest.json last, listing every file of the set with its SHA-256 and
// a run id (a digest of that list: the same inputs give the same id). A folder without
// manifest.json, or whose files do not match it, is incomplete (a run killed by SIGKILL or a
// power cut mid-commit); SIGINT and SIGTERM wait for a commit to finish.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "coachsim/report/csv_output.hpp"
#include "coachsim/report/interrupt.hpp"
#include "sha256.hpp"

namespace coachsim::report {

class Staging {
 public:
  explicit Staging(const std::filesystem::path& dir)
      : dir_(dir), tmp_(dir / ".coachsim-staging"), cleanup_(tmp_) {
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
    if (is_csv(name) && !csv_output().plain()) streamed_.push_back(name);
    return f;
  }
  void close(std::FILE* f, const std::string& name, bool ok) {
    if (std::fclose(f) != 0 || !ok) fail(name);
  }
  // A .csv file is written in the command's CSV convention (csv_output.hpp).
  void write(const std::string& name, const std::string& text) {
    const bool convert = is_csv(name) && !csv_output().plain();
    const std::string converted = convert ? convert_csv(text, csv_output()) : std::string();
    const std::string& out = convert ? converted : text;
    std::FILE* f = open(name);
    close(f, name, std::fwrite(out.data(), 1, out.size(), f) == out.size());
    if (convert) streamed_.pop_back();  // already converted
  }
  // How the inputs were given beyond the scenario file (Scenario::provenance): listed in the
  // manifest as "inputs" when there are any.
  void set_inputs(const std::vector<std::string>& inputs) { inputs_ = inputs; }
  // A file of an earlier set that this set does not have (it would not add up with it).
  void drop(const std::string& name) { dropped_.push_back(name); }

  void commit() {
    // Files streamed through open() (ledger.csv) are converted here, once complete.
    for (const std::string& name : streamed_) convert_file(name);
    // Checksums first, from the staged files (outside the lock: a large ledger takes a while).
    std::string list;
    for (const std::string& name : names_) {
      list += "    {\"name\": \"" + name + "\", \"sha256\": \"" + sha256_file(tmp_ / name) + "\"}" +
              (&name == &names_.back() ? "" : ",") + "\n";
    }
    std::string inputs;
    for (const std::string& input : inputs_)
      inputs += std::string(inputs.empty() ? "" : ",") + "\n    " + nlohmann::json(input).dump();
    if (!inputs.empty()) inputs = "\n  \"inputs\": [" + inputs + "\n  ],";
    const std::string manifest = "{\n  \"run_id\": \"" + sha256_text(list).substr(0, 16) + "\"," +
                                 inputs + "\n  \"files\": [\n" + list + "  ]\n}\n";
    write(kManifest, manifest);
    names_.pop_back();  // the manifest is moved last, below
    const auto hold = hold_interrupts();
    std::error_code ec;
    std::filesystem::remove(dir_ / kManifest, ec);
    if (ec) fail_move(kManifest, ec);
    for (const std::string& name : names_) move(name);
    for (const std::string& name : dropped_) std::filesystem::remove(dir_ / name, ec);
    move(kManifest);
  }

 private:
  static constexpr const char* kManifest = "manifest.json";
  static bool is_csv(const std::string& name) {
    return name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0;
  }
  void convert_file(const std::string& name) {
    std::FILE* in = std::fopen((tmp_ / name).c_str(), "rb");
    if (in == nullptr) fail(name);
    std::string text;
    char buf[1 << 16];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, in)) > 0;) text.append(buf, n);
    std::fclose(in);
    const std::string out = convert_csv(text, csv_output());
    std::FILE* f = std::fopen((tmp_ / name).c_str(), "wb");
    if (f == nullptr) fail(name);
    close(f, name, std::fwrite(out.data(), 1, out.size(), f) == out.size());
  }
  std::vector<std::string> streamed_;
  std::vector<std::string> inputs_;
  void move(const std::string& name) {
    std::error_code ec;
    std::filesystem::rename(tmp_ / name, dir_ / name, ec);
    if (ec) fail_move(name, ec);
  }
  [[noreturn]] void fail_move(const std::string& name, const std::error_code& ec) {
    throw std::runtime_error("cannot move '" + name + "' into '" + dir_.string() +
                             "': " + ec.message());
  }
  [[noreturn]] void fail(const std::string& name) {
    throw std::runtime_error("cannot write '" + (dir_ / name).string() +
                             "': " + std::strerror(errno));
  }
  std::filesystem::path dir_, tmp_;
  RemoveOnInterrupt cleanup_;
  std::vector<std::string> names_, dropped_;
};

}  // namespace coachsim::report
