// The budget: section: a valid one loads into Scenario::budget; mistakes are reported with
// file:line:column, the field and what was expected.
#include <gtest/gtest.h>

#include <algorithm>

#include "coachsim/scenario/loader.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace budget_load_test {

using testing::dump;
using testing::load_as_small;
using testing::load_small_plus;
using testing::only_error;
using testing::small_text;

TEST(BudgetLoad, AbsentMeansDisabled) {
  const LoadResult r = load_as_small(small_text());
  ASSERT_TRUE(r.errors.empty()) << dump(r.errors);
  EXPECT_FALSE(r.scenario.budget.enabled);
}

TEST(BudgetLoad, ReadsEverySetting) {
  int l = 0;
  const LoadResult r = load_small_plus(
      "budget:\n"
      "  release: monthly\n"
      "  pia: \"90%\"\n"
      "  pia_overrides:\n"
      "    - {region: Cajamarca, year: 2021, pia: \"4000000 PEN\"}\n"
      "  changes:\n"
      "    - {date: 2021-01-01, region: all, change: \"-15%\"}\n"
      "    - {date: 2021-06-01, region: Cajamarca, change: \"-250000 PEN\"}\n"
      "  rules:\n"
      "    - {id: diagnostic, indicator: diagnostic_visit_share, target: \"80%\", by: \"04-30\","
      " withhold: \"25%\"}\n"
      "    - {id: midyear, indicator: visits_done_share, target: \"50%\", by: \"07-15\", top_up: "
      "\"5%\"}\n"
      "  priority: [visits, teacher_workshops]\n"
      "  shortfall: defer\n"
      "  hiring: keep\n",
      l);
  ASSERT_TRUE(r.errors.empty()) << dump(r.errors);
  const Budget& b = r.scenario.budget;
  EXPECT_TRUE(b.enabled);
  EXPECT_EQ(b.release, BudgetRelease::kMonthly);
  EXPECT_TRUE(b.pia.is_share);
  EXPECT_DOUBLE_EQ(b.pia.share, 0.9);
  ASSERT_EQ(b.pia_overrides.size(), 1u);
  EXPECT_FALSE(b.pia_overrides[0].pia.is_share);
  EXPECT_EQ(b.pia_overrides[0].pia.centimos, 400000000);
  ASSERT_EQ(b.changes.size(), 2u);
  EXPECT_DOUBLE_EQ(b.changes[0].change.share, -0.15);
  EXPECT_EQ(b.changes[1].change.centimos, -25000000);
  ASSERT_EQ(b.rules.size(), 2u);
  EXPECT_EQ(b.rules[0].indicator, BudgetIndicator::kDiagnosticVisitShare);
  EXPECT_DOUBLE_EQ(b.rules[0].target, 0.8);
  EXPECT_EQ(b.rules[0].by.month, 4u);
  EXPECT_EQ(b.rules[0].by.day, 30u);
  EXPECT_DOUBLE_EQ(b.rules[0].withhold, 0.25);
  EXPECT_EQ(b.rules[1].indicator, BudgetIndicator::kVisitsDoneShare);
  EXPECT_DOUBLE_EQ(b.rules[1].top_up, 0.05);
  // Classes left out of the list are dropped before the listed ones, in their usual order.
  const std::vector<BudgetClass> expected = {BudgetClass::kCoachWorkshops, BudgetClass::kGiaRtc,
                                             BudgetClass::kSupervisorVisits, BudgetClass::kVisits,
                                             BudgetClass::kTeacherWorkshops};
  EXPECT_EQ(b.priority, expected);
  EXPECT_EQ(b.shortfall, BudgetShortfall::kDefer);
}

TEST(BudgetLoad, UnknownRegion) {
  int l = 0;
  const LoadResult r = load_small_plus(
      "budget:\n"
      "  changes:\n"
      "    - {date: 2021-01-01, region: Cajamarka, change: \"-15%\"}\n",
      l);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", l + 2, 34, "budget.changes[0].region",
                         {"unknown region 'Cajamarka'", "did you mean 'Cajamarca'?"}));
}

TEST(BudgetLoad, ShareAbove100Percent) {
  int l = 0;
  const LoadResult r = load_small_plus("budget:\n  pia: \"120%\"\n", l);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", l + 1, 8, "budget.pia",
                         {"expected a share between 0% and 100%", "got 120%"}));
}

TEST(BudgetLoad, DateOutsideTheYears) {
  int l = 0;
  const LoadResult r = load_small_plus(
      "budget:\n"
      "  changes:\n"
      "    - {date: 2030-01-01, region: all, change: \"10%\"}\n",
      l);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", l + 2, 14, "budget.changes[0].date",
                         {"expected a date within a school year of the scenario", "2030-01-01"}));
}

TEST(BudgetLoad, UnknownPriorityClass) {
  int l = 0;
  const LoadResult r = load_small_plus("budget:\n  priority: [visits, workshops]\n", l);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", l + 1, 22, "budget.priority[1]",
                         {"unknown activity class 'workshops'", "teacher_workshops"}));
}

TEST(BudgetLoad, ClassListedTwice) {
  int l = 0;
  const LoadResult r = load_small_plus("budget:\n  priority: [visits, visits]\n", l);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", l + 1, 22, "budget.priority[1]",
                         {"class 'visits' listed twice"}));
}

TEST(BudgetLoad, AmountWithoutUnitOrPercent) {
  int l = 0;
  const LoadResult r = load_small_plus("budget:\n  pia: \"3000000\"\n", l);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", l + 1, 8, "budget.pia",
                         {"expected a share like '90%' or an amount like '3000000 PEN'"}));
}

TEST(BudgetLoad, UnknownKeyAndBadRelease) {
  int l = 0;
  const LoadResult r = load_small_plus("budget:\n  release: weekly\n  relase: monthly\n", l);
  ASSERT_EQ(r.errors.size(), 2u) << dump(r.errors);
  EXPECT_EQ(r.errors[0].line, l + 1);
  EXPECT_NE(r.errors[0].message.find("expected one of monthly, quarterly, annual"),
            std::string::npos);
  EXPECT_EQ(r.errors[1].line, l + 2);
  EXPECT_NE(r.errors[1].message.find("did you mean 'release'?"), std::string::npos);
}

TEST(BudgetLoad, HiringStopIsNotSupportedYet) {
  int l = 0;
  const LoadResult r = load_small_plus("budget:\n  hiring: stop\n", l);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", l + 1, 11, "budget.hiring",
                         {"expected keep", "not supported yet", "got 'stop'"}));
}

TEST(BudgetLoad, UnknownYearInOverride) {
  int l = 0;
  const LoadResult r = load_small_plus(
      "budget:\n  pia_overrides:\n    - {region: Cajamarca, year: 2019, pia: \"90%\"}\n", l);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", l + 2, 33, "budget.pia_overrides[0].year",
                         {"expected one of the scenario's years, got 2019"}));
}

}  // namespace budget_load_test
}  // namespace coachsim::scenario
