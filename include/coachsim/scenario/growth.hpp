// Growth over years: which schools enter the programme when (scale_up:) and how coaches are
// hired, trained, leave and are replaced (coach_supply:). Both are optional; when a section is
// absent (`enabled` false) every school is coached every year and coaches are all in post from
// the contract start, as before.
#pragma once

#include <string>
#include <vector>

#include "coachsim/units/quantities.hpp"

namespace coachsim::scenario {

// Focalisation filters on the school list (DOMAIN.md "Focalisation"). A school failing one is
// never coached.
struct Eligibility {
  std::vector<std::string> school_types;  // empty: every type
  bool rural_only = false;                // urban schools excluded
  int min_students = 0;
};

// Which eligible schools of a region enter first.
enum class EntryOrder { kNearestFirst, kListed };

// Teachers in the programme in a region and year: continuing stages plus new entrants.
struct EnrolmentTarget {
  std::string region;  // a region id, or "all" (every region, each its own target)
  int year = 0;
  bool is_share = false;
  double share = 0.0;  // of the region's eligible teachers, 0..1
  int count = 0;       // teachers, when !is_share
};

struct ScaleUp {
  bool enabled = false;
  Eligibility eligibility;
  int stages = 3;  // years a school's teachers stay (stage 1..stages)
  EntryOrder order = EntryOrder::kNearestFirst;
  std::vector<EnrolmentTarget> targets;
};

struct CoachSupply {
  bool enabled = false;
  int hires_per_month = 0;          // per region; 0: no limit
  units::Days initial_training{};   // working days a new coach trains before its first trip
  double attrition_per_year = 0;    // share of coaches leaving within 365 days, 0..1
  units::Days replacement_delay{};  // calendar days a post stays vacant
  double visit_cancellation = 0;    // probability that a trip is cancelled, 0..1
};

// Teachers who change: each school year after a school's first, each teacher post is taken by a
// teacher new to the programme with this probability (Peru's contract teachers rotate between
// schools from year to year). A newcomer starts at stage 1, which changes the years-coached
// dose and the outcomes; the protocol and its cost follow the post, not the person.
struct TeacherTurnover {
  bool enabled = false;
  double share_per_year = 0;  // 0..1
};

}  // namespace coachsim::scenario
