// The population of one run: regions, UGELs, schools, teachers, coaches and supervisors.
//
// Built from a Scenario by `build_population`: explicit schools are taken as listed, regional
// aggregates are expanded deterministically from the scenario seed (one random stream per
// region and aggregate, so adding a region does not change another's schools), then coaches
// get caseloads by the protocol's ratio rules and supervisors get groups of coaches.
// Entities live in contiguous vectors and refer to each other by index.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "coachsim/scenario/scenario.hpp"

namespace coachsim::programme {

struct RegionInfo {
  std::string id;
  std::uint32_t geography = 0;       // index into scenario.geographies (= calendar zone)
  std::vector<std::uint32_t> ugels;  // global UGEL indices
};

struct Ugel {
  std::string name;
  std::uint32_t region = 0;
};

struct School {
  std::string id;
  std::uint32_t region = 0;
  std::uint32_t ugel = 0;  // global UGEL index
  std::uint16_t type = 0;  // index into scenario.school_types
  bool urban = false;
  bool border = false;
  bool dispersed = false;  // distance above protocol.dispersed_above
  int teachers = 0;
  int students = 0;
  double distance_km = 0.0;         // one way from the coach base (UGEL seat)
  double travel_hours = 0.0;        // one way, dry season
  std::uint32_t first_teacher = 0;  // global index of its first teacher
  // Programme years (indices into scenario.years) the school is coached in; every year unless
  // scale_up enrols it later (enrolment.cpp). first > last: never coached.
  std::uint16_t first_year = 0, last_year = UINT16_MAX;
  bool active_in(std::size_t year) const { return first_year <= year && year <= last_year; }
};

// A slice of a school's teachers coached by one coach (large schools are split).
struct CaseloadItem {
  std::uint32_t school = 0;
  std::uint16_t first_teacher = 0;  // offset within the school
  std::uint16_t teachers = 0;
  // Copies of the school's figures a coach's trip reads, so that the hot path of a run does
  // not touch the school record (README "Performance").
  std::uint32_t school_first_teacher = 0;  // global index of the school's first teacher
  // A school of another UGEL than the coach's is reached through its own UGEL's seat, so these
  // are longer than the school's own figures (caseload.cpp).
  double distance_km = 0.0;
  double travel_hours = 0.0;
};

struct Coach {
  std::uint32_t region = 0;
  std::uint32_t ugel = 0;
  std::uint16_t type = 0;  // school type of its caseload
  std::uint16_t rule = 0;  // caseload rule of its smallest ratio
  int capacity = 0;        // teachers it could hold at its schools' mix of ratios
  int teachers = 0;
  int students = 0;
  std::vector<CaseloadItem> caseload;  // ordered nearest school first
  // Made from UGELs' last caseloads of its type, pooled across the region (caseload.cpp): room
  // left in it is packing loss from too few schools of the type nearby, not from unsplit ones.
  bool remainder = false;
  // Its region's coach count is an input (`coaches:`/`extra_coaches:`): the difference from the
  // norm's ratios is chosen, not packing loss (caseload_set_coaches.cpp, packing.cpp).
  bool set_by_input = false;
  // The years of its entry cohort (a caseload enters and leaves together).
  std::uint16_t first_year = 0, last_year = UINT16_MAX;
  // Bit y: not contracted in year y (not_coached: or shortfall: protect_teachers).
  std::uint64_t dropped_years = 0;
  bool active_in(std::size_t year) const {
    return first_year <= year && year <= last_year && !dropped_in(year);
  }
  bool dropped_in(std::size_t year) const { return year < 64 && ((dropped_years >> year) & 1U); }
  // Per year, the protocol it follows: 0 its school type's as written, k the scenario's
  // protocol_variants[k - 1] (protocol_plan:). Empty: the protocol as written every year.
  std::vector<std::uint8_t> variants{};
  std::uint8_t variant_in(std::size_t year) const {
    return year < variants.size() ? variants[year] : std::uint8_t{0};
  }
};

struct Supervisor {
  std::uint32_t region = 0;
  std::vector<std::uint32_t> coaches;
  std::uint16_t first_year = 0, last_year = UINT16_MAX;  // those of its coaches' cohort
  std::uint64_t dropped_years = 0;  // bit y: every one of its coaches is dropped in year y
  bool active_in(std::size_t year) const {
    return first_year <= year && year <= last_year &&
           !(year < 64 && ((dropped_years >> year) & 1U));
  }
};

struct Population {
  std::vector<RegionInfo> regions;
  std::vector<Ugel> ugels;
  std::vector<School> schools;
  std::vector<Coach> coaches;
  std::vector<Supervisor> supervisors;
  std::uint32_t teacher_count = 0;
};

// REQUIRES: scenario passed validation.
Population build_population(const scenario::Scenario& scenario, std::uint64_t replication = 0);

// build_population in its two steps, so that a sweep whose draws change only travel times
// (speeds, hours per travel day) draws the register once and repeats only the second step:
// build_register: regions, UGELs and schools with their distances (the aggregates expanded
// from the seed), no travel times and no coaches. It reads the seed, the regions' schools,
// aggregates and UGELs, the geographies' ids, the school types' ids and dispersed_above.
Population build_register(const scenario::Scenario& scenario, std::uint64_t replication = 0);
// assign_coaches: on a register from build_register of a scenario equal to `scenario` in all it
// reads, the schools' travel times at `scenario`'s speeds, then caseloads (with scale_up, per
// entry cohort), supervisors and not_coached.
void assign_coaches(const scenario::Scenario& scenario, Population& register_);

// The index of the first caseload rule matching a school; rules.size() when none matches
// (validation guarantees a fallback per school type).
std::size_t matching_rule(const scenario::Scenario& scenario, const School& school);

// Scale-up (enrolment.cpp): whether a school passes the eligibility filters, and the entry
// years of the schools, the caseloads per entry cohort and supervisors per cohort.
bool eligible(const scenario::Scenario& scenario, const School& school);
void enrol(const scenario::Scenario& scenario, Population& population);

// Drops coaches from year `year` (not contracted, their schools not coached), and the
// supervisors left without a coach that year (not_coached.cpp).
void drop_coaches(Population& population, std::size_t year,
                  const std::vector<std::uint32_t>& coaches);
// Applies the scenario's not_coached: a coach whose every caseload school is listed for a year
// is dropped that year.
void apply_not_coached(const scenario::Scenario& scenario, Population& population);
// Applies the scenario's protocol_plan: a coach whose every caseload school is listed for a year
// and variant follows that variant that year (protocol_plan.cpp).
void apply_protocol_plan(const scenario::Scenario& scenario, Population& population);

// Groups schools into coach caseloads (see caseload.cpp for the packing rule).
std::vector<Coach> assign_caseloads(const scenario::Scenario& scenario,
                                    const std::vector<School>& schools);

}  // namespace coachsim::programme
