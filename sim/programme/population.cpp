// Expanding a scenario into schools and teachers. Aggregates are drawn from one random stream
// per (region, aggregate), keyed by the scenario seed and the replication, so the population
// does not depend on the order regions are listed in or on anything else drawn in the run.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "coachsim/programme/population.hpp"
#include "coachsim/stochastic/random.hpp"
#include "coachsim/units/checked.hpp"

namespace coachsim::programme {
namespace {

using scenario::Distribution;

double draw_unbounded(stochastic::RandomStream& rng, const Distribution& d) {
  switch (d.shape) {
    case Distribution::Shape::kFixed:
      return d.a;
    case Distribution::Shape::kUniform:
      return rng.uniform(d.a, d.b);
    case Distribution::Shape::kTriangular:
      return rng.triangular(d.a, d.c, d.b);
    case Distribution::Shape::kLognormal:
      return rng.lognormal(std::log(d.a), d.b);
  }
  return d.a;
}

double draw(stochastic::RandomStream& rng, const Distribution& d) {
  return std::min(draw_unbounded(rng, d), d.max);
}

// Counts above this (teachers in a school, students per teacher) are not a school: refused
// instead of wrapping an int (README "Limits").
constexpr double kMaxDrawnCount = 100'000;
// The most schools one run holds: 25 times Peru's public primary schools (README "Limits").
constexpr std::size_t kMaxSchools = 2'000'000;

int draw_count(stochastic::RandomStream& rng, const Distribution& d, const std::string& region,
               const char* what) {
  const double x = draw(rng, d);
  if (!(x <= kMaxDrawnCount)) {
    units::throw_too_large("region " + region + ": a school drew " + std::to_string(x) + " " +
                           what + ", more than the limit of 100000");
  }
  return std::max(1, static_cast<int>(std::lround(x)));
}

std::uint16_t type_index(const scenario::Scenario& s, const std::string& id) {
  for (std::size_t i = 0; i < s.school_types.size(); ++i)
    if (s.school_types[i].id == id) return static_cast<std::uint16_t>(i);
  return 0;  // validation guarantees the id exists
}

std::uint32_t geography_index(const scenario::Scenario& s, const std::string& id) {
  for (std::size_t i = 0; i < s.geographies.size(); ++i)
    if (s.geographies[i].id == id) return static_cast<std::uint32_t>(i);
  return 0;
}

}  // namespace

Population build_register(const scenario::Scenario& s, std::uint64_t replication) {
  Population pop;
  const double dispersed_above = s.dispersed_above.value();
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    const scenario::Region& region = s.regions[r];
    RegionInfo info;
    info.id = region.id;
    info.geography = geography_index(s, region.geography);
    for (const std::string& name : region.ugels) {
      info.ugels.push_back(static_cast<std::uint32_t>(pop.ugels.size()));
      pop.ugels.push_back({name, static_cast<std::uint32_t>(r)});
    }
    auto add_school = [&](School school) {
      if (pop.schools.size() >= kMaxSchools ||
          pop.teacher_count > std::numeric_limits<std::uint32_t>::max() -
                                  static_cast<std::uint32_t>(std::max(0, school.teachers))) {
        units::throw_too_large("region " + region.id + ": more than " +
                               std::to_string(kMaxSchools) + " schools or 4294967295 teachers");
      }
      school.region = static_cast<std::uint32_t>(r);
      school.dispersed = school.distance_km > dispersed_above;
      school.first_teacher = pop.teacher_count;
      pop.teacher_count += static_cast<std::uint32_t>(school.teachers);
      pop.schools.push_back(std::move(school));
    };
    for (const scenario::SchoolRecord& rec : region.schools) {
      School school;
      school.id = rec.id;
      school.type = type_index(s, rec.school_type);
      school.urban = rec.urban;
      school.border = rec.border;
      school.teachers = rec.teachers;
      school.students = rec.students;
      school.distance_km = rec.distance.value();
      const auto ugel = std::find(region.ugels.begin(), region.ugels.end(), rec.ugel);
      school.ugel = info.ugels[static_cast<std::size_t>(ugel - region.ugels.begin())];
      add_school(std::move(school));
    }
    for (std::size_t a = 0; a < region.aggregates.size(); ++a) {
      const scenario::SchoolAggregate& agg = region.aggregates[a];
      // Keyed by the region's id and the aggregate's place in it, not by the region's place in
      // the list, so adding or reordering regions leaves every other region's schools alone.
      stochastic::RandomStream rng(
          {s.seed, replication, stochastic::stream_purpose(region.id) ^ (a * 0x9E3779B97F4A7C15ULL),
           stochastic::stream_purpose("population.school")});
      for (int k = 0; k < agg.count; ++k) {
        School school;
        school.id = region.id + "/" + agg.school_type + "/" + std::to_string(k + 1);
        school.type = type_index(s, agg.school_type);
        school.ugel = info.ugels[static_cast<std::size_t>(
            rng.uniform_int(0, static_cast<std::int64_t>(info.ugels.size()) - 1))];
        school.teachers = draw_count(rng, agg.teachers, region.id, "teachers");
        const std::int64_t students =
            std::int64_t{school.teachers} *
            draw_count(rng, agg.students_per_teacher, region.id, "students per teacher");
        if (students > std::numeric_limits<int>::max()) {
          units::throw_too_large("region " + region.id + ": a school of " +
                                 std::to_string(students) + " students");
        }
        school.students = static_cast<int>(students);
        // Distances are kept to 0.1 km, as a school register would list them.
        school.distance_km = std::round(draw(rng, agg.distance_km) * 10.0) / 10.0;
        school.border = rng.bernoulli(agg.border_share);
        school.urban = rng.bernoulli(agg.urban_share);
        add_school(std::move(school));
      }
    }
    pop.regions.push_back(std::move(info));
  }
  return pop;
}

