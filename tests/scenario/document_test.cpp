// ScenarioDocument: declared uncertainty on the built-in default scenario and on small texts:
// sampling, with_value, common random numbers and the validation of uncertainty entries.
#include "coachsim/scenario/document.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "coachsim/scenario/default_scenario.hpp"
#include "scenario_dump.hpp"
#include "scenario_test_util.hpp"

namespace coachsim::scenario {
namespace document_test {

using testing::dump;

const Geography& geography(const Scenario& s, const std::string& id) {
  for (const auto& g : s.geographies) {
    if (g.id == id) return g;
  }
  ADD_FAILURE() << "no geography " << id;
  return s.geographies.front();
}

// The built-in default with three uncertain inputs appended.
std::string default_with_inputs() {
  return std::string(default_scenario_text()) + R"(
uncertainty:
  - field: coach.monthly_fee
    triangular: ["4000 PEN/month", "4500 PEN/month", "5200 PEN/month"]
    source: "ASSUMPTION: test range"
  - field: geographies[andes].rainy_travel_factor
    uniform: [1.2, 2.2]
  - field: geographies[*].speed
    factor: {normal: [1.0, 0.1], min: 0.5}
)";
}

DocumentResult load_default_with_inputs() {
  return load_document_text(default_with_inputs(), "default+inputs.yaml", ".");
}

TEST(Document, NominalIsTheScenarioAsWritten) {
  auto doc = load_default_with_inputs();
  ASSERT_TRUE(doc.ok()) << dump(doc.errors);
  auto plain = load_scenario_text(default_scenario_text(), "d.yaml", ".");
  ASSERT_TRUE(plain.ok());
  const Scenario& s = doc.document->nominal();
  EXPECT_EQ(s.coach.monthly_fee.value(), plain.scenario.coach.monthly_fee.value());
  EXPECT_EQ(geography(s, "andes").rainy_travel_factor, 1.5);
  EXPECT_EQ(geography(s, "andes").speed.value(), 25.0);
  // load_scenario_text on the same text checks the section and ignores it otherwise.
  auto wrapped = load_scenario_text(default_with_inputs(), "x.yaml", ".");
  ASSERT_TRUE(wrapped.ok()) << dump(wrapped.errors);
  EXPECT_EQ(wrapped.scenario.coach.monthly_fee.value(), plain.scenario.coach.monthly_fee.value());
}

TEST(Document, InputsDescribeTheirDistributions) {
  auto doc = load_default_with_inputs();
  ASSERT_TRUE(doc.ok()) << dump(doc.errors);
  const auto& inputs = doc.document->inputs();
  ASSERT_EQ(inputs.size(), 3u);
  EXPECT_EQ(inputs[0].field, "coach.monthly_fee");
  EXPECT_EQ(inputs[0].paths, std::vector<std::string>{"coach.monthly_fee"});
  EXPECT_EQ(inputs[0].shape, "triangular");
  EXPECT_EQ(inputs[0].unit, "PEN/month");
  EXPECT_EQ(inputs[0].source, "ASSUMPTION: test range");
  // Triangular(4000, 4500, 5200): F(mode) = 500/1200, so the median is on the right:
  // 5200 - sqrt(0.5 * 1200 * 700).
  EXPECT_NEAR(inputs[0].nominal, 5200 - std::sqrt(0.5 * 1200 * 700), 1e-9);
  EXPECT_NEAR(inputs[0].low, 4000 + std::sqrt(0.05 * 1200 * 500), 1e-9);
  EXPECT_NEAR(inputs[0].high, 5200 - std::sqrt(0.05 * 1200 * 700), 1e-9);
  EXPECT_EQ(inputs[1].paths, std::vector<std::string>{"geographies[andes].rainy_travel_factor"});
  EXPECT_EQ(inputs[1].unit, "");
  EXPECT_NEAR(inputs[1].low, 1.25, 1e-12);
  EXPECT_NEAR(inputs[1].high, 2.15, 1e-12);
  EXPECT_EQ(inputs[2].shape, "factor:normal");
  EXPECT_EQ(inputs[2].paths,
            (std::vector<std::string>{"geographies[coast].speed", "geographies[andes].speed",
                                      "geographies[amazon].speed"}));
  EXPECT_NEAR(inputs[2].nominal, 1.0, 1e-12);
  EXPECT_NEAR(inputs[2].low, 1.0 - 0.1 * 1.6448536269514722, 1e-9);
  // Positions of the entries (the default text is followed by the section).
  EXPECT_GT(inputs[0].line, 200);
  EXPECT_EQ(inputs[1].line, inputs[0].line + 3);
  EXPECT_EQ(inputs[0].column, 5);
}

TEST(Document, WithValueSetsEveryMatchedPath) {
  auto doc = load_default_with_inputs();
  ASSERT_TRUE(doc.ok()) << dump(doc.errors);
  auto fee = doc.document->with_value(0, 4123.456);
  ASSERT_TRUE(fee.ok()) << dump(fee.errors);
  EXPECT_EQ(fee.scenario.coach.monthly_fee.value(), 412346);  // 2 decimals, half away
  auto factor = doc.document->with_value(2, 0.8);
  ASSERT_TRUE(factor.ok()) << dump(factor.errors);
  EXPECT_DOUBLE_EQ(geography(factor.scenario, "coast").speed.value(), 32.0);
  EXPECT_DOUBLE_EQ(geography(factor.scenario, "andes").speed.value(), 20.0);
  EXPECT_DOUBLE_EQ(geography(factor.scenario, "amazon").speed.value(), 9.6);
  // Nothing else moves.
  auto plain = load_scenario_text(default_scenario_text(), "d.yaml", ".");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(factor.scenario.coach.monthly_fee.value(), plain.scenario.coach.monthly_fee.value());
  EXPECT_FALSE(doc.document->with_value(3, 1.0).ok());
}

TEST(Document, SampleDrawsEveryInputAndReportsTheDraws) {
  auto doc = load_default_with_inputs();
  ASSERT_TRUE(doc.ok()) << dump(doc.errors);
  std::vector<double> drawn;
  auto a = doc.document->sample(42, 0, &drawn);
  ASSERT_TRUE(a.ok()) << dump(a.errors);
  ASSERT_EQ(drawn.size(), 3u);
  EXPECT_GE(drawn[0], 4000);
  EXPECT_LE(drawn[0], 5200);
  EXPECT_EQ(a.scenario.coach.monthly_fee.value(), std::llround(drawn[0] * 100));
  EXPECT_GE(drawn[1], 1.2);
  EXPECT_LE(drawn[1], 2.2);
  EXPECT_NEAR(geography(a.scenario, "andes").rainy_travel_factor, drawn[1], 1e-12);
  // The factor input reports the mean of its three per-geography draws.
  const double mean_factor = (geography(a.scenario, "coast").speed.value() / 40.0 +
                              geography(a.scenario, "andes").speed.value() / 25.0 +
                              geography(a.scenario, "amazon").speed.value() / 12.0) /
                             3.0;
  EXPECT_NEAR(drawn[2], mean_factor, 1e-9);
  // Deterministic per (seed, replication); other replications differ.
  std::vector<double> again;
  auto b = doc.document->sample(42, 0, &again);
  EXPECT_EQ(again, drawn);
  std::vector<double> other;
  doc.document->sample(42, 1, &other);
  EXPECT_NE(other, drawn);
}

TEST(Document, CommonRandomNumbersFollowThePathNotTheDocument) {
  // A second document: the speeds' factor alone, and the geographies in another order.
  std::string text = std::string(default_scenario_text()) + R"(
uncertainty:
  - field: geographies[andes].rainy_travel_factor
    uniform: [1.2, 2.2]
)";
  auto one = load_default_with_inputs();
  auto two = load_document_text(text, "other.yaml", ".");
  ASSERT_TRUE(one.ok() && two.ok());
  for (std::uint64_t rep = 0; rep < 5; ++rep) {
    std::vector<double> d1, d2;
    ASSERT_TRUE(one.document->sample(7, rep, &d1).ok());
    ASSERT_TRUE(two.document->sample(7, rep, &d2).ok());
    EXPECT_EQ(d1[1], d2[0]) << "replication " << rep;
  }
}

