// Loading and checking outcomes: and prices:, with file:line:column errors. The sections are
// appended to the small test scenario (years 2020 and 2021, currency PEN).
#include <gtest/gtest.h>

#include <algorithm>

#include "coachsim/scenario/loader.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace outcomes_load_test {

using testing::dump;
using testing::load_as_small;
using testing::only_error;
using testing::small_text;

// The declarations every outcomes: section needs besides its effects (appended last, so the
// line numbers of the keys before them do not move).
const std::string kDeclared =
    "  reference_protocol: {study: \"Castro et al. 2025\", visits: 2, gia: 1, "
    "teacher_workshop_days: 2}\n"
    "  dose_weights: {visits: \"80%\", gia: \"10%\", workshops: \"10%\"}\n"
    "  evidence: {school_types: [eib], elsewhere: zero}\n";
const std::string kOutcomes =
    "outcomes:\n"
    "  dose_response: threshold\n"
    "  full_at: \"80%\"\n"
    "  student_learning_sd: [0.106, 0.110, 0.114]\n"
    "  teacher_practice_sd: [0.10, 0.20, 0.20]\n"
    "  sources: {student_learning_sd: \"Castro et al. 2025\"}\n" +
    kDeclared;
const std::string kPrices =
    "prices:\n"
    "  price_year: 2020\n"
    "  inflation: {2021: \"4.0%\"}\n"
    "  exchange_rate: {2020: \"3.49 PEN/USD\", 2021: \"3.88 PEN/USD\"}\n";

// The line number of the first line appended to the small scenario.
int first_appended_line() {
  const std::string text = small_text();
  return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
}

LoadResult load_with(const std::string& sections) { return load_as_small(small_text() + sections); }

TEST(OutcomesLoad, ValidSectionsLoad) {
  const LoadResult r = load_with(kOutcomes + kPrices);
  ASSERT_TRUE(r.errors.empty()) << dump(r.errors);
  ASSERT_TRUE(r.scenario.outcomes.has_value());
  const Outcomes& o = *r.scenario.outcomes;
  EXPECT_EQ(o.dose_response, DoseResponse::kThreshold);
  EXPECT_DOUBLE_EQ(o.full_at, 0.8);
  EXPECT_DOUBLE_EQ(o.student_learning_sd[2], 0.114);
  EXPECT_DOUBLE_EQ(o.teacher_practice_sd[1], 0.20);
  ASSERT_EQ(o.sources.size(), 1u);
  EXPECT_EQ(o.sources[0].second, "Castro et al. 2025");
  ASSERT_TRUE(r.scenario.prices.has_value());
  const Prices& p = *r.scenario.prices;
  EXPECT_EQ(p.price_year, 2020);
  EXPECT_DOUBLE_EQ(price_index(p, 2021), 1.04);
  EXPECT_DOUBLE_EQ(*exchange_rate(p, 2020), 3.49);
  EXPECT_DOUBLE_EQ(*exchange_rate(p, 2021), 3.88);
}

TEST(OutcomesLoad, AbsentSectionsStayAbsent) {
  const LoadResult r = load_as_small(small_text());
  ASSERT_TRUE(r.errors.empty()) << dump(r.errors);
  EXPECT_FALSE(r.scenario.outcomes.has_value());
  EXPECT_FALSE(r.scenario.prices.has_value());
}

TEST(OutcomesLoad, UnknownDoseResponse) {
  const int line = first_appended_line();
  const LoadResult r = load_with(
      "outcomes:\n  dose_response: step\n"
      "  student_learning_sd: [0.1, 0.1, 0.1]\n"
      "  teacher_practice_sd: [0.1, 0.1, 0.1]\n" +
      kDeclared);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", line + 1, 18, "outcomes.dose_response",
                         {"expected 'linear' or 'threshold'", "'step'"}));
}

TEST(OutcomesLoad, EffectListsNeedThreeValuesInRange) {
  const int line = first_appended_line();
  const LoadResult r = load_with(
      "outcomes:\n"
      "  student_learning_sd: [0.1, 0.1]\n"
      "  teacher_practice_sd: [0.1, 2.5, 0.1]\n" +
      kDeclared);
  ASSERT_EQ(r.errors.size(), 2u) << dump(r.errors);
  EXPECT_EQ(r.errors[0].to_string(),
            "small.yaml:" + std::to_string(line + 1) +
                ":24: outcomes.student_learning_sd: expected 3 effects in SD (after 1, 2 and 3 "
                "years of coaching), got 2");
  EXPECT_EQ(r.errors[1].to_string(), "small.yaml:" + std::to_string(line + 2) +
                                         ":30: outcomes.teacher_practice_sd[1]: expected an "
                                         "effect between -1 and 2 SD, got 2.5");
}

