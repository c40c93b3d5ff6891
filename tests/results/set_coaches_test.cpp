// A region's coach count as an input (`coaches:` / `extra_coaches:`, caseload_set_coaches.cpp):
// costs of the small scenario (tests/support/small_scenario.hpp) with two coaches instead of
// the one its ratio of 3 gives, computed by hand.
#include <gtest/gtest.h>

#include "../support/small_scenario.hpp"
#include "coachsim/programme/packing.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim {
namespace set_coaches_test {

using costs::Category;

std::int64_t cat(const results::Simulation& sim, Category c) { return sim.ledger.total(0, 0, c); }

TEST(SetCoaches, TwoCoachesForThreeTeachersCostWhatTheHandComputationSays) {
  scenario::Scenario s = testing::small_scenario();
  s.regions[0].coaches = 2;
  ASSERT_TRUE(scenario::validate(s, "set").empty());
  const auto sim = results::simulate(s, true);
  // Even share ceil(3 / 2) = 2 teachers: S1 (2 teachers) is one coach's caseload, S2 (1) the
  // other's.
  ASSERT_EQ(sim->population.coaches.size(), 2u);
  EXPECT_EQ(sim->population.coaches[0].teachers + sim->population.coaches[1].teachers, 3);
  // Two contracts of 10 months x 3,000.00.
  EXPECT_EQ(cat(*sim, Category::kCoachContracts), 2 * 3000000);
  // The trips are those of the one-coach scenario, made by two coaches: 120.00 to S1 (8 days x
  // 30 km x 0.50) and 180.00 to S2 (two overnight trips of 180 km), with the same per diem.
  EXPECT_EQ(cat(*sim, Category::kTravel), 30000);
  EXPECT_EQ(cat(*sim, Category::kPerDiem), 90000);
  // Teacher workshops do not depend on coaches: 3 x 2 days x 20.00 + 3 x 10.00.
  EXPECT_EQ(cat(*sim, Category::kTeacherWorkshops), 15000);
  // Coach workshop for each coach: 3 days x 50.00 + 200.00 travel.
  EXPECT_EQ(cat(*sim, Category::kCoachTraining), 2 * 35000);
  // Materials: 3 teachers x 30.00 + 2 coaches x 100.00.
  EXPECT_EQ(cat(*sim, Category::kMaterials), 9000 + 20000);
  EXPECT_EQ(cat(*sim, Category::kOther), 2100);
  EXPECT_EQ(cat(*sim, Category::kRegionalStaff), 6000000);
  const programme::RegionYearTally& t = sim->tally.at(0, 0);
  EXPECT_EQ(t.coaches, 2);
  EXPECT_EQ(t.teachers, 3);
  EXPECT_EQ(t.teachers_full_protocol, 3);
}

TEST(SetCoaches, PackingReportsTheCountAgainstTheNormsRatio) {
  scenario::Scenario s = testing::small_scenario();
  s.regions[0].extra_coaches = 1;  // the rules give 1 coach; one more
  const auto sim = results::simulate(s, false);
  const auto rows = programme::packing_by_region(s, sim->population);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].coaches, 2);
  EXPECT_EQ(rows[0].teachers, 3);
  EXPECT_DOUBLE_EQ(rows[0].at_ratio, 1.0);  // 3 teachers / ratio 3
  // The one coach more than the ratio needs is chosen, not lost to packing.
  EXPECT_DOUBLE_EQ(rows[0].set_by_input, 1.0);
  EXPECT_DOUBLE_EQ(rows[0].loss_unsplit + rows[0].loss_few_nearby, 0.0);
}

TEST(SetCoaches, ACountAboveTheTeachersIsCappedAtOneTeacherPerCoach) {
  scenario::Scenario s = testing::small_scenario();
  s.regions[0].coaches = 10;
  const auto sim = results::simulate(s, false);
  EXPECT_EQ(sim->tally.at(0, 0).coaches, 3);
  for (const programme::Coach& c : sim->population.coaches) EXPECT_EQ(c.teachers, 1);
}

TEST(SetCoaches, NotWithScaleUp) {
  scenario::Scenario s = testing::small_scenario();
  s.regions[0].coaches = 2;
  s.scale_up.enabled = true;
  bool found = false;
  for (const auto& e : scenario::validate(s, "set"))
    found |= e.field == "regions[0].coaches" && e.message.find("scale_up") != std::string::npos;
  EXPECT_TRUE(found);
}

}  // namespace set_coaches_test
}  // namespace coachsim
