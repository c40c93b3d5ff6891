// cost_categories: and extra_costs: a scenario's own cost categories and lines load into the
// Scenario; each mistake is reported with file:line:column, the field and what was expected.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "coachsim/scenario/loader.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace extra_costs_load_test {

using testing::dump;
using testing::load_as_small;
using testing::only_error;
using testing::small_text;

// The small scenario with `lines` appended, one YAML line each; `line_of(k)` is the file line of
// lines[k] and `column_of(k, token)` the 1-based column where `token` starts on it.
struct Appended {
  std::vector<std::string> lines;
  int first = 0;
  LoadResult result;
  int line_of(std::size_t k) const { return first + static_cast<int>(k); }
  int column_of(std::size_t k, const std::string& token) const {
    return static_cast<int>(lines[k].find(token)) + 1;
  }
};

Appended with_lines(std::vector<std::string> lines) {
  Appended a;
  a.lines = std::move(lines);
  const std::string base = small_text();
  a.first = static_cast<int>(std::count(base.begin(), base.end(), '\n')) + 1;
  std::string text = base;
  for (const std::string& l : a.lines) text += l + "\n";
  a.result = load_as_small(text);
  return a;
}

TEST(ExtraCostsLoad, AbsentMeansNone) {
  const LoadResult r = load_as_small(small_text());
  ASSERT_TRUE(r.errors.empty()) << dump(r.errors);
  EXPECT_TRUE(r.scenario.cost_categories.empty());
  EXPECT_TRUE(r.scenario.extra_costs.empty());
}

TEST(ExtraCostsLoad, ReadsCategoriesAndOneCostPerDriver) {
  const Appended a = with_lines({
      "cost_categories:",
      "  - {id: insurance, label: \"Coach insurance\"}",
      "  - {id: phones}",
      "extra_costs:",
      "  - {id: coach_insurance, category: insurance, per: coach_month, rate: \"85 PEN/month\"}",
      "  - {id: tablets, category: materials, per: teacher_year, rate: \"120 PEN/participant\","
      " budget_class: none, label: \"Tablets\"}",
      "  - {id: coach_phone, category: phones, per: coach_year, rate: \"60 PEN/participant\"}",
      "  - {id: school_kit, category: materials, per: school_year, rate: \"25.50 "
      "PEN/participant\"}",
      "  - {id: trip_insurance, category: insurance, per: visit_trip, rate: \"7.5 "
      "PEN/participant\","
      " budget_class: visits}",
  });
  ASSERT_TRUE(a.result.errors.empty()) << dump(a.result.errors);
  const Scenario& s = a.result.scenario;
  ASSERT_EQ(s.cost_categories.size(), 2u);
  EXPECT_EQ(s.cost_categories[0].id, "insurance");
  EXPECT_EQ(s.cost_categories[0].label, "Coach insurance");
  EXPECT_EQ(s.cost_categories[1].label, "phones");  // the id when no label is given
  ASSERT_EQ(s.extra_costs.size(), 5u);
  EXPECT_EQ(s.extra_costs[0].per, CostDriver::kCoachMonth);
  EXPECT_EQ(s.extra_costs[0].rate, 8500);
  EXPECT_EQ(s.extra_costs[0].label, "coach_insurance");
  EXPECT_EQ(s.extra_costs[1].per, CostDriver::kTeacherYear);
  EXPECT_EQ(s.extra_costs[1].label, "Tablets");
  EXPECT_EQ(s.extra_costs[2].per, CostDriver::kCoachYear);
  EXPECT_EQ(s.extra_costs[3].per, CostDriver::kSchoolYear);
  EXPECT_EQ(s.extra_costs[3].rate, 2550);
  EXPECT_EQ(s.extra_costs[4].per, CostDriver::kVisitTrip);
  EXPECT_EQ(s.extra_costs[4].rate, 750);
}

TEST(ExtraCostsLoad, UnknownCategorySuggestsTheNearestOne) {
  const Appended a = with_lines({
      "cost_categories:",
      "  - {id: insurance}",
      "extra_costs:",
      "  - {id: cover, category: insurence, per: coach_month, rate: \"85 PEN/month\"}",
  });
  EXPECT_TRUE(only_error(a.result.errors, "small.yaml", a.line_of(3), a.column_of(3, "insurence"),
                         "extra_costs[0].category",
                         {"unknown cost category 'insurence'", "did you mean 'insurance'?"}));
}

