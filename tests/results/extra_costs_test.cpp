// A scenario's own cost category and one extra cost per driver (cost_categories:, extra_costs:)
// on the small scenario (tests/support/small_scenario.hpp), computed by hand: the lines are
// posted with the activity that drives them, and the new category is a column like the others.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

#include "../support/ledger_sums.hpp"
#include "../support/small_scenario.hpp"
#include "coachsim/results/metric_list.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim {
namespace extra_costs_test {

using costs::Category;

// The small scenario has 1 coach with 3 teachers at 2 schools, contracted 1 March - 31
// December (10 whole months), and makes 4 visit trips (2 to each school).
scenario::Scenario small_with_extra_costs() {
  scenario::Scenario s = testing::small_scenario();
  s.cost_categories = {{"insurance", "Coach insurance"}};
  using D = scenario::CostDriver;
  s.extra_costs = {{"coach_insurance", "insurance", D::kCoachMonth, 8500, "", ""},
                   {"tablets", "materials", D::kTeacherYear, 12000, "", "none"},
                   {"coach_phone", "insurance", D::kCoachYear, 6000, "", ""},
                   {"school_kit", "materials", D::kSchoolYear, 2500, "", ""},
                   {"trip_insurance", "insurance", D::kVisitTrip, 750, "", "visits"}};
  return s;
}
constexpr auto kInsurance = static_cast<Category>(costs::kBuiltinCategoryCount);

TEST(ExtraCosts, TheScenarioIsValid) {
  EXPECT_TRUE(scenario::validate(small_with_extra_costs(), "small").empty());
}

TEST(ExtraCosts, EveryLineMatchesTheHandComputation) {
  const auto sim = results::simulate(small_with_extra_costs(), true);
  std::map<std::string, std::int64_t> by_activity;
  std::map<std::string, int> lines;
  for (const ledger::Entry& e : sim->ledger.entries()) {
    by_activity[std::string(sim->ledger.costs().activity_id(e.activity))] += e.amount;
    ++lines[std::string(sim->ledger.costs().activity_id(e.activity))];
  }
  // 10 contract months x 85.00; one line with each month's contract.
  EXPECT_EQ(by_activity["coach_insurance"], 85000);
  EXPECT_EQ(lines["coach_insurance"], 10);
  // With the year's materials: 3 teachers x 120.00; 1 coach x 60.00; 2 schools x 25.00.
  EXPECT_EQ(by_activity["tablets"], 36000);
  EXPECT_EQ(by_activity["coach_phone"], 6000);
  EXPECT_EQ(by_activity["school_kit"], 5000);
  // 4 visit trips x 7.50.
  EXPECT_EQ(by_activity["trip_insurance"], 3000);
  EXPECT_EQ(lines["trip_insurance"], 4);

  // By category: the new one holds its three lines; materials gains two; the rest as before
  // (small_scenario_test.cpp: materials 190.00, grand total 131,991.00).
  EXPECT_EQ(sim->ledger.total(0, 0, kInsurance), 85000 + 6000 + 3000);
  EXPECT_EQ(sim->ledger.total(0, 0, Category::kMaterials), 19000 + 36000 + 5000);
  EXPECT_EQ(sim->ledger.total(0, 0, Category::kTravel), 30000);
  EXPECT_EQ(sim->ledger.grand_total(), 13199100 + 94000 + 41000);
  const results::Row& row = sim->results.regions.at(0);
  ASSERT_EQ(row.cost_by_category.size(), 10u);
  EXPECT_EQ(row.cost_by_category[9], 94000);
  EXPECT_EQ(row.cost_total, 13334100);
  EXPECT_EQ(sim->results.national.at(0).cost_by_category[9], 94000);
}

TEST(ExtraCosts, TheLedgerSumsToEveryCategoryTotal) {
  scenario::Scenario s = small_with_extra_costs();
  s.costs.overhead_rate = 0.035;
  const auto sim = results::simulate(s, true);
  testing::LedgerSums sums = testing::ledger_sums(sim->ledger);
  const std::int64_t sum = sums.total;
  std::map<int, std::int64_t>& by_category = sums.by_category;
  EXPECT_EQ(sum, sim->ledger.grand_total());
  EXPECT_EQ(sum, sim->results.national.at(0).cost_total);
  const results::Row& row = sim->results.regions.at(0);
  for (std::size_t c = 0; c < row.cost_by_category.size(); ++c)
    EXPECT_EQ(by_category[static_cast<int>(c)], row.cost_by_category[c]) << c;
  // The category's column is a metric like the built-in ones (regions.csv, summary.json ...).
  const results::MetricDef& m = results::category_metric(*sim->results.costs, 9);
  EXPECT_EQ(m.id, "cost_insurance");
  EXPECT_EQ(results::exact_value(m, row), 94000);
}

TEST(ExtraCosts, OverheadCoversTheExtraLinesAsDirectCost) {
  // Overhead is a share of each month's direct cost, extra lines included: 3.5% of the 1,350.00
  // they add is 47.25, give or take one céntimo of rounding in each month with postings.
  scenario::Scenario without = testing::small_scenario();
  without.costs.overhead_rate = 0.035;
  scenario::Scenario with = small_with_extra_costs();
  with.costs.overhead_rate = 0.035;
  const auto a = results::simulate(without, false), b = results::simulate(with, false);
  const std::int64_t added =
      b->ledger.total(0, 0, Category::kOther) - a->ledger.total(0, 0, Category::kOther);
  EXPECT_LE(std::llabs(added - 4725), 12) << added;
}

}  // namespace extra_costs_test
}  // namespace coachsim
