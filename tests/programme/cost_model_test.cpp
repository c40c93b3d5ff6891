// The cost model on its own (sim/programme/cost_model.hpp): the lines each activity posts,
// with hand-computed amounts, and how they split by budget class. The processes post these
// lines and the treasury commits their sum, so these are the programme's unit costs.
#include <gtest/gtest.h>

#include <vector>

#include "../../sim/programme/cost_model.hpp"

namespace coachsim::programme {
namespace {

using ledger::Activity;
using ledger::Category;
using ledger::QuantityUnit;
using scenario::BudgetClass;

scenario::UnitCosts costs() {
  scenario::UnitCosts c;
  c.per_diem = units::per_day(6000);                         // S/ 60.00 a day
  c.teacher_workshop = units::per_participant_day(2500);     // S/ 25.00 a teacher-day
  c.teacher_workshop_travel = units::per_participant(1800);  // S/ 18.00 a teacher
  c.coach_workshop = units::per_participant_day(9000);
  c.coach_workshop_travel = units::per_participant(0);  // no travel line posted
  c.gia_per_participant = units::per_participant(1500);
  c.rtc_per_participant = units::per_participant(250);
  c.materials_per_teacher = units::per_participant(3333);
  c.materials_per_coach = units::per_participant(12000);
  return c;
}

constexpr auto kFare = 37;  // céntimos per km

std::vector<CostLine> lines_of(const CostLines& l) { return {l.begin(), l.end()}; }

std::int64_t in_class(const CostLines& l, BudgetClass c) {
  return l.by_class()[static_cast<std::size_t>(c)];
}

TEST(CostModel, CommutingVisitTripTravelsEveryDayOnSite) {
  // 12.5 km each way, 3 days on site: 2 x 12.5 x 3 = 75 km at 37 = 2775; one GIA for 4
  // teachers at 1500 = 6000; no RTC line; no per diem when commuting.
  const CostLines l =
      coach_trip_cost(costs(), units::per_km(kFare), {12.5, false, 3, 0}, false, 1, 0, 4);
  const std::vector<CostLine> v = lines_of(l);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].category, Category::kTravel);
  EXPECT_EQ(v[0].activity, Activity::kVisitTrip);
  EXPECT_EQ(v[0].unit, QuantityUnit::kKm);
  EXPECT_DOUBLE_EQ(v[0].quantity, 75.0);
  EXPECT_EQ(v[0].rate, 37);
  EXPECT_EQ(v[0].amount, 2775);
  EXPECT_EQ(v[1].category, Category::kOther);
  EXPECT_EQ(v[1].activity, Activity::kGia);
  EXPECT_DOUBLE_EQ(v[1].quantity, 4.0);
  EXPECT_EQ(v[1].amount, 6000);
  EXPECT_EQ(l.total(), 8775);
  EXPECT_EQ(in_class(l, BudgetClass::kVisits), 2775);
  EXPECT_EQ(in_class(l, BudgetClass::kGiaRtc), 6000);
}

TEST(CostModel, OvernightTripTravelsOnceAndIsPaidPerDiem) {
  // 40.25 km each way, once: 80.5 km x 37 = 2978.5 -> 2979 (half away from zero); 4 days of
  // per diem at 6000 = 24000; 2 RTC for 3 teachers at 250 = 1500.
  const CostLines l =
      coach_trip_cost(costs(), units::per_km(kFare), {40.25, true, 5, 4}, false, 0, 2, 3);
  const std::vector<CostLine> v = lines_of(l);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_DOUBLE_EQ(v[0].quantity, 80.5);
  EXPECT_EQ(v[0].amount, 2979);
  EXPECT_EQ(v[1].category, Category::kPerDiem);
  EXPECT_EQ(v[1].activity, Activity::kVisitTrip);
  EXPECT_EQ(v[1].unit, QuantityUnit::kDays);
  EXPECT_DOUBLE_EQ(v[1].quantity, 4.0);
  EXPECT_EQ(v[1].amount, 24000);
  EXPECT_TRUE(v[1].post_when_zero);  // the days are recorded even at a zero rate
  EXPECT_EQ(v[2].activity, Activity::kRtc);
  EXPECT_DOUBLE_EQ(v[2].quantity, 6.0);
  EXPECT_EQ(v[2].amount, 1500);
  EXPECT_EQ(in_class(l, BudgetClass::kVisits), 2979 + 24000);
  EXPECT_EQ(in_class(l, BudgetClass::kGiaRtc), 1500);
}

