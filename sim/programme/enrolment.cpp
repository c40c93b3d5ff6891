// Scale-up: which schools are eligible, when each enters the programme, and the caseloads and
// supervisor groups of each entry cohort.
//
// Each region's eligible schools are queued in the scenario's order (nearest first, or as
// listed). For each year with a target, schools are taken whole from the queue while the
// region's teachers in the programme (continuing stages plus entrants) are below the target,
// so the target is met or passed by less than one school. A school stays `stages` years (fewer
// when the scenario ends first) and enters once. Caseloads are packed per entry cohort with the
// usual rules (caseload.cpp), so a coach's schools enter and leave together, and supervisors
// are grouped per region and cohort.
#include <algorithm>

#include "coachsim/programme/population.hpp"
#include "coachsim/units/rounding.hpp"

namespace coachsim::programme {
namespace {

const scenario::EnrolmentTarget* target_for(const scenario::ScaleUp& up, const std::string& region,
                                            int year) {
  const scenario::EnrolmentTarget* all = nullptr;
  for (const scenario::EnrolmentTarget& t : up.targets) {
    if (t.year != year) continue;
    if (t.region == region) return &t;  // a region's own target overrides `all`
    if (t.region == "all") all = &t;
  }
  return all;
}

}  // namespace

bool eligible(const scenario::Scenario& s, const School& school) {
  const scenario::Eligibility& e = s.scale_up.eligibility;
  if (!e.school_types.empty() && std::find(e.school_types.begin(), e.school_types.end(),
                                           s.school_types[school.type].id) == e.school_types.end())
    return false;
  if (e.rural_only && school.urban) return false;
  return school.students >= e.min_students;
}

void enrol(const scenario::Scenario& s, Population& pop) {
  const std::size_t years = s.years.size();
  const auto stages = static_cast<std::size_t>(s.scale_up.stages);
  for (School& school : pop.schools) {  // not enrolled until a target takes it
    school.first_year = UINT16_MAX;
    school.last_year = 0;
  }
  for (std::uint32_t r = 0; r < pop.regions.size(); ++r) {
    std::vector<std::uint32_t> queue;
    std::int64_t eligible_teachers = 0;
    for (std::uint32_t i = 0; i < pop.schools.size(); ++i) {
      if (pop.schools[i].region != r || !eligible(s, pop.schools[i])) continue;
      queue.push_back(i);
      eligible_teachers += pop.schools[i].teachers;
    }
    if (s.scale_up.order == scenario::EntryOrder::kNearestFirst) {
      std::stable_sort(queue.begin(), queue.end(), [&](std::uint32_t a, std::uint32_t b) {
        return pop.schools[a].distance_km < pop.schools[b].distance_km;
      });
    }
    std::vector<std::int64_t> in_programme(years, 0);  // teachers per year
    std::size_t next = 0;
    for (std::size_t y = 0; y < years; ++y) {
      const scenario::EnrolmentTarget* t =
          target_for(s.scale_up, pop.regions[r].id, s.years[y].year);
      if (t == nullptr) continue;
      // A share is rounded half away from zero to whole teachers.
      const std::int64_t goal =
          t->is_share ? units::round_half_away(t->share * static_cast<double>(eligible_teachers))
                      : t->count;
      while (in_programme[y] < goal && next < queue.size()) {
        School& school = pop.schools[queue[next++]];
        school.first_year = static_cast<std::uint16_t>(y);
        school.last_year = static_cast<std::uint16_t>(std::min(y + stages, years) - 1);
        for (std::size_t k = y; k <= school.last_year; ++k) in_programme[k] += school.teachers;
      }
    }
  }

  // Caseloads per entry cohort, then supervisors per region and cohort.
  for (std::size_t y = 0; y < years; ++y) {
    std::vector<School> cohort;
    std::vector<std::uint32_t> index;  // cohort position -> population school
    for (std::uint32_t i = 0; i < pop.schools.size(); ++i) {
      if (pop.schools[i].first_year != y) continue;
      cohort.push_back(pop.schools[i]);
      index.push_back(i);
    }
    for (Coach& coach : assign_caseloads(s, cohort)) {
      for (CaseloadItem& item : coach.caseload) item.school = index[item.school];
      coach.first_year = static_cast<std::uint16_t>(y);
      coach.last_year = pop.schools[coach.caseload.front().school].last_year;
      pop.coaches.push_back(std::move(coach));
    }
  }
  const auto per = static_cast<std::size_t>(s.supervision.coaches_per_supervisor);
  for (std::uint32_t c = 0; per > 0 && c < pop.coaches.size(); ++c) {
    const Coach& coach = pop.coaches[c];
    if (pop.supervisors.empty() || pop.supervisors.back().region != coach.region ||
        pop.supervisors.back().first_year != coach.first_year ||
        pop.supervisors.back().coaches.size() >= per) {
      pop.supervisors.push_back({coach.region, {}, coach.first_year, coach.last_year});
    }
    pop.supervisors.back().coaches.push_back(c);
  }
}

}  // namespace coachsim::programme
