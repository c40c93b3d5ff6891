// End-to-end costs of the small scenario (tests/support/small_scenario.hpp), computed by hand.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "../support/ledger_sums.hpp"
#include "../support/small_scenario.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim {
namespace small_scenario_test {

using costs::Category;

std::int64_t cat(const results::Simulation& sim, Category c) { return sim.ledger.total(0, 0, c); }

TEST(SmallScenario, IsValid) {
  EXPECT_TRUE(scenario::validate(testing::small_scenario(), "small").empty());
}

TEST(SmallScenario, EveryCostMatchesTheHandComputation) {
  const auto sim = results::simulate(testing::small_scenario(), true);
  // Coach contract: 1 March - 31 December, 10 whole months x 3,000.00.
  EXPECT_EQ(cat(*sim, Category::kCoachContracts), 3000000);
  // Travel at 0.50/km. S1 (15 km, 0.5 h) is commuted: round 1 = 2 teachers x 2 days = 4 days,
  // round 2 = 2 x 1 day + GIA day + RTC day = 4 days; each day 30 km -> 2 x 120 km = 120.00.
  // S2 (90 km, 3 h) is an overnight trip: 180 km per trip, two trips -> 180.00.
  EXPECT_EQ(cat(*sim, Category::kTravel), 30000);
  // Per diem 100.00/day away at S2: round 1 = 1 + 2 + 1 days, round 2 = 1 + (1 + 1 + 1) + 1.
  EXPECT_EQ(cat(*sim, Category::kPerDiem), 90000);
  // Teacher workshop: 3 teachers x 2 days x 20.00 + 3 x 10.00 travel.
  EXPECT_EQ(cat(*sim, Category::kTeacherWorkshops), 15000);
  // Coach workshop: 1 x 3 days x 50.00 + 200.00 travel.
  EXPECT_EQ(cat(*sim, Category::kCoachTraining), 35000);
  // Supervisor: 10 months x 4,000.00, plus two visits to the coach's schools at their
  // teacher-weighted mean distance (2 x 15 + 90) / 3 = 40 km, 1.33 h: commuted, 80 km each.
  EXPECT_EQ(cat(*sim, Category::kSupervision), 4000000 + 2 * 4000);
  // One officer, 12 months x 5,000.00.
  EXPECT_EQ(cat(*sim, Category::kRegionalStaff), 6000000);
  // Materials: 3 teachers x 30.00 + 100.00 for the coach.
  EXPECT_EQ(cat(*sim, Category::kMaterials), 19000);
  // Other: GIA 3 participants x 5.00 + RTC 3 x 2.00.
  EXPECT_EQ(cat(*sim, Category::kOther), 2100);
  EXPECT_EQ(sim->ledger.grand_total(), 13199100);
  EXPECT_EQ(sim->results.grand_total, 13199100);
}

TEST(SmallScenario, TheWholeProtocolIsDone) {
  const auto sim = results::simulate(testing::small_scenario(), false);
  const programme::RegionYearTally& t = sim->tally.at(0, 0);
  EXPECT_EQ(t.teachers, 3);
  EXPECT_EQ(t.coaches, 1);
  EXPECT_EQ(t.supervisors, 1);
  EXPECT_EQ(t.visits_planned, 6);
  EXPECT_EQ(t.visits_done, 6);
  EXPECT_EQ(t.visit_days_done, 9);
  EXPECT_EQ(t.gia_done, 3);
  EXPECT_EQ(t.rtc_done, 3);
  EXPECT_EQ(t.teacher_workshop_days_done, 6);
  EXPECT_EQ(t.coach_workshop_days_done, 3);
  EXPECT_EQ(t.supervisor_visits_done, 2);
  EXPECT_EQ(t.teachers_full_protocol, 3);
  EXPECT_EQ(t.trips, 4);
  EXPECT_EQ(t.overnight_trips, 2);
  EXPECT_TRUE(sim->tally.missed().empty());
  const results::Row& row = sim->results.regions.at(0);
  EXPECT_DOUBLE_EQ(row.compliance_pct, 100.0);
  EXPECT_EQ(row.cost_per_teacher, 4399700);  // 131,991.00 / 3
  EXPECT_EQ(row.cost_per_student, 314264);   // 131,991.00 / 42 = 3,142.642...
}

TEST(SmallScenario, LateContractIsProratedAndLosesItsWorkshops) {
  scenario::Scenario s = testing::small_scenario();
  s.regions[0].contract_delay = units::days(15);  // contracts start 16 March
  const auto sim = results::simulate(s, true);
  // March: 16 of 31 days of 3,000.00 = 1,548.387... -> 1,548.39; then 9 whole months.
  EXPECT_EQ(cat(*sim, Category::kCoachContracts), 154839 + 9 * 300000);
  // Supervisors are hired with the same delay: 4,000.00 x 16/31 = 2,064.516... -> 2,064.52.
  EXPECT_EQ(cat(*sim, Category::kSupervision), 206452 + 9 * 400000 + 2 * 4000);
  // Both workshops were held before the contract started: missed, and cost nothing.
  EXPECT_EQ(cat(*sim, Category::kCoachTraining), 0);
  EXPECT_EQ(cat(*sim, Category::kTeacherWorkshops), 0);
  int late = 0;
  for (const programme::MissedRecord& m : sim->tally.missed())
    late += m.reason == programme::MissReason::kLateContract;
  EXPECT_EQ(late, 2);
  EXPECT_EQ(sim->tally.at(0, 0).visits_done, 6);  // the year is long enough for the visits
}

TEST(SmallScenario, WhatDoesNotFitInTheYearIsMissed) {
  scenario::Scenario s = testing::small_scenario();
  using namespace std::chrono;
  // Ten school days: workshops take 1-5 March, S1's first round 8-11 March; S2 needs a travel
  // day and two school days, and the year ends on 12 March.
  s.years[0].terms = {{sys_days{2021y / March / 1}, sys_days{2021y / March / 12}}};
  const auto sim = results::simulate(s, true);
  const programme::RegionYearTally& t = sim->tally.at(0, 0);
  EXPECT_EQ(t.visits_done, 2);
  EXPECT_EQ(t.missed[static_cast<int>(programme::MissReason::kNoCoachTime)], 4);
  EXPECT_EQ(t.teachers_reached, 2);
  EXPECT_EQ(t.teachers_full_protocol, 0);
  EXPECT_EQ(t.visits_planned, t.visits_done + 4);
}

TEST(SmallScenario, LedgerSumsToEveryReportedTotal) {
  scenario::Scenario s = testing::small_scenario();
  s.costs.overhead_rate = 0.035;
  const auto sim = results::simulate(s, true);
  testing::LedgerSums sums = testing::ledger_sums(sim->ledger);
  const std::int64_t sum = sums.total;
  std::map<int, std::int64_t>& by_category = sums.by_category;
  EXPECT_EQ(sum, sim->ledger.grand_total());
  EXPECT_EQ(sum, sim->results.grand_total);
  EXPECT_EQ(sum, sim->results.national.at(0).cost_total);
  EXPECT_EQ(sum, sim->results.regions.at(0).cost_total);
  for (int c = 0; c < costs::kBuiltinCategoryCount; ++c)
    EXPECT_EQ(by_category[c], sim->results.regions.at(0).cost_by_category[c]) << c;
  EXPECT_GT(by_category[static_cast<int>(Category::kOther)], 2100);  // overhead was posted
}

}  // namespace small_scenario_test
}  // namespace coachsim

