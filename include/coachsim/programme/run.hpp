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
  // Events simulated: those the engine's queue ran, plus the trips and workshops coaches ended
  // while running their years ahead (below), so the count is the same either way.
  std::uint64_t events = 0;
  std::uint64_t queued = 0;  // of them, those that went through the queue
};

// REQUIRES: scenario passed validation; population built from it; ledger sized
// (scenario.years.size(), population.regions.size() + 1), the last region slot holding
// spending outside the regions; tally sized (years, population.regions.size()). `replication`
// keys the programme's own random events (streams keyed by scenario seed, replication, entity
// and purpose: engine/random.hpp).
// With `budget_plan` (and scenario.budget.enabled), money is limited by the scenario's budget
// and the treasury's month-ends and events go to `budget_record` (required then).
// What the caller reads of the tally. kRecords: its missed records (missed.csv, the SQLite
// ledger), which are then sorted by date, year, region, UGEL, coach, school, activity, reason,
// round and quantity, so they are the same whatever order the run took its steps in. kTotals:
// only totals and counts (a sweep's replication), and the records are left as they came.
//
// The order of work: with unlimited money and a ledger that does not keep its entries, each
// coach runs its whole year at its contract start instead of one event a trip
// (CoachProcess::run_ahead), which gives the same totals, counts and (sorted) missed records;
// a ledger that keeps its entries (ledger.csv) or a budget keeps event order
// (tests/programme/run_ahead_test.cpp).
enum class RunDetail { kRecords, kTotals };

RunStats run_programme(const scenario::Scenario& scenario, const Population& population,
                       ledger::Ledger& ledger, Tally& tally, std::uint64_t replication = 0,
                       const BudgetPlan* budget_plan = nullptr,
                       BudgetRecord* budget_record = nullptr,
                       RunDetail detail = RunDetail::kRecords);

}  // namespace coachsim::programme
