// Checks of not_coached: each year is a scenario year listed once, and each school id names a
// school of the scenario (a CSV school, or "Region/type/k" of a region's aggregate).
#include <algorithm>
#include <set>

#include "checks.hpp"
#include "coachsim/i18n/tr.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

std::set<std::string> school_ids(const Scenario& s) {
  std::set<std::string> ids;
  for (const Region& r : s.regions) {
    for (const SchoolRecord& rec : r.schools) ids.insert(rec.id);
    for (const SchoolAggregate& a : r.aggregates)
      for (int k = 1; k <= a.count; ++k)
        ids.insert(r.id + "/" + a.school_type + "/" + std::to_string(k));
  }
  return ids;
}

void check_not_coached(Checker& c) {
  const Scenario& s = c.scenario();
  if (s.not_coached.empty()) return;
  const std::set<std::string> ids = school_ids(s);
  for (std::size_t i = 0; i < s.not_coached.size(); ++i) {
    const NotCoached& n = s.not_coached[i];
    const std::string p = indexed("not_coached", i);
    if (c.ok(p + ".year")) {
      const bool known = std::any_of(s.years.begin(), s.years.end(),
                                     [&](const SchoolYear& y) { return y.year == n.year; });
      if (!known)
        c.error(p + ".year",
                trf("expected one of the scenario's years, got {0}", {std::to_string(n.year)}));
      for (std::size_t j = 0; j < i; ++j) {
        if (s.not_coached[j].year != n.year) continue;
        c.error(p + ".year", trf("year {0} is listed twice (also {1})",
                                 {std::to_string(n.year), indexed("not_coached", j)}));
        break;
      }
    }
    for (std::size_t k = 0; k < n.schools.size(); ++k) {
      const std::string field = indexed(p + ".schools", k);
      if (!c.ok(field) || ids.count(n.schools[k]) > 0) continue;
      c.error(field, trf("unknown school {0} (expected a school id of a CSV file or "
                         "'Region/type/k' of an aggregate)",
                         {in_quotes(n.schools[k])}));
    }
  }
}

}  // namespace coachsim::scenario::detail
