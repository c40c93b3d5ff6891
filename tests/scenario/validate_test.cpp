// Value ranges and cross-field rules: checked after reading, reported at the line of the value
// (for a loaded scenario) or by field path only (for a scenario built by hand).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "coachsim/scenario/loader.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace validate_test {

using testing::dump;
using ::testing::HasSubstr;
using testing::load_small_with;
using testing::only_error;

// --- counts, ratios, shares, factors -----------------------------------------------------------

TEST(Ranges, ZeroCount) {
  const LoadResult r = load_small_with("count: 420", "count: 0");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 87, 16, "regions[0].schools[0].count",
                         {"expected a count of schools >= 1", "got 0"}));
}

TEST(Ranges, NegativeRatio) {
  const LoadResult r = load_small_with("coaches_per_supervisor: 9", "coaches_per_supervisor: -9");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 60, 27, "supervision.coaches_per_supervisor",
                         {"expected coaches per supervisor (0: no supervisors) >= 0", "got -9"}));
}

TEST(Ranges, TeachersPerCoachOutsideOneToAThousand) {
  // Zero, and more than the run's 16-bit per-coach counts hold (the cap is far above any
  // protocol).
  for (const std::string bad : {"0", "70000"}) {
    const LoadResult r =
        load_small_with("teachers_per_coach: 15}", "teachers_per_coach: " + bad + "}");
    EXPECT_TRUE(only_error(r.errors, "small.yaml", 52, 87,
                           "protocol.caseload_rules[2].teachers_per_coach",
                           {"expected teachers per coach between 1 and 1000", "got " + bad}));
  }
}

TEST(Ranges, VisitOfZeroDays) {
  const LoadResult r = load_small_with("[2, 1, 1, 1, 1, 1, 1]", "[2, 1, 0, 1, 1, 1, 1]");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 44, 26, "protocol.school_types[1].visit_days[2]",
                         {"expected a visit length in days >= 1", "got 0"}));
}

TEST(Ranges, ShareAboveOne) {
  const LoadResult r = load_small_with("border_share: 0.1", "border_share: 1.5");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 91, 23, "regions[0].schools[0].border_share",
                         {"expected a share between 0 and 1", "got 1.5"}));
}

TEST(Ranges, OverheadRateOutsideZeroOne) {
  const LoadResult r = load_small_with("overhead_rate: 0.02", "overhead_rate: -0.1");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 77, 18, "costs.overhead_rate",
                         {"share between 0 and 1", "got -0.1"}));
}

TEST(Ranges, RainyTravelFactorBelowOne) {
  const LoadResult r = load_small_with("rainy_travel_factor: 1.5", "rainy_travel_factor: 0.8");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 29, 26, "geographies[0].rainy_travel_factor",
                         {">= 1", "got 0.8"}));
}

TEST(Ranges, ZeroSpeed) {
  const LoadResult r = load_small_with("speed: \"40 km/h\"", "speed: \"0 km/h\"");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 31, 12, "geographies[1].speed",
                         {"expected a travel speed > 0 km/h", "got 0 km/h"}));
}

TEST(Ranges, NegativeMoney) {
  const LoadResult r = load_small_with("\"50 PEN/participant\"", "\"-50 PEN/participant\"");
  EXPECT_TRUE(
      only_error(r.errors, "small.yaml", 70, 28, "costs.teacher_workshop_travel",
                 {"expected an amount >= 0.00 PEN/participant", "got -50.00 PEN/participant"}));
}

TEST(Ranges, ZeroCoachFee) {
  const LoadResult r = load_small_with("\"4500 PEN/month\"", "\"0 PEN/month\"");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 55, 16, "coach.monthly_fee",
                         {"expected an amount > 0 PEN/month", "got 0.00 PEN/month"}));
}

TEST(Ranges, DistributionOrder) {
  const LoadResult r = load_small_with("{triangular: [1, 2, 4]}", "{triangular: [1, 5, 4]}");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 88, 19, "regions[0].schools[0].teachers",
                         {"min <= mode <= max", "got [1, 5, 4]"}));
}

TEST(Ranges, SessionLongerThanWorkingDay) {
  const LoadResult r = load_small_with("duration: \"3.5 h\"", "duration: \"9 h\"");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 45, 33, "protocol.school_types[1].gia.duration",
                         {"fits in one working day", "got 9 h"}));
}

TEST(Ranges, WorkshopDaysSplitEvenly) {
  const LoadResult r = load_small_with("total_days: \"16 days\"", "total_days: \"15 days\"");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 42, 47,
                         "protocol.school_types[0].coach_workshops.total_days",
                         {"divisible by count 2", "got 15 days"}));
}

TEST(Ranges, ContractDelayLeavesNoContract) {
  const LoadResult r =
      load_small_with("contract_delay: \"15 days\"", "contract_delay: \"400 days\"");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 84, 21, "regions[0].contract_delay",
                         {"leaves no contract in 2020"}));
}

// --- dates -------------------------------------------------------------------------------------

