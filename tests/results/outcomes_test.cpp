// Outcomes by dose, cost-effectiveness, nominal prices and US$ on the small scenario
// (tests/support/small_scenario.hpp: one coach, 3 teachers, 2 visits each, 42 students,
// 131,991.00 PEN), computed by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "../support/small_scenario.hpp"
#include "coachsim/results/metrics.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim {
namespace outcomes_test {

scenario::Outcomes effects(scenario::DoseResponse rule, double full_at = 1.0) {
  scenario::Outcomes o;
  o.dose_response = rule;
  o.full_at = full_at;
  o.student_learning_sd = {0.106, 0.110, 0.114};
  o.teacher_practice_sd = {0.10, 0.20, 0.20};
  return o;
}

scenario::Prices prices_2020() {
  scenario::Prices p;
  p.price_year = 2020;
  p.inflation = {{2021, 0.04}};
  p.exchange_rate = {{2021, 3.88}};
  return p;
}

// The coach's contract ends on 1 July, before the second visit round opens (mid-year): every
// teacher gets 1 of the protocol's 2 visits.
scenario::Scenario half_visits() {
  using namespace std::chrono;
  scenario::Scenario s = testing::small_scenario();
  s.years[0].contract_end = sys_days{2021y / July / 1};
  return s;
}

TEST(Outcomes, WithoutTheSectionsNothingIsAdded) {
  const auto sim = results::simulate(testing::small_scenario(), false);
  EXPECT_FALSE(sim->results.has_outcomes);
  EXPECT_FALSE(sim->results.has_prices);
  const auto metrics = results::metrics_of(sim->results);
  // The per-row list ends with teachers_per_coach as before this feature.
  EXPECT_EQ(metrics.back().name, "teachers_per_coach");
  EXPECT_TRUE(std::none_of(metrics.begin(), metrics.end(), [](const results::Metric& m) {
    return m.name == "student_learning_sd" || m.name == "cost_total_usd";
  }));
  // The dose histogram is kept regardless: 3 teachers with 2 visits in their first year.
  const programme::RegionYearTally& t = sim->tally.at(0, 0);
  EXPECT_EQ(t.teachers_by_dose[0][2], 3);
  EXPECT_EQ(t.students_by_dose[0][2], 42);
  EXPECT_EQ(t.student_sd_sum, 0.0);
}

TEST(Outcomes, LinearFullProtocolByHand) {
  scenario::Scenario s = testing::small_scenario();
  s.outcomes = effects(scenario::DoseResponse::kLinear);
  s.prices = prices_2020();
  ASSERT_TRUE(scenario::validate(s, "small").empty());
  const auto sim = results::simulate(s, false);
  const results::Row& n = sim->results.national[0];
  const results::RowOutcomes& o = n.outcome;
  EXPECT_EQ(o.teachers_coached, 3);
  EXPECT_EQ(o.students_coached, 42);
  EXPECT_DOUBLE_EQ(o.student_learning_sd, 0.106);  // every teacher fully coached, first year
  EXPECT_DOUBLE_EQ(o.teacher_practice_sd, 0.10);
  EXPECT_EQ(n.tally.teachers_full_protocol, 3);
  EXPECT_EQ(o.cost_per_full_protocol_teacher, 4399700);  // 131,991.00 / 3
  // 131,991.00 x 1.04 = 137,270.64 PEN of 2021; / 3.88 = 35,379.0309 -> US$35,379.03.
  EXPECT_DOUBLE_EQ(o.price_index, 1.04);
  EXPECT_EQ(o.cost_total_nominal, 13727064);
  EXPECT_EQ(o.cost_total_usd, 3537903);
  EXPECT_EQ(o.cost_per_teacher_usd, 1179301);  // 3,537,903 / 3 exactly
  EXPECT_EQ(o.cost_per_student_usd, 84236);    // 3,537,903 / 42 = 84,235.79
  // 42 students x 0.106 SD = 4.452 student-SD for the year's cost in US$ of the entry year
  // (unrounded: 131,991.00 x 1.04 / 3.88 = 35,379.0309...): per US$100 4.452 / 353.790309...
  EXPECT_NEAR(o.sd_per_usd100, 4.452 / (131991.00 * 1.04 / 3.88 / 100.0), 1e-12);
  ASSERT_EQ(sim->results.cohorts.size(), 1u);
  EXPECT_NEAR(sim->results.sd_per_usd100_all, o.sd_per_usd100, 1e-12);
  // The region row of the only region equals the national row.
  EXPECT_DOUBLE_EQ(sim->results.regions[0].outcome.sd_per_usd100, o.sd_per_usd100);
}

TEST(Outcomes, HalfTheVisitsGiveHalfTheEffectWhenLinear) {
  scenario::Scenario s = half_visits();
  s.outcomes = effects(scenario::DoseResponse::kLinear);
  const auto sim = results::simulate(s, false);
  const results::Row& n = sim->results.national[0];
  EXPECT_EQ(n.tally.teachers_by_dose[0][1], 3);
  EXPECT_EQ(n.tally.students_by_dose[0][1], 42);
  EXPECT_EQ(n.tally.teachers_full_protocol, 0);
  EXPECT_DOUBLE_EQ(n.outcome.student_learning_sd, 0.053);
  EXPECT_DOUBLE_EQ(n.outcome.teacher_practice_sd, 0.05);
  EXPECT_EQ(n.outcome.cost_per_full_protocol_teacher, 0);  // nobody got the full protocol
  EXPECT_EQ(n.outcome.sd_per_usd100, 0.0);                 // no prices: no US$ figures
}

// The small scenario over three school years (2021-2023, each a copy of 2021 moved by 52 weeks
// so that weekdays stay the same), one entry cohort.
scenario::Scenario three_years() {
  scenario::Scenario s = testing::small_scenario();
  for (int k = 1; k < 3; ++k) {
    scenario::SchoolYear y = s.years[0];
    const std::chrono::days shift{364 * k};
    y.year += k;
    for (auto& t : y.terms) {
      t.first += shift;
      t.last += shift;
    }
    y.contract_start += shift;
    y.contract_end += shift;
    for (auto& d : y.coach_workshop_starts) d += shift;
    for (auto& d : y.teacher_workshop_starts) d += shift;
    s.years.push_back(y);
  }
  s.outcomes = effects(scenario::DoseResponse::kLinear);
  s.outcomes->discount_rate = 0.10;
  s.prices = scenario::Prices{};
  s.prices->price_year = 2021;
  s.prices->exchange_rate = {{2021, 3.88}, {2022, 4.00}, {2023, 3.80}};
  return s;
}

TEST(CostEffectiveness, TheLevelAtTheEndOverTheCostOfEveryYearThatProducedIt) {
  const scenario::Scenario s = three_years();
  ASSERT_TRUE(scenario::validate(s, "small").empty());
  const auto sim = results::simulate(s, false);
  const auto& n = sim->results.national;
  ASSERT_EQ(n.size(), 3u);
  // The effects are levels: 0.106, 0.110, 0.114 SD after 1, 2, 3 years, every teacher fully
  // coached. The cost of each year in US$ of the entry year (2021: price index 1, 3.88 PEN/USD),
  // discounted to 2021 at 10% a year.
  auto usd_cents = [&](std::size_t y) {
    return static_cast<double>(n[y].cost_total) / 3.88 / std::pow(1.1, static_cast<double>(y));
  };
  const double c0 = usd_cents(0), c1 = usd_cents(1), c2 = usd_cents(2);
  EXPECT_NEAR(n[0].outcome.sd_per_usd100, 42 * 0.106 * 10000 / c0, 1e-12);
  EXPECT_NEAR(n[1].outcome.sd_per_usd100, 42 * 0.110 * 10000 / (c0 + c1), 1e-12);
  EXPECT_NEAR(n[2].outcome.sd_per_usd100, 42 * 0.114 * 10000 / (c0 + c1 + c2), 1e-12);
  // The cohort at its end, and the all-years figure, are the third year's: not a sum of the
  // yearly figures (about three times as much) nor one year's cost.
  ASSERT_EQ(sim->results.cohorts.size(), 1u);
  const results::CohortEffect& c = sim->results.cohorts[0];
  EXPECT_EQ(c.entry_year, 2021);
  EXPECT_EQ(c.end_year, 2023);
  EXPECT_EQ(c.students, 42);
  EXPECT_NEAR(c.mean_gain_sd(), 0.114, 1e-12);
  EXPECT_NEAR(c.sd_per_usd100(), n[2].outcome.sd_per_usd100, 1e-12);
  EXPECT_NEAR(sim->results.sd_per_usd100_all, n[2].outcome.sd_per_usd100, 1e-12);
  EXPECT_LT(sim->results.sd_per_usd100_all, 0.5 * 42 * 0.114 * 10000 / c2);
}

TEST(Dose, JudgedAgainstTheStudysProtocolWithWeightedParts) {
  scenario::Scenario s = testing::small_scenario();
  s.outcomes = effects(scenario::DoseResponse::kLinear);
  // The study delivered 4 visits, 1 GIA and 2 workshop days; each teacher here gets 2 visits,
  // 1 GIA session and the 2-day workshop: 80% x 2/4 + 10% x 1 + 10% x 1 = 0.6 of the effect.
  s.outcomes->reference = scenario::ReferenceProtocol{"study", 4, 1, 2.0};
  s.outcomes->weights = {0.8, 0.1, 0.1};
  auto sim = results::simulate(s, false);
  EXPECT_NEAR(sim->results.national[0].outcome.student_learning_sd, 0.106 * 0.6, 1e-12);
  // Without the workshop (its date outside the contract) the workshops' 10% is lost: 0.5.
  s.years[0].teacher_workshop_starts.clear();
  sim = results::simulate(s, false);
  EXPECT_NEAR(sim->results.national[0].outcome.student_learning_sd, 0.106 * 0.5, 1e-12);
  // A zero weight, stated, makes the workshops count for nothing: 2/4 visits x 90% + 10% GIA.
  s.outcomes->weights = {0.9, 0.1, 0.0};
  sim = results::simulate(s, false);
  EXPECT_NEAR(sim->results.national[0].outcome.student_learning_sd, 0.106 * 0.55, 1e-12);
}

TEST(Dose, OutsideTheEvidenceTheEffectIsExtrapolatedOrZeroAsDeclared) {
  scenario::Scenario s = testing::small_scenario();
  s.outcomes = effects(scenario::DoseResponse::kLinear);
  s.outcomes->evidence_school_types = {"rural_multigrade"};  // not the scenario's type "t"
  s.outcomes->outside = scenario::OutsideEvidence::kExtrapolate;
  auto sim = results::simulate(s, false);
  EXPECT_EQ(sim->results.national[0].tally.students_outside_evidence, 42);
  EXPECT_DOUBLE_EQ(sim->results.national[0].outcome.student_learning_sd, 0.106);
  s.outcomes->outside = scenario::OutsideEvidence::kZero;
  sim = results::simulate(s, false);
  EXPECT_EQ(sim->results.national[0].tally.students_outside_evidence, 42);
  EXPECT_EQ(sim->results.national[0].outcome.student_learning_sd, 0.0);
  s.outcomes->evidence_school_types = {"t"};
  sim = results::simulate(s, false);
  EXPECT_EQ(sim->results.national[0].tally.students_outside_evidence, 0);
  EXPECT_DOUBLE_EQ(sim->results.national[0].outcome.student_learning_sd, 0.106);
}

// The small scenario's 42 students: S1's two teachers have 15 each, S2's one teacher 12. A grade
// share of 50% keeps 15 of S1's 30 inside the evidence (7 and 8) and 6 of S2's 12, so
// 8 + 7 + 6 = 21 are outside. Extrapolated, the mean gain is unchanged and 21/42 of it is
// extrapolation; at zero the mean gain is the 21 inside students' gain over all 42.
TEST(Dose, AGradeShareLeavesTheOtherGradesOutsideTheEvidence) {
  scenario::Scenario s = testing::small_scenario();
  s.outcomes = effects(scenario::DoseResponse::kLinear);
  s.outcomes->evidence_school_types = {"t"};
  s.outcomes->evidence_grade_share = 0.5;
  auto sim = results::simulate(s, false);
  const auto& row = sim->results.national[0];
  const std::int64_t outside = row.tally.students_outside_evidence;
  EXPECT_EQ(outside, 21);
  EXPECT_DOUBLE_EQ(row.outcome.student_learning_sd, 0.106);
  EXPECT_NEAR(row.outcome.extrapolated_gain_pct, 100.0 * static_cast<double>(outside) / 42.0, 1e-9);
  s.outcomes->outside = scenario::OutsideEvidence::kZero;
  sim = results::simulate(s, false);
  EXPECT_NEAR(sim->results.national[0].outcome.student_learning_sd,
              0.106 * static_cast<double>(42 - outside) / 42.0, 1e-12);
  EXPECT_EQ(sim->results.national[0].outcome.extrapolated_gain_pct, 0.0);
}

TEST(Outcomes, HalfTheVisitsGiveNothingUnderAFullThreshold) {
  scenario::Scenario s = half_visits();
  s.outcomes = effects(scenario::DoseResponse::kThreshold, 1.0);
  const auto sim = results::simulate(s, false);
  EXPECT_EQ(sim->results.national[0].outcome.student_learning_sd, 0.0);
  EXPECT_EQ(sim->results.national[0].outcome.teacher_practice_sd, 0.0);
}

TEST(Outcomes, HalfTheVisitsMeetAHalfThreshold) {
  scenario::Scenario s = half_visits();
  s.outcomes = effects(scenario::DoseResponse::kThreshold, 0.5);
  const auto sim = results::simulate(s, false);
  EXPECT_DOUBLE_EQ(sim->results.national[0].outcome.student_learning_sd, 0.106);
  EXPECT_DOUBLE_EQ(sim->results.national[0].outcome.teacher_practice_sd, 0.10);
}

TEST(Outcomes, MetricsAreAppendedAtTheEndOfEachRow) {
  scenario::Scenario s = testing::small_scenario();
  s.outcomes = effects(scenario::DoseResponse::kLinear);
  s.prices = prices_2020();
  const auto with = results::metrics_of(results::simulate(s, false)->results);
  const auto without =
      results::metrics_of(results::simulate(testing::small_scenario(), false)->results);
  // Per row 4 price and 5 outcome metrics; rows: region, national 2021, national all years.
  ASSERT_EQ(with.size(), without.size() + 3 * 9);
  EXPECT_EQ(with.back().name, "sd_per_usd100");
  EXPECT_EQ(with.back().year, 0);
  const std::vector<std::string> tail = {
      "cost_total_nominal",   "cost_total_usd",      "cost_per_teacher_usd",
      "cost_per_student_usd", "teachers_coached",    "students_coached",
      "student_learning_sd",  "teacher_practice_sd", "sd_per_usd100"};
  for (std::size_t k = 0; k < tail.size(); ++k)
    EXPECT_EQ(with[with.size() - tail.size() + k].name, tail[k]);
  // All years: the only year's figures (one year, so sums equal it).
  EXPECT_EQ(with[with.size() - 8].value, 3537903);  // cost_total_usd
}

TEST(Prices, PriceIndexByHand) {
  scenario::Prices p;
  p.price_year = 2020;
  p.inflation = {{2020, 0.02}, {2021, 0.04}, {2022, 0.079}};
  EXPECT_DOUBLE_EQ(scenario::price_index(p, 2020), 1.0);           // the price year
  EXPECT_DOUBLE_EQ(scenario::price_index(p, 2021), 1.04);          // 1 + 4.0%
  EXPECT_DOUBLE_EQ(scenario::price_index(p, 2022), 1.04 * 1.079);  // = 1.12216
  EXPECT_DOUBLE_EQ(scenario::price_index(p, 2019), 1.0 / 1.02);    // before the price year
  p.inflation.clear();
  EXPECT_DOUBLE_EQ(scenario::price_index(p, 2022), 1.0);  // no inflation: constant = nominal
}

TEST(Prices, NominalAndUsdRoundOncePerFigure) {
  scenario::Prices p;
  p.price_year = 2020;
  p.inflation = {{2021, 0.04}, {2022, 0.079}};
  p.exchange_rate = {{2022, 3.94}};
  results::Row row;
  row.year = 2022;
  row.cost_total = 13199100;  // 131,991.00 PEN of 2020
  row.tally.teachers = 3;
  row.tally.students = 42;
  results::price_row(row, p);
  results::finish_outcomes(row);
  // 131,991.00 x 1.12216 = 148,115.02056 -> 148,115.02 PEN of 2022.
  EXPECT_EQ(row.outcome.cost_total_nominal, 14811502);
  // 148,115.02 / 3.94 = 37,592.6447 -> US$37,592.64.
  EXPECT_EQ(row.outcome.cost_total_usd, 3759264);
  EXPECT_EQ(row.outcome.cost_per_teacher_usd, 1253088);  // 3,759,264 / 3
  EXPECT_EQ(row.outcome.cost_per_student_usd, 89506);    // 3,759,264 / 42 = 89,506.29
  // A half céntimo rounds away from zero: 0.50 PEN x 1.01 = 0.505 -> 0.51.
  scenario::Prices q;
  q.price_year = 2021;
  q.inflation = {{2022, 0.01}};
  results::Row half;
  half.year = 2022;
  half.cost_total = 50;
  results::price_row(half, q);
  EXPECT_EQ(half.outcome.cost_total_nominal, 51);
  EXPECT_EQ(half.outcome.cost_total_usd, 0);  // no exchange rate for the year
}

TEST(Dose, HistogramSumsToTeachersAndStudentsInEveryRegionYear) {
  // The test-data scenario: two regions (one generated, one from CSV), two years.
  const scenario::LoadResult r = scenario::load_scenario_file(std::string(COACHSIM_SOURCE_DIR) +
                                                              "/tests/data/scenario/small.yaml");
  ASSERT_TRUE(r.errors.empty());
  const auto sim = results::simulate(r.scenario, false);
  ASSERT_EQ(sim->results.regions.size(), 4u);
  for (const results::Row& row : sim->results.regions) {
    std::int64_t teachers = 0, students = 0, by_year[programme::kMaxYearsCoached] = {};
    for (int y = 0; y < programme::kMaxYearsCoached; ++y) {
      for (int v = 0; v < programme::kMaxDose; ++v) {
        teachers += row.tally.teachers_by_dose[y][v];
        students += row.tally.students_by_dose[y][v];
        by_year[y] += row.tally.teachers_by_dose[y][v];
      }
    }
    EXPECT_EQ(teachers, row.tally.teachers) << row.region << " " << row.year;
    EXPECT_EQ(students, row.tally.students) << row.region << " " << row.year;
    // Everyone is in their first year in 2020 and their second in 2021.
    EXPECT_EQ(by_year[row.year_index], row.tally.teachers);
    // Teachers with every visit of their protocol are those reached ... at most all of them.
    EXPECT_LE(row.tally.teachers_full_protocol, teachers);
    EXPECT_EQ(row.tally.teachers_by_dose[row.year_index][0], teachers - row.tally.teachers_reached);
  }
}

}  // namespace outcomes_test
}  // namespace coachsim
