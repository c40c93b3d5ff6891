// Coaching schools with a protocol variant in a year (protocol_plan:): the coach follows the
// variant when every school of its caseload is listed for it, as not_coached: drops a coach.
#include <algorithm>
#include <set>

#include "coachsim/programme/population.hpp"
#include "coachsim/scenario/protocol_variants.hpp"

namespace coachsim::programme {

void apply_protocol_plan(const scenario::Scenario& s, Population& pop) {
  for (const scenario::ProtocolPlan& plan : s.protocol_plan) {
    std::size_t year = s.years.size();
    for (std::size_t y = 0; y < s.years.size(); ++y)
      if (s.years[y].year == plan.year) year = y;
    const std::size_t v = scenario::variant_index(s, plan.variant);
    if (year == s.years.size() || v == s.protocol_variants.size()) continue;  // validation says
    const std::set<std::string> listed(plan.schools.begin(), plan.schools.end());
    for (Coach& coach : pop.coaches) {
      const bool all_listed =
          !coach.caseload.empty() &&
          std::all_of(coach.caseload.begin(), coach.caseload.end(), [&](const CaseloadItem& i) {
            return listed.count(pop.schools[i.school].id) > 0;
          });
      if (!all_listed) continue;
      if (coach.variants.size() < s.years.size()) coach.variants.resize(s.years.size(), 0);
      coach.variants[year] = static_cast<std::uint8_t>(v + 1);
    }
  }
}

}  // namespace coachsim::programme
