// The audit's gap decomposition and the actuals reader.
#include <gtest/gtest.h>

#include "../support/small_scenario.hpp"
#include "coachsim/audit/audit.hpp"

namespace coachsim::audit {
namespace audit_test {

using costs::Category;

// Actuals equal to what the small scenario's simulation expects, category by category.
RegionActuals expected_actuals(const results::Simulation& sim) {
  RegionActuals a;
  a.region = "Alpha";
  a.year = 2021;
  for (int c = 0; c < costs::kBuiltinCategoryCount; ++c) {
    a.spending[static_cast<std::size_t>(c)] = sim.ledger.total(0, 0, static_cast<Category>(c));
    a.has_spending[static_cast<std::size_t>(c)] = true;
  }
  const programme::RegionYearTally& t = sim.tally.at(0, 0);
  a.counts = {t.coaches, t.supervisors, t.staff, t.teachers, t.schools, t.students};
  a.has_count.fill(true);
  return a;
}

TEST(Audit, ARegionThatSpendsWhatItsStructureCostsHasNoGap) {
  const scenario::Scenario s = testing::small_scenario();
  const auto sim = results::simulate(s, false);
  const auto audit = run_audit(s, *sim, {expected_actuals(*sim)}, {});
  ASSERT_EQ(audit.size(), 1u);
  const RegionAudit& r = audit[0].regions.at(0);
  EXPECT_TRUE(r.simulated);
  EXPECT_EQ(r.total.actual, 13199100);
  EXPECT_EQ(r.total.expected, 13199100);
  EXPECT_EQ(r.total.price + r.total.quantity + r.total.rest, 0);
}

TEST(Audit, OnlyAPriceDifferenceIsAttributedWhollyToPrice) {
  const scenario::Scenario s = testing::small_scenario();
  const auto sim = results::simulate(s, false);
  RegionActuals a = expected_actuals(*sim);
  a.spending[static_cast<std::size_t>(Category::kCoachContracts)] += 600000;  // fee 20% higher
  const RegionAudit r = run_audit(s, *sim, {a}, {})[0].regions.at(0);
  const CategoryGap& g = r.gaps[static_cast<std::size_t>(Category::kCoachContracts)];
  EXPECT_EQ(g.actual - g.expected, 600000);
  EXPECT_EQ(g.price, 600000);
  EXPECT_EQ(g.quantity, 0);
  EXPECT_EQ(g.rest, 0);
  EXPECT_EQ(r.total.price, 600000);
}

TEST(Audit, MoreCoachesIsAQuantityEffectAtTheExpectedCostPerCoach) {
  const scenario::Scenario s = testing::small_scenario();
  const auto sim = results::simulate(s, false);
  RegionActuals a = expected_actuals(*sim);
  // Two coaches at the standard cost of one (30,000.00): all quantity, no price.
  a.counts[static_cast<std::size_t>(Count::kCoaches)] = 2;
  a.spending[static_cast<std::size_t>(Category::kCoachContracts)] = 6000000;
  const RegionAudit r = run_audit(s, *sim, {a}, {})[0].regions.at(0);
  const CategoryGap& g = r.gaps[static_cast<std::size_t>(Category::kCoachContracts)];
  EXPECT_EQ(g.quantity, 3000000);
  EXPECT_EQ(g.price, 0);
  // Travel per teacher above the expected is left unexplained, not called a price.
  a.spending[static_cast<std::size_t>(Category::kTravel)] += 10000;
  const RegionAudit r2 = run_audit(s, *sim, {a}, {})[0].regions.at(0);
  EXPECT_EQ(r2.gaps[static_cast<std::size_t>(Category::kTravel)].rest, 10000);
  EXPECT_EQ(r2.gaps[static_cast<std::size_t>(Category::kTravel)].price, 0);
}

TEST(Audit, RegionsOutsideTheScenarioGetRatiosButNoExpectedCost) {
  const scenario::Scenario s = testing::small_scenario();
  const auto sim = results::simulate(s, false);
  RegionActuals a = expected_actuals(*sim);
  a.region = "Beta";
  const RegionAudit r = run_audit(s, *sim, {a}, {})[0].regions.at(0);
  EXPECT_FALSE(r.simulated);
  EXPECT_DOUBLE_EQ(r.cost_per_teacher, 43997.0);
  EXPECT_EQ(r.total.expected, 0);
}

TEST(Actuals, ReadsTheLongFormat) {
  const ActualsLoad a = load_actuals_text(
      "region,year,measure,value,status,source\n"
      "Alpha,2021,spending.coach_contracts,30000.00,published,\"Table 1, p. 3\"\n"
      "Alpha,2021,count.coaches,1,published,\n"
      "Alpha,2021,spending.travel,300.5,constructed,\n",
      "a.csv");
  ASSERT_TRUE(a.ok()) << a.errors.front().to_string();
  ASSERT_EQ(a.rows.size(), 1u);
  EXPECT_EQ(a.rows[0].spending[static_cast<std::size_t>(Category::kCoachContracts)], 3000000);
  EXPECT_EQ(a.rows[0].spending[static_cast<std::size_t>(Category::kTravel)], 30050);
  EXPECT_EQ(a.rows[0].count(Count::kCoaches), 1);
  EXPECT_EQ(a.rows[0].published, 2);
  EXPECT_EQ(a.rows[0].constructed, 1);
}

TEST(Actuals, MalformedRowsAreReportedWithFileLineAndColumn) {
  const ActualsLoad a = load_actuals_text(
      "region,year,measure,value,status\n"
      "Alpha,2021,spending.coach_contract,1,published\n"
      "Alpha,20x1,count.coaches,1,published\n"
      "Alpha,2021,count.coaches,1.5,published\n"
      "Alpha,2021,spending.travel,1.234,published\n"
      "Alpha,2021,count.teachers,3,maybe\n"
      "Alpha,2021,count.schools,2,published\n"
      "Alpha,2021,count.schools,2,published\n",
      "bad.csv");
  ASSERT_EQ(a.errors.size(), 6u);
  EXPECT_EQ(a.errors[0].to_string().substr(0, 12), "bad.csv:2:3:");
  EXPECT_NE(a.errors[0].message.find("unknown measure 'spending.coach_contract'"),
            std::string::npos);
  EXPECT_EQ(a.errors[1].line, 3);
  EXPECT_EQ(a.errors[1].column, 2);
  EXPECT_NE(a.errors[2].message.find("whole number"), std::string::npos);
  EXPECT_NE(a.errors[3].message.find("at most 2 decimals"), std::string::npos);
  EXPECT_NE(a.errors[4].message.find("'published' or 'constructed'"), std::string::npos);
  EXPECT_NE(a.errors[5].message.find("duplicate"), std::string::npos);
  EXPECT_EQ(a.errors[5].line, 8);
}

TEST(Actuals, MissingColumnsAndFiles) {
  EXPECT_NE(load_actuals_text("region,year,value\n", "h.csv")
                .errors.at(0)
                .message.find("missing column 'measure'"),
            std::string::npos);
  const ActualsLoad none = load_actuals_file("/nonexistent/actuals.csv");
  ASSERT_EQ(none.errors.size(), 1u);
  EXPECT_NE(none.errors[0].message.find("cannot read actuals file"), std::string::npos);
}

}  // namespace audit_test
}  // namespace coachsim::audit
