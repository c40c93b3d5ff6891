// The flat metric list shared by sweep and compare: its figures are the results' figures, its
// layout is the same for every run of a scenario, and money metrics name their currency.
#include <gtest/gtest.h>

#include "../support/small_scenario.hpp"
#include "coachsim/results/metrics.hpp"
#include "coachsim/results/simulation.hpp"

namespace coachsim::results {
namespace metrics_test {

TEST(Metrics, NationalAllYearsCostIsTheGrandTotalAndEveryRowIsListed) {
  const auto sim = simulate(testing::small_scenario(), false);
  const std::vector<Metric> m = metrics_of(sim->results);
  double all_years = -1;
  std::size_t cost_totals = 0;
  for (const Metric& x : m) {
    if (x.name != "cost_total") continue;
    ++cost_totals;
    if (x.scope == "national" && x.year == 0) all_years = x.value;
  }
  EXPECT_EQ(all_years, static_cast<double>(sim->results.grand_total));
  // One per region-year row, one per national year, one over all years.
  EXPECT_EQ(cost_totals, sim->results.regions.size() + sim->results.national.size() + 1);
}

TEST(Metrics, TheLayoutIsTheSameForEveryReplication) {
  const auto a = simulate(testing::small_scenario(), false, 1);
  const auto b = simulate(testing::small_scenario(), false, 2);
  const std::vector<Metric> ma = metrics_of(a->results), mb = metrics_of(b->results);
  ASSERT_EQ(ma.size(), mb.size());
  for (std::size_t i = 0; i < ma.size(); ++i) EXPECT_EQ(metric_key(ma[i]), metric_key(mb[i]));
  EXPECT_EQ(metric_key(ma.back()), "national/all/teachers_per_coach");
}

TEST(Metrics, UsFiguresAreInDollarsAndTheRestInTheScenarioCurrency) {
  EXPECT_EQ(money_currency("cost_total_usd", "PEN"), "USD");
  EXPECT_EQ(money_currency("cost_per_teacher_usd", "PEN"), "USD");
  EXPECT_EQ(money_currency("cost_total", "PEN"), "PEN");
  EXPECT_EQ(money_currency("usd", "PEN"), "PEN");
}

}  // namespace metrics_test
}  // namespace coachsim::results
