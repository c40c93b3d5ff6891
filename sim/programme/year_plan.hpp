// Private to the programme module: one school year's dates, derived once from the scenario and
// the compiled protocols (protocol.hpp): school days, the day each visit round may start, the
// fixed-date workshops of each school type and each region's contract dates.
#pragma once

#include <cstdint>
#include <vector>

#include "coachsim/calendar/calendar.hpp"
#include "coachsim/scenario/scenario.hpp"
#include "protocol.hpp"

namespace coachsim::programme {

using calendar::Date;

// A fixed-date workshop a coach attends: its own (macro-regional) or one it runs for its
// teachers ("taller", at the UGEL).
struct Workshop {
  Date start;
  Date end;      // last working day
  int days = 0;  // working days
  bool coach_workshop = false;
  int number = 0;    // 0-based within its kind
  bool fits = true;  // all its days fall before the contract ends
};

// What one school year looks like.
struct YearPlan {
  std::size_t index = 0;
  Date first_day, last_day;  // 1 Jan .. 31 Dec
  Date first_school_day, last_school_day;
  int school_days = 0;
  std::vector<std::vector<Date>> round_starts;   // per school type, per visit round
  std::vector<std::vector<Workshop>> workshops;  // per school type, by start date
  std::vector<Date> contract_start;              // per region (after its delay)
  Date contract_end;
};

// The n-th (0-based) school day on or after `from`.
Date nth_school_day(const calendar::Calendar& cal, Date from, int n);

// One plan per scenario year. Visit rounds open evenly spread over the year's school days; the
// workshops of each type fall on the year's workshop start dates (the next working day).
std::vector<YearPlan> plan_years(const scenario::Scenario& s,
                                 const std::vector<Protocol>& protocols,
                                 const calendar::Calendar& cal);

}  // namespace coachsim::programme
