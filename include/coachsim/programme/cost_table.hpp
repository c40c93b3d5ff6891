// The run's cost table: the built-in categories and activities, then the scenario's own
// (cost_categories:, extra_costs:) appended in the order written.
#pragma once

#include <memory>

#include "coachsim/costs/cost_table.hpp"
#include "coachsim/scenario/scenario.hpp"

namespace coachsim::programme {

// REQUIRES: scenario passed validation. Without scenario additions, CostTable::builtin() itself.
std::shared_ptr<const costs::CostTable> cost_table(const scenario::Scenario& scenario);

}  // namespace coachsim::programme
