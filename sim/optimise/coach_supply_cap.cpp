// The optimiser's per-region coach cap from the scenario's coach_supply: the coaches a region can
// have contracted in a year as the simulation hires them (programme/coach_supply.cpp): every
// returning coach, plus the new posts its hiring limit fills before the contract ends.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "coachsim/calendar/calendar.hpp"
#include "coachsim/optimise/optimise.hpp"

namespace coachsim::optimise {
using calendar::add_months;
using calendar::Date;

std::vector<std::int64_t> coach_supply_caps(const scenario::Scenario& s,
                                            const programme::Population& pop, std::size_t year) {
  std::vector<std::int64_t> caps(pop.regions.size(), -1);
  const scenario::CoachSupply& cs = s.coach_supply;
  if (!cs.enabled || cs.hires_per_month <= 0 || year >= s.years.size()) return caps;
  const scenario::SchoolYear& y = s.years[year];
  for (std::size_t r = 0; r < caps.size() && r < s.regions.size(); ++r) {
    // The k-th new coach starts k / hires_per_month months after the region's contract start
    // and is not hired when that falls after the contract's end: the months that can start.
    const Date start =
        y.contract_start +
        std::chrono::days{static_cast<int>(std::lround(s.regions[r].contract_delay.value()))};
    std::int64_t months = 0;
    while (add_months(start, static_cast<int>(months)) <= y.contract_end) ++months;
    caps[r] = months * cs.hires_per_month;
  }
  // Returning coaches (of an earlier cohort) are not limited by hiring.
  for (const programme::Coach& c : pop.coaches)
    if (c.active_in(year) && c.first_year < year && caps[c.region] >= 0) caps[c.region] += 1;
  return caps;
}

}  // namespace coachsim::optimise