TEST(Dates, HolidayOutsideItsYear) {
  const LoadResult r = load_small_with("2020-04-10]", "2021-04-10]");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 14, 28, "years[0].holidays[1]",
                         {"school year 2020 (2020-01-01..2020-12-31)", "got 2021-04-10"}));
}

TEST(Dates, WorkshopBeforeContract) {
  const LoadResult r = load_small_with("[2020-03-02, 2020-07-27]", "[2020-01-02, 2020-07-27]");
  EXPECT_TRUE(
      only_error(r.errors, "small.yaml", 17, 25, "years[0].teacher_workshops[0]",
                 {"within the contract of 2020 (2020-02-01..2020-12-31)", "got 2020-01-02"}));
}

TEST(Dates, TermOutsideContract) {
  const LoadResult r = load_small_with("{from: 2021-03-15,", "{from: 2021-02-15,");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 20, 16, "years[1].terms[0].from",
                         {"within the contract of 2021", "got 2021-02-15"}));
}

TEST(Dates, TermsOverlap) {
  const LoadResult r = load_small_with("{from: 2020-08-10,", "{from: 2020-07-20,");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 13, 16, "years[0].terms[1].from",
                         {"in order without overlap"}));
}

TEST(Dates, ContractEndBeforeStart) {
  const LoadResult r = load_small_with("end: 2021-12-31}", "end: 2021-02-28}");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].to_string(),
            "small.yaml:21:40: years[1].contract.end: expected a contract end on or after its "
            "start 2021-03-01, got 2021-02-28");
}

TEST(Dates, YearsNotIncreasing) {
  std::string text = testing::small_text();
  text = testing::replaced(text, "year: 2021", "year: 2020");
  for (const char* field : {"terms:\n      - {from: 2021-03-15, to: 2021-12-17}",
                            "{start: 2021-03-01, end: 2021-12-31}", "[2021-03-01, 2021-07-26]",
                            "[2021-03-08, 2021-07-26]"}) {
    std::string fixed = field;
    for (auto at = fixed.find("2021"); at != std::string::npos; at = fixed.find("2021")) {
      fixed.replace(at, 4, "2020");
    }
    text = testing::replaced(text, field, fixed);
  }
  const LoadResult r = testing::load_as_small(text);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 18, 11, "years[1].year",
                         {"increasing order", "got 2020 after 2020"}));
}

TEST(Dates, YearDisagreesWithItsDates) {
  const LoadResult r = load_small_with("year: 2021", "year: 2019");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 18, 11, "years[1].year",
                         {"expected 2021, the year of its contract", "got 2019"}));
}

// --- ids ---------------------------------------------------------------------------------------

TEST(Ids, UnknownGeography) {
  const LoadResult r = load_small_with("geography: andes", "geography: andse");
  EXPECT_TRUE(
      only_error(r.errors, "small.yaml", 80, 16, "regions[0].geography",
                 {"unknown geography 'andse'", "did you mean 'andes'?", "known: andes, coast"}));
}

TEST(Ids, UnknownSchoolTypeInAggregate) {
  const LoadResult r = load_small_with("- school_type: poli_primaria", "- school_type: poli");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 93, 22, "regions[0].schools[1].school_type",
                         {"unknown school type 'poli'", "known: eib, poli_primaria"}));
}

TEST(Ids, UnknownStaffRole) {
  const LoadResult r = load_small_with("monitoring_officer: 2}", "monitoring_offcer: 2}");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 82, 53, "regions[0].staff.monitoring_offcer",
                         {"unknown staff role", "did you mean 'monitoring_officer'?"}));
}

TEST(Ids, DuplicateGeography) {
  std::string text = testing::replaced(testing::small_text(), "  - id: coast", "  - id: andes");
  text = testing::replaced(text, "geography: coast", "geography: andes");
  const LoadResult r = testing::load_as_small(text);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 30, 9, "geographies[1].id",
                         {"duplicate geography id 'andes'", "also geographies[0]"}));
}

TEST(Ids, DuplicateUgelName) {
  const LoadResult r = load_small_with("[Tumbes, Zarumilla]", "[Tumbes, Zarumilla, Tumbes]");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 100, 32, "regions[1].ugels[2]",
                         {"duplicate UGEL 'Tumbes'"}));
}

// --- protocol against the years, caseload rules -------------------------------------------------

TEST(Protocol, TooManyWorkshopDates) {
  const LoadResult r =
      load_small_with("[2020-02-10, 2020-07-27]", "[2020-02-10, 2020-07-27, 2020-09-01]");
  EXPECT_TRUE(only_error(
      r.errors, "small.yaml", 16, 22, "years[0].coach_workshops",
      {"one start date per coach workshop", "got 3", "'eib' has 2, 'poli_primaria' has 2"}));
}

TEST(Protocol, MissingWorkshopDatesReportedAtTheYear) {
  const LoadResult r = load_small_with("    coach_workshops: [2021-03-01, 2021-07-26]\n", "");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 18, 5, "years[1].coach_workshops", {"got 0"}));
}

