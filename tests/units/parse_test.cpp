// Parsing quantities from scenario text, their error messages, and céntimo formatting.
#include "coachsim/units/parse.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace coachsim::units {
namespace parse_test {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// Parses and fails the test (with the error message) if parsing fails.
ParsedQuantity ok(std::string_view text, std::string_view currency = "PEN") {
  auto result = parse_quantity(text, currency);
  if (const auto* error = std::get_if<ParseError>(&result)) {
    ADD_FAILURE() << "'" << text << "' did not parse: " << error->message;
    return {};
  }
  return std::get<ParsedQuantity>(result);
}

// Parses, expecting an error; returns its message.
std::string error(std::string_view text, std::string_view currency = "PEN") {
  auto result = parse_quantity(text, currency);
  if (const auto* parsed = std::get_if<ParsedQuantity>(&result)) {
    ADD_FAILURE() << "'" << text << "' parsed unexpectedly (value " << parsed->value << ")";
    return {};
  }
  return std::get<ParseError>(result).message;
}

std::string expecting_error(std::string_view text, Kind expected,
                            std::string_view currency = "PEN") {
  auto result = parse_expecting(text, expected, currency);
  if (std::holds_alternative<ParsedQuantity>(result)) {
    ADD_FAILURE() << "'" << text << "' parsed unexpectedly";
    return {};
  }
  return std::get<ParseError>(result).message;
}

// --- every kind and spelling -----------------------------------------------------------------

struct Case {
  std::string_view text;
  Kind kind;
  double value;
};

TEST(ParseQuantity, EveryKindAndSpelling) {
  const std::vector<Case> cases = {
      {"3 days", Kind::kDays, 3.0},
      {"1 day", Kind::kDays, 1.0},
      {"3 d", Kind::kDays, 3.0},
      {"0.5 day", Kind::kDays, 0.5},
      {"2.5 h", Kind::kHours, 2.5},
      {"1 hour", Kind::kHours, 1.0},
      {"3 hours", Kind::kHours, 3.0},
      {"1 month", Kind::kMonths, 1.0},
      {"11 months", Kind::kMonths, 11.0},
      {"35 km", Kind::kKm, 35.0},
      {"12.345 km", Kind::kKm, 12.345},  // only money is limited to two decimals
      {"25 km/h", Kind::kKmPerHour, 25.0},
      {"0.25", Kind::kDimensionless, 0.25},
      {"7", Kind::kDimensionless, 7.0},
      {"0.125", Kind::kDimensionless, 0.125},
      {"120 PEN", Kind::kMoney, 120.0},
      {"4500 PEN/month", Kind::kMoneyPerMonth, 4500.0},
      {"120 PEN/day", Kind::kMoneyPerDay, 120.0},
      {"0.85 PEN/km", Kind::kMoneyPerKm, 0.85},
      {"60 PEN/participant", Kind::kMoneyPerParticipant, 60.0},
      {"45.50 PEN/participant-day", Kind::kMoneyPerParticipantDay, 45.5},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const ParsedQuantity q = ok(c.text);
    EXPECT_EQ(q.kind, c.kind);
    EXPECT_DOUBLE_EQ(q.value, c.value);
  }
}

TEST(ParseQuantity, WhitespaceIsOptionalAndTrimmed) {
  for (std::string_view text : {"35km", "35 km", "  35 km  ", "\t35\tkm\n", "35   km"}) {
    SCOPED_TRACE(text);
    const ParsedQuantity q = ok(text);
    EXPECT_EQ(q.kind, Kind::kKm);
    EXPECT_DOUBLE_EQ(q.value, 35.0);
  }
  EXPECT_EQ(ok("3d").kind, Kind::kDays);
  EXPECT_EQ(ok("2.5h").kind, Kind::kHours);
  EXPECT_EQ(ok("4500PEN/month").centimos, 450000);
  EXPECT_EQ(ok(" 0.25 ").kind, Kind::kDimensionless);
  // Spaces next to the slash of a rate are tolerated.
  EXPECT_EQ(ok("4500 PEN / month").kind, Kind::kMoneyPerMonth);
  EXPECT_EQ(ok("25 km /h").kind, Kind::kKmPerHour);
}

TEST(ParseQuantity, Signs) {
  EXPECT_DOUBLE_EQ(ok("-3").value, -3.0);
  EXPECT_DOUBLE_EQ(ok("+3").value, 3.0);
  EXPECT_DOUBLE_EQ(ok("-2.5 h").value, -2.5);
  EXPECT_EQ(ok("-12.34 PEN").centimos, -1234);
  EXPECT_DOUBLE_EQ(ok("-12.34 PEN").value, -12.34);
  EXPECT_EQ(ok("-0.05 PEN").centimos, -5);
  EXPECT_EQ(ok("+0.05 PEN").centimos, 5);
  EXPECT_EQ(ok("-0 PEN").centimos, 0);
  EXPECT_EQ(ok("-4500 PEN/month").centimos, -450000);
}

// --- money is exact --------------------------------------------------------------------------

TEST(ParseQuantity, MoneyIsExactCentimos) {
  EXPECT_EQ(ok("4500 PEN/month").centimos, 450000);
  EXPECT_EQ(ok("120 PEN/day").centimos, 12000);
  EXPECT_EQ(ok("0.85 PEN/km").centimos, 85);
  EXPECT_EQ(ok("0.8 PEN/km").centimos, 80);
  EXPECT_EQ(ok("60 PEN/participant").centimos, 6000);
  EXPECT_EQ(ok("45.50 PEN/participant-day").centimos, 4550);
  EXPECT_EQ(ok("45.5 PEN/participant-day").centimos, 4550);
  EXPECT_EQ(ok("12.3 PEN").centimos, 1230);
  EXPECT_EQ(ok("007.50 PEN").centimos, 750);
  EXPECT_EQ(ok("0 PEN").centimos, 0);
  EXPECT_EQ(ok("1234567.89 PEN").centimos, 123456789);
  // 0.29 * 100 is 28.999999999999996 in binary; the text gives exactly 29 céntimos.
  EXPECT_EQ(ok("0.29 PEN").centimos, 29);
  EXPECT_EQ(ok("1.13 PEN/km").centimos, 113);
  // The largest amount one input may hold (README "Limits"): 10^12 in the currency.
  EXPECT_EQ(ok("1000000000000 PEN").centimos, 100'000'000'000'000);
  EXPECT_EQ(ok("-1000000000000.00 PEN/day").centimos, -100'000'000'000'000);
}

TEST(ParseQuantity, AmountsAndQuantitiesBeyondTheLimitsAreRefused) {
  // One céntimo above the limit, and int64's largest céntimos, are both refused by name.
  EXPECT_THAT(error("1000000000000.01 PEN"),
              HasSubstr("amount too large in '1000000000000.01 PEN' (the limit is 1000000000000 "
                        "PEN, README \"Limits\")"));
  EXPECT_THAT(error("92233720368547758.07 PEN/month"), HasSubstr("amount too large"));
  // Workshop days of 2^32 once overflowed the run's clock; a century of days is the limit.
  EXPECT_EQ(ok("36500 days").value, 36500);
  EXPECT_THAT(error("4294967296 days"),
              HasSubstr("(the limit for a number of days is 36500, README \"Limits\")"));
  EXPECT_THAT(error("1000001 km"), HasSubstr("the limit for a distance in km is 1000000"));
}

TEST(ParseQuantity, NonMoneyKindsHaveNoCentimos) {
  EXPECT_EQ(ok("35 km").centimos, 0);
  EXPECT_EQ(ok("0.25").centimos, 0);
}

TEST(ParseQuantity, OtherCurrencyCode) {
  const ParsedQuantity q = ok("12.50 USD/day", "USD");
  EXPECT_EQ(q.kind, Kind::kMoneyPerDay);
  EXPECT_EQ(q.centimos, 1250);
  EXPECT_EQ(ok("3 EUR", "EUR").kind, Kind::kMoney);
  EXPECT_EQ(ok("3 EUR/participant-day", "EUR").kind, Kind::kMoneyPerParticipantDay);
}

TEST(ParseQuantity, FormattedCentimosParseBack) {
  for (std::int64_t c : {std::int64_t{0}, std::int64_t{5}, std::int64_t{-5}, std::int64_t{99},
                         std::int64_t{123456}, std::int64_t{-123456789}}) {
    SCOPED_TRACE(c);
    EXPECT_EQ(ok(format_centimos(c) + " PEN").centimos, c);
  }
}

// --- errors ----------------------------------------------------------------------------------

TEST(ParseErrors, EmptyText) {
  EXPECT_THAT(error(""), StartsWith("empty quantity (expected a number with a unit"));
  EXPECT_THAT(error("   "), StartsWith("empty quantity"));
}

TEST(ParseErrors, MissingNumber) {
  EXPECT_EQ(error("PEN/month"),
            "missing number in 'PEN/month' (write the number before the unit, e.g. "
            "'4500 PEN/month')");
  EXPECT_EQ(error("km"), "missing number in 'km' (write the number before the unit, e.g. '35 km')");
  EXPECT_THAT(error("  days "), HasSubstr("missing number in 'days'"));
  EXPECT_THAT(error("  days "), HasSubstr("e.g. '3 days'"));
  EXPECT_EQ(error("abc"),
            "missing number in 'abc' (expected a number with a unit, e.g. '4500 PEN/month' or "
            "'35 km')");
  EXPECT_THAT(error("-"), StartsWith("missing number in '-'"));
  EXPECT_THAT(error("- 5 km"), StartsWith("missing number in '- 5 km'"));
  EXPECT_THAT(error("USD/day", "USD"), HasSubstr("e.g. '120 USD/day'"));
}

TEST(ParseErrors, UnknownUnit) {
  EXPECT_EQ(error("2 weeks"),
            "unknown unit 'weeks' in '2 weeks' (expected e.g. 'PEN/month', 'km', 'h', 'days')");
  EXPECT_EQ(error("10 miles"),
            "unknown unit 'miles' in '10 miles' (expected e.g. 'PEN/month', 'km', 'h', 'days')");
  EXPECT_THAT(error("35 k m"), StartsWith("unknown unit 'k m' in '35 k m'"));
  EXPECT_THAT(error("5/month"), StartsWith("unknown unit '/month' in '5/month'"));
  EXPECT_THAT(error("2 weeks", "USD"), HasSubstr("(expected e.g. 'USD/month', 'km', 'h'"));
}

TEST(ParseErrors, MisspelledCurrencyIsAnUnknownUnitWithASuggestion) {
  EXPECT_EQ(error("4500 PEM/month"),
            "unknown unit 'PEM' in '4500 PEM/month' (expected e.g. 'PEN/month', 'km', 'h', "
            "'days'); did you mean 'PEN/month'?");
  EXPECT_THAT(error("120 PEM"), EndsWith("did you mean 'PEN'?"));
  // A misspelled currency with a bad rate: no suggestion that would itself be wrong.
  EXPECT_EQ(error("4500 PEM/week"),
            "unknown unit 'PEM' in '4500 PEM/week' (expected e.g. 'PEN/month', 'km', 'h', "
            "'days')");
}

TEST(ParseErrors, WrongCurrencyNamesTheScenarioCurrency) {
  EXPECT_EQ(error("4500 USD/month"),
            "wrong currency 'USD' in '4500 USD/month': the scenario currency is PEN (e.g. "
            "'4500 PEN/month')");
  EXPECT_EQ(error("120 EUR"),
            "wrong currency 'EUR' in '120 EUR': the scenario currency is PEN (e.g. '120 PEN')");
  EXPECT_THAT(error("120 PEN", "USD"), HasSubstr("the scenario currency is USD"));
  EXPECT_THAT(error("4500 USD/week"), StartsWith("wrong currency 'USD' in '4500 USD/week': the "
                                                 "scenario currency is PEN"));
}

TEST(ParseErrors, UnknownRateListsTheRates) {
  EXPECT_EQ(error("4500 PEN/week"),
            "unknown unit 'PEN/week' in '4500 PEN/week' (a rate in PEN is 'PEN/month', "
            "'PEN/day', 'PEN/km', 'PEN/participant' or 'PEN/participant-day')");
  EXPECT_THAT(error("4500 PEN/"), StartsWith("unknown unit 'PEN/' in '4500 PEN/'"));
}

TEST(ParseErrors, NearMissesGetASuggestion) {
  struct Miss {
    std::string_view text;
    std::string_view unit;
    std::string_view suggestion;
  };
  const std::vector<Miss> misses = {
      {"35 kms", "kms", "km"},
      {"35 KM", "KM", "km"},
      {"35 Km", "Km", "km"},
      {"3 Days", "Days", "days"},
      {"3 DAY", "DAY", "day"},
      {"2 hrs", "hrs", "h"},
      {"2 H", "H", "h"},
      {"25 kph", "kph", "km/h"},
      {"25 km/hr", "km/hr", "km/h"},
      {"120 pen", "pen", "PEN"},
      {"4500 PEN/Month", "PEN/Month", "PEN/month"},
      {"4500 PEN/months", "PEN/months", "PEN/month"},
      {"120 PEN/days", "PEN/days", "PEN/day"},
      {"45 PEN/participant/day", "PEN/participant/day", "PEN/participant-day"},
      {"45 PEN/participant-days", "PEN/participant-days", "PEN/participant-day"},
      {"60 PEN/person", "PEN/person", "PEN/participant"},
  };
  for (const Miss& m : misses) {
    SCOPED_TRACE(m.text);
    const std::string message = error(m.text);
    EXPECT_THAT(message, StartsWith("unknown unit '" + std::string(m.unit) + "' in '" +
                                    std::string(m.text) + "'"));
    EXPECT_THAT(message, EndsWith("; did you mean '" + std::string(m.suggestion) + "'?"));
  }
}

TEST(ParseErrors, ThousandsSeparators) {
  EXPECT_EQ(error("4,500 PEN/month"),
            "thousands separators are not allowed in '4,500 PEN/month' (write '4500 PEN/month')");
  EXPECT_EQ(error("1,234,567.89 PEN"),
            "thousands separators are not allowed in '1,234,567.89 PEN' (write '1234567.89 PEN')");
  EXPECT_THAT(error("-4,500"), HasSubstr("(write '-4500')"));
  EXPECT_THAT(error("4,500km"), HasSubstr("(write '4500km')"));
}

TEST(ParseErrors, DecimalCommasAndOtherCommas) {
  EXPECT_EQ(error("12,5 km"),
            "decimal commas are not allowed in '12,5 km' (use a decimal point: '12.5 km')");
  EXPECT_THAT(error("0,85 PEN/km"), HasSubstr("'0.85 PEN/km'"));
  EXPECT_THAT(error("1,2,3 km"), StartsWith("commas are not allowed in numbers: '1,2,3 km'"));
  EXPECT_THAT(error("1.5,3 km"), StartsWith("commas are not allowed in numbers"));
}

TEST(ParseErrors, MoneyHasAtMostTwoDecimals) {
  EXPECT_EQ(error("12.345 PEN"), "money has at most 2 decimals (céntimos): '12.345 PEN'");
  EXPECT_EQ(error("0.125 PEN/km"), "money has at most 2 decimals (céntimos): '0.125 PEN/km'");
  EXPECT_EQ(error(" 4500.000 PEN/month "),
            "money has at most 2 decimals (céntimos): '4500.000 PEN/month'");
  EXPECT_THAT(error("-0.001 PEN/day"), HasSubstr("at most 2 decimals"));
}

TEST(ParseErrors, MalformedNumbers) {
  EXPECT_EQ(error(".5 km"),
            "malformed number in '.5 km': write a digit before the decimal point ('0.5 km')");
  EXPECT_THAT(error("-.5"), HasSubstr("('-0.5')"));
  EXPECT_EQ(error("5. km"),
            "malformed number in '5. km': write digits after the decimal point or none at all "
            "('5 km')");
  EXPECT_THAT(error("5."), HasSubstr("('5')"));
  EXPECT_EQ(error("1.2.3 km"), "malformed number in '1.2.3 km': more than one decimal point");
  EXPECT_EQ(error("4 500 PEN"),
            "spaces are not allowed inside a number: '4 500 PEN' (write the digits together, e.g. "
            "'4500')");
  EXPECT_EQ(error("1e3 km"),
            "exponents are not allowed in '1e3 km' (write the number in full, e.g. '1000' "
            "instead of '1e3')");
  EXPECT_THAT(error("1E-3"), StartsWith("exponents are not allowed"));
}

TEST(ParseErrors, NumbersTooLarge) {
  const std::string huge = "1" + std::string(400, '0') + " km";
  EXPECT_EQ(error(huge), "number too large in '" + huge + "'");
  EXPECT_EQ(error("92233720368547758.08 PEN"), "amount too large in '92233720368547758.08 PEN'");
  EXPECT_EQ(error("99999999999999999999 PEN/month"),
            "amount too large in '99999999999999999999 PEN/month'");
}

// --- parse_expecting -------------------------------------------------------------------------

TEST(ParseExpecting, AcceptsTheExpectedKind) {
  auto result = parse_expecting("4500 PEN/month", Kind::kMoneyPerMonth, "PEN");
  ASSERT_TRUE(std::holds_alternative<ParsedQuantity>(result));
  EXPECT_EQ(std::get<ParsedQuantity>(result).centimos, 450000);
  auto plain = parse_expecting("0.02", Kind::kDimensionless, "PEN");
  ASSERT_TRUE(std::holds_alternative<ParsedQuantity>(plain));
  EXPECT_DOUBLE_EQ(std::get<ParsedQuantity>(plain).value, 0.02);
}

TEST(ParseExpecting, KindMismatch) {
  EXPECT_EQ(expecting_error("35 km", Kind::kMoneyPerMonth),
            "expected money per month (e.g. '4500 PEN/month'), got '35 km' (a distance in km)");
  EXPECT_EQ(expecting_error("  35 km ", Kind::kMoneyPerMonth),
            "expected money per month (e.g. '4500 PEN/month'), got '35 km' (a distance in km)");
  EXPECT_EQ(expecting_error("3", Kind::kDays),
            "expected a number of days (e.g. '3 days'), got '3' (a plain number without unit)");
  EXPECT_EQ(expecting_error("120 PEN", Kind::kMoneyPerDay),
            "expected money per day (e.g. '120 PEN/day'), got '120 PEN' (an amount of money)");
  EXPECT_EQ(expecting_error("3 h", Kind::kDays),
            "expected a number of days (e.g. '3 days'), got '3 h' (a duration in hours)");
  EXPECT_EQ(expecting_error("3 days", Kind::kHours),
            "expected hours (e.g. '2.5 h'), got '3 days' (a number of days)");
  EXPECT_EQ(expecting_error("25 km/h", Kind::kKm),
            "expected a distance in km (e.g. '35 km'), got '25 km/h' (a speed in km/h)");
  EXPECT_EQ(expecting_error("0.02", Kind::kMoneyPerParticipant),
            "expected money per participant (e.g. '60 PEN/participant'), got '0.02' (a plain "
            "number without unit)");
  EXPECT_EQ(expecting_error("2 months", Kind::kDimensionless),
            "expected a plain number without unit (e.g. '0.25'), got '2 months' (a duration in "
            "months)");
  EXPECT_EQ(expecting_error("45 PEN/participant-day", Kind::kMoneyPerParticipant),
            "expected money per participant (e.g. '60 PEN/participant'), got "
            "'45 PEN/participant-day' (money per participant-day)");
}

TEST(ParseExpecting, ExamplesUseTheScenarioCurrency) {
  EXPECT_EQ(expecting_error("35 km", Kind::kMoneyPerDay, "USD"),
            "expected money per day (e.g. '120 USD/day'), got '35 km' (a distance in km)");
}

TEST(ParseExpecting, UnitErrorsSayWhatTheFieldExpects) {
  EXPECT_EQ(expecting_error("4500 PEM/month", Kind::kMoneyPerMonth),
            "unknown unit 'PEM' in '4500 PEM/month' (expected e.g. 'PEN/month', 'km', 'h', "
            "'days'); did you mean 'PEN/month'? The field expects money per month (e.g. '4500 "
            "PEN/month')");
  EXPECT_EQ(expecting_error("2 weeks", Kind::kDays),
            "unknown unit 'weeks' in '2 weeks' (expected e.g. 'PEN/month', 'km', 'h', 'days'); "
            "the field expects a number of days (e.g. '3 days')");
  EXPECT_THAT(expecting_error("4500 USD/month", Kind::kMoneyPerMonth),
              HasSubstr("the scenario currency is PEN"));
  EXPECT_THAT(expecting_error("PEN/month", Kind::kMoneyPerMonth),
              StartsWith("missing number in 'PEN/month'"));
  EXPECT_THAT(expecting_error("", Kind::kKm),
              EndsWith("; the field expects a distance in km (e.g. '35 km')"));
}

TEST(ParseExpecting, NumberErrorsAreUnchanged) {
  EXPECT_EQ(expecting_error("12.345 PEN", Kind::kMoney),
            "money has at most 2 decimals (céntimos): '12.345 PEN'");
  EXPECT_EQ(expecting_error("4,500 PEN/month", Kind::kMoneyPerMonth),
            "thousands separators are not allowed in '4,500 PEN/month' (write '4500 PEN/month')");
}

// --- describe --------------------------------------------------------------------------------

TEST(Describe, KnownDescriptions) {
  EXPECT_EQ(describe(Kind::kMoneyPerMonth), "money per month (e.g. '4500 PEN/month')");
  EXPECT_EQ(describe(Kind::kKm), "a distance in km (e.g. '35 km')");
  EXPECT_EQ(describe(Kind::kMoney), "money (e.g. '120 PEN')");
  EXPECT_EQ(describe(Kind::kDimensionless), "a plain number without unit (e.g. '0.25')");
}

TEST(Describe, EveryExampleParsesAsItsKind) {
  const std::vector<Kind> kinds = {
      Kind::kMoney,
      Kind::kDays,
      Kind::kHours,
      Kind::kMonths,
      Kind::kKm,
      Kind::kKmPerHour,
      Kind::kMoneyPerMonth,
      Kind::kMoneyPerDay,
      Kind::kMoneyPerKm,
      Kind::kMoneyPerParticipant,
      Kind::kMoneyPerParticipantDay,
      Kind::kDimensionless,
  };
  for (Kind kind : kinds) {
    const std::string text = describe(kind);
    SCOPED_TRACE(text);
    const std::size_t open = text.find("(e.g. '");
    ASSERT_NE(open, std::string::npos);
    const std::size_t start = open + 7;
    const std::size_t end = text.find("')", start);
    ASSERT_NE(end, std::string::npos);
    auto result = parse_expecting(text.substr(start, end - start), kind, "PEN");
    EXPECT_TRUE(std::holds_alternative<ParsedQuantity>(result));
  }
}

// --- formatting ------------------------------------------------------------------------------

TEST(FormatCentimos, Plain) {
  EXPECT_EQ(format_centimos(123456), "1234.56");
  EXPECT_EQ(format_centimos(-5), "-0.05");
  EXPECT_EQ(format_centimos(-12345), "-123.45");
  EXPECT_EQ(format_centimos(0), "0.00");
  EXPECT_EQ(format_centimos(7), "0.07");
  EXPECT_EQ(format_centimos(50), "0.50");
  EXPECT_EQ(format_centimos(100), "1.00");
  EXPECT_EQ(format_centimos(-100), "-1.00");
  EXPECT_EQ(format_centimos(450000), "4500.00");
  EXPECT_EQ(format_centimos(123456789), "1234567.89");
  EXPECT_EQ(format_centimos(std::numeric_limits<std::int64_t>::max()), "92233720368547758.07");
  EXPECT_EQ(format_centimos(std::numeric_limits<std::int64_t>::min()), "-92233720368547758.08");
}

TEST(FormatCentimos, Grouped) {
  EXPECT_EQ(format_centimos_grouped(123456789), "1,234,567.89");
  EXPECT_EQ(format_centimos_grouped(-123456789), "-1,234,567.89");
  EXPECT_EQ(format_centimos_grouped(0), "0.00");
  EXPECT_EQ(format_centimos_grouped(-5), "-0.05");
  EXPECT_EQ(format_centimos_grouped(99999), "999.99");
  EXPECT_EQ(format_centimos_grouped(100000), "1,000.00");
  EXPECT_EQ(format_centimos_grouped(-100000), "-1,000.00");
  EXPECT_EQ(format_centimos_grouped(12345678), "123,456.78");
  EXPECT_EQ(format_centimos_grouped(1234567), "12,345.67");
  EXPECT_EQ(format_centimos_grouped(std::numeric_limits<std::int64_t>::min()),
            "-92,233,720,368,547,758.08");
}

}  // namespace parse_test
}  // namespace coachsim::units