TEST(ExtraCostsLoad, RateInTheWrongUnitForItsDriver) {
  const Appended a = with_lines({
      "extra_costs:",
      "  - {id: cover, category: other, per: coach_month, rate: \"85 PEN/participant\"}",
  });
  EXPECT_TRUE(only_error(a.result.errors, "small.yaml", a.line_of(1), a.column_of(1, "\"85 PEN"),
                         "extra_costs[0].rate",
                         {"expected money per month", "85 PEN/participant"}));
}

TEST(ExtraCostsLoad, NegativeRate) {
  const Appended a = with_lines({
      "extra_costs:",
      "  - {id: cover, category: other, per: school_year, rate: \"-3 PEN/participant\"}",
  });
  EXPECT_TRUE(only_error(a.result.errors, "small.yaml", a.line_of(1), a.column_of(1, "\"-3 PEN"),
                         "extra_costs[0].rate",
                         {"expected an amount >= 0.00 PEN/participant", "got -3.00"}));
}

TEST(ExtraCostsLoad, DuplicateIds) {
  const Appended twice = with_lines({
      "extra_costs:",
      "  - {id: cover, category: other, per: coach_year, rate: \"3 PEN/participant\"}",
      "  - {id: cover, category: other, per: coach_year, rate: \"4 PEN/participant\"}",
  });
  EXPECT_TRUE(only_error(twice.result.errors, "small.yaml", twice.line_of(2),
                         twice.column_of(2, "cover"), "extra_costs[1].id",
                         {"duplicate extra cost id 'cover'", "also extra_costs[0]"}));
  const Appended builtin_activity = with_lines({
      "extra_costs:",
      "  - {id: gia, category: other, per: coach_year, rate: \"3 PEN/participant\"}",
  });
  EXPECT_TRUE(only_error(builtin_activity.result.errors, "small.yaml", builtin_activity.line_of(1),
                         builtin_activity.column_of(1, "gia"), "extra_costs[0].id",
                         {"duplicate activity id 'gia'", "built-in"}));
  const Appended builtin_category = with_lines({
      "cost_categories:",
      "  - {id: travel}",
  });
  EXPECT_TRUE(only_error(builtin_category.result.errors, "small.yaml", builtin_category.line_of(1),
                         builtin_category.column_of(1, "travel"), "cost_categories[0].id",
                         {"duplicate cost category id 'travel'"}));
}

TEST(ExtraCostsLoad, UnknownDriver) {
  const Appended a = with_lines({
      "extra_costs:",
      "  - {id: cover, category: other, per: coach_months, rate: \"85 PEN/month\"}",
  });
  EXPECT_TRUE(only_error(a.result.errors, "small.yaml", a.line_of(1),
                         a.column_of(1, "coach_months"), "extra_costs[0].per",
                         {"unknown cost driver 'coach_months'", "did you mean 'coach_month'?"}));
}

TEST(ExtraCostsLoad, BudgetClassMustBeTheDriversOwn) {
  const Appended a = with_lines({
      "extra_costs:",
      "  - {id: cover, category: other, per: coach_year, rate: \"3 PEN/participant\","
      " budget_class: visits}",
  });
  EXPECT_TRUE(only_error(a.result.errors, "small.yaml", a.line_of(1), a.column_of(1, "visits}"),
                         "extra_costs[0].budget_class",
                         {"expected none", "coach_year", "got 'visits'"}));
}

TEST(ExtraCostsLoad, CentralCostsMayNameTheScenariosOwnCategory) {
  const Appended a = with_lines({
      "cost_categories:",
      "  - {id: insurance}",
      "central_costs:",
      "  - {year: 2021, category: insurance, amount: \"1000 PEN\", label: \"Policy\"}",
  });
  EXPECT_TRUE(a.result.errors.empty()) << dump(a.result.errors);
}

}  // namespace extra_costs_load_test
}  // namespace coachsim::scenario
