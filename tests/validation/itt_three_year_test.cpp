// The study's three-year intention-to-treat effect (DOMAIN.md, Castro et al. 2025: grade 2 maths
// +0.114 SD after three years of APM; 0.18 for a teacher fully coached for three years), from
// the fully coached effects of scenarios/apm-multigrade.yaml and the simulated dose over three
// years. The one-year ITT (0.106) is reproduced (tests/results/itt_test.cpp); this one is not,
// and is an expected failure with its reason (VALIDATION.md, cost-effectiveness section).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim {
namespace itt_three_year_test {

// apm-multigrade.yaml (school year 2016) run for 2016-2018: the 2016 calendar, contract and
// workshop dates repeated one and two years later (ASSUMPTION: the seeds give no 2017-2018
// calendar; the ITT depends on the dose, which these dates barely move) and the 2016 exchange
// rate kept (costs are not compared here). Nothing else changes: no teacher turnover (the
// scenario declares none; the seeds give no rate, seed 000 says only that it is high).
std::string apm_for_three_years() {
  std::ifstream in(std::string(COACHSIM_SOURCE_DIR) + "/scenarios/apm-multigrade.yaml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string first = "  - year: 2016\n";
  const std::string last_line = "teacher_workshops: [2016-03-07, 2016-08-01]";
  const std::size_t from = text.find(first);
  const std::size_t to = text.find('\n', text.find(last_line, from)) + 1;
  const std::string year2016 = text.substr(from, to - from);
  auto shifted = [&](const std::string& year) {
    std::string block = year2016;
    for (std::size_t at = block.find("2016"); at != std::string::npos;
         at = block.find("2016", at + 4))
      block.replace(at, 4, year);
    return block;
  };
  text.insert(to, shifted("2017") + shifted("2018"));
  const std::string rate = "exchange_rate: {2016: \"3.38 PEN/USD\"}";
  text.replace(text.find(rate), rate.size(),
               "exchange_rate: {2016: \"3.38 PEN/USD\", 2017: \"3.38 PEN/USD\", 2018: \"3.38 "
               "PEN/USD\"}");
  return text;
}

TEST(ExpectedFailureItt, ThreeYearsOfApmAgainstThePublishedEffect) {
  const scenario::LoadResult r =
      scenario::load_scenario_text(apm_for_three_years(), "apm-multigrade.yaml for 2016-2018",
                                   std::string(COACHSIM_SOURCE_DIR) + "/scenarios");
  ASSERT_TRUE(r.errors.empty()) << r.errors.front().message;
  ASSERT_EQ(r.scenario.years.size(), 3u);
  const auto sim = results::simulate(r.scenario, false);
  // Every school enters in 2016, so the 2018 row's mean student gain is the three-year level.
  const double model = sim->results.national.at(2).outcome.student_learning_sd;
  const double published = 0.114, tolerance = 0.005;  // SD, as the one-year ITT test
  // The model does reproduce the effect its inputs imply: 0.18 x the dose (about 99%).
  EXPECT_NEAR(model, 0.18 * 0.99, 0.01);
  // What turnover alone would take (the reason below): with 82% of teachers replaced every
  // year, newcomers restarting at the first-year effect, the model lands on the published 0.114.
  scenario::Scenario churned = r.scenario;
  churned.teacher_turnover.enabled = true;
  churned.teacher_turnover.share_per_year = 0.82;
  const auto with_turnover = results::simulate(churned, false);
  const double churned_itt = with_turnover->results.national.at(2).outcome.student_learning_sd;
  EXPECT_NEAR(churned_itt, 0.114, 0.005);
  if (std::abs(model - published) <= tolerance) {
    ADD_FAILURE() << "the three-year ITT is now within " << tolerance << " SD of " << published
                  << " (model " << model << "): move it to the checks (VALIDATION.md)";
    return;
  }
  std::ostringstream why;
  why << "EXPECTED FAILURE three-year ITT, grade 2 maths: published " << published
      << " SD (Castro et al. 2025 via DOMAIN.md), model " << model << " SD, tolerance " << tolerance
      << " SD. Why: the published ITT is 0.63 of the fully coached effect in both "
         "subjects (0.114 / 0.18 maths, 0.100 / 0.16 reading), so a common exposure factor of "
         "about 63% separates them (teachers who left, schools coached less or not at all, "
         "students who changed teacher); the model's dose of APM's own protocol is about 99% and "
         "the scenario has no turnover or non-compliance because the seeds give no rate for "
         "either. Teacher turnover alone would need about 82% of teachers replaced every year (the "
         "model "
         "gives "
      << churned_itt
      << " SD with it). "
         "The first-year effect 0.107 was derived assuming full exposure in year one, which the "
         "three-year ratio says the study did not have throughout";
  GTEST_SKIP() << why.str();
}

}  // namespace itt_three_year_test
}  // namespace coachsim
