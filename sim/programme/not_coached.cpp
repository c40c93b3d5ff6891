// Leaving caseloads out of a year: the coach is not contracted and its schools are not coached;
// a supervisor whose coaches are all out is not contracted either.
#include <algorithm>
#include <set>

#include "coachsim/programme/population.hpp"

namespace coachsim::programme {

void drop_coaches(Population& pop, std::size_t year, const std::vector<std::uint32_t>& coaches) {
  if (year >= 64) return;  // validation caps the years far below this
  const std::uint64_t bit = std::uint64_t{1} << year;
  for (std::uint32_t c : coaches) pop.coaches[c].dropped_years |= bit;
  for (Supervisor& sup : pop.supervisors) {
    const bool all_out = std::all_of(sup.coaches.begin(), sup.coaches.end(), [&](std::uint32_t c) {
      return (pop.coaches[c].dropped_years & bit) != 0;
    });
    if (all_out && !sup.coaches.empty()) sup.dropped_years |= bit;
  }
}

void apply_not_coached(const scenario::Scenario& s, Population& pop) {
  for (const scenario::NotCoached& n : s.not_coached) {
    std::size_t year = s.years.size();
    for (std::size_t y = 0; y < s.years.size(); ++y)
      if (s.years[y].year == n.year) year = y;
    if (year == s.years.size()) continue;  // validation reports unknown years
    const std::set<std::string> listed(n.schools.begin(), n.schools.end());
    std::vector<std::uint32_t> out;
    for (std::uint32_t c = 0; c < pop.coaches.size(); ++c) {
      const std::vector<CaseloadItem>& items = pop.coaches[c].caseload;
      const bool all_listed =
          !items.empty() && std::all_of(items.begin(), items.end(), [&](const CaseloadItem& i) {
            return listed.count(pop.schools[i.school].id) > 0;
          });
      if (all_listed) out.push_back(c);
    }
    drop_coaches(pop, year, out);
  }
}

}  // namespace coachsim::programme
