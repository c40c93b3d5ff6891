// The cost model on its own (sim/programme/cost_model.hpp): the lines each activity posts,
// with hand-computed amounts, and how they split by budget class. The processes post these
// lines and the treasury commits their sum, so these are the programme's unit costs.
#include <gtest/gtest.h>

#include <vector>

#include "../../sim/programme/cost_model.hpp"
#include "coachsim/programme/cost_table.hpp"

namespace coachsim::programme {
namespace cost_model_test {

using costs::Activity;
using costs::Category;
using costs::QuantityUnit;
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

const costs::CostTable& builtin_costs() { return *costs::CostTable::builtin(); }
const ExtraLines kNoExtra{};

std::int64_t in_class(const CostLines& l, BudgetClass c) {
  return l.by_class(builtin_costs())[static_cast<std::size_t>(c)];
}

TEST(CostModel, CommutingVisitTripTravelsEveryDayOnSite) {
  // 12.5 km each way, 3 days on site: 2 x 12.5 x 3 = 75 km at 37 = 2775; one GIA for 4
  // teachers at 1500 = 6000; no RTC line; no per diem when commuting.
  const CostLines l =
      coach_trip_cost(costs(), units::per_km(kFare), {12.5, false, 3, 0}, false, 1, 0, 4, kNoExtra);
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
      coach_trip_cost(costs(), units::per_km(kFare), {40.25, true, 5, 4}, false, 0, 2, 3, kNoExtra);
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
      coach_trip_cost(costs(), units::per_km(kFare), {10.0, true, 1, 2}, true, 0, 1, 9, kNoExtra);
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
  const CostLines m = materials_cost(costs(), 6, 2, kNoExtra);
  EXPECT_EQ(m.total(), 6 * 3333 + 12000);
  EXPECT_EQ(m.by_class(builtin_costs())[kFixedClass], m.total());
  // 17 of 30 days at S/ 3,000.00 a month: 300000 x 17 / 30 = 170000.
  const CostLine k = contract_month_cost(Category::kCoachContracts, Activity::kCoachContract,
                                         units::per_month(300000), 17, 30);
  EXPECT_EQ(k.amount, 170000);
  EXPECT_DOUBLE_EQ(k.quantity, 17.0 / 30.0);
  EXPECT_TRUE(k.post_when_zero);
  EXPECT_EQ(cost_class(builtin_costs(), k.activity), kFixedClass);
}

// A scenario's own category and one extra cost per driver (extra_costs:), with the table the
// run builds from them: the rows come after the built-in ones, in the order written.
scenario::Scenario with_extra_costs() {
  scenario::Scenario s;
  s.cost_categories = {{"insurance", "Coach insurance"}};
  using D = scenario::CostDriver;
  s.extra_costs = {{"coach_insurance", "insurance", D::kCoachMonth, 8500, "", ""},
                   {"tablets", "materials", D::kTeacherYear, 12000, "", "none"},
                   {"coach_phone", "insurance", D::kCoachYear, 5000, "", ""},
                   {"school_kit", "materials", D::kSchoolYear, 2500, "", ""},
                   {"trip_insurance", "insurance", D::kVisitTrip, 300, "", "visits"}};
  return s;
}

TEST(CostModelExtra, TheRunsTableAppendsTheScenariosRows) {
  const auto table = cost_table(with_extra_costs());
  ASSERT_EQ(table->category_count(), 10u);
  EXPECT_EQ(table->category_id(static_cast<Category>(9)), "insurance");
  EXPECT_EQ(table->category(static_cast<Category>(9)).label, "Coach insurance");
  ASSERT_EQ(table->activity_count(), 18u);
  const costs::ActivityRow& trip = table->activity(static_cast<Activity>(17));
  EXPECT_EQ(trip.id, "trip_insurance");
  EXPECT_EQ(trip.category, static_cast<Category>(9));
  EXPECT_EQ(cost_class(*table, static_cast<Activity>(17)), static_cast<int>(BudgetClass::kVisits));
  EXPECT_EQ(cost_class(*table, static_cast<Activity>(13)), kFixedClass);  // coach_insurance
  EXPECT_EQ(table->activity(static_cast<Activity>(14)).category, Category::kMaterials);
  // Without additions the run shares the built-in table.
  EXPECT_EQ(cost_table(scenario::Scenario{}), costs::CostTable::builtin());
}

TEST(CostModelExtra, ACoachMonthCarriesItsExtraLinesProrated) {
  const scenario::Scenario s = with_extra_costs();
  const auto table = cost_table(s);
  const ExtraLines extra = compile_extra_lines(s, *table);
  // 17 of 30 days: fee 300000 x 17 / 30 = 170000; insurance 8500 x 17 / 30 = 4816.67 -> 4817.
  const CostLines l = coach_month_cost(units::per_month(300000), 17, 30, extra);
  const std::vector<CostLine> v = lines_of(l);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].activity, Activity::kCoachContract);
  EXPECT_EQ(v[0].amount, 170000);
  EXPECT_EQ(v[1].activity, static_cast<Activity>(13));
  EXPECT_EQ(v[1].category, static_cast<Category>(9));
  EXPECT_EQ(v[1].unit, QuantityUnit::kMonths);
  EXPECT_DOUBLE_EQ(v[1].quantity, 17.0 / 30.0);
  EXPECT_EQ(v[1].rate, 8500);
  EXPECT_EQ(v[1].amount, 4817);
  EXPECT_FALSE(v[1].post_when_zero);
  EXPECT_EQ(l.by_class(*table)[kFixedClass], 174817);  // paid with the contract
}

