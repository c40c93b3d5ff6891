// The built-in default scenario: national scale, and totals that are sums of the ledger.
#include <gtest/gtest.h>

#include "coachsim/programme/packing.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim {
namespace default_scenario_test {

TEST(DefaultScenario, RunsAtNationalScaleAndAddsUp) {
  const auto loaded =
      scenario::load_scenario_text(scenario::default_scenario_text(), "default", ".");
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded.scenario.years.size(), 3u);
  const auto sim = results::simulate(loaded.scenario, false);
  std::int64_t per_year_sum = 0;
  for (const results::Row& nation : sim->results.national) {
    EXPECT_GE(nation.tally.teachers, 30000);
    EXPECT_GE(nation.tally.coaches, 3500);
    // Coverage comes out of the schedule: some Amazon visits do not fit, most do.
    EXPECT_GT(nation.compliance_pct, 90.0);
    EXPECT_LT(nation.compliance_pct, 100.0);
    std::int64_t regions_sum = 0;
    for (const results::Row& r : sim->results.regions)
      if (r.year == nation.year) regions_sum += r.cost_total;
    EXPECT_EQ(regions_sum + nation.cost_outside_regions, nation.cost_total);
    EXPECT_EQ(sim->ledger.year_total(nation.year_index), nation.cost_total);
    per_year_sum += nation.cost_total;
  }
  EXPECT_EQ(per_year_sum, sim->ledger.grand_total());
  EXPECT_EQ(sim->results.grand_total, sim->ledger.grand_total());
  // Every region appears in every year of the variance table.
  EXPECT_EQ(sim->results.variance.front().n, static_cast<int>(loaded.scenario.regions.size()));
}

TEST(DefaultScenario, SameSeedSameResultOtherSeedOtherSchools) {
  auto loaded = scenario::load_scenario_text(scenario::default_scenario_text(), "default", ".");
  ASSERT_TRUE(loaded.ok());
  const auto a = results::simulate(loaded.scenario, false);
  const auto b = results::simulate(loaded.scenario, false);
  EXPECT_EQ(a->ledger.grand_total(), b->ledger.grand_total());
  EXPECT_EQ(a->events, b->events);
  loaded.scenario.seed += 1;
  const auto c = results::simulate(loaded.scenario, false);
  EXPECT_NE(a->ledger.grand_total(), c->ledger.grand_total());
}

// Issue 12 point 4: the default's coaches come within 5% of what the norm's ratios give
// (Σ teachers ÷ the ratio of each school's rule, seed 003_77fb35d22d95a5bc.txt 5.6), and the
// packing loss adds up per region and cause.
TEST(DefaultScenario, CoachesWithinFivePercentOfTheNormsRatios) {
  const auto loaded =
      scenario::load_scenario_text(scenario::default_scenario_text(), "default", ".");
  ASSERT_TRUE(loaded.ok());
  const programme::Population pop = programme::build_population(loaded.scenario);
  double at_ratio = 0.0, loss = 0.0;
  for (const programme::School& school : pop.schools)
    at_ratio +=
        static_cast<double>(school.teachers) / programme::school_ratio(loaded.scenario, school);
  std::int64_t coaches = 0;
  for (const programme::PackingRow& row : programme::packing_by_region(loaded.scenario, pop)) {
    EXPECT_NEAR(static_cast<double>(row.coaches) - row.at_ratio, row.loss(), 1e-6);
    EXPECT_GE(row.loss_unsplit, -1e-9);
    EXPECT_GE(row.loss_few_nearby, -1e-9);
    coaches += row.coaches;
    loss += row.loss();
  }
  EXPECT_EQ(coaches, static_cast<std::int64_t>(pop.coaches.size()));
  EXPECT_NEAR(static_cast<double>(coaches) - at_ratio, loss, 1e-6);
  EXPECT_LE(static_cast<double>(coaches), 1.05 * at_ratio);
  EXPECT_GE(static_cast<double>(coaches), at_ratio);  // no caseload above its ratio
}

}  // namespace default_scenario_test
}  // namespace coachsim
