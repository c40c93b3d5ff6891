// The audit with a scenario's own cost category (cost_categories:): the actuals may give its
// spending, and its gap is split like a built-in category's.
#include <gtest/gtest.h>

#include "../support/small_scenario.hpp"
#include "coachsim/audit/audit.hpp"
#include "coachsim/programme/cost_table.hpp"

namespace coachsim::audit {
namespace audit_extra_category_test {

// The small scenario with an "insurance" category and 85.00 of it per coach-month (10 months).
scenario::Scenario with_insurance() {
  scenario::Scenario s = testing::small_scenario();
  s.cost_categories = {{"insurance", "Coach insurance"}};
  s.extra_costs = {
      {"coach_insurance", "insurance", scenario::CostDriver::kCoachMonth, 8500, "", ""}};
  return s;
}

TEST(AuditExtraCategory, TheActualsMayNameTheScenariosCategory) {
  const auto table = programme::cost_table(with_insurance());
  const std::string text =
      "region,year,measure,value,status,source\n"
      "Alpha,2021,spending.insurance,950.00,published,policy\n";
  const ActualsLoad loaded = load_actuals_text(text, "actuals.csv", *table);
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded.rows.size(), 1u);
  EXPECT_EQ(loaded.rows[0].spent(9), 95000);
  // Read with the built-in table only, the same line is an unknown measure.
  const ActualsLoad builtin = load_actuals_text(text, "actuals.csv");
  ASSERT_EQ(builtin.errors.size(), 1u);
  EXPECT_NE(builtin.errors[0].message.find("unknown measure 'spending.insurance'"),
            std::string::npos)
      << builtin.errors[0].message;
}

TEST(AuditExtraCategory, ItsGapIsSplitLikeABuiltInCategorys) {
  const scenario::Scenario s = with_insurance();
  const auto sim = results::simulate(s, false);
  RegionActuals a;
  a.region = "Alpha";
  a.year = 2021;
  const std::size_t categories = sim->ledger.category_count();
  ASSERT_EQ(categories, 10u);
  a.spending.assign(categories, 0);
  a.has_spending.assign(categories, true);
  for (std::size_t c = 0; c < categories; ++c)
    a.spending[c] = sim->ledger.total(0, 0, static_cast<costs::Category>(c));
  a.spending[9] += 10000;  // 100.00 more insurance than 10 months x 85.00
  const programme::RegionYearTally& t = sim->tally.at(0, 0);
  a.counts = {t.coaches, t.supervisors, t.staff, t.teachers, t.schools, t.students};
  a.has_count.fill(true);
  const auto audit = run_audit(s, *sim, {a}, {});
  const RegionAudit& r = audit.at(0).regions.at(0);
  ASSERT_EQ(r.gaps.size(), 10u);
  EXPECT_EQ(r.gaps[9].expected, 85000);
  EXPECT_EQ(r.gaps[9].actual, 95000);
  // Same teachers as expected: no quantity effect; not a price (fees, salaries): the rest.
  EXPECT_EQ(r.gaps[9].quantity, 0);
  EXPECT_EQ(r.gaps[9].price, 0);
  EXPECT_EQ(r.gaps[9].rest, 10000);
  EXPECT_EQ(r.total.actual - r.total.expected, 10000);
  EXPECT_EQ(audit.at(0).costs->category_id(static_cast<costs::Category>(9)), "insurance");
}

}  // namespace audit_extra_category_test
}  // namespace coachsim::audit
