// Form errors found while reading the YAML: malformed YAML, unknown and missing keys, wrong
// types, wrong units, malformed dates and values. Each names file:line:column and the field.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "coachsim/scenario/loader.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace load_errors_test {

using testing::dump;
using ::testing::HasSubstr;
using testing::load_small_with;
using testing::only_error;

TEST(LoadErrorFormat, FileLineColumnFieldMessage) {
  EXPECT_EQ((LoadError{"a.yaml", 3, 7, "coach.monthly_fee", "bad"}).to_string(),
            "a.yaml:3:7: coach.monthly_fee: bad");
  EXPECT_EQ((LoadError{"a.csv", 4, 0, "regions[0].schools_csv[2]", "bad"}).to_string(),
            "a.csv:4: regions[0].schools_csv[2]: bad");
  EXPECT_EQ((LoadError{"a.yaml", 0, 0, "name", "bad"}).to_string(), "a.yaml: name: bad");
  EXPECT_EQ((LoadError{"a.yaml", 2, 1, "", "malformed YAML: x"}).to_string(),
            "a.yaml:2:1: malformed YAML: x");
}

TEST(LoadFile, MissingFileSaysWhy) {
  const LoadResult r = load_scenario_file("/nonexistent/dir/x.yaml");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].to_string(),
            "/nonexistent/dir/x.yaml: cannot read scenario file '/nonexistent/dir/x.yaml': No "
            "such file or directory");
}

TEST(LoadText, MalformedYamlGivesParserPosition) {
  const LoadResult r = load_small_with("speed: \"25 km/h\"", "speed: [25 km/h");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 27, 9, "", {"malformed YAML"}));
}

TEST(LoadText, TabIndentationIsMalformed) {
  const LoadResult r = load_scenario_text("coachsim: 1\n\tname: x\n", "t.yaml", "");
  EXPECT_TRUE(only_error(r.errors, "t.yaml", 2, 1, "", {"malformed YAML", "tab"}));
}

TEST(LoadText, EmptyTextListsTheExpectedKeys) {
  const LoadResult r = load_scenario_text("", "e.yaml", "");
  EXPECT_TRUE(only_error(r.errors, "e.yaml", 1, 1, "", {"empty", "coachsim", "regions"}));
}

TEST(LoadText, TopLevelMustBeAMap) {
  const LoadResult r = load_scenario_text("- a\n- b\n", "l.yaml", "");
  EXPECT_TRUE(only_error(r.errors, "l.yaml", 1, 1, "", {"expected a map", "got a list"}));
}

TEST(UnknownKey, SuggestsClosestAllowedKey) {
  const LoadResult r = load_small_with("rainy_travel_factor: 1.5", "rainy_travel_facter: 1.5");
  EXPECT_TRUE(
      only_error(r.errors, "small.yaml", 29, 5, "geographies[0].rainy_travel_facter",
                 {"unknown key 'rainy_travel_facter'", "did you mean 'rainy_travel_factor'?",
                  "allowed keys: id, speed, fare, rainy_season, rainy_travel_factor"}));
}

TEST(UnknownKey, NoSuggestionWhenNothingIsClose) {
  const LoadResult r = load_small_with("overhead_rate: 0.02", "overhead_rate: 0.02\n  zzz: 1");
  ASSERT_TRUE(only_error(r.errors, "small.yaml", 78, 3, "costs.zzz",
                         {"unknown key 'zzz'", "allowed keys: per_diem"}));
  EXPECT_THAT(r.errors[0].message, ::testing::Not(HasSubstr("did you mean")));
}

TEST(UnknownKey, TypoOfRequiredKeyReportsBoth) {
  const LoadResult r = load_small_with("name: \"Small test scenario\"", "nmae: x");
  ASSERT_EQ(r.errors.size(), 2u) << dump(r.errors);
  EXPECT_EQ(r.errors[0].to_string(),
            "small.yaml:1:1: name: missing required key 'name' (expected text)");
  EXPECT_EQ(r.errors[1].field, "nmae");
  EXPECT_EQ(r.errors[1].line, 2);
  EXPECT_THAT(r.errors[1].message, HasSubstr("did you mean 'name'?"));
}

TEST(MissingKey, ReportedAtTheEnclosingMap) {
  const LoadResult r = load_small_with("    fare: \"0.35 PEN/km\"\n", "");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 30, 5, "geographies[1].fare",
                         {"missing required key 'fare'", "PEN/km"}));
}

TEST(MissingKey, WholeSection) {
  const LoadResult r = load_small_with(
      "supervision:\n  coaches_per_supervisor: 9\n  visits_per_coach: 2\n  monthly_fee: "
      "\"6000.50 PEN/month\"\n  days_per_visit: \"1 day\"\n",
      "");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 1, 1, "supervision",
                         {"missing required key 'supervision'"}));
}

