// scenarios/small.yaml with an uncertainty section: the sweep tests' scenario.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace coachsim::testing {

inline const std::string kSmallDir = std::string(COACHSIM_SOURCE_DIR) + "/scenarios";

// Coach fee (dominant: one coach, ten months), materials (three teachers, a few soles) and a
// factor on the travel speed.
inline const char* const kSmallUncertainty = R"(
uncertainty:
  - field: coach.monthly_fee
    triangular: ["2500 PEN/month", "3000 PEN/month", "4000 PEN/month"]
    source: "ASSUMPTION: test range"
  - field: costs.materials_per_teacher
    uniform: ["29 PEN/participant", "31 PEN/participant"]
    source: "ASSUMPTION: test range"
  - field: geographies[plain].speed
    factor: {normal: [1.0, 0.1], min: 0.5}
    source: "ASSUMPTION: test range"
)";

inline std::string uncertain_small_text() {
  std::ifstream in(kSmallDir + "/small.yaml", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str() + kSmallUncertainty;
}

// Writes the scenario (and the schools CSV it names) into `dir` as `name`; returns its path.
inline std::string write_uncertain_small(const std::filesystem::path& dir,
                                         const std::string& name) {
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(kSmallDir + "/small-schools.csv", dir / "small-schools.csv",
                             std::filesystem::copy_options::overwrite_existing);
  std::ofstream(dir / name, std::ios::binary) << uncertain_small_text();
  return (dir / name).string();
}

}  // namespace coachsim::testing
