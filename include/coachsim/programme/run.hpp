// Running the programme on the engine: one call simulates every school year of a scenario.
//
// The programme posts every cost to the ledger from the event that caused it and counts what
// was done and missed in the tally. It knows coaching, not files or formats.
#pragma once

#include <cstdint>

#include "coachsim/ledger/ledger.hpp"
#include "coachsim/programme/budget.hpp"
#include "coachsim/programme/population.hpp"
#include "coachsim/programme/tally.hpp"
#include "coachsim/scenario/scenario.hpp"

namespace coachsim::programme {

struct RunStats {
  std::uint64_t events = 0;
};

// REQUIRES: scenario passed validation; population built from it; ledger sized
// (scenario.years.size(), population.regions.size() + 1), the last region slot holding
// spending outside the regions; tally sized (years, population.regions.size()). `replication`
// keys the programme's own random events (streams keyed by scenario seed, replication, entity
// and purpose: engine/random.hpp).
// With `budget_plan` (and scenario.budget.enabled), money is limited by the scenario's budget
// and the treasury's month-ends and events go to `budget_record` (required then).
// What the caller reads of the run. kEntries: everything, including the order of the ledger's
// entries (ledger.csv) and of the tally's missed records (missed.csv), which is event order.
// kTotals: only totals and counts (a sweep's replication); with unlimited money each coach then
// runs its whole year at its contract start instead of one event a trip, which gives the same
// totals and counts, entry for entry, in another order (tests/programme/run_ahead_test.cpp).
enum class RunDetail { kEntries, kTotals };

RunStats run_programme(const scenario::Scenario& scenario, const Population& population,
                       ledger::Ledger& ledger, Tally& tally, std::uint64_t replication = 0,
                       const BudgetPlan* budget_plan = nullptr,
                       BudgetRecord* budget_record = nullptr,
                       RunDetail detail = RunDetail::kEntries);

}  // namespace coachsim::programme
