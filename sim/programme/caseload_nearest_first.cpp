// Caseloads packed as before issue 12 (`protocol.caseload_packing: nearest_first`), kept for
// the historical scenarios (peru-2010 ... peru-2013, apm-multigrade) whose school structures
// were sized so that this packing gives the published coach counts (seed 001 Table 1). The
// default (`pooled`, caseload.cpp) comes closer to the norm's ratios.
//
// Schools are grouped by (region, UGEL, school type); within a group they are taken nearest
// first and packed into coaches. Each school's own ratio comes from the first caseload rule it
// matches (border, urban, dispersed), and a coach's capacity is the smallest ratio among its
// schools: one far or border school lowers the caseload of the coach who serves it, as the norm
// asks (NT-026 5.5: fewer teachers per school and more dispersion give smaller caseloads).
// A school that fits in a fresh coach is never split; a school larger than a whole caseload is
// split into full caseloads plus a remainder.
#include <algorithm>
#include <tuple>

#include "caseload_packers.hpp"

namespace coachsim::programme {

std::vector<Coach> assign_caseloads_nearest_first(const scenario::Scenario& s,
                                                  const std::vector<School>& schools) {
  struct Keyed {
    std::uint32_t region, ugel;
    std::uint16_t type;
    std::size_t rule;
    double distance;
    std::uint32_t school;
  };
  std::vector<Keyed> order;
  order.reserve(schools.size());
  for (std::uint32_t i = 0; i < schools.size(); ++i) {
    const School& sc = schools[i];
    order.push_back({sc.region, sc.ugel, sc.type, matching_rule(s, sc), sc.distance_km, i});
  }
  std::sort(order.begin(), order.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.region, a.ugel, a.type, a.distance, a.school) <
           std::tie(b.region, b.ugel, b.type, b.distance, b.school);
  });

  std::vector<Coach> coaches;
  Coach* current = nullptr;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Keyed& key = order[k];
    const bool new_group = k == 0 || key.region != order[k - 1].region ||
                           key.ugel != order[k - 1].ugel || key.type != order[k - 1].type;
    if (new_group) current = nullptr;
    const int ratio = s.regions[key.region].teachers_per_coach.value_or(
        s.caseload_rules[key.rule].teachers_per_coach);
    const School& school = schools[key.school];
    int remaining = school.teachers;
    int offset = 0;
    while (remaining > 0) {
      const int capacity = current == nullptr ? ratio : std::min(current->capacity, ratio);
      const int room = current == nullptr ? 0 : capacity - current->teachers;
      // Start a fresh coach when there is no room, or rather than split a school that would
      // fit whole in a fresh coach.
      if (room <= 0 || (remaining > room && remaining <= ratio)) {
        coaches.push_back({key.region,
                           key.ugel,
                           key.type,
                           static_cast<std::uint16_t>(key.rule),
                           ratio,
                           0,
                           0,
                           {}});
        current = &coaches.back();
      } else if (capacity < current->capacity) {
        current->capacity = capacity;
        current->rule = static_cast<std::uint16_t>(key.rule);
      }
      const int take = std::min(remaining, current->capacity - current->teachers);
      current->caseload.push_back({key.school, static_cast<std::uint16_t>(offset),
                                   static_cast<std::uint16_t>(take), school.first_teacher,
                                   school.distance_km, school.travel_hours});
      current->teachers += take;
      // Students follow their teachers: a split school's students are shared pro rata, with
      // cumulative rounding so that the slices add up to the school's total exactly.
      current->students += school.students * (offset + take) / school.teachers -
                           school.students * offset / school.teachers;
      offset += take;
      remaining -= take;
    }
  }
  return coaches;
}

}  // namespace coachsim::programme