TEST(Document, SamplesOnManyThreadsEqualSamplesOnOne) {
  // The document is shared read-only: loads on two threads give the same scenarios (compared
  // field by field) as loads on one.
  auto doc = load_default_with_inputs();
  ASSERT_TRUE(doc.ok()) << dump(doc.errors);
  constexpr std::size_t kPerThread = 8;
  std::vector<std::string> serial(2 * kPerThread), parallel(2 * kPerThread);
  for (std::size_t r = 0; r < serial.size(); ++r) {
    serial[r] = testing::dump_scenario(doc.document->sample(11, r).scenario);
  }
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = 0; i < kPerThread; ++i) {
        const std::size_t r = t * kPerThread + i;
        parallel[r] = testing::dump_scenario(doc.document->sample(11, r).scenario);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(parallel, serial);
  EXPECT_NE(serial[0], serial[1]);
}

TEST(Document, SharedInputsDrawOnceForAllPaths) {
  const auto load = [](bool shared) {
    return load_document_text(std::string(default_scenario_text()) +
                                  "uncertainty:\n"
                                  "  - field: regions[*].contract_delay\n"
                                  "    pert: [\"0 days\", \"15 days\", \"60 days\"]\n" +
                                  (shared ? "    shared: true\n" : ""),
                              "d.yaml", ".");
  };
  auto shared = load(true);
  auto each = load(false);
  ASSERT_TRUE(shared.ok() && each.ok()) << dump(shared.errors) << dump(each.errors);
  EXPECT_EQ(shared.document->inputs()[0].paths.size(), 26u);
  auto one = shared.document->sample(5, 0);
  auto many = each.document->sample(5, 0);
  ASSERT_TRUE(one.ok() && many.ok()) << dump(one.errors) << dump(many.errors);
  std::set<double> one_values, many_values;
  for (const auto& r : one.scenario.regions) one_values.insert(r.contract_delay.value());
  for (const auto& r : many.scenario.regions) many_values.insert(r.contract_delay.value());
  EXPECT_EQ(one_values.size(), 1u);
  EXPECT_GT(many_values.size(), 5u);  // 26 draws of whole days from PERT(0, 15, 60)
}

