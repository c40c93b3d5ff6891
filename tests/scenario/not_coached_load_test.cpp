// The not_coached: section and budget.shortfall: protect_teachers load; unknown schools and
// years are reported with file:line:column and the field.
#include <gtest/gtest.h>

#include <algorithm>

#include "coachsim/scenario/loader.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace not_coached_load_test {

using testing::dump;
using testing::lines_of;
using testing::load_as_small;
using testing::only_error;
using testing::small_text;

TEST(NotCoachedLoad, ReadsYearsAndSchools) {
  const LoadResult r = load_as_small(
      small_text() + "not_coached:\n  - {year: 2021, schools: [Cajamarca/eib/420, \"0456789\"]}\n");
  ASSERT_TRUE(r.errors.empty()) << dump(r.errors);
  ASSERT_EQ(r.scenario.not_coached.size(), 1u);
  EXPECT_EQ(r.scenario.not_coached[0].year, 2021);
  EXPECT_EQ(r.scenario.not_coached[0].schools,
            (std::vector<std::string>{"Cajamarca/eib/420", "0456789"}));
}

TEST(NotCoachedLoad, UnknownSchoolIsNamedWithItsPosition) {
  const std::string base = small_text();
  const LoadResult r =
      load_as_small(base + "not_coached:\n  - {year: 2021, schools: [Cajamarca/eib/1, S9]}\n");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", lines_of(base) + 2, 45,
                         "not_coached[0].schools[1]", {"unknown school 'S9'"}));
}

TEST(NotCoachedLoad, UnknownYearIsNamed) {
  const std::string base = small_text();
  const LoadResult r =
      load_as_small(base + "not_coached:\n  - {year: 2030, schools: [Cajamarca/eib/1]}\n");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", lines_of(base) + 2, 12, "not_coached[0].year",
                         {"expected one of the scenario's years, got 2030"}));
}

TEST(NotCoachedLoad, ProtectTeachersAndDropOrderLoad) {
  const LoadResult r = load_as_small(small_text() +
                                     "budget:\n  shortfall: protect_teachers\n"
                                     "  drop_order: farthest\n");
  ASSERT_TRUE(r.errors.empty()) << dump(r.errors);
  EXPECT_EQ(r.scenario.budget.shortfall, BudgetShortfall::kProtectTeachers);
  EXPECT_EQ(r.scenario.budget.drop_order, DropOrder::kFarthest);
  const LoadResult bad = load_as_small(small_text() + "budget:\n  drop_order: nearest\n");
  ASSERT_EQ(bad.errors.size(), 1u) << dump(bad.errors);
  EXPECT_NE(bad.errors[0].message.find("expected one of cost_per_teacher, farthest"),
            std::string::npos)
      << bad.errors[0].to_string();
}

}  // namespace not_coached_load_test
}  // namespace coachsim::scenario