TEST(WrongType, MapWhereListExpected) {
  const LoadResult r = load_small_with("visit_days: [3, 3, 2, 2, 2, 2]", "visit_days: {a: 1}");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 38, 19, "protocol.school_types[0].visit_days",
                         {"expected a list of visit lengths", "got a map"}));
}

TEST(WrongType, ScalarWhereMapExpected) {
  const LoadResult r =
      load_small_with("contract: {start: 2021-03-01, end: 2021-12-31}", "contract: 2021-03-01");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 21, 15, "years[1].contract",
                         {"expected a map of contract dates", "got '2021-03-01'"}));
}

TEST(WrongType, ListWhereScalarExpected) {
  const LoadResult r = load_small_with("geography: coast", "geography: [coast]");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 99, 16, "regions[1].geography",
                         {"expected text", "got a list"}));
}

TEST(WrongType, NullForRequiredValue) {
  const LoadResult r = load_small_with("seed: 20200301\n", "seed: 20200301\nname2: 1\n");
  ASSERT_EQ(r.errors.size(), 1u);  // sanity: only the unknown key
  const LoadResult n = load_small_with("id: andes", "id:");
  EXPECT_TRUE(only_error(n.errors, "small.yaml", 25, 5, "geographies[0].id",
                         {"expected text", "got nothing (null)"}));
}

TEST(WrongUnit, MoneyPerMonthGivenKm) {
  const LoadResult r = load_small_with("monthly_fee: \"4500 PEN/month\"", "monthly_fee: \"35 km\"");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 55, 16, "coach.monthly_fee",
                         {"expected money per month (e.g. '4500 PEN/month')", "got '35 km'"}));
}

TEST(WrongUnit, SpeedGivenPlainNumber) {
  const LoadResult r = load_small_with("speed: \"40 km/h\"", "speed: 40");
  ASSERT_EQ(r.errors.size(), 1u) << dump(r.errors);
  EXPECT_EQ(r.errors[0].line, 31);
  EXPECT_EQ(r.errors[0].column, 12);
  EXPECT_EQ(r.errors[0].field, "geographies[1].speed");
  EXPECT_THAT(r.errors[0].message, HasSubstr("km/h"));
}

TEST(WrongUnit, MoneyFinerThanCentimos) {
  const LoadResult r = load_small_with("\"120 PEN/day\"", "\"120.005 PEN/day\"");
  ASSERT_EQ(r.errors.size(), 1u) << dump(r.errors);
  EXPECT_EQ(r.errors[0].field, "costs.per_diem");
  EXPECT_EQ(r.errors[0].line, 68);
}

TEST(WrongUnit, PlainNumberGivenUnit) {
  const LoadResult r = load_small_with("overhead_rate: 0.02", "overhead_rate: 2%");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 77, 18, "costs.overhead_rate",
                         {"expected a plain number", "got '2%'"}));
}

TEST(Values, FormatVersionMustBeOne) {
  const LoadResult r = load_small_with("coachsim: 1", "coachsim: 2");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 1, 11, "coachsim",
                         {"expected format version 1", "got 2"}));
}

TEST(Values, SeedMustBeNonNegative) {
  const LoadResult r = load_small_with("seed: 20200301", "seed: -4");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 5, 7, "seed",
                         {"expected a non-negative integer", "got '-4'"}));
}

TEST(Values, CurrencyCode) {
  const LoadResult r = load_small_with("currency: PEN", "currency: soles");
  EXPECT_TRUE(
      only_error(r.errors, "small.yaml", 4, 11, "currency", {"3 capital letters", "got 'soles'"}));
}

TEST(Values, OtherCurrencyRejectsPen) {
  const LoadResult r = load_small_with("currency: PEN", "currency: USD");
  ASSERT_FALSE(r.ok());
  const LoadError* fee = testing::error_for(r.errors, "coach.monthly_fee");
  ASSERT_NE(fee, nullptr) << dump(r.errors);
  EXPECT_EQ(fee->line, 55);
}

TEST(Values, IntegerExpected) {
  const LoadResult r = load_small_with("teachers_per_coach: 7}", "teachers_per_coach: 7.5}");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 50, 60,
                         "protocol.caseload_rules[0].teachers_per_coach",
                         {"expected an integer", "got '7.5'"}));
}

TEST(Values, BooleanExpected) {
  const LoadResult r = load_small_with("border: true", "border: yes");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 50, 34, "protocol.caseload_rules[0].border",
                         {"expected true or false", "got 'yes'"}));
}