TEST(CostModel, ClusterTripIsChargedToTheSessionItHolds) {
  // A cluster RTC for the whole caseload (9 teachers): its travel and per diem are the RTC's,
  // so the whole trip falls in the GIA/RTC budget class.
  const CostLines l =
      coach_trip_cost(costs(), units::per_km(kFare), {10.0, true, 1, 2}, true, 0, 1, 9);
  const std::vector<CostLine> v = lines_of(l);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].activity, Activity::kRtc);
  EXPECT_EQ(v[0].amount, 740);  // 20 km x 37
  EXPECT_EQ(v[1].activity, Activity::kRtc);
  EXPECT_EQ(v[1].amount, 12000);
  EXPECT_EQ(v[2].amount, 2250);  // 9 x 250
  EXPECT_EQ(in_class(l, BudgetClass::kVisits), 0);
  EXPECT_EQ(in_class(l, BudgetClass::kGiaRtc), 740 + 12000 + 2250);
}

TEST(CostModel, SupervisorVisitIsSupervision) {
  const CostLines l = supervisor_visit_cost(costs(), units::per_km(kFare), {33.3, true, 2, 3});
  const std::vector<CostLine> v = lines_of(l);
  ASSERT_EQ(v.size(), 2u);
  for (const CostLine& line : v) {
    EXPECT_EQ(line.category, Category::kSupervision);
    EXPECT_EQ(line.activity, Activity::kSupervisorVisit);
  }
  EXPECT_EQ(v[0].amount, 2464);  // 66.6 km x 37 = 2464.2
  EXPECT_EQ(v[1].amount, 18000);
  EXPECT_EQ(in_class(l, BudgetClass::kSupervisorVisits), 20464);
}

TEST(CostModel, WorkshopsPerParticipantDayAndTravel) {
  // A 3-day teacher workshop for 7 teachers: 21 teacher-days x 2500 + 7 x 1800.
  const CostLines t = workshop_cost(costs(), false, 3, 7);
  const std::vector<CostLine> v = lines_of(t);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].category, Category::kTeacherWorkshops);
  EXPECT_EQ(v[0].unit, QuantityUnit::kParticipantDays);
  EXPECT_DOUBLE_EQ(v[0].quantity, 21.0);
  EXPECT_EQ(v[0].amount, 52500);
  EXPECT_EQ(v[1].unit, QuantityUnit::kParticipants);
  EXPECT_EQ(v[1].amount, 12600);
  EXPECT_EQ(in_class(t, BudgetClass::kTeacherWorkshops), 65100);
  // A 2-day coach workshop: one participant whatever the caseload; zero travel is not posted.
  const CostLines c = workshop_cost(costs(), true, 2, 7);
  const std::vector<CostLine> w = lines_of(c);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].category, Category::kCoachTraining);
  EXPECT_EQ(w[0].amount, 18000);
  EXPECT_EQ(w[1].amount, 0);
  EXPECT_FALSE(w[1].post_when_zero);
  EXPECT_EQ(in_class(c, BudgetClass::kCoachWorkshops), 18000);
}

TEST(CostModel, MaterialsAndContractsAreFixedCosts) {
  const CostLines m = materials_cost(costs(), 6);
  EXPECT_EQ(m.total(), 6 * 3333 + 12000);
  EXPECT_EQ(m.by_class()[kFixedClass], m.total());
  // 17 of 30 days at S/ 3,000.00 a month: 300000 x 17 / 30 = 170000.
  const CostLine k = contract_month_cost(Category::kCoachContracts, Activity::kCoachContract,
                                         units::per_month(300000), 17, 30);
  EXPECT_EQ(k.amount, 170000);
  EXPECT_DOUBLE_EQ(k.quantity, 17.0 / 30.0);
  EXPECT_TRUE(k.post_when_zero);
  EXPECT_EQ(cost_class(k.activity), kFixedClass);
}

}  // namespace
}  // namespace coachsim::programme