// --- validation of the section, on the small test scenario ---------------------------------

// The small scenario with `section` appended; `first` receives the line number of the
// section's first line.
DocumentResult small_with(const std::string& section, int* first = nullptr) {
  const std::string text = testing::small_text();
  if (first != nullptr) *first = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  return load_document_text(text + section, "small.yaml", testing::data_dir());
}

TEST(DocumentValidation, ScenarioMustStayValidAtBothEnds) {
  int first = 0;
  auto doc = small_with(
      "uncertainty:\n"
      "  - field: geographies[andes].rainy_travel_factor\n"
      "    uniform: [0.5, 2.2]\n"
      "  - field: coach.monthly_fee\n"
      "    normal: [\"4500 PEN/month\", \"2000 PEN/month\"]\n",
      &first);
  ASSERT_EQ(doc.errors.size(), 2u) << dump(doc.errors);
  EXPECT_EQ(doc.errors[0].to_string(),
            "small.yaml:" + std::to_string(first + 1) +
                ":5: uncertainty[0]: at its low end 0.5 the field "
                "geographies[0].rainy_travel_factor is invalid: expected a rainy-season travel "
                "time factor >= 1, got 0.5");
  // An unbounded shape is checked at P0.5: 4500 - 2.5758 * 2000 < 0.
  EXPECT_EQ(doc.errors[1].line, first + 3);
  EXPECT_EQ(doc.errors[1].field, "uncertainty[1]");
  EXPECT_NE(doc.errors[1].message.find("at its low end -651.658"), std::string::npos)
      << doc.errors[1].message;
  // The same entries with a clamp are valid.
  auto clamped = small_with(
      "uncertainty:\n"
      "  - field: coach.monthly_fee\n"
      "    normal: [\"4500 PEN/month\", \"2000 PEN/month\"]\n"
      "    min: \"1000 PEN/month\"\n");
  EXPECT_TRUE(clamped.ok()) << dump(clamped.errors);
}