TEST(Values, VenueIsSchoolOrCluster) {
  const LoadResult r = load_small_with("venue: cluster", "venue: home");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 40, 47, "protocol.school_types[0].rtc.venue",
                         {"'school' or 'cluster'", "got 'home'"}));
}

TEST(Dates, MalformedDate) {
  const LoadResult r = load_small_with("to: 2020-12-18", "to: 2020-13-18");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 13, 32, "years[0].terms[1].to",
                         {"expected a date YYYY-MM-DD", "got '2020-13-18'"}));
}

TEST(Dates, MalformedDayOfYear) {
  const LoadResult r = load_small_with("\"07-28\"", "\"02-30\"");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 8, 29, "calendar.fixed_holidays[1]",
                         {"expected a day of the year MM-DD", "got '02-30'"}));
}

TEST(Dates, UnknownWeekday) {
  const LoadResult r = load_small_with("weekend: [sat, sun]", "weekend: [sat, sunday, sabado]");
  EXPECT_TRUE(
      only_error(r.errors, "small.yaml", 7, 26, "calendar.weekend[2]",
                 {"expected a weekday (mon, tue, wed, thu, fri, sat, sun)", "got 'sabado'"}));
}

TEST(DuplicateKey, ReportedAndFirstValueUsed) {
  const LoadResult r =
      load_small_with("gia: {count: 4, duration: \"3 h\", venue: school}",
                      "gia: {count: 4, duration: \"3 h\", venue: school, count: 5}");
  ASSERT_TRUE(only_error(r.errors, "small.yaml", 39, 55, "protocol.school_types[0].gia.count",
                         {"duplicate key 'count'", "first given at line 39"}));
  EXPECT_EQ(r.scenario.school_types[0].gia.count, 4);
}

TEST(Ugels, CountMustBePositive) {
  const LoadResult r = load_small_with("ugels: 3", "ugels: -2");
  EXPECT_TRUE(
      only_error(r.errors, "small.yaml", 81, 12, "regions[0].ugels", {"between 1 and", "got -2"}));
}

TEST(Ugels, MapIsWrong) {
  const LoadResult r = load_small_with("ugels: 3", "ugels: {a: 1}");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 81, 12, "regions[0].ugels",
                         {"expected a list of UGEL names or a count", "got a map"}));
}

TEST(Distributions, WrongParameterCount) {
  const LoadResult r = load_small_with("{lognormal: [30, 0.6]}", "{lognormal: [30]}");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 90, 34,
                         "regions[0].schools[0].distance_km.lognormal",
                         {"expected [median, sigma] (2 numbers)", "got 1 value"}));
}

TEST(Distributions, UnknownShapeSuggestsNothingSilly) {
  const LoadResult r = load_small_with("{uniform: [8, 22]}", "{unifrom: [8, 22]}");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", 89, 32,
                         "regions[0].schools[0].students_per_teacher.unifrom",
                         {"unknown key 'unifrom'", "did you mean 'uniform'?"}));
}

TEST(Distributions, TwoShapesAtOnce) {
  const LoadResult r = load_small_with("{fixed: 6}", "{fixed: 6, uniform: [1, 2]}");
  EXPECT_TRUE(
      only_error(r.errors, "small.yaml", 95, 19, "regions[0].schools[1].teachers",
                 {"exactly one of fixed, uniform, triangular, lognormal", "got fixed, uniform"}));
}

TEST(SeveralErrors, AllReportedInFileOrder) {
  std::string text = testing::small_text();
  text = testing::replaced(text, "seed: 20200301", "seed: x");
  text = testing::replaced(text, "speed: \"25 km/h\"", "sped: \"25 km/h\"");
  text = testing::replaced(text, "monthly_fee: \"4500 PEN/month\"", "monthly_fee: \"35 km\"");
  text = testing::replaced(text, "count: 420", "count: 0");
  text = testing::replaced(text, "geography: coast", "geography: coastal");
  const LoadResult r = testing::load_as_small(text);
  ASSERT_EQ(r.errors.size(), 6u) << dump(r.errors);
  const std::vector<std::string> fields = {"seed",
                                           "geographies[0].speed",
                                           "geographies[0].sped",
                                           "coach.monthly_fee",
                                           "regions[0].schools[0].count",
                                           "regions[1].geography"};
  const std::vector<int> lines = {5, 25, 26, 55, 87, 99};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    EXPECT_EQ(r.errors[i].field, fields[i]) << dump(r.errors);
    EXPECT_EQ(r.errors[i].line, lines[i]) << dump(r.errors);
  }
  EXPECT_THAT(r.errors[5].message, HasSubstr("did you mean 'coast'?"));
}

}  // namespace load_errors_test
}  // namespace coachsim::scenario
