// LoadError formatting.
#include "coachsim/scenario/loader.hpp"

namespace coachsim::scenario {

std::string LoadError::to_string() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  out += ": ";
  if (!field.empty()) out += field + ": ";
  out += message;
  return out;
}

}  // namespace coachsim::scenario
