// A scenario's own budget classes (budget.classes): activities moved into a declared class are
// admitted by that class's place in `priority:`, and a declared class holding exactly a
// built-in class's activities, in its place, gives the same run.
#include <gtest/gtest.h>

#include "../support/small_scenario.hpp"
#include "budget_test_util.hpp"

namespace coachsim::programme {
namespace budget_classes_test {

using scenario::BudgetClass;
using testing::plan_of;
using testing::run_budget;

constexpr std::size_t kFirstDeclared = scenario::kBudgetClassCount;

std::int64_t activity_total(const testing::Run& run, costs::Activity a) {
  std::int64_t total = 0;
  for (const ledger::Entry& e : run.ledger.entries())
    if (e.activity == a) total += e.amount;
  return total;
}

// The small scenario with its whole year's money on 1 January, `short_by` céntimos under the
// plan.
scenario::Scenario cut(scenario::Scenario s, std::int64_t plan_total, std::int64_t short_by) {
  s.budget.enabled = true;
  s.budget.release = scenario::BudgetRelease::kAnnual;
  s.budget.pia = {false, 0.0, plan_total - short_by};
  return s;
}

// The small scenario with its GIA and RTC held for the caseload at a host school: sessions of
// their own, which the budget admits by their class. (A session held at each school rides with
// the visit trip and is admitted with it.)
scenario::Scenario cluster_sessions() {
  scenario::Scenario s = coachsim::testing::small_scenario();
  s.school_types[0].gia.venue = scenario::SessionVenue::kCluster;
  s.school_types[0].rtc.venue = scenario::SessionVenue::kCluster;
  return s;
}

std::int64_t plan_total(const scenario::Scenario& s, const Population& pop) {
  const auto unlimited = run_budget(s, pop, plan_of(s, pop));
  return unlimited->ledger.grand_total();
}

// One class for both workshops: within a class the treasury admits first come, first served, so
// the coach workshop (1 March) is paid and the teacher workshop (4 March) is dropped, whichever
// workshop the built-in order would have dropped first.
TEST(BudgetClasses, BothWorkshopsInOneClassAreAdmittedInDateOrder) {
  scenario::Scenario s = coachsim::testing::small_scenario();
  const Population pop = build_population(s);
  const auto unlimited = run_budget(s, pop, plan_of(s, pop));
  const std::int64_t plan = unlimited->ledger.grand_total();
  const std::int64_t coach_workshop = activity_total(*unlimited, costs::Activity::kCoachWorkshop);
  const std::int64_t teacher_workshop =
      activity_total(*unlimited, costs::Activity::kTeacherWorkshop);
  ASSERT_EQ(coach_workshop, 35000);    // 3 days x 50.00 + 200.00 travel, one coach
  ASSERT_EQ(teacher_workshop, 15000);  // 3 teachers x (2 days x 20.00 + 10.00 travel)

  // Built-in classes, coach workshops ranked first: the coach workshop is dropped.
  s.budget.priority = {BudgetClass::kCoachWorkshops, BudgetClass::kTeacherWorkshops,
                       BudgetClass::kGiaRtc, BudgetClass::kSupervisorVisits, BudgetClass::kVisits};
  {
    const scenario::Scenario c = cut(s, plan, 15000);
    const auto run = run_budget(c, pop, plan_of(c, pop));
    EXPECT_EQ(activity_total(*run, costs::Activity::kCoachWorkshop), 0);
    EXPECT_EQ(activity_total(*run, costs::Activity::kTeacherWorkshop), teacher_workshop);
    EXPECT_EQ(run->record.dropped[static_cast<std::size_t>(BudgetClass::kCoachWorkshops)], 1);
  }
  // One declared class for both, ranked after the two (now empty) built-in workshop classes:
  // the earlier workshop is paid. (Were the class ignored, the order above would apply.)
  s.budget.classes = {{"workshops", "Workshops", {"teacher_workshop", "coach_workshop"}}};
  s.budget.priority = {BudgetClass::kCoachWorkshops,
                       BudgetClass::kTeacherWorkshops,
                       static_cast<BudgetClass>(kFirstDeclared),
                       BudgetClass::kGiaRtc,
                       BudgetClass::kSupervisorVisits,
                       BudgetClass::kVisits};
  const scenario::Scenario c = cut(s, plan, 15000);
  const auto run = run_budget(c, pop, plan_of(c, pop));
  EXPECT_EQ(activity_total(*run, costs::Activity::kCoachWorkshop), coach_workshop);
  EXPECT_EQ(activity_total(*run, costs::Activity::kTeacherWorkshop), 0);
  EXPECT_EQ(run->record.dropped[kFirstDeclared], 1);
  EXPECT_EQ(run->record.dropped[static_cast<std::size_t>(BudgetClass::kTeacherWorkshops)], 0);
  EXPECT_EQ(run->record.dropped[static_cast<std::size_t>(BudgetClass::kCoachWorkshops)], 0);
  EXPECT_EQ(run->ledger.grand_total(), plan - teacher_workshop);
}

TEST(BudgetClasses, ADeclaredCopyOfABuiltInClassInItsPlaceChangesNothing) {
  scenario::Scenario s = cluster_sessions();
  const Population pop = build_population(s);
  const std::int64_t plan = plan_total(s, pop);
  // GIA/RTC dropped first, with a cut deep enough to reach them.
  s.budget.priority = {BudgetClass::kGiaRtc, BudgetClass::kTeacherWorkshops,
                       BudgetClass::kCoachWorkshops, BudgetClass::kSupervisorVisits,
                       BudgetClass::kVisits};
  const scenario::Scenario builtin = cut(s, plan, 1200);
  const auto a = run_budget(builtin, pop, plan_of(builtin, pop));
  ASSERT_GT(a->record.dropped[static_cast<std::size_t>(BudgetClass::kGiaRtc)], 0);

  s.budget.classes = {{"peer_groups", "peer_groups", {"gia", "rtc"}}};
  s.budget.priority = {static_cast<BudgetClass>(kFirstDeclared), BudgetClass::kGiaRtc,
                       BudgetClass::kTeacherWorkshops,           BudgetClass::kCoachWorkshops,
                       BudgetClass::kSupervisorVisits,           BudgetClass::kVisits};
  const scenario::Scenario declared = cut(s, plan, 1200);
  const auto b = run_budget(declared, pop, plan_of(declared, pop));
  EXPECT_EQ(b->record.dropped[kFirstDeclared],
            a->record.dropped[static_cast<std::size_t>(BudgetClass::kGiaRtc)]);
  EXPECT_EQ(b->record.dropped[static_cast<std::size_t>(BudgetClass::kGiaRtc)], 0);
  EXPECT_EQ(b->ledger.grand_total(), a->ledger.grand_total());
  for (int c = 0; c < costs::kBuiltinCategoryCount; ++c)
    EXPECT_EQ(b->ledger.total(0, 0, static_cast<costs::Category>(c)),
              a->ledger.total(0, 0, static_cast<costs::Category>(c)))
        << "category " << c;
  ASSERT_EQ(b->ledger.entries().size(), a->ledger.entries().size());
}

}  // namespace budget_classes_test
}  // namespace coachsim::programme