TEST(CostModelExtra, MaterialsCarryTeacherCoachAndSchoolYearLines) {
  const scenario::Scenario s = with_extra_costs();
  const auto table = cost_table(s);
  const ExtraLines extra = compile_extra_lines(s, *table);
  // 6 teachers at 2 schools: tablets 6 x 12000 = 72000; phone 5000; school kit 2 x 2500.
  const CostLines m = materials_cost(costs(), 6, 2, extra);
  const std::vector<CostLine> v = lines_of(m);
  ASSERT_EQ(v.size(), 5u);
  EXPECT_EQ(v[2].activity, static_cast<Activity>(14));
  EXPECT_EQ(v[2].category, Category::kMaterials);
  EXPECT_DOUBLE_EQ(v[2].quantity, 6.0);
  EXPECT_EQ(v[2].amount, 72000);
  EXPECT_EQ(v[3].activity, static_cast<Activity>(15));
  EXPECT_EQ(v[3].amount, 5000);
  EXPECT_EQ(v[4].activity, static_cast<Activity>(16));
  EXPECT_DOUBLE_EQ(v[4].quantity, 2.0);
  EXPECT_EQ(v[4].amount, 5000);
  EXPECT_EQ(m.total(), 6 * 3333 + 12000 + 72000 + 5000 + 5000);
  EXPECT_EQ(m.by_class(*table)[kFixedClass], m.total());
}

TEST(CostModelExtra, AVisitTripCarriesItsLineInTheVisitsClassAClusterTripDoesNot) {
  const scenario::Scenario s = with_extra_costs();
  const auto table = cost_table(s);
  const ExtraLines extra = compile_extra_lines(s, *table);
  // The commuting visit trip above (2775 travel, 6000 GIA) plus 300 of trip insurance, which
  // the treasury commits with the trip's travel (class visits).
  const CostLines l =
      coach_trip_cost(costs(), units::per_km(kFare), {12.5, false, 3, 0}, false, 1, 0, 4, extra);
  ASSERT_EQ(lines_of(l).size(), 3u);
  EXPECT_EQ(lines_of(l)[2].activity, static_cast<Activity>(17));
  EXPECT_EQ(lines_of(l)[2].amount, 300);
  const ClassCosts by = l.by_class(*table);
  EXPECT_EQ(by[static_cast<std::size_t>(BudgetClass::kVisits)], 2775 + 300);
  EXPECT_EQ(by[static_cast<std::size_t>(BudgetClass::kGiaRtc)], 6000);
  const CostLines cluster =
      coach_trip_cost(costs(), units::per_km(kFare), {10.0, true, 1, 2}, true, 0, 1, 9, extra);
  for (const CostLine& line : cluster) EXPECT_NE(line.activity, static_cast<Activity>(17));
}

TEST(CostModelExtra, ALineOfZeroRateIsNotPosted) {
  scenario::Scenario s = with_extra_costs();
  s.extra_costs[0].rate = 0;
  const auto table = cost_table(s);
  const CostLines l =
      coach_month_cost(units::per_month(300000), 30, 30, compile_extra_lines(s, *table));
  ASSERT_EQ(lines_of(l).size(), 2u);
  EXPECT_EQ(lines_of(l)[1].amount, 0);
  EXPECT_FALSE(lines_of(l)[1].post_when_zero);  // post_lines skips it
}

}  // namespace cost_model_test
}  // namespace coachsim::programme
