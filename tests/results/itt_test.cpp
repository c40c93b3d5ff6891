// The study's intention-to-treat effect from the fully coached effect and the simulated dose
// (DOMAIN.md, Castro et al. 2025): scenarios/apm-multigrade.yaml runs APM 2016, the programme
// the RCT evaluated, with its own protocol as the reference. Its mean student effect after one
// year is the simulated ITT: every teacher of the assigned schools, by the dose received.
#include <gtest/gtest.h>

#include <string>

#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim {
namespace itt_test {

TEST(IntentionToTreat, OneYearOfApmReproducesThePublishedEffect) {
  const scenario::LoadResult r = scenario::load_scenario_file(std::string(COACHSIM_SOURCE_DIR) +
                                                              "/scenarios/apm-multigrade.yaml");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_TRUE(r.scenario.outcomes.has_value());
  const auto sim = results::simulate(r.scenario, false);
  const results::RowOutcomes& o = sim->results.national.at(0).outcome;
  // Published: +0.106 SD in grade 2 maths after one year (ITT). Tolerance 0.005 SD (ours: the
  // paper's standard error is larger). The fully coached first-year effect (0.107) was derived
  // from this figure and the simulated dose, so this checks that the dose the simulation
  // delivers is the one the derivation assumed (about 99% of the protocol), not the effect.
  EXPECT_NEAR(o.student_learning_sd, 0.106, 0.005);
  // Every school type of APM is inside the evidence; only the grades other than grade 2 (the
  // declared 16.7% share kept, rounded per teacher) are outside it.
  const auto& row = sim->results.national.at(0);
  EXPECT_NEAR(static_cast<double>(row.tally.students_outside_evidence) /
                  static_cast<double>(row.outcome.students_coached),
              1.0 - 0.167, 0.005);
}

}  // namespace itt_test
}  // namespace coachsim