TEST(DocumentValidation, FormUnitsOrderAndPathsAreReportedWithPositions) {
  int first = 0;
  auto doc = small_with(
      "uncertainty:\n"
      "  - field: coach.monthly_fees\n"
      "    normal: [\"4500 PEN/month\", \"100 PEN/month\"]\n"
      "  - field: coach.monthly_fee\n"
      "    triangular: [\"4600 PEN/month\", \"4500 PEN/month\", \"5200 PEN/month\"]\n"
      "  - field: coach.monthly_fee\n"
      "    uniform: [\"4000 PEN/month\", \"5000 PEN/day\"]\n"
      "  - field: costs.overhead_rate\n"
      "    bernoulli: {p: 1.2, then: 0.1, else: 0}\n"
      "  - field: geographies\n"
      "    uniform: [1, 2]\n"
      "  - field: geographies[*].speed\n"
      "    factor: {normal: [1.0, 0.1], min: \"0.5 km/h\"}\n"
      "  - field: coach.monthly_fee\n"
      "    uniform: [1, 2]\n"
      "    normal: [1, 2]\n",
      &first);
  ASSERT_EQ(doc.errors.size(), 7u) << dump(doc.errors);
  const auto at = [&](std::size_t i, int line, int column, const std::string& field,
                      const std::string& words) {
    const LoadError& e = doc.errors[i];
    EXPECT_EQ(e.file, "small.yaml");
    EXPECT_EQ(e.line, first + line) << e.to_string();
    EXPECT_EQ(e.column, column) << e.to_string();
    EXPECT_EQ(e.field, field);
    EXPECT_NE(e.message.find(words), std::string::npos) << e.to_string();
  };
  at(0, 1, 12, "uncertainty[0].field", "'coach.monthly_fees' matches no value");
  at(1, 4, 17, "uncertainty[1].triangular", "expected min <= mode <= max");
  at(2, 6, 33, "uncertainty[2].uniform[1]", "same unit as the entry's other values ('PEN/month')");
  at(3, 8, 20, "uncertainty[3].bernoulli.p", "probability between 0 and 1, got 1.2");
  at(4, 9, 12, "uncertainty[4].field", "'geographies' names a list");
  at(5, 12, 39, "uncertainty[5].factor.min", "got '0.5 km/h'");
  at(6, 13, 5, "uncertainty[6]", "expected exactly one of");
}

TEST(DocumentValidation, SharedDrawsAreOnePerSampleAndBernoulliPicksAValue) {
  auto doc = small_with(
      "uncertainty:\n"
      "  - field: regions[*].contract_delay\n"
      "    pert: [\"0 days\", \"15 days\", \"60 days\"]\n"
      "    shared: true\n"
      "  - field: costs.overhead_rate\n"
      "    bernoulli: {p: 0.25, then: 0.1, else: 0}\n");
  ASSERT_TRUE(doc.ok()) << dump(doc.errors);
  const auto& inputs = doc.document->inputs();
  ASSERT_EQ(inputs.size(), 2u);
  // Only Cajamarca writes a delay (Tumbes keeps the default and is not matched).
  EXPECT_EQ(inputs[0].paths, (std::vector<std::string>{"regions[Cajamarca].contract_delay"}));
  EXPECT_EQ(inputs[0].unit, "days");
  int thens = 0;
  for (std::uint64_t rep = 0; rep < 200; ++rep) {
    std::vector<double> drawn;
    auto s = doc.document->sample(3, rep, &drawn);
    ASSERT_TRUE(s.ok()) << dump(s.errors);
    // Whole days, as the nominal "15 days" is written: the draw rounded half away from zero.
    const double a = s.scenario.regions[0].contract_delay.value();
    EXPECT_EQ(a, std::round(drawn[0]));
    EXPECT_EQ(s.scenario.regions[1].contract_delay.value(), 0.0);
    EXPECT_TRUE(s.scenario.costs.overhead_rate == 0.1 || s.scenario.costs.overhead_rate == 0.0);
    EXPECT_EQ(s.scenario.costs.overhead_rate, drawn[1]);
    thens += drawn[1] == 0.1;
  }
  // 200 draws with p = 0.25: 50 expected, sd 6.1; 5 sd either side.
  EXPECT_GT(thens, 19);
  EXPECT_LT(thens, 81);
}

