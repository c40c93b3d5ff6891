// A set of in-memory text files written through Staging (see file_set.hpp and staging.hpp).
#include "coachsim/report/file_set.hpp"

#include "staging.hpp"

namespace coachsim::report {

void write_file_set(const std::filesystem::path& dir,
                    const std::vector<std::pair<std::string, std::string>>& files) {
  Staging staging(dir);
  for (const auto& [name, text] : files) staging.write(name, text);
  staging.commit();
}

}  // namespace coachsim::report
