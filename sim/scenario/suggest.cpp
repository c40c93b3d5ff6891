// Public access to the loader's "did you mean" (see suggest.hpp): one rule for every name.
#include "coachsim/scenario/suggest.hpp"

#include "text_util.hpp"

namespace coachsim::scenario {

std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates) {
  return detail::did_you_mean(given, candidates);
}

}  // namespace coachsim::scenario