TEST(DocumentValidation, ValuesAreWrittenBackInTheFieldsForm) {
  auto doc = small_with(
      "uncertainty:\n"
      "  - field: regions[Cajamarca].staff.monitoring_officer\n"
      "    uniform: [1, 4]\n"
      "  - field: regions[Cajamarca].schools[0].count\n"
      "    factor: {uniform: [0.5, 1.5]}\n"
      "  - field: regions[Cajamarca].coach_fee\n"
      "    factor: {uniform: [0.5, 1.5]}\n"
      "  - field: regions[Cajamarca].schools[0].distance_km.lognormal[1]\n"
      "    factor: {uniform: [0.5, 1.5]}\n");
  ASSERT_TRUE(doc.ok()) << dump(doc.errors);
  // A count written as an integer stays whole, half away from zero: 2.5 -> 3.
  auto staff = doc.document->with_value(0, 2.5);
  ASSERT_TRUE(staff.ok()) << dump(staff.errors);
  EXPECT_EQ(staff.scenario.regions[0].staff[1].second, 3);
  // 420 x 1.0012 = 420.504 -> 421.
  auto count = doc.document->with_value(1, 1.0012);
  ASSERT_TRUE(count.ok()) << dump(count.errors);
  EXPECT_EQ(count.scenario.regions[0].aggregates[0].count, 421);
  // Money: 4200 x 1.00001 = 4200.042 -> 4200.04 PEN/month.
  auto fee = doc.document->with_value(2, 1.00001);
  ASSERT_TRUE(fee.ok()) << dump(fee.errors);
  EXPECT_EQ(fee.scenario.regions[0].coach_fee->value(), 420004);
  // A plain number written with decimals keeps them: sigma 0.6 x 1.1 = 0.66 (items without an
  // id are named by position).
  EXPECT_EQ(doc.document->inputs()[3].paths,
            std::vector<std::string>{"regions[Cajamarca].schools[0].distance_km.lognormal[1]"});
  auto sigma = doc.document->with_value(3, 1.1);
  ASSERT_TRUE(sigma.ok()) << dump(sigma.errors);
  EXPECT_DOUBLE_EQ(sigma.scenario.regions[0].aggregates[0].distance_km.b, 0.6 * 1.1);
}

TEST(DocumentValidation, RunIgnoresTheSectionButChecksIt) {
  auto plain = testing::load_as_small(testing::small_text());
  auto with = testing::load_as_small(testing::small_text() +
                                     "uncertainty:\n"
                                     "  - field: coach.monthly_fee\n"
                                     "    uniform: [\"4000 PEN/month\", \"5000 PEN/month\"]\n");
  ASSERT_TRUE(plain.ok() && with.ok()) << dump(with.errors);
  EXPECT_EQ(with.scenario.coach.monthly_fee.value(), plain.scenario.coach.monthly_fee.value());
  auto bad = testing::load_as_small(testing::small_text() +
                                    "uncertainty:\n"
                                    "  - field: coach.monthly_fee\n"
                                    "    uniform: [\"-1 PEN/month\", \"5000 PEN/month\"]\n");
  EXPECT_FALSE(bad.ok());
}

}  // namespace document_test
}  // namespace coachsim::scenario
