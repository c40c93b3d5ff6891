// How close the caseloads come to the norm's ratios: coaches against Σ teachers ÷ ratio, per
// region, and where the difference (the packing loss) comes from. Written to packing.csv.
#pragma once

#include <cstdint>
#include <vector>

#include "coachsim/programme/population.hpp"
#include "coachsim/scenario/scenario.hpp"

namespace coachsim::programme {

// A school's teachers per coach: its region's teachers_per_coach, else its first matching rule.
int school_ratio(const scenario::Scenario& scenario, const School& school);

struct PackingRow {
  std::uint32_t region = 0;
  std::int64_t teachers = 0;  // in caseloads (every entry cohort)
  std::int64_t coaches = 0;
  double at_ratio = 0.0;  // Σ teachers ÷ their school's ratio: coaches with perfect packing
  // coaches − at_ratio, split by cause: room left in caseloads closed because the next school
  // did not fit whole, and room left in the pooled last caseloads of UGELs that had too few
  // schools of the type within a day's travel to fill them.
  double loss_unsplit = 0.0, loss_few_nearby = 0.0;
  // In a region whose coach count is an input: coaches − at_ratio, chosen rather than lost
  // (negative when the input gives more coaches than the ratios would).
  double set_by_input = 0.0;
  std::int64_t across_ugels = 0;  // coaches with schools of more than one UGEL
  double loss() const { return loss_unsplit + loss_few_nearby + set_by_input; }
};

// One row per region, in the population's order.
std::vector<PackingRow> packing_by_region(const scenario::Scenario& scenario,
                                          const Population& population);

}  // namespace coachsim::programme
