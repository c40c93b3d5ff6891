// The small valid scenario loads with exact values.
#include <gtest/gtest.h>

#include "coachsim/scenario/default_scenario.hpp"
#include "coachsim/scenario/loader.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace load_valid_test {

using namespace std::chrono;
using testing::data_dir;
using testing::dump;

class SmallScenario : public ::testing::Test {
 protected:
  void SetUp() override {
    result_ = load_scenario_file(data_dir() + "/small.yaml");
    ASSERT_TRUE(result_.ok()) << dump(result_.errors);
  }
  const Scenario& s() const { return result_.scenario; }
  LoadResult result_;
};

Date ymd(int y, unsigned m, unsigned d) { return sys_days(year(y) / month(m) / day(d)); }

TEST_F(SmallScenario, Header) {
  EXPECT_EQ(s().name, "Small test scenario");
  EXPECT_EQ(s().description, "Two regions, two years, two school types.");
  EXPECT_EQ(s().currency, "PEN");
  EXPECT_EQ(s().seed, 20200301u);
}

TEST_F(SmallScenario, Calendar) {
  ASSERT_EQ(s().weekend.size(), 2u);
  EXPECT_EQ(s().weekend[0], Saturday);
  EXPECT_EQ(s().weekend[1], Sunday);
  ASSERT_EQ(s().fixed_holidays.size(), 2u);
  EXPECT_EQ(s().fixed_holidays[1].month, 7u);
  EXPECT_EQ(s().fixed_holidays[1].day, 28u);

  ASSERT_EQ(s().years.size(), 2u);
  const SchoolYear& y = s().years[0];
  EXPECT_EQ(y.year, 2020);
  ASSERT_EQ(y.terms.size(), 2u);
  EXPECT_EQ(y.terms[0].first, ymd(2020, 3, 16));
  EXPECT_EQ(y.terms[1].last, ymd(2020, 12, 18));
  ASSERT_EQ(y.holidays.size(), 2u);
  EXPECT_EQ(y.holidays[1], ymd(2020, 4, 10));
  EXPECT_EQ(y.contract_start, ymd(2020, 2, 1));
  EXPECT_EQ(y.contract_end, ymd(2020, 12, 31));
  EXPECT_EQ(y.coach_workshop_starts, (std::vector<Date>{ymd(2020, 2, 10), ymd(2020, 7, 27)}));
  EXPECT_EQ(y.teacher_workshop_starts, (std::vector<Date>{ymd(2020, 3, 2), ymd(2020, 7, 27)}));
  EXPECT_TRUE(s().years[1].holidays.empty());
  EXPECT_EQ(s().years[1].contract_start, ymd(2021, 3, 1));
}

TEST_F(SmallScenario, Geographies) {
  ASSERT_EQ(s().geographies.size(), 2u);
  const Geography& andes = s().geographies[0];
  EXPECT_EQ(andes.id, "andes");
  EXPECT_DOUBLE_EQ(andes.speed.value(), 25.0);
  EXPECT_EQ(andes.fare.value(), 80);  // céntimos per km
  ASSERT_EQ(andes.rainy_season.size(), 1u);
  EXPECT_EQ(andes.rainy_season[0].from.month, 12u);
  EXPECT_EQ(andes.rainy_season[0].to.month, 4u);
  EXPECT_EQ(andes.rainy_season[0].to.day, 30u);
  EXPECT_DOUBLE_EQ(andes.rainy_travel_factor, 1.5);
  EXPECT_TRUE(s().geographies[1].rainy_season.empty());
  EXPECT_DOUBLE_EQ(s().geographies[1].rainy_travel_factor, 1.0);  // default
}

TEST_F(SmallScenario, Protocol) {
  EXPECT_DOUBLE_EQ(s().dispersed_above.value(), 40.0);
  ASSERT_EQ(s().school_types.size(), 2u);
  const SchoolTypeProtocol& eib = s().school_types[0];
  EXPECT_EQ(eib.id, "eib");
  EXPECT_EQ(eib.label, "EIB inicial y primaria");
  EXPECT_EQ(eib.visit_days, (std::vector<int>{3, 3, 2, 2, 2, 2}));
  EXPECT_EQ(eib.gia.count, 4);
  EXPECT_DOUBLE_EQ(eib.gia.duration.value(), 3.0);
  EXPECT_EQ(eib.gia.venue, SessionVenue::kSchool);
  EXPECT_EQ(eib.rtc.venue, SessionVenue::kCluster);
  EXPECT_EQ(eib.teacher_workshops.count, 2);
  EXPECT_DOUBLE_EQ(eib.teacher_workshops.total_days.value(), 10.0);
  EXPECT_DOUBLE_EQ(eib.coach_workshops.total_days.value(), 16.0);
  const SchoolTypeProtocol& poli = s().school_types[1];
  EXPECT_EQ(poli.label, "poli_primaria");  // defaults to the id
  EXPECT_DOUBLE_EQ(poli.gia.duration.value(), 3.5);
  EXPECT_EQ(poli.gia.venue, SessionVenue::kSchool);  // default

  ASSERT_EQ(s().caseload_rules.size(), 4u);
  const CaseloadRule& border = s().caseload_rules[0];
  EXPECT_EQ(border.school_type, "eib");
  EXPECT_EQ(border.border, std::optional<bool>(true));
  EXPECT_FALSE(border.urban.has_value());
  EXPECT_EQ(border.teachers_per_coach, 7);
  const CaseloadRule& urban = s().caseload_rules[2];
  EXPECT_EQ(urban.urban, std::optional<bool>(true));
  EXPECT_EQ(urban.dispersed, std::optional<bool>(false));
  EXPECT_EQ(urban.teachers_per_coach, 15);
  EXPECT_FALSE(s().caseload_rules[3].border || s().caseload_rules[3].urban ||
               s().caseload_rules[3].dispersed);
}

