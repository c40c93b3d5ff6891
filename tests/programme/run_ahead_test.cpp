// Coaches running their years ahead (RunDetail::kTotals, processes.hpp CoachProcess::run_ahead)
// against the run in event order: the same totals and counts, on the scenario pack's scenarios
// with unlimited money, including coach attrition, vacancies, cancelled trips, teacher turnover,
// hiring limits, protocol variants and several years.
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
  return std::tuple(m.year_index, m.region, m.coach, m.school, m.date, m.activity, m.reason,
                    m.round, m.ugel, m.quantity);
}

// Runs `s` (replication `r`) both ways and compares every total and count.
void expect_same_both_ways(const scenario::Scenario& s, std::uint64_t r) {
  const Population pop = build_population(s);
  testing::Run in_order(s, pop, true), ahead(s, pop, false);
  const RunStats in_order_stats = run_programme(s, pop, in_order.ledger, in_order.tally, r);
  const RunStats ahead_stats =
      run_programme(s, pop, ahead.ledger, ahead.tally, r, nullptr, nullptr, RunDetail::kTotals);
  // Running ahead, a trip or workshop ends without an event of its own: at least one event
  // fewer a trip.
  std::int64_t trips = 0;
  for (std::size_t y = 0; y < s.years.size(); ++y)
    for (std::size_t g = 0; g < pop.regions.size(); ++g) trips += in_order.tally.at(y, g).trips;
  ASSERT_GT(trips, 0);
  EXPECT_GE(in_order_stats.events - ahead_stats.events, static_cast<std::uint64_t>(trips));

  const ledger::Ledger &a = in_order.ledger, &b = ahead.ledger;
  EXPECT_EQ(a.grand_total(), b.grand_total());
  EXPECT_EQ(a.entry_count(), b.entry_count());
  for (std::size_t y = 0; y < a.years(); ++y)
    for (std::size_t g = 0; g < a.regions(); ++g) {
      for (std::size_t c = 0; c < a.category_count(); ++c)
        EXPECT_EQ(a.total(y, g, static_cast<costs::Category>(c)),
                  b.total(y, g, static_cast<costs::Category>(c)))
            << "year " << y << " region " << g << " category "
            << a.costs().category_id(static_cast<costs::Category>(c));
      for (unsigned m = 1; m <= 12; ++m)
        EXPECT_EQ(a.month_total(y, m, g), b.month_total(y, m, g))
            << "year " << y << " month " << m << " region " << g;
    }
  // Every count of the tally, bit for bit (the dose's sums of gains are added in the same order
  // at the year's close either way).
  for (std::size_t y = 0; y < s.years.size(); ++y)
    for (std::size_t g = 0; g < pop.regions.size(); ++g) {
      const RegionYearTally &x = in_order.tally.at(y, g), &z = ahead.tally.at(y, g);
      EXPECT_EQ(x.visits_done, z.visits_done) << "year " << y << " region " << g;
      EXPECT_EQ(x.teachers_full_protocol, z.teachers_full_protocol);
      EXPECT_EQ(0, std::memcmp(&x, &z, sizeof x)) << "year " << y << " region " << g;
    }
  // The same missed activities, in another order.
  std::vector<MissedRecord> ma = in_order.tally.missed(), mb = ahead.tally.missed();
  auto by_key = [](const MissedRecord& p, const MissedRecord& q) { return key(p) < key(q); };
  std::sort(ma.begin(), ma.end(), by_key);
  std::sort(mb.begin(), mb.end(), by_key);
  ASSERT_EQ(ma.size(), mb.size());
  for (std::size_t i = 0; i < ma.size(); ++i) EXPECT_EQ(key(ma[i]), key(mb[i])) << "missed " << i;
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
  // With a treasury, coaches compete for money: they wait for their events even when only
  // totals are asked for.
  const scenario::Scenario s = load("results-based.yaml");
  ASSERT_TRUE(s.budget.enabled);
  const Population pop = build_population(s);
  const BudgetPlan plan = testing::plan_of(s, pop);
  testing::Run in_order(s, pop, false), totals(s, pop, false);
  const RunStats in_order_stats =
      run_programme(s, pop, in_order.ledger, in_order.tally, 0, &plan, &in_order.record);
  const RunStats totals_stats = run_programme(s, pop, totals.ledger, totals.tally, 0, &plan,
                                              &totals.record, RunDetail::kTotals);
  EXPECT_EQ(totals_stats.events, in_order_stats.events);
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
  EXPECT_EQ(kept_stats.events, in_order_stats.events);
  ASSERT_EQ(kept.ledger.entries().size(), in_order.ledger.entries().size());
  for (std::size_t i = 0; i < kept.ledger.entries().size(); ++i)
    EXPECT_EQ(kept.ledger.entries()[i].event, in_order.ledger.entries()[i].event) << i;
}

}  // namespace run_ahead_test
}  // namespace coachsim::programme
