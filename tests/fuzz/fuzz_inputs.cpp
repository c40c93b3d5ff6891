// libFuzzer entry point; COACHSIM_FUZZ_TARGET (0, 1, 2) picks the input (fuzz_inputs.hpp).
// Built by -DCOACHSIM_FUZZ=ON with clang (README "Robustness").
#include <cstddef>
#include <cstdint>

#include "fuzz_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  coachsim::fuzz::feed(static_cast<coachsim::fuzz::Target>(COACHSIM_FUZZ_TARGET),
                       std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