TEST(OutcomesLoad, EffectsAreRequiredAndUnknownKeysReported) {
  const int line = first_appended_line();
  const LoadResult r = load_with("outcomes:\n  student_learning: [0.1, 0.1, 0.1]\n");
  const LoadError* unknown = testing::error_for(r.errors, "outcomes.student_learning");
  ASSERT_NE(unknown, nullptr) << dump(r.errors);
  EXPECT_EQ(unknown->line, line + 1);
  EXPECT_NE(unknown->message.find("student_learning_sd"), std::string::npos) << unknown->message;
  EXPECT_NE(testing::error_for(r.errors, "outcomes.teacher_practice_sd"), nullptr)
      << dump(r.errors);
}

TEST(OutcomesLoad, FullAtMustBeAPercentage) {
  const int line = first_appended_line();
  const std::string effects =
      "  student_learning_sd: [0.1, 0.1, 0.1]\n"
      "  teacher_practice_sd: [0.1, 0.1, 0.1]\n" +
      kDeclared;
  LoadResult r = load_with("outcomes:\n  full_at: 0.8\n" + effects);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", line + 1, 12, "outcomes.full_at",
                         {"expected a percentage", "'0.8'"}));
  r = load_with("outcomes:\n  full_at: \"150%\"\n" + effects);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", line + 1, 12, "outcomes.full_at",
                         {"at most 100%", "got 150%"}));
}

TEST(OutcomesLoad, ReferenceProtocolWeightsAndEvidenceAreRead) {
  const LoadResult r = load_with(kOutcomes + "  discount_rate: \"10%\"\n" + kPrices);
  ASSERT_TRUE(r.errors.empty()) << dump(r.errors);
  const Outcomes& o = *r.scenario.outcomes;
  ASSERT_TRUE(o.reference.has_value());
  EXPECT_EQ(o.reference->study, "Castro et al. 2025");
  EXPECT_EQ(o.reference->visits, 2);
  EXPECT_EQ(o.reference->gia, 1);
  EXPECT_DOUBLE_EQ(o.reference->workshop_days, 2.0);
  EXPECT_DOUBLE_EQ(o.weights.visits, 0.8);
  EXPECT_DOUBLE_EQ(o.weights.gia, 0.1);
  EXPECT_DOUBLE_EQ(o.weights.workshops, 0.1);
  ASSERT_EQ(o.evidence_school_types.size(), 1u);
  EXPECT_EQ(o.evidence_school_types[0], "eib");
  EXPECT_EQ(o.outside, OutsideEvidence::kZero);
  EXPECT_DOUBLE_EQ(o.discount_rate, 0.1);
}

TEST(OutcomesLoad, TheStudysProtocolWeightsAndEvidenceMustBeDeclared) {
  const LoadResult r = load_with(
      "outcomes:\n"
      "  student_learning_sd: [0.1, 0.1, 0.1]\n"
      "  teacher_practice_sd: [0.1, 0.1, 0.1]\n");
  EXPECT_NE(testing::error_for(r.errors, "outcomes.reference_protocol"), nullptr) << dump(r.errors);
  EXPECT_NE(testing::error_for(r.errors, "outcomes.dose_weights"), nullptr) << dump(r.errors);
  EXPECT_NE(testing::error_for(r.errors, "outcomes.evidence"), nullptr) << dump(r.errors);
}

TEST(OutcomesLoad, WeightsMustAddUpAndEvidenceNameATypeOfTheScenario) {
  const LoadResult r = load_with(
      "outcomes:\n"
      "  student_learning_sd: [0.1, 0.1, 0.1]\n"
      "  teacher_practice_sd: [0.1, 0.1, 0.1]\n"
      "  reference_protocol: {study: x, visits: 2, gia: 1, teacher_workshop_days: 2}\n"
      "  dose_weights: {visits: \"80%\", gia: \"10%\", workshops: \"0%\"}\n"
      "  evidence: {school_types: [rural], elsewhere: nothing}\n");
  const LoadError* sum = testing::error_for(r.errors, "outcomes.dose_weights");
  ASSERT_NE(sum, nullptr) << dump(r.errors);
  EXPECT_NE(sum->message.find("adding up to 100%, got 90%"), std::string::npos) << sum->message;
  const LoadError* elsewhere = testing::error_for(r.errors, "outcomes.evidence.elsewhere");
  ASSERT_NE(elsewhere, nullptr) << dump(r.errors);
  EXPECT_NE(elsewhere->message.find("expected 'extrapolate' or 'zero', got 'nothing'"),
            std::string::npos);
}

