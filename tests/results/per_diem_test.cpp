// Per diem by its declared basis (costs.per_diem_basis) and the rule that an outbound leg does
// not start before a school break for sessions after it, on the small scenario
// (tests/support/small_scenario.hpp), computed by hand.
//
// S2 (90 km, 3 h) is the only overnight school, visited twice with one travel day each way:
//   trip 1: leaves Fri 12 March 2021, 2 visit days Mon 15 - Tue 16, back Wed 17 March;
//   trip 2: leaves Fri 30 July, 1 visit day + GIA + RTC Mon 2 - Wed 4 August, back Thu 5 August.
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "../support/small_scenario.hpp"
#include "coachsim/results/simulation.hpp"

namespace coachsim {
namespace per_diem_test {

using costs::Category;

std::int64_t per_diem(scenario::PerDiemBasis basis, scenario::Scenario s) {
  s.costs.per_diem_basis = basis;
  const auto sim = results::simulate(s, false);
  return sim->ledger.total(0, 0, Category::kPerDiem);
}

// The per diem entries of a run: (date of the trip's last day, days paid).
std::vector<std::pair<std::string, double>> per_diem_entries(scenario::PerDiemBasis basis,
                                                             scenario::Scenario s) {
  s.costs.per_diem_basis = basis;
  const auto sim = results::simulate(s, true);
  std::vector<std::pair<std::string, double>> out;
  for (const ledger::Entry& e : sim->ledger.entries())
    if (e.category == Category::kPerDiem)
      out.emplace_back(calendar::format_date(calendar::Date{std::chrono::days{e.date}}),
                       e.quantity);
  return out;
}

TEST(PerDiem, EachDayOfTheCommissionIsTheDefault) {
  EXPECT_EQ(scenario::UnitCosts{}.per_diem_basis, scenario::PerDiemBasis::kPerDayOfCommission);
  // 12-17 March = 6 days (the weekend inside the trip included), 30 July - 5 August = 7 days:
  // 13 days x 100.00.
  EXPECT_EQ(per_diem(scenario::PerDiemBasis::kPerDayOfCommission, testing::small_scenario()),
            130000);
}

TEST(PerDiem, WorkingDaysAwayLeaveOutTheWeekends) {
  // 4 working days (Fri, Mon, Tue, Wed) + 5 (Fri, Mon-Thu) = 9 days x 100.00.
  EXPECT_EQ(per_diem(scenario::PerDiemBasis::kWorkingDayAway, testing::small_scenario()), 90000);
}

TEST(PerDiem, SessionDaysLeaveOutTheTravelDays) {
  // 2 visit days + (1 visit day, 1 GIA day, 1 RTC day) = 5 days x 100.00.
  EXPECT_EQ(per_diem(scenario::PerDiemBasis::kSessionDay, testing::small_scenario()), 50000);
}

TEST(PerDiem, NoOutboundLegStartsBeforeABreakForSessionsAfterIt) {
  using namespace std::chrono;
  scenario::Scenario s = testing::small_scenario();
  // A break from Fri 30 July to Mon 2 August: classes again on Tue 3 August.
  s.years[0].terms = {{sys_days{2021y / March / 1}, sys_days{2021y / July / 29}},
                      {sys_days{2021y / August / 3}, sys_days{2021y / December / 17}}};
  // Without the rule the coach would leave on Fri 30 July (a break day) for sessions from
  // 3 August. It leaves on Tue 3 August instead: sessions Wed 4 - Fri 6, back Mon 9 August;
  // the commission is 3-9 August, 7 days; its working days are 5.
  auto entries = per_diem_entries(scenario::PerDiemBasis::kPerDayOfCommission, s);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].first, "2021-08-09");
  EXPECT_DOUBLE_EQ(entries[1].second, 7);
  entries = per_diem_entries(scenario::PerDiemBasis::kWorkingDayAway, s);
  EXPECT_DOUBLE_EQ(entries[1].second, 5);
}

TEST(PerDiem, NoOutboundLegIsSplitAroundAHoliday) {
  using namespace std::chrono;
  scenario::Scenario s = testing::small_scenario();
  // Two travel days each way to S2 (3 h at 2 h a travel day), and a holiday on Mon 2 August.
  // Without the rule the coach would travel on Fri 30 July, stop for the weekend and the
  // holiday, and travel on Tue 3 August. It leaves on Tue 3 August instead: travel 3-4, visits
  // and sessions Thu 5, Fri 6, Mon 9, travel back 10-11 August. Commission 3-11 August: 9 days.
  s.coach.travel_hours_per_day = units::hours(2);
  s.years[0].holidays = {sys_days{2021y / August / 2}};
  auto entries = per_diem_entries(scenario::PerDiemBasis::kPerDayOfCommission, s);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].first, "2021-08-11");
  EXPECT_DOUBLE_EQ(entries[1].second, 9);
  entries = per_diem_entries(scenario::PerDiemBasis::kWorkingDayAway, s);
  EXPECT_DOUBLE_EQ(entries[1].second, 7);  // 3, 4, 5, 6, 9, 10, 11 August
}

}  // namespace per_diem_test
}  // namespace coachsim
