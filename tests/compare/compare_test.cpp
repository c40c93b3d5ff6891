// Aligning scenarios' metrics and their differences from the first, on the hand-computed small
// scenario (tests/support/small_scenario.hpp, README "A worked example": 131,991.00 in total,
// 30,000.00 of coach contracts = 10 months × 3,000.00).
#include "coachsim/compare/compare.hpp"

#include <gtest/gtest.h>

#include "../support/small_scenario.hpp"
#include "coachsim/results/simulation.hpp"

namespace coachsim {
namespace compare_test {

using compare::Comparison;
using compare::Entry;
using compare::Row;

Entry entry(const std::string& label, const scenario::Scenario& s) {
  return Entry{label, label + ".yaml", s.name, s.seed,
               results::metrics_of(results::simulate(s, false)->results)};
}

const Row& row(const Comparison& c, const std::string& key) {
  const Row* r = c.find(key);
  if (r == nullptr) throw std::runtime_error("no row " + key);
  return *r;
}

TEST(Compare, AScenarioAgainstItselfDiffersByExactlyZero) {
  const scenario::Scenario s = testing::small_scenario();
  const Comparison c = compare::compare({entry("a", s), entry("b", s)}, "PEN");
  ASSERT_EQ(c.rows.size(), c.scenarios[0].metrics.size());
  std::size_t with_pct = 0;
  for (const Row& r : c.rows) {
    ASSERT_TRUE(r.values[0] && r.values[1]) << r.key;
    EXPECT_FALSE(r.diffs[0]) << r.key;  // the baseline has no difference from itself
    ASSERT_TRUE(r.diffs[1]) << r.key;
    EXPECT_EQ(*r.diffs[1], 0.0) << r.key;
    // A percent difference exists exactly when the baseline is not zero, and is then 0.
    EXPECT_EQ(r.diff_pcts[1].has_value(), *r.values[0] != 0.0) << r.key;
    if (r.diff_pcts[1]) {
      EXPECT_EQ(*r.diff_pcts[1], 0.0) << r.key;
      ++with_pct;
    }
  }
  EXPECT_GT(with_pct, 20u);
}

TEST(Compare, AHigherCoachFeeDiffersByTheHandComputedCentimos) {
  const scenario::Scenario base = testing::small_scenario();
  scenario::Scenario dear = base;
  dear.coach.monthly_fee = units::per_month(330000);  // 3,300.00 instead of 3,000.00
  const Comparison c = compare::compare({entry("small", base), entry("dear", dear)}, "PEN");
  // 10 contract months × 300.00 more = 3,000.00 = 300,000 céntimos, all of it coach contracts.
  for (const std::string scope : {"Alpha/2021/", "national/2021/", "national/all/"}) {
    const Row& total = row(c, scope + "cost_total");
    EXPECT_EQ(*total.values[0], 13199100.0);
    EXPECT_EQ(*total.values[1], 13499100.0);
    EXPECT_EQ(*total.diffs[1], 300000.0);
    EXPECT_EQ(*total.diff_pcts[1], 300000.0 * 100.0 / 13199100.0);
    const Row& contracts = row(c, scope + "cost_coach_contracts");
    EXPECT_EQ(*contracts.values[0], 3000000.0);
    EXPECT_EQ(*contracts.diffs[1], 300000.0);
    EXPECT_EQ(*contracts.diff_pcts[1], 10.0);  // exactly: 300,000 × 100 / 3,000,000
    // Three teachers and one coach: 1,000.00 more per teacher, 3,000.00 more per coach.
    EXPECT_EQ(*row(c, scope + "cost_per_teacher").diffs[1], 100000.0);
    EXPECT_EQ(*row(c, scope + "cost_per_coach").diffs[1], 300000.0);
    for (const char* same : {"cost_travel", "cost_supervision", "cost_regional_staff", "teachers",
                             "coaches", "coverage_pct", "compliance_pct"})
      EXPECT_EQ(*row(c, scope + same).diffs[1], 0.0) << scope << same;
  }
}

TEST(Compare, AlignsScenariosWithDifferentRegionsAndLeavesMissingValuesEmpty) {
  const scenario::Scenario base = testing::small_scenario();
  scenario::Scenario wider = base;
  scenario::Region beta = base.regions.front();
  beta.id = "Beta";
  beta.ugels = {"B1"};
  for (auto& school : beta.schools) {
    school.id = "B-" + school.id;
    school.ugel = "B1";
  }
  wider.regions.push_back(beta);
  const Entry a = entry("small", base), b = entry("wider", wider);
  const Comparison c = compare::compare({a, b}, "PEN");
  // The union: every key of the baseline, in its order, then Beta's keys after them.
  std::size_t beta_rows = 0;
  for (const results::Metric& m : b.metrics) beta_rows += m.scope == "Beta" ? 1 : 0;
  ASSERT_GT(beta_rows, 0u);
  ASSERT_EQ(c.rows.size(), a.metrics.size() + beta_rows);
  for (std::size_t i = 0; i < a.metrics.size(); ++i)
    EXPECT_EQ(c.rows[i].key, results::metric_key(a.metrics[i]));
  for (std::size_t i = a.metrics.size(); i < c.rows.size(); ++i) {
    const Row& r = c.rows[i];
    EXPECT_EQ(r.scope, "Beta") << r.key;
    EXPECT_FALSE(r.values[0]) << r.key;  // empty, not zero
    EXPECT_TRUE(r.values[1]) << r.key;
    EXPECT_FALSE(r.diffs[1]) << r.key;
    EXPECT_FALSE(r.diff_pcts[1]) << r.key;
  }
  // Beta is a copy of Alpha: the national total doubles (+100%), Alpha is unchanged.
  EXPECT_EQ(*row(c, "Beta/2021/cost_total").values[1], *row(c, "Alpha/2021/cost_total").values[0]);
  EXPECT_EQ(*row(c, "Alpha/2021/cost_total").diffs[1], 0.0);
  EXPECT_EQ(*row(c, "national/all/teachers").diffs[1], 3.0);
}

TEST(Compare, KeysOnlyLaterScenariosHaveComeAfterTheFirstsInFirstSeenOrder) {
  auto m = [](const std::string& scope, const std::string& name, double v) {
    return results::Metric{scope, 2021, name, results::MetricUnit::kCount, v, ""};
  };
  Entry a{"a", "a.yaml", "A", 1, {m("R", "x", 4), m("R", "y", 0)}};
  Entry b{"b", "b.yaml", "B", 1, {m("R", "z", 5), m("R", "y", 2)}};
  Entry c3{"c", "c.yaml", "C", 1, {m("R", "w", 1), m("R", "x", 3)}};
  const Comparison c = compare::compare({a, b, c3}, "PEN");
  ASSERT_EQ(c.rows.size(), 4u);
  EXPECT_EQ(c.rows[0].key, "R/2021/x");
  EXPECT_EQ(c.rows[1].key, "R/2021/y");
  EXPECT_EQ(c.rows[2].key, "R/2021/z");
  EXPECT_EQ(c.rows[3].key, "R/2021/w");
  const Row& x = c.rows[0];
  EXPECT_FALSE(x.values[1]);
  EXPECT_EQ(*x.diffs[2], -1.0);
  EXPECT_EQ(*x.diff_pcts[2], -25.0);
  const Row& y = c.rows[1];  // a baseline of 0: a difference, no percent
  EXPECT_EQ(*y.diffs[1], 2.0);
  EXPECT_FALSE(y.diff_pcts[1]);
  EXPECT_FALSE(y.values[2]);
  EXPECT_FALSE(c.rows[2].values[0]);
  EXPECT_FALSE(c.rows[2].diffs[1]);
}

// A comparison built by hand: national rows of three years and the all-years row.
Comparison by_hand(const std::vector<std::pair<int, double>>& cost_diffs,
                   const std::vector<std::pair<int, double>>& full_protocol_diffs) {
  Comparison c;
  auto add = [&](int year, const std::string& name, double diff) {
    Row r;
    r.key = "national/" + (year == 0 ? std::string("all") : std::to_string(year)) + "/" + name;
    r.scope = "national";
    r.year = year;
    r.name = name;
    r.values = {100.0, 100.0 + diff};
    r.diffs = {std::nullopt, diff};
    c.rows.push_back(r);
  };
  for (const auto& [year, d] : cost_diffs) add(year, "cost_total", d);
  for (const auto& [year, d] : full_protocol_diffs) add(year, "full_protocol_pct", d);
  return c;
}

// The per-region views show the year that changed: a cut in 2021 is shown for 2021, not for
// the scenario's last year.
TEST(Compare, TheChangedYearIsTheOneWhoseNationalCostDiffersMost) {
  EXPECT_EQ(by_hand({{2020, 0.0}, {2021, -3000.0}, {2022, 500.0}, {0, -2500.0}}, {}).changed_year(),
            2021);
  // The size counts, not the sign.
  EXPECT_EQ(by_hand({{2020, 10.0}, {2021, -3.0}, {2022, 5.0}}, {}).changed_year(), 2020);
  // Ties go to the later year.
  EXPECT_EQ(by_hand({{2020, 7.0}, {2021, -7.0}, {2022, 0.0}}, {}).changed_year(), 2021);
  // At equal cost, the full-protocol share decides (protect_teachers against pro rata).
  EXPECT_EQ(
      by_hand({{2020, 0.0}, {2021, 0.0}, {2022, 0.0}}, {{2020, 0.0}, {2021, -40.0}, {2022, 0.0}})
          .changed_year(),
      2021);
  // Nothing differs: the last year.
  EXPECT_EQ(by_hand({{2020, 0.0}, {2021, 0.0}, {2022, 0.0}}, {}).changed_year(), 2022);
  EXPECT_EQ(Comparison{}.changed_year(), 0);
}

TEST(Compare, LabelsAreFileStemsMadeUnique) {
  EXPECT_EQ(compare::unique_labels({"scenarios/small.yaml", "other/small.yaml", "small.yml",
                                    "builtin:default", "x/default.yaml"}),
            (std::vector<std::string>{"small", "small-2", "small-3", "default", "default-2"}));
}

}  // namespace compare_test
}  // namespace coachsim
