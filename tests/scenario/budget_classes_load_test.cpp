// budget.classes: a scenario's own budget classes load with their activities and take their
// place in `priority:`; a wrong id or activity is reported with file:line:column and what was
// expected.
#include <gtest/gtest.h>

#include "coachsim/scenario/loader.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace budget_classes_load_test {

using testing::dump;
using testing::load_small_plus;
using testing::only_error;

BudgetClass declared(int i) { return static_cast<BudgetClass>(kBudgetClassCount + i); }

TEST(BudgetClassesLoad, DeclaredClassesTakeTheirPlaceInThePriority) {
  int l = 0;
  const LoadResult r = load_small_plus(
      "budget:\n"
      "  classes:\n"
      "    - {id: rtc_only, activities: [rtc], label: \"Collegiate meetings\"}\n"
      "    - {id: trips_and_visits, activities: [visit_trip, supervisor_visit]}\n"
      "  priority: [teacher_workshops, rtc_only, gia_rtc, trips_and_visits]\n",
      l);
  ASSERT_TRUE(r.errors.empty()) << dump(r.errors);
  const Budget& b = r.scenario.budget;
  ASSERT_EQ(b.classes.size(), 2u);
  EXPECT_EQ(b.classes[0].id, "rtc_only");
  EXPECT_EQ(b.classes[0].label, "Collegiate meetings");
  EXPECT_EQ(b.classes[0].activities, std::vector<std::string>{"rtc"});
  EXPECT_EQ(b.classes[1].label, "trips_and_visits");  // the id when no label is given
  EXPECT_EQ(b.classes[1].activities, (std::vector<std::string>{"visit_trip", "supervisor_visit"}));
  EXPECT_EQ(b.class_count(), 7);
  EXPECT_EQ(b.class_id(5), "rtc_only");
  EXPECT_EQ(b.class_id(2), "gia_rtc");
  // The classes left out (coach_workshops, supervisor_visits, visits) are dropped first.
  const std::vector<BudgetClass> expected = {BudgetClass::kCoachWorkshops,
                                             BudgetClass::kSupervisorVisits,
                                             BudgetClass::kVisits,
                                             BudgetClass::kTeacherWorkshops,
                                             declared(0),
                                             BudgetClass::kGiaRtc,
                                             declared(1)};
  EXPECT_EQ(b.priority, expected);
}

TEST(BudgetClassesLoad, WithoutPriorityADeclaredClassIsDroppedFirst) {
  int l = 0;
  const LoadResult r =
      load_small_plus("budget:\n  classes:\n    - {id: gia_only, activities: [gia]}\n", l);
  ASSERT_TRUE(r.errors.empty()) << dump(r.errors);
  const std::vector<BudgetClass> expected = {
      declared(0),          BudgetClass::kTeacherWorkshops, BudgetClass::kCoachWorkshops,
      BudgetClass::kGiaRtc, BudgetClass::kSupervisorVisits, BudgetClass::kVisits};
  EXPECT_EQ(r.scenario.budget.priority, expected);
}

TEST(BudgetClassesLoad, AContractCannotBeDropped) {
  int l = 0;
  const LoadResult r = load_small_plus(
      "budget:\n  classes:\n    - {id: contracts, activities: [coach_contract]}\n", l);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", l + 2, 36, "budget.classes[0].activities[0]",
                         {"expected an activity a budget may drop (activities: visit_trip, gia, "
                          "rtc, teacher_workshop, coach_workshop, supervisor_visit), got "
                          "'coach_contract'"}))
      << dump(r.errors);
}

TEST(BudgetClassesLoad, AClassIdMustBeNew) {
  int l = 0;
  const LoadResult r =
      load_small_plus("budget:\n  classes:\n    - {id: visits, activities: [gia]}\n", l);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", l + 2, 12, "budget.classes[0].id",
                         {"class 'visits' exists already (classes: teacher_workshops, "
                          "coach_workshops, gia_rtc, supervisor_visits, visits, fixed)"}))
      << dump(r.errors);
}

TEST(BudgetClassesLoad, AnActivityInTwoClasses) {
  int l = 0;
  const LoadResult r = load_small_plus(
      "budget:\n  classes:\n    - {id: a, activities: [gia]}\n    - {id: b, activities: [gia]}\n",
      l);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", l + 3, 28, "budget.classes[1].activities[0]",
                         {"activity 'gia' is in two classes"}))
      << dump(r.errors);
}

TEST(BudgetClassesLoad, AMisspeltActivityGetsASuggestion) {
  int l = 0;
  const LoadResult r =
      load_small_plus("budget:\n  classes:\n    - {id: a, activities: [rtcs]}\n", l);
  ASSERT_EQ(r.errors.size(), 1u) << dump(r.errors);
  EXPECT_NE(r.errors[0].message.find("did you mean 'rtc'?"), std::string::npos) << dump(r.errors);
}

TEST(BudgetClassesLoad, PriorityKnowsTheDeclaredIds) {
  int l = 0;
  const LoadResult r = load_small_plus(
      "budget:\n  classes:\n    - {id: rtc_only, activities: [rtc]}\n"
      "  priority: [rtc_onyl]\n",
      l);
  ASSERT_EQ(r.errors.size(), 1u) << dump(r.errors);
  EXPECT_EQ(r.errors[0].field, "budget.priority[0]");
  EXPECT_NE(r.errors[0].message.find("did you mean 'rtc_only'?"), std::string::npos)
      << dump(r.errors);
  EXPECT_NE(r.errors[0].message.find("visits, rtc_only)"), std::string::npos) << dump(r.errors);
}

}  // namespace budget_classes_load_test
}  // namespace coachsim::scenario