// In the order build_register added the schools: each region's listed schools, then its
// aggregates' schools.
void set_travel_hours(const scenario::Scenario& s, Population& pop) {
  std::size_t k = 0;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    const scenario::Region& region = s.regions[r];
    const double speed = s.geographies[pop.regions[r].geography].speed.value();
    for (const scenario::SchoolRecord& rec : region.schools) {
      School& school = pop.schools[k++];
      school.travel_hours = rec.travel_time ? rec.travel_time->value() : school.distance_km / speed;
    }
    for (const scenario::SchoolAggregate& agg : region.aggregates)
      for (int n = 0; n < agg.count; ++n, ++k)
        pop.schools[k].travel_hours = pop.schools[k].distance_km / speed;
  }
}

void assign_coaches(const scenario::Scenario& s, Population& pop) {
  set_travel_hours(s, pop);
  if (s.scale_up.enabled) {  // schools enter over the years: caseloads per entry cohort
    enrol(s, pop);
    apply_not_coached(s, pop);
    apply_protocol_plan(s, pop);
    return;
  }
  pop.coaches = assign_caseloads(s, pop.schools);
  // Supervisors: each region's coaches in order, in groups of coaches_per_supervisor.
  const auto per = static_cast<std::size_t>(s.supervision.coaches_per_supervisor);
  for (std::size_t c = 0; per > 0 && c < pop.coaches.size(); ++c) {
    const std::uint32_t region = pop.coaches[c].region;
    if (pop.supervisors.empty() || pop.supervisors.back().region != region ||
        pop.supervisors.back().coaches.size() >= per) {
      pop.supervisors.push_back({region, {}});
    }
    pop.supervisors.back().coaches.push_back(static_cast<std::uint32_t>(c));
  }
  apply_not_coached(s, pop);
  apply_protocol_plan(s, pop);
}

Population build_population(const scenario::Scenario& s, std::uint64_t replication) {
  Population pop = build_register(s, replication);
  assign_coaches(s, pop);
  return pop;
}

}  // namespace coachsim::programme