TEST(Protocol, SchoolTypeWithoutFallbackRule) {
  const LoadResult r = load_small_with("{school_type: eib, teachers_per_coach: 8}",
                                       "{school_type: eib, urban: false, teachers_per_coach: 8}");
  EXPECT_TRUE(only_error(
      r.errors, "small.yaml", 50, 5, "protocol.caseload_rules",
      {"school type 'eib' has no fallback rule", "{school_type: eib, teachers_per_coach: N}"}));
}

TEST(Protocol, RuleHiddenBehindAnEarlierOne) {
  const LoadResult r = load_small_with(
      "    - {school_type: eib, teachers_per_coach: 8}\n",
      "    - {school_type: eib, teachers_per_coach: 8}\n    - {school_type: eib, border: false, "
      "teachers_per_coach: 9}\n");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 52, 7, "protocol.caseload_rules[2]",
                         {"never used", "protocol.caseload_rules[1] comes first"}));
}

TEST(Protocol, RuleForUnknownSchoolType) {
  const LoadResult r =
      load_small_with("{school_type: eib, border: true,", "{school_type: eib_x, border: true,");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 50, 21, "protocol.caseload_rules[0].school_type",
                         {"unknown school type 'eib_x'", "did you mean 'eib'?"}));
}

// --- no cascades ---------------------------------------------------------------------------------

TEST(NoCascade, UnparsedDateIsNotAlsoOutsideTheContract) {
  const LoadResult r = load_small_with("start: 2020-02-01", "start: 2020-02-31");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 15, 23, "years[0].contract.start",
                         {"expected a date YYYY-MM-DD"}));
}

TEST(NoCascade, BrokenSchoolTypeIdDoesNotMakeRulesUnknown) {
  const LoadResult r = load_small_with("    - id: poli_primaria", "    - id: [poli_primaria]");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 43, 11, "protocol.school_types[1].id",
                         {"expected text", "got a list"}));
}

// --- hand-built scenarios -----------------------------------------------------------------------

TEST(HandBuilt, ValidateReportsFieldsWithoutLines) {
  LoadResult loaded = testing::load_as_small(testing::small_text());
  ASSERT_TRUE(loaded.ok()) << dump(loaded.errors);
  Scenario s = loaded.scenario;
  s.regions[0].aggregates[0].urban_share = 2.0;
  s.caseload_rules[1].school_type = "poli";
  s.years[0].holidays.push_back(calendar::Date{std::chrono::days(0)});  // 1970-01-01
  const auto errors = validate(s, "hand-built");
  ASSERT_EQ(errors.size(), 4u) << dump(errors);
  for (const auto& e : errors) {
    EXPECT_EQ(e.file, "hand-built");
    EXPECT_EQ(e.line, 0);
    EXPECT_EQ(e.column, 0);
  }
  EXPECT_EQ(errors[0].to_string(),
            "hand-built: years[0].holidays[2]: expected a date within school year 2020 "
            "(2020-01-01..2020-12-31), got 1970-01-01");
  EXPECT_EQ(errors[1].field, "protocol.caseload_rules[1].school_type");
  EXPECT_EQ(errors[2].field, "protocol.caseload_rules");  // eib lost its fallback
  EXPECT_EQ(errors[3].field, "regions[0].schools[0].urban_share");
}

TEST(HandBuilt, EmptyScenarioNamesWhatIsMissing) {
  const auto errors = validate(Scenario{}, "empty");
  std::vector<std::string> fields;
  for (const auto& e : errors) fields.push_back(e.field);
  EXPECT_THAT(fields,
              ::testing::IsSupersetOf({"name", "geographies", "years", "protocol.school_types",
                                       "regions", "coach.monthly_fee"}));
}

TEST(HandBuilt, RegionWithoutSchools) {
  LoadResult loaded = testing::load_as_small(testing::small_text());
  Scenario s = loaded.scenario;
  s.regions[1].schools.clear();
  const auto errors = validate(s, "x");
  ASSERT_EQ(errors.size(), 1u) << dump(errors);
  EXPECT_EQ(errors[0].field, "regions[1]");
  EXPECT_THAT(errors[0].message, HasSubstr("at least one school"));
}

TEST(HandBuilt, DuplicateStaffRoleAndSchoolId) {
  LoadResult loaded = testing::load_as_small(testing::small_text());
  Scenario s = loaded.scenario;
  s.regions[0].staff.emplace_back("regional_officer", 3);
  s.regions[1].schools[2].id = s.regions[1].schools[0].id;
  const auto errors = validate(s, "x");
  ASSERT_EQ(errors.size(), 2u) << dump(errors);
  EXPECT_EQ(errors[0].to_string(),
            "x: regions[0].staff.regional_officer: duplicate staff role "
            "'regional_officer'");
  EXPECT_EQ(errors[1].to_string(),
            "x: regions[1].schools_csv[2].id: duplicate school id "
            "'0456789' (also regions[1].schools_csv[0])");
}

}  // namespace validate_test
}  // namespace coachsim::scenario