TEST(OutcomesLoad, GradeShareIsAPercentageAboveZeroAndAtMostAll) {
  const std::string head =
      "outcomes:\n"
      "  student_learning_sd: [0.1, 0.1, 0.1]\n"
      "  teacher_practice_sd: [0.1, 0.1, 0.1]\n"
      "  reference_protocol: {study: x, visits: 2, gia: 1, teacher_workshop_days: 2}\n"
      "  dose_weights: {visits: \"100%\", gia: \"0%\", workshops: \"0%\"}\n";
  LoadResult r = load_with(
      head + "  evidence: {school_types: [eib], grade_share: \"16.7%\", elsewhere: zero}\n");
  ASSERT_TRUE(r.errors.empty()) << dump(r.errors);
  EXPECT_DOUBLE_EQ(r.scenario.outcomes->evidence_grade_share, 0.167);
  // Absent: the evidence covers every grade of its school types.
  r = load_with(head + "  evidence: {school_types: [eib], elsewhere: zero}\n");
  ASSERT_TRUE(r.errors.empty()) << dump(r.errors);
  EXPECT_DOUBLE_EQ(r.scenario.outcomes->evidence_grade_share, 1.0);
  r = load_with(head + "  evidence: {school_types: [eib], grade_share: 0.167, elsewhere: zero}\n");
  const LoadError* text = testing::error_for(r.errors, "outcomes.evidence.grade_share");
  ASSERT_NE(text, nullptr) << dump(r.errors);
  EXPECT_NE(text->message.find("expected a percentage"), std::string::npos) << text->message;
  r = load_with(head + "  evidence: {school_types: [eib], grade_share: \"0%\", elsewhere: zero}\n");
  const LoadError* range = testing::error_for(r.errors, "outcomes.evidence.grade_share");
  ASSERT_NE(range, nullptr) << dump(r.errors);
  EXPECT_NE(range->message.find("above 0% and at most 100%, got 0%"), std::string::npos)
      << range->message;
}

TEST(PricesLoad, ExchangeRateUnitMustMatchTheCurrency) {
  const int line = first_appended_line();
  const LoadResult r = load_with(
      "prices:\n  price_year: 2020\n"
      "  exchange_rate: {2020: \"3.49 USD/PEN\", 2021: \"3.88 PEN/USD\"}\n");
  EXPECT_TRUE(only_error(r.errors, "small.yaml", line + 2, 25, "prices.exchange_rate.2020",
                         {"expected an exchange rate in PEN/USD", "'3.49 USD/PEN'"}));
}

TEST(PricesLoad, EveryYearNeedsAPositiveExchangeRate) {
  const int line = first_appended_line();
  const LoadResult r = load_with(
      "prices:\n  price_year: 2020\n"
      "  exchange_rate: {2021: \"0 PEN/USD\", 2019: \"3 PEN/USD\"}\n");
  ASSERT_EQ(r.errors.size(), 3u) << dump(r.errors);
  EXPECT_EQ(r.errors[0].to_string(),
            "small.yaml:" + std::to_string(line + 2) +
                ":18: prices.exchange_rate: expected an exchange rate for every school year of "
                "the scenario; missing 2020");
  EXPECT_EQ(r.errors[1].to_string(), "small.yaml:" + std::to_string(line + 2) +
                                         ":25: prices.exchange_rate.2021: expected an exchange "
                                         "rate > 0 PEN/USD, got 0 PEN/USD");
  EXPECT_EQ(r.errors[2].to_string(), "small.yaml:" + std::to_string(line + 2) +
                                         ":44: prices.exchange_rate.2019: expected one of the "
                                         "scenario's years, got 2019");
}

TEST(PricesLoad, InflationIsAPercentageForEveryYearInBetween) {
  const int line = first_appended_line();
  const std::string rates = "  exchange_rate: {2020: \"3.49 PEN/USD\", 2021: \"3.88 PEN/USD\"}\n";
  LoadResult r = load_with("prices:\n  price_year: 2020\n  inflation: {2021: 0.04}\n" + rates);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", line + 2, 21, "prices.inflation.2021",
                         {"expected a percentage change of the price level", "'0.04'"}));
  r = load_with("prices:\n  price_year: 2018\n  inflation: {2019: \"2%\"}\n" + rates);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", line + 2, 14, "prices.inflation",
                         {"every year from 2019 to 2021", "missing 2020, 2021"}));
  r = load_with("prices:\n  price_year: 2020\n  inflation: {2021: \"-100%\"}\n" + rates);
  EXPECT_TRUE(only_error(r.errors, "small.yaml", line + 2, 21, "prices.inflation.2021",
                         {"above -100%", "got -100%"}));
}

TEST(PricesLoad, PriceYearIsRequired) {
  const int line = first_appended_line();
  const LoadResult r =
      load_with("prices:\n  exchange_rate: {2020: \"3.49 PEN/USD\", 2021: \"3.88 PEN/USD\"}\n");
  ASSERT_EQ(r.errors.size(), 1u) << dump(r.errors);
  EXPECT_EQ(r.errors[0].line, line + 1);  // where the prices: map starts
  EXPECT_NE(r.errors[0].message.find("price_year"), std::string::npos) << dump(r.errors);
}

}  // namespace outcomes_load_test
}  // namespace coachsim::scenario
