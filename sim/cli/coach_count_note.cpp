#include "coach_count_note.hpp"

#include <cstdio>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/programme/packing.hpp"

namespace coachsim::cli {

namespace {

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

std::string coach_count_note(const scenario::Scenario& s, const programme::Population& pop) {
  std::string out;
  for (const programme::PackingRow& row : programme::packing_by_region(s, pop)) {
    const scenario::Region* region = nullptr;
    for (const auto& r : s.regions)
      if (r.id == pop.regions[row.region].id) region = &r;
    if (region == nullptr || (!region->coaches && !region->extra_coaches)) continue;
    const std::string input = region->coaches
                                  ? "coaches: " + std::to_string(*region->coaches)
                                  : "extra_coaches: " + std::to_string(*region->extra_coaches);
    const double per_coach =
        row.coaches > 0 ? static_cast<double>(row.teachers) / static_cast<double>(row.coaches) : 0;
    const double at_ratio = row.at_ratio > 0 ? static_cast<double>(row.teachers) / row.at_ratio : 0;
    // The scenario's key (coaches: N) stays as written; the sentence around it is translated.
    out += trf("{0}: {1} coaches ({2}) for {3} teachers: {4} teachers per coach, against {5} at "
               "the norm's ratios ({6} coaches)",
               {region->id, std::to_string(row.coaches), input, std::to_string(row.teachers),
                fixed(per_coach, 2), fixed(at_ratio, 2), fixed(row.at_ratio, 1)}) +
           "\n";
  }
  return out;
}

}  // namespace coachsim::cli