namespace coachsim {
namespace small_scenario_test {

TEST(SmallScenario, CentralCostsStayOutOfRegionsButInsideNationalTotals) {
  scenario::Scenario s = testing::small_scenario();
  s.central_costs.push_back(
      {2021, "materials", units::centimos(123456), "kits bought centrally", "test"});
  ASSERT_TRUE(scenario::validate(s, "central").empty());
  const auto sim = results::simulate(s, true);
  const results::Row& region = sim->results.regions.at(0);
  const results::Row& nation = sim->results.national.at(0);
  EXPECT_EQ(region.cost_total, 13199100);
  EXPECT_EQ(nation.cost_total, 13199100 + 123456);
  EXPECT_EQ(nation.cost_outside_regions, 123456);
  EXPECT_EQ(nation.cost_by_category[static_cast<int>(costs::Category::kMaterials)], 19000 + 123456);
  // Regional unit costs and the variance table use regional spending only.
  EXPECT_EQ(region.cost_per_teacher, 4399700);
  EXPECT_EQ(sim->results.variance.front().mean, 43997.00);
  std::int64_t sum = 0;
  for (const ledger::Entry& e : sim->ledger.entries()) sum += e.amount;
  EXPECT_EQ(sum, nation.cost_total);
}

TEST(SmallScenario, CentralCostsAreValidated) {
  scenario::Scenario s = testing::small_scenario();
  s.central_costs.push_back({2019, "books", units::centimos(-1), "x", ""});
  const auto errors = scenario::validate(s, "central");
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "central_costs[0].year");
  EXPECT_EQ(errors[1].field, "central_costs[0].category");
  EXPECT_EQ(errors[2].field, "central_costs[0].amount");
}

TEST(SmallScenario, RegionalRatioOverridesTheCaseloadRules) {
  scenario::Scenario s = testing::small_scenario();
  s.regions[0].teachers_per_coach = 2;  // S1 (2 teachers) and S2 (1) now need two coaches
  const auto sim = results::simulate(s, false);
  EXPECT_EQ(sim->tally.at(0, 0).coaches, 2);
  s.regions[0].teachers_per_coach = 0;
  EXPECT_FALSE(scenario::validate(s, "ratio").empty());
}

}  // namespace small_scenario_test
}  // namespace coachsim

