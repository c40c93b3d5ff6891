// The ledger on its own (include/coachsim/ledger/): totals by year, region, category and month
// as exact sums of the entries posted, entries kept only on request, the identifiers of its
// enumerations, and the bound that keeps every total inside 64-bit céntimos.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>

#include "coachsim/costs/cost_table.hpp"
#include "coachsim/ledger/ledger.hpp"
#include "coachsim/units/checked.hpp"

namespace coachsim::ledger {
namespace ledger_test {

std::int32_t day(int y, int m, int d) {
  return static_cast<std::int32_t>(
      std::chrono::sys_days{std::chrono::year{y} / std::chrono::month(m) / d}
          .time_since_epoch()
          .count());
}

Entry entry(std::uint16_t year, std::uint16_t region, costs::Category c, std::int64_t amount,
            std::int32_t date) {
  Entry e;
  e.year_index = year;
  e.region = region;
  e.category = c;
  e.amount = amount;
  e.date = date;
  return e;
}

TEST(Ledger, TotalsAreExactSumsByYearRegionAndCategory) {
  Ledger ledger(2, 3, false);
  ledger.post(entry(0, 0, costs::Category::kTravel, 1234, day(2021, 3, 11)));
  ledger.post(entry(0, 0, costs::Category::kTravel, 66, day(2021, 3, 12)));
  ledger.post(entry(0, 0, costs::Category::kCoachContracts, 300000, day(2021, 3, 31)));
  ledger.post(entry(0, 2, costs::Category::kPerDiem, 5000, day(2021, 4, 1)));
  ledger.post(entry(1, 1, costs::Category::kTravel, 700, day(2022, 5, 1)));
  ledger.post(entry(1, 1, costs::Category::kOther, -200, day(2022, 5, 2)));  // a correction
  EXPECT_EQ(ledger.total(0, 0, costs::Category::kTravel), 1300);
  EXPECT_EQ(ledger.total(0, 0, costs::Category::kPerDiem), 0);
  EXPECT_EQ(ledger.total(0, 0), 301300);
  EXPECT_EQ(ledger.total(0, 2), 5000);
  EXPECT_EQ(ledger.total(1, 1), 500);
  EXPECT_EQ(ledger.year_total(0, costs::Category::kTravel), 1300);
  EXPECT_EQ(ledger.year_total(1, costs::Category::kTravel), 700);
  EXPECT_EQ(ledger.year_total(0), 306300);
  EXPECT_EQ(ledger.year_total(0, costs::Category::kCoachContracts), 300000);
  EXPECT_EQ(ledger.year_total(1), 500);
  EXPECT_EQ(ledger.grand_total(), 306800);
  EXPECT_EQ(ledger.entry_count(), 6u);
  EXPECT_FALSE(ledger.keeps_entries());
  EXPECT_TRUE(ledger.entries().empty());
}

TEST(Ledger, MonthTotalsFollowEachEntrysDate) {
  Ledger ledger(1, 2, false);
  ledger.post(entry(0, 0, costs::Category::kTravel, 100, day(2021, 3, 31)));
  ledger.post(entry(0, 0, costs::Category::kTravel, 200, day(2021, 4, 1)));
  ledger.post(entry(0, 0, costs::Category::kTravel, 300, day(2021, 4, 30)));
  ledger.post(entry(0, 1, costs::Category::kTravel, 400, day(2021, 4, 30)));
  // Back to an earlier date after a later one: the month is worked out again.
  ledger.post(entry(0, 0, costs::Category::kTravel, 50, day(2021, 3, 1)));
  EXPECT_EQ(ledger.month_total(0, 3, 0), 150);
  EXPECT_EQ(ledger.month_total(0, 4, 0), 500);
  EXPECT_EQ(ledger.month_total(0, 4, 1), 400);
  EXPECT_EQ(ledger.month_total(0, 5, 0), 0);
}

TEST(Ledger, KeepsEveryEntryWhenAsked) {
  Ledger ledger(1, 1, true);
  Entry e = entry(0, 0, costs::Category::kMaterials, 3000, day(2021, 3, 1));
  e.activity = costs::Activity::kTeacherMaterials;
  e.quantity = 1;
  e.rate = 3000;
  ledger.post(e);
  ledger.post(entry(0, 0, costs::Category::kMaterials, 10000, day(2021, 3, 1)));
  ASSERT_EQ(ledger.entries().size(), 2u);
  EXPECT_EQ(ledger.entries()[0].activity, costs::Activity::kTeacherMaterials);
  EXPECT_EQ(ledger.entries()[0].rate, 3000);
  EXPECT_EQ(ledger.entries()[1].amount, 10000);
}

TEST(Ledger, RefusesCostsBeyond64BitCentimosNamingTheEntry) {
  Ledger ledger(2, 1, false);
  const std::int64_t big = std::numeric_limits<std::int64_t>::max() / 2 + 1;
  ledger.post(entry(1, 0, costs::Category::kTravel, big, day(2022, 1, 1)));
  // Opposite signs: the totals would fit, but the sum of magnitudes (the bound on every total)
  // would not.
  try {
    ledger.post(entry(1, 0, costs::Category::kPerDiem, -big, day(2022, 1, 2)));
    FAIL() << "expected TooLarge";
  } catch (const units::TooLarge& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("more than 64-bit céntimos"), std::string::npos) << what;
    EXPECT_NE(what.find("per_diem entry of year index 1"), std::string::npos) << what;
  }
  EXPECT_EQ(ledger.grand_total(), big);  // the refused entry was not added
  EXPECT_EQ(ledger.entry_count(), 1u);
}

TEST(LedgerIds, CategoriesRoundTripThroughTheirIds) {
  const char* ids[] = {"coach_contracts",   "travel",         "per_diem",
                       "teacher_workshops", "coach_training", "supervision",
                       "regional_staff",    "materials",      "other"};
  const costs::CostTable& table = *costs::CostTable::builtin();
  static_assert(std::size(ids) == costs::kBuiltinCategoryCount);
  ASSERT_EQ(table.category_count(), std::size(ids));
  for (int c = 0; c < costs::kBuiltinCategoryCount; ++c) {
    SCOPED_TRACE(c);
    EXPECT_EQ(table.category_id(static_cast<costs::Category>(c)), ids[c]);
    costs::Category back = costs::Category::kOther;
    ASSERT_TRUE(table.find_category(ids[c], back));
    EXPECT_EQ(back, static_cast<costs::Category>(c));
  }
  costs::Category out = costs::Category::kTravel;
  EXPECT_FALSE(table.find_category("Travel", out));  // ids are exact
  EXPECT_FALSE(table.find_category("", out));
  EXPECT_EQ(out, costs::Category::kTravel);  // untouched
}

TEST(LedgerIds, ActivitiesUnitsAndReferencesHaveDistinctIds) {
  const costs::CostTable& table = *costs::CostTable::builtin();
  ASSERT_EQ(table.activity_count(), static_cast<std::size_t>(costs::kBuiltinActivityCount));
  EXPECT_EQ(table.activity_id(costs::Activity::kVisitTrip), "visit_trip");
  EXPECT_EQ(table.activity_id(costs::Activity::kGia), "gia");
  EXPECT_EQ(table.activity_id(costs::Activity::kCentralSpending), "central_spending");
  for (int a = 0; a < costs::kBuiltinActivityCount; ++a)
    for (int b = a + 1; b < costs::kBuiltinActivityCount; ++b)
      EXPECT_NE(table.activity_id(static_cast<costs::Activity>(a)),
                table.activity_id(static_cast<costs::Activity>(b)));
  EXPECT_EQ(unit_id(costs::QuantityUnit::kParticipantDays), "participant-days");
  EXPECT_EQ(unit_id(costs::QuantityUnit::kLumpSum), "lump-sum");
  EXPECT_EQ(ref_kind_id(RefKind::kStaffRole), "staff_role");
  EXPECT_EQ(ref_kind_id(RefKind::kCentral), "central");
}

}  // namespace ledger_test
}  // namespace coachsim::ledger