TEST_F(SmallScenario, CoachSupervisionStaffCosts) {
  EXPECT_EQ(s().coach.monthly_fee.value(), 450000);
  EXPECT_DOUBLE_EQ(s().coach.working_hours_per_day.value(), 8.0);
  EXPECT_DOUBLE_EQ(s().coach.max_daily_commute.value(), 2.0);
  EXPECT_DOUBLE_EQ(s().coach.travel_hours_per_day.value(), 8.0);
  EXPECT_EQ(s().supervision.coaches_per_supervisor, 9);
  EXPECT_EQ(s().supervision.visits_per_coach, 2);
  EXPECT_EQ(s().supervision.monthly_fee.value(), 600050);
  EXPECT_DOUBLE_EQ(s().supervision.days_per_visit.value(), 1.0);
  ASSERT_EQ(s().staff_roles.size(), 2u);
  EXPECT_EQ(s().staff_roles[1].id, "monitoring_officer");
  EXPECT_EQ(s().staff_roles[1].monthly_salary.value(), 520000);

  const UnitCosts& c = s().costs;
  EXPECT_EQ(c.per_diem.value(), 12000);
  EXPECT_EQ(c.teacher_workshop.value(), 4000);
  EXPECT_EQ(c.teacher_workshop_travel.value(), 5000);
  EXPECT_EQ(c.coach_workshop.value(), 9025);
  EXPECT_EQ(c.coach_workshop_travel.value(), 35000);
  EXPECT_EQ(c.gia_per_participant.value(), 500);
  EXPECT_EQ(c.rtc_per_participant.value(), 0);
  EXPECT_EQ(c.materials_per_teacher.value(), 12000);
  EXPECT_EQ(c.materials_per_coach.value(), 30000);
  EXPECT_DOUBLE_EQ(c.overhead_rate, 0.02);
}

TEST_F(SmallScenario, RegionWithAggregates) {
  ASSERT_EQ(s().regions.size(), 2u);
  const Region& r = s().regions[0];
  EXPECT_EQ(r.id, "Cajamarca");
  EXPECT_EQ(r.geography, "andes");
  EXPECT_EQ(r.ugels, (std::vector<std::string>{"UGEL 1", "UGEL 2", "UGEL 3"}));
  ASSERT_EQ(r.staff.size(), 2u);
  EXPECT_EQ(r.staff[0], (std::pair<std::string, int>{"regional_officer", 1}));
  EXPECT_EQ(r.staff[1], (std::pair<std::string, int>{"monitoring_officer", 2}));
  ASSERT_TRUE(r.coach_fee.has_value());
  EXPECT_EQ(r.coach_fee->value(), 420000);
  EXPECT_DOUBLE_EQ(r.contract_delay.value(), 15.0);
  EXPECT_TRUE(r.schools.empty());

  ASSERT_EQ(r.aggregates.size(), 2u);
  const SchoolAggregate& a = r.aggregates[0];
  EXPECT_EQ(a.school_type, "eib");
  EXPECT_EQ(a.count, 420);
  EXPECT_EQ(a.teachers.shape, Distribution::Shape::kTriangular);
  EXPECT_DOUBLE_EQ(a.teachers.a, 1.0);  // min
  EXPECT_DOUBLE_EQ(a.teachers.c, 2.0);  // mode
  EXPECT_DOUBLE_EQ(a.teachers.b, 4.0);  // max
  EXPECT_EQ(a.students_per_teacher.shape, Distribution::Shape::kUniform);
  EXPECT_DOUBLE_EQ(a.students_per_teacher.a, 8.0);
  EXPECT_DOUBLE_EQ(a.students_per_teacher.b, 22.0);
  EXPECT_EQ(a.distance_km.shape, Distribution::Shape::kLognormal);
  EXPECT_DOUBLE_EQ(a.distance_km.a, 30.0);
  EXPECT_DOUBLE_EQ(a.distance_km.b, 0.6);
  EXPECT_DOUBLE_EQ(a.border_share, 0.1);
  EXPECT_DOUBLE_EQ(a.urban_share, 0.0);

  const SchoolAggregate& b = r.aggregates[1];
  EXPECT_EQ(b.teachers.shape, Distribution::Shape::kFixed);
  EXPECT_DOUBLE_EQ(b.teachers.a, 6.0);
  EXPECT_EQ(b.students_per_teacher.shape, Distribution::Shape::kFixed);  // plain number
  EXPECT_DOUBLE_EQ(b.students_per_teacher.a, 25.0);
  EXPECT_DOUBLE_EQ(b.border_share, 0.0);  // default
}