namespace coachsim {
namespace small_scenario_test {

TEST(ReviewFixes, ASchoolTooFarForTheYearIsMissedNotVisitedForFree) {
  scenario::Scenario s = testing::small_scenario();
  s.regions[0].schools[1].distance = units::km(1e12);
  const auto sim = results::simulate(s, false);
  const programme::RegionYearTally& t = sim->tally.at(0, 0);
  EXPECT_EQ(t.visits_done, 4);  // S1's two teachers, twice
  EXPECT_EQ(t.missed[static_cast<int>(programme::MissReason::kNoCoachTime)], 2);
  EXPECT_EQ(sim->ledger.total(0, 0, costs::Category::kPerDiem), 0);
}

TEST(ReviewFixes, AWorkshopThatRunsPastTheContractIsMissed) {
  scenario::Scenario s = testing::small_scenario();
  using namespace std::chrono;
  s.years[0].teacher_workshop_starts = {sys_days{2021y / December / 31}};  // 2 days needed
  const auto sim = results::simulate(s, false);
  EXPECT_EQ(sim->ledger.total(0, 0, costs::Category::kTeacherWorkshops), 0);
  EXPECT_EQ(sim->tally.at(0, 0).teacher_workshop_days_done, 0);
  bool missed = false;
  for (const auto& m : sim->tally.missed())
    missed |= m.activity == costs::Activity::kTeacherWorkshop;
  EXPECT_TRUE(missed);
}

TEST(ReviewFixes, EveryLedgerAmountIsItsQuantityTimesItsRate) {
  scenario::Scenario s = testing::small_scenario();
  s.costs.overhead_rate = 0.03;
  s.regions[0].contract_delay = units::days(15);
  const auto sim = results::simulate(s, true);
  for (const ledger::Entry& e : sim->ledger.entries()) {
    EXPECT_NEAR(static_cast<double>(e.amount), e.quantity * static_cast<double>(e.rate), 0.5 + 1e-6)
        << sim->ledger.costs().activity_id(e.activity);
  }
}

TEST(ReviewFixes, AYearWithoutSchoolDaysIsRejected) {
  scenario::Scenario s = testing::small_scenario();
  using namespace std::chrono;
  s.years[0].terms = {{sys_days{2021y / March / 6}, sys_days{2021y / March / 7}}};  // Sat, Sun
  const auto errors = scenario::validate(s, "weekend");
  bool found = false;
  for (const auto& e : errors)
    found |= e.message.find("at least one school day") != std::string::npos;
  EXPECT_TRUE(found);
}

TEST(ReviewFixes, NationalIsAReservedRegionName) {
  scenario::Scenario s = testing::small_scenario();
  s.regions[0].id = "national";
  EXPECT_FALSE(scenario::validate(s, "reserved").empty());
}

}  // namespace small_scenario_test
}  // namespace coachsim

namespace coachsim {
namespace small_scenario_test {

TEST(Statistics, ARegionExcludedFromStatisticsStaysInTotals) {
  scenario::Scenario s = testing::small_scenario();
  scenario::Region b = s.regions[0];
  b.id = "Beta";
  b.ugels = {"U1"};
  for (auto& school : b.schools) school.id += "b";
  b.exclude_from_statistics = true;
  b.coach_fee = units::per_month(900000);  // a costly outlier, left out as Sempé left Callao
  s.regions.push_back(b);
  ASSERT_TRUE(scenario::validate(s, "two").empty());
  const auto sim = results::simulate(s, false);
  EXPECT_EQ(sim->results.variance.front().n, 1);
  EXPECT_DOUBLE_EQ(sim->results.variance.front().mean, 43997.00);
  EXPECT_EQ(sim->results.national.at(0).cost_total,
            sim->results.regions.at(0).cost_total + sim->results.regions.at(1).cost_total);
}

TEST(Supervision, NoSupervisorsWhenCoachesPerSupervisorIsZero) {
  scenario::Scenario s = testing::small_scenario();
  s.supervision.coaches_per_supervisor = 0;
  ASSERT_TRUE(scenario::validate(s, "none").empty());
  const auto sim = results::simulate(s, false);
  EXPECT_EQ(sim->tally.at(0, 0).supervisors, 0);
  EXPECT_EQ(sim->ledger.total(0, 0, costs::Category::kSupervision), 0);
  EXPECT_EQ(sim->ledger.grand_total(), 13199100 - 4008000);
}

}  // namespace small_scenario_test
}  // namespace coachsim

namespace coachsim {
namespace small_scenario_test {

TEST(Execution, MonthlyAccrualAddsUpToTheYearAndFollowsTheCalendar) {
  const auto sim = results::simulate(testing::small_scenario(), false);
  std::int64_t sum = 0;
  const results::MonthCost* december = nullptr;
  for (const results::MonthCost& m : sim->results.monthly) {
    if (m.region != "national") continue;
    sum += m.cost;
    if (m.month == 12) december = &m;
    if (m.month == 1) {
      EXPECT_EQ(m.cost, 500000);  // only the officer's January salary
    }
  }
  EXPECT_EQ(sum, 13199100);
  ASSERT_NE(december, nullptr);
  EXPECT_EQ(december->cumulative, 13199100);
}

}  // namespace small_scenario_test
}  // namespace coachsim
