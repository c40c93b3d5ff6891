// shortfall: protect_teachers and not_coached: on a three-school scenario whose caseloads differ
// in cost per teacher and in distance: the declared order picks the caseload dropped, the
// dropped coach posts nothing, the rest keep the full protocol, and spending stays within the
// funds.
#include <gtest/gtest.h>

#include <string>

#include "../support/small_scenario.hpp"
#include "coachsim/results/simulation.hpp"

namespace coachsim::results {
namespace protect_teachers_test {

using testing::three_caseloads;

std::int64_t unlimited_total(const scenario::Scenario& s) {
  return simulate(s, false)->results.national[0].cost_total;
}

// The budget: 10 soles less than the plan, released at once, so one caseload must go.
scenario::Scenario short_by_ten_soles(scenario::DropOrder order) {
  scenario::Scenario s = three_caseloads();
  const std::int64_t plan = unlimited_total(s);
  s.budget.enabled = true;
  s.budget.release = scenario::BudgetRelease::kAnnual;
  s.budget.pia = {false, 0.0, plan - 1000};
  s.budget.shortfall = scenario::BudgetShortfall::kProtectTeachers;
  s.budget.drop_order = order;
  return s;
}

// The school of each dropped coach in year 0.
std::vector<std::string> dropped_schools(const Simulation& sim) {
  std::vector<std::string> out;
  for (const programme::Coach& c : sim.population.coaches)
    if (c.dropped_in(0)) out.push_back(sim.population.schools[c.caseload.front().school].id);
  return out;
}

TEST(ProtectTeachers, DropsTheCaseloadThatCostsMostPerTeacher) {
  const scenario::Scenario s = short_by_ten_soles(scenario::DropOrder::kCostPerTeacher);
  const auto sim = simulate(s, true);
  EXPECT_EQ(dropped_schools(*sim), std::vector<std::string>{"ONE"});
  const programme::RegionYearTally& t = sim->results.national[0].tally;
  EXPECT_EQ(t.coaches, 2);
  EXPECT_EQ(t.teachers, 5);  // ONE's teacher still counts: coverage shows who was left out
  EXPECT_EQ(t.teachers_full_protocol, 4);
  EXPECT_LE(sim->results.national[0].cost_total, s.budget.pia.centimos);
  // The dropped coach posts nothing (no contract, trip, workshop, materials or supervision).
  std::uint32_t one = 0;
  for (std::uint32_t c = 0; c < sim->population.coaches.size(); ++c)
    if (sim->population.coaches[c].dropped_in(0)) one = c;
  for (const ledger::Entry& e : sim->ledger.entries()) EXPECT_NE(e.coach, one);
}

TEST(ProtectTeachers, FarthestFirstDropsTheFarthestCaseload) {
  const auto sim = simulate(short_by_ten_soles(scenario::DropOrder::kFarthest), false);
  EXPECT_EQ(dropped_schools(*sim), std::vector<std::string>{"FAR"});
  EXPECT_EQ(sim->results.national[0].tally.teachers_full_protocol, 3);
}

TEST(ProtectTeachers, EnoughMoneyDropsNothing) {
  scenario::Scenario s = short_by_ten_soles(scenario::DropOrder::kCostPerTeacher);
  s.budget.pia = {true, 1.0, 0};
  const auto sim = simulate(s, false);
  EXPECT_TRUE(dropped_schools(*sim).empty());
  EXPECT_EQ(sim->results.national[0].cost_total, unlimited_total(three_caseloads()));
}

TEST(ProtectTeachers, KeepsMoreTeachersWholeThanDroppingActivities) {
  // 75% of the plan: contracts come first under `drop`, so visits and workshops go for all.
  scenario::Scenario s = short_by_ten_soles(scenario::DropOrder::kCostPerTeacher);
  s.budget.pia = {true, 0.75, 0};
  const auto protect = simulate(s, false);
  s.budget.shortfall = scenario::BudgetShortfall::kDrop;
  const auto drop = simulate(s, false);
  const std::int64_t funds =
      static_cast<std::int64_t>(0.75 * static_cast<double>(unlimited_total(three_caseloads())) + 1);
  EXPECT_LE(protect->results.national[0].cost_total, funds);
  EXPECT_GT(protect->results.national[0].tally.teachers_full_protocol,
            drop->results.national[0].tally.teachers_full_protocol);
}

TEST(NotCoached, ACoachWhoseSchoolsAreAllListedIsNotContracted) {
  scenario::Scenario s = three_caseloads();
  s.not_coached.push_back({2021, {"FAR", "ONE"}});
  const auto sim = simulate(s, false);
  EXPECT_EQ(sim->results.national[0].tally.coaches, 1);
  EXPECT_EQ(sim->results.national[0].tally.teachers_full_protocol, 2);
  EXPECT_EQ(sim->results.national[0].tally.supervisors, 1);  // S1's coach still needs one
  s.not_coached[0].schools.push_back("S1");
  const auto none = simulate(s, false);
  EXPECT_EQ(none->results.national[0].tally.coaches, 0);
  EXPECT_EQ(none->results.national[0].tally.supervisors, 0);  // no coach left to supervise
}

}  // namespace protect_teachers_test
}  // namespace coachsim::results
