// Coaches running their years ahead (processes.hpp CoachProcess::run_ahead, run.hpp) against
// the run in event order: the same totals, counts and missed records, on the scenario pack's
// scenarios with unlimited money, including coach attrition, vacancies, cancelled trips, teacher
// turnover, hiring limits, protocol variants and several years.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <tuple>
#include <vector>

#include "budget_test_util.hpp"
#include "coachsim/ledger/ledger.hpp"
#include "coachsim/programme/cost_table.hpp"
#include "coachsim/programme/population.hpp"
#include "coachsim/programme/run.hpp"
#include "coachsim/programme/tally.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim::programme {
namespace run_ahead_test {

auto key(const MissedRecord& m) {
  return std::tuple(m.date, m.year_index, m.region, m.ugel, m.coach, m.school, m.activity, m.reason,
                    m.round, m.quantity);
}

// Every ledger total (by year, region and category, and by month) and every tally count, bit
// for bit (the dose's sums of gains are added in the same order at the year's close either way).
void expect_same_totals(const testing::Run& a, const testing::Run& b, std::size_t years,
                        std::size_t regions) {
  EXPECT_EQ(a.ledger.grand_total(), b.ledger.grand_total());
  EXPECT_EQ(a.ledger.entry_count(), b.ledger.entry_count());
  for (std::size_t y = 0; y < years; ++y)
    for (std::size_t g = 0; g <= regions; ++g) {
      for (std::size_t c = 0; c < a.ledger.category_count(); ++c) {
        const auto category = static_cast<costs::Category>(c);
        EXPECT_EQ(a.ledger.total(y, g, category), b.ledger.total(y, g, category))
            << "year " << y << " region " << g << " category "
            << a.ledger.costs().category_id(category);
      }
      for (unsigned m = 1; m <= 12; ++m)
        EXPECT_EQ(a.ledger.month_total(y, m, g), b.ledger.month_total(y, m, g))
            << "year " << y << " month " << m << " region " << g;
    }
  for (std::size_t y = 0; y < years; ++y)
    for (std::size_t g = 0; g < regions; ++g) {
      const RegionYearTally &x = a.tally.at(y, g), &z = b.tally.at(y, g);
      EXPECT_EQ(x.visits_done, z.visits_done) << "year " << y << " region " << g;
      EXPECT_EQ(x.teachers_full_protocol, z.teachers_full_protocol);
      EXPECT_EQ(0, std::memcmp(&x, &z, sizeof x)) << "year " << y << " region " << g;
    }
}

void expect_same_missed(const std::vector<MissedRecord>& a, const std::vector<MissedRecord>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(key(a[i]), key(b[i])) << "missed " << i;
}

// Runs `s` (replication `r`) three ways: in event order (its ledger keeps its entries), ahead
// with the missed records read (`run --no-ledger`), and ahead for totals only (a sweep).
void expect_same_both_ways(const scenario::Scenario& s, std::uint64_t r) {
  const Population pop = build_population(s);
  const std::size_t years = s.years.size(), regions = pop.regions.size();
  testing::Run in_order(s, pop, true), ahead(s, pop, false), totals(s, pop, false);
  const RunStats in_order_stats = run_programme(s, pop, in_order.ledger, in_order.tally, r);
  const RunStats ahead_stats = run_programme(s, pop, ahead.ledger, ahead.tally, r);
  const RunStats totals_stats =
      run_programme(s, pop, totals.ledger, totals.tally, r, nullptr, nullptr, RunDetail::kTotals);
  // The same events simulated, but running ahead a trip or workshop ends without going through
  // the queue: at least one queued event fewer a trip.
  EXPECT_EQ(ahead_stats.events, in_order_stats.events);
  EXPECT_EQ(totals_stats.events, in_order_stats.events);
  EXPECT_EQ(in_order_stats.queued, in_order_stats.events);
  std::int64_t trips = 0;
  for (std::size_t y = 0; y < years; ++y)
    for (std::size_t g = 0; g < regions; ++g) trips += in_order.tally.at(y, g).trips;
  ASSERT_GT(trips, 0);
  EXPECT_GE(in_order_stats.queued - ahead_stats.queued, static_cast<std::uint64_t>(trips));

  expect_same_totals(in_order, ahead, years, regions);
  expect_same_totals(in_order, totals, years, regions);
  // The missed records, sorted the same (RunDetail::kRecords), or left in the order they came.
  expect_same_missed(in_order.tally.missed(), ahead.tally.missed());
  std::vector<MissedRecord> unsorted = totals.tally.missed();
  sort_missed(unsorted);
  expect_same_missed(in_order.tally.missed(), unsorted);
}

scenario::Scenario load(const std::string& name) {
  const auto loaded =
      scenario::load_scenario_file(std::string(COACHSIM_SOURCE_DIR) + "/scenarios/" + name);
  EXPECT_TRUE(loaded.ok()) << name;
  return loaded.scenario;
}

TEST(RunAhead, UncertainDefaultWithAttritionCancellationsAndTurnoverGivesTheSameTotals) {
  const scenario::Scenario s = load("uncertain-default.yaml");
  ASSERT_GT(s.coach_supply.visit_cancellation, 0.0);
  ASSERT_TRUE(s.teacher_turnover.enabled);
  for (std::uint64_t r : {0u, 7u}) {
    SCOPED_TRACE("replication " + std::to_string(r));
    expect_same_both_ways(s, r);
  }
}

TEST(RunAhead, HiringLimitsVariantsAndSmallSchemesGiveTheSameTotals) {
  for (const char* name : {"coach-shortage.yaml", "light-protocol.yaml", "small.yaml",
                           "apm-multigrade.yaml", "long-rainy-season.yaml"}) {
    SCOPED_TRACE(name);
    expect_same_both_ways(load(name), 3);
  }
}

TEST(RunAhead, ABudgetKeepsEventOrder) {
  // With a treasury, coaches compete for money: they wait for their events even when the ledger
  // keeps no entries.
  const scenario::Scenario s = load("results-based.yaml");
  ASSERT_TRUE(s.budget.enabled);
  const Population pop = build_population(s);
  const BudgetPlan plan = testing::plan_of(s, pop);
  testing::Run in_order(s, pop, false), totals(s, pop, false);
  const RunStats in_order_stats =
      run_programme(s, pop, in_order.ledger, in_order.tally, 0, &plan, &in_order.record);
  const RunStats totals_stats = run_programme(s, pop, totals.ledger, totals.tally, 0, &plan,
                                              &totals.record, RunDetail::kTotals);
  EXPECT_EQ(totals_stats.queued, in_order_stats.queued);
  EXPECT_EQ(totals_stats.queued, totals_stats.events);
  EXPECT_EQ(totals.ledger.grand_total(), in_order.ledger.grand_total());
  EXPECT_EQ(totals.tally.missed().size(), in_order.tally.missed().size());
}

TEST(RunAhead, ALedgerThatKeepsItsEntriesKeepsEventOrder) {
  const scenario::Scenario s = load("small.yaml");
  const Population pop = build_population(s);
  testing::Run in_order(s, pop, true), kept(s, pop, true);
  const RunStats in_order_stats = run_programme(s, pop, in_order.ledger, in_order.tally);
  const RunStats kept_stats =
      run_programme(s, pop, kept.ledger, kept.tally, 0, nullptr, nullptr, RunDetail::kTotals);
  EXPECT_EQ(kept_stats.queued, in_order_stats.queued);
  EXPECT_EQ(kept_stats.queued, kept_stats.events);
  ASSERT_EQ(kept.ledger.entries().size(), in_order.ledger.entries().size());
  for (std::size_t i = 0; i < kept.ledger.entries().size(); ++i)
    EXPECT_EQ(kept.ledger.entries()[i].event, in_order.ledger.entries()[i].event) << i;
}

}  // namespace run_ahead_test
}  // namespace coachsim::programme
