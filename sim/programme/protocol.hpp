// Private to the programme module: the protocol of norm NT-026 compiled from the scenario, once
// per school type, into the steps a coach follows (coach_process.cpp).
//
// The norm (NT-026-01-MINEDU, 6.1 c–f) gives each teacher, per school year: classroom visits
// ("visita en aula", six of two to three days), peer-learning groups (GIA, four of at least
// three hours) and collegiate meetings (RTC, two), both held "on a day apart from the visits, at
// each school", and teacher workshops ("taller", ten days in two); the coach attends its own
// macro-regional workshops. The scenario says how many of each a school type gets
// (scenario.school_types); this file turns that into a plan:
//
//   round r of visits: visit every school of the caseload, nearest first (visit_days[r] days per
//                      teacher, plus the round's GIA/RTC when they are held at the school),
//                      then, when GIA/RTC are held for the whole caseload at one host school,
//                      the round's cluster sessions there;
//   workshops:         a fixed number, their days split evenly (dated per year: year_plan.cpp).
//
// The sessions are spread over the rounds: the j-th of n sessions falls in the round at the
// centre of its share of the year. To add a step to the protocol, add it here (and to the
// scenario's SchoolTypeProtocol) and give the coach a step function for it.
#pragma once

#include <cstdint>
#include <vector>

#include "coachsim/scenario/scenario.hpp"

namespace coachsim::programme {

// One round of classroom visits of a school type.
struct VisitRound {
  int visit_days = 0;            // days in each teacher's classroom
  std::uint8_t gia = 0;          // GIA sessions held at each school on its visit trip
  std::uint8_t rtc = 0;          // RTC sessions held at each school on its visit trip
  std::uint8_t cluster_gia = 0;  // GIA sessions held for the whole caseload at the host school
  std::uint8_t cluster_rtc = 0;  // RTC sessions held for the whole caseload at the host school
  bool cluster_sessions() const { return cluster_gia + cluster_rtc > 0; }
};

// The protocol of one school type: what every coach of that type does each year.
struct Protocol {
  std::vector<VisitRound> rounds;
  int gia_session_days = 1;  // working days one GIA takes (its hours over the coach's day)
  int rtc_session_days = 1;
  std::vector<int> coach_workshop_days;    // one entry per coach workshop: its working days
  std::vector<int> teacher_workshop_days;  // one entry per teacher workshop
  // Per teacher per year, what the coach plans (the tally's *_planned figures).
  int visits_per_teacher = 0;
  int visit_days_per_teacher = 0;
  int gia_per_teacher = 0;
  int rtc_per_teacher = 0;
  long teacher_workshop_days_per_teacher = 0;
  long coach_workshop_days_per_coach = 0;

  // Days on site of a school's visit in round `r` for its `teachers` teachers (the visits, then
  // the sessions held there); of the round's cluster sessions at the host school.
  int school_visit_days(std::size_t r, int teachers) const {
    const VisitRound& round = rounds[r];
    return teachers * round.visit_days + round.gia * gia_session_days +
           round.rtc * rtc_session_days;
  }
  int cluster_session_days(std::size_t r) const {
    const VisitRound& round = rounds[r];
    return round.cluster_gia * gia_session_days + round.cluster_rtc * rtc_session_days;
  }
};

// The round in which the j-th (0-based) of `count` sessions falls among `rounds` visit rounds:
// the centre of its equal share of the rounds.
int session_round(int j, int count, int rounds);

// One Protocol per scenario school type, in the scenario's order; then, for each of the
// scenario's protocol_variants in order, one per school type under that variant (the index of
// type t under variant k is k * types + t, k = 0 the protocol as written).
std::vector<Protocol> compile_protocols(const scenario::Scenario& s);

}  // namespace coachsim::programme
