// The supervisor and the payroll on their own (sim/programme/supervisor_process.cpp,
// payroll.cpp), on the one-school scenario (programme_test_util.hpp): one coach, one supervisor
// (2 visits a year of 1 day), one regional officer; contracts 1 March - 31 December 2021.
#include <gtest/gtest.h>

#include "programme_test_util.hpp"

namespace coachsim::programme {
namespace supervisor_payroll_test {

using costs::Activity;
using testing::Line;

TEST(Supervisor, VisitsAimAtTheMiddleOfEachShareOfTheSchoolDays) {
  const auto run = testing::run_unlimited(testing::one_school());
  // 210 school days, 2 visits: school days 52 and 157 (0-based), Wednesday 12 May and
  // Wednesday 6 October. The coach's schools are 15 km away on average: 2 x 15 km at S/ 0.50.
  const std::vector<Line> expected = {
      {"2021-05-12", "supervisor_visit", "supervision", 30, 1500},
      {"2021-10-06", "supervisor_visit", "supervision", 30, 1500},
  };
  EXPECT_EQ(testing::lines_of(run->ledger, {Activity::kSupervisorVisit}), expected);
  const RegionYearTally& t = run->tally.at(0, 0);
  EXPECT_EQ(t.supervisors, 1);
  EXPECT_EQ(t.supervisor_visits_planned, 2);
  EXPECT_EQ(t.supervisor_visits_done, 2);
}

TEST(Supervisor, VisitsThatCannotEndBeforeTheYearAreMissed) {
  scenario::Scenario s = testing::one_school();
  s.supervision.days_per_visit = units::days(160);  // 158 school days from 12 May to 17 December
  const auto run = testing::run_unlimited(s);
  EXPECT_TRUE(testing::lines_of(run->ledger, {Activity::kSupervisorVisit}).empty());
  const std::vector<MissedRecord>& missed = run->tally.missed();
  ASSERT_EQ(missed.size(), 2u);
  for (std::uint16_t v = 0; v < 2; ++v) {
    SCOPED_TRACE(v);
    EXPECT_EQ(missed[v].activity, Activity::kSupervisorVisit);
    EXPECT_EQ(missed[v].reason, MissReason::kNoSupervisorTime);
    EXPECT_EQ(missed[v].round, v);
    EXPECT_EQ(missed[v].quantity, 1u);
    EXPECT_EQ(testing::iso(missed[v].date), "2021-05-12");
  }
  EXPECT_EQ(run->tally.at(0, 0).supervisor_visits_done, 0);
}

std::vector<Line> contract_lines(const ledger::Ledger& ledger, Activity a) {
  return testing::lines_of(ledger, {a});
}

TEST(Payroll, ContractsArePaidMonthByMonthAndStaffAllYear) {
  const auto run = testing::run_unlimited(testing::one_school());
  const std::vector<Line> coach = contract_lines(run->ledger, Activity::kCoachContract);
  ASSERT_EQ(coach.size(), 10u);  // March to December
  EXPECT_EQ(coach.front(), (Line{"2021-03-31", "coach_contract", "coach_contracts", 1, 300000}));
  EXPECT_EQ(coach.back(), (Line{"2021-12-31", "coach_contract", "coach_contracts", 1, 300000}));
  const std::vector<Line> sup = contract_lines(run->ledger, Activity::kSupervisorContract);
  ASSERT_EQ(sup.size(), 10u);
  EXPECT_EQ(sup.front(), (Line{"2021-03-31", "supervisor_contract", "supervision", 1, 400000}));
  const std::vector<Line> staff = contract_lines(run->ledger, Activity::kStaffSalary);
  ASSERT_EQ(staff.size(), 12u);  // regional staff work the calendar year
  EXPECT_EQ(staff.front(), (Line{"2021-01-31", "staff_salary", "regional_staff", 1, 500000}));
  EXPECT_TRUE(contract_lines(run->ledger, Activity::kOverhead).empty());  // rate 0
}

TEST(Payroll, AFirstPartMonthIsProratedByCalendarDays) {
  scenario::Scenario s = testing::one_school();
  s.regions[0].contract_delay = units::days(14);  // from 15 March: 17 of March's 31 days
  const auto run = testing::run_unlimited(s);
  const std::vector<Line> coach = contract_lines(run->ledger, Activity::kCoachContract);
  ASSERT_EQ(coach.size(), 10u);
  // S/ 3,000 x 17 / 31 = S/ 1,645.161...; S/ 4,000 x 17 / 31 = S/ 2,193.548... (rounded).
  EXPECT_EQ(coach[0], (Line{"2021-03-31", "coach_contract", "coach_contracts", 17.0 / 31, 164516}));
  EXPECT_EQ(coach[1].amount, 300000);
  const std::vector<Line> sup = contract_lines(run->ledger, Activity::kSupervisorContract);
  EXPECT_EQ(sup[0], (Line{"2021-03-31", "supervisor_contract", "supervision", 17.0 / 31, 219355}));
}

TEST(Payroll, OverheadIsItsShareOfTheMonthsDirectCostPostedLast) {
  scenario::Scenario s = testing::one_school();
  s.costs.overhead_rate = 0.1;
  const auto run = testing::run_unlimited(s);
  const std::vector<Line> overhead = contract_lines(run->ledger, Activity::kOverhead);
  ASSERT_EQ(overhead.size(), 12u);
  // January: the officer only (S/ 5,000). March: contracts S/ 3,000 + 4,000 + 5,000, the
  // materials S/ 160, the workshops S/ 350 + 100, the first trip S/ 60: S/ 12,670.
  EXPECT_EQ(overhead[0], (Line{"2021-01-31", "overhead", "other", 0.1, 50000}));
  EXPECT_EQ(overhead[2], (Line{"2021-03-31", "overhead", "other", 0.1, 126700}));
  EXPECT_EQ(run->ledger.entries().back().activity, Activity::kOverhead);
}

}  // namespace supervisor_payroll_test
}  // namespace coachsim::programme
