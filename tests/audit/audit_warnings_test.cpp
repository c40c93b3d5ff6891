// What the audit tells the reader besides the findings: too few regions for a z-score to reach
// 2, counts the actuals did not give, and findings ranked by the gap in money.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "../support/small_scenario.hpp"
#include "coachsim/audit/audit.hpp"

namespace coachsim::audit {
namespace audit_warnings_test {

using costs::Category;

// Actuals equal to what the small scenario's simulation expects for Alpha, under `name`.
RegionActuals actuals_like_alpha(const results::Simulation& sim, const std::string& name) {
  RegionActuals a;
  a.region = name;
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

bool mentions(const std::vector<std::string>& warnings, const std::string& part) {
  for (const std::string& w : warnings)
    if (w.find(part) != std::string::npos) return true;
  return false;
}

TEST(AuditWarnings, ThreeRegionsCannotReachTwoSdAndTheAuditSaysSo) {
  const scenario::Scenario s = testing::small_scenario();
  const auto sim = results::simulate(s, false);
  RegionActuals beta = actuals_like_alpha(*sim, "Beta"), gamma = actuals_like_alpha(*sim, "Gamma");
  gamma.spending[static_cast<std::size_t>(Category::kTravel)] *= 50;  // far out, still z < 2
  const YearAudit ya = run_audit(s, *sim, {actuals_like_alpha(*sim, "Alpha"), beta, gamma}, {})[0];
  EXPECT_TRUE(ya.findings.empty());
  // (n - 1) / sqrt(n) = 2 / sqrt(3) = 1.1547: the largest z three values can give.
  EXPECT_TRUE(mentions(ya.warnings,
                       "only 3 regions in the statistics of 2021: no z-score can "
                       "reach 2 (the largest possible is 1.15)"))
      << (ya.warnings.empty() ? "" : ya.warnings.front());
  // Excluding one leaves two; six regions are enough (5 / sqrt(6) = 2.04).
  EXPECT_TRUE(mentions(
      run_audit(s, *sim, {actuals_like_alpha(*sim, "Alpha"), beta, gamma}, {{"Gamma"}})[0].warnings,
      "only 2 regions"));
  std::vector<RegionActuals> six;
  for (const char* name : {"A", "B", "C", "D", "E", "F"})
    six.push_back(actuals_like_alpha(*sim, name));
  EXPECT_FALSE(mentions(run_audit(s, *sim, six, {})[0].warnings, "no z-score"));
}

TEST(AuditWarnings, AMissingCountLeavesItsRatiosOutAndIsNamed) {
  const scenario::Scenario s = testing::small_scenario();
  const auto sim = results::simulate(s, false);
  RegionActuals alpha = actuals_like_alpha(*sim, "Alpha");
  alpha.has_count[static_cast<std::size_t>(Count::kStudents)] = false;
  alpha.counts[static_cast<std::size_t>(Count::kStudents)] = 0;
  const YearAudit ya = run_audit(s, *sim, {alpha, actuals_like_alpha(*sim, "Beta")}, {})[0];
  EXPECT_EQ(ya.regions[0].cost_per_student, 0.0);  // blank in the files, not a cost of 0
  for (const RatioSpread& spread : ya.ratios)
    if (spread.metric == "cost_per_student") {
      EXPECT_EQ(spread.n, 1);  // Beta only
    }
  EXPECT_TRUE(mentions(ya.warnings,
                       "count.students is not in the actuals for 1 region (Alpha): "
                       "cost per student, students per coach, students per school "
                       "left blank for it and out of the spreads"));
  EXPECT_FALSE(mentions(ya.warnings, "count.teachers"));
}

TEST(AuditWarnings, FindingsAreRankedByTheGapInMoneyNotByZ) {
  const scenario::Scenario s = testing::small_scenario();
  const auto sim = results::simulate(s, false);
  // Eighteen regions at Alpha's standard cost per teacher, Beta (outside the scenario, so no
  // expected cost and no gap) at twice it, Alpha itself 80% above its expected cost.
  std::vector<RegionActuals> rows;
  for (int k = 0; k < 18; ++k) rows.push_back(actuals_like_alpha(*sim, "R" + std::to_string(k)));
  RegionActuals beta = actuals_like_alpha(*sim, "Beta");
  for (auto& v : beta.spending) v *= 2;
  RegionActuals alpha = actuals_like_alpha(*sim, "Alpha");
  alpha.spending[static_cast<std::size_t>(Category::kCoachContracts)] += 10559280;  // 80% of total
  rows.push_back(beta);
  rows.push_back(alpha);
  const YearAudit ya = run_audit(s, *sim, rows, {})[0];
  ASSERT_EQ(ya.findings.size(), 2u);
  // z of 2.0 x and 1.8 x among eighteen 1.0 x: 3.26 and 2.55; Beta stands out more...
  EXPECT_GT(ya.findings[1].severity, ya.findings[0].severity);
  EXPECT_NEAR(ya.findings[1].severity, 3.26, 0.01);
  // ...but Alpha's 105,592.80 above its expected cost comes first.
  EXPECT_EQ(ya.findings[0].region, "Alpha");
  EXPECT_EQ(ya.findings[0].gap, 10559280);
  EXPECT_EQ(ya.findings[1].region, "Beta");
  EXPECT_EQ(ya.findings[1].gap, 0);
}

}  // namespace audit_warnings_test
}  // namespace coachsim::audit