TEST_F(SmallScenario, RegionWithCsvSchools) {
  const Region& r = s().regions[1];
  EXPECT_EQ(r.ugels, (std::vector<std::string>{"Tumbes", "Zarumilla"}));
  EXPECT_TRUE(r.staff.empty());
  EXPECT_FALSE(r.coach_fee.has_value());
  EXPECT_DOUBLE_EQ(r.contract_delay.value(), 0.0);
  EXPECT_TRUE(r.aggregates.empty());
  ASSERT_EQ(r.schools.size(), 3u);
  const SchoolRecord& first = r.schools[0];
  EXPECT_EQ(first.id, "0456789");  // leading zero kept: ids are text
  EXPECT_EQ(first.ugel, "Tumbes");
  EXPECT_EQ(first.school_type, "eib");
  EXPECT_FALSE(first.urban);
  EXPECT_TRUE(first.border);
  EXPECT_EQ(first.teachers, 2);
  EXPECT_EQ(first.students, 31);
  EXPECT_DOUBLE_EQ(first.distance.value(), 45.5);
  ASSERT_TRUE(first.travel_time.has_value());
  EXPECT_DOUBLE_EQ(first.travel_time->value(), 2.5);
  const SchoolRecord& second = r.schools[1];
  EXPECT_TRUE(second.urban);
  EXPECT_FALSE(second.border);
  EXPECT_FALSE(second.travel_time.has_value());  // empty cell
  const SchoolRecord& third = r.schools[2];
  EXPECT_EQ(third.id, "0456791");  // quotes removed
  EXPECT_TRUE(third.urban);
  EXPECT_DOUBLE_EQ(third.distance.value(), 7.25);
}

TEST_F(SmallScenario, SourcesInFileOrder) {
  ASSERT_EQ(s().sources.size(), 3u);
  EXPECT_EQ(s().sources[0].key, "protocol");
  EXPECT_EQ(s().sources[1].key, "coach.monthly_fee");
  EXPECT_EQ(s().sources[1].text, "ASSUMPTION: 69.3% of 2013 budget over 1,640 coaches");
  EXPECT_EQ(s().sources[2].key, "costs.per_diem");
}

TEST_F(SmallScenario, ValidatesCleanly) {
  EXPECT_TRUE(validate(s(), "small.yaml").empty()) << dump(validate(s(), "small.yaml"));
}

TEST(ScenarioDefaults, OptionalSectionsTakeDefaults) {
  std::string text = testing::small_text();
  text = testing::replaced(text, "currency: PEN\nseed: 20200301\n", "");
  text = testing::replaced(text,
                           "calendar:\n  weekend: [sat, sun]\n  fixed_holidays: [\"01-01\", "
                           "\"07-28\"]\n",
                           "");
  const LoadResult result = testing::load_as_small(text);
  ASSERT_TRUE(result.ok()) << dump(result.errors);
  EXPECT_EQ(result.scenario.currency, "PEN");
  EXPECT_EQ(result.scenario.seed, 1u);
  ASSERT_EQ(result.scenario.weekend.size(), 2u);
  EXPECT_EQ(result.scenario.weekend[0], Saturday);
  EXPECT_EQ(result.scenario.weekend[1], Sunday);
  EXPECT_TRUE(result.scenario.fixed_holidays.empty());
}

TEST(ScenarioDefaults, OptionalKeyWithNoValueTakesDefault) {
  const LoadResult result = testing::load_small_with("coach_fee: \"4200 PEN/month\"", "coach_fee:");
  ASSERT_TRUE(result.ok()) << dump(result.errors);
  EXPECT_FALSE(result.scenario.regions[0].coach_fee.has_value());
}

TEST(BuiltInDefault, LoadsWithoutErrors) {
  const LoadResult result =
      load_scenario_text(default_scenario_text(), std::string(kDefaultScenarioName),
                         std::string(COACHSIM_SOURCE_DIR) + "/scenarios");
  EXPECT_TRUE(result.ok()) << dump(result.errors);
  EXPECT_FALSE(result.scenario.regions.empty());
}

}  // namespace load_valid_test
}  // namespace coachsim::scenario
