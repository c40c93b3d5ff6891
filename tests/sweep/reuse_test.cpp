// What a sweep builds once (sweep/reuse.hpp): which drawn paths share the population, which
// re-derive travel times and caseloads, which rebuild it; and that every way gives the results
// of building everything from scratch.
#include "coachsim/sweep/reuse.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "../support/uncertain_small.hpp"
#include "coachsim/results/metrics.hpp"
#include "coachsim/results/simulation.hpp"

namespace coachsim::sweep {
namespace reuse_test {

TEST(PopulationReuse, PricesFeesAndDelaysShareTheDrawnPopulation) {
  for (const char* path : {"coach.monthly_fee", "costs.per_diem", "costs.materials_per_teacher",
                           "geographies[andes].rainy_travel_factor",
                           "regions[Loreto].contract_delay", "coach_supply.attrition_per_year",
                           "coach_supply.visit_cancellation", "teacher_turnover.share_per_year",
                           "protocol.school_types[eib].visit_days[0]", "supervision.monthly_fee"})
    EXPECT_EQ(population_reuse(path), PopulationReuse::kShare) << path;
}

TEST(PopulationReuse, SpeedsRedoTravelTimesAndCaseloadsOnly) {
  EXPECT_EQ(population_reuse("geographies[amazon].speed"), PopulationReuse::kRetravel);
  EXPECT_EQ(population_reuse("coach.travel_hours_per_day"), PopulationReuse::kRetravel);
}

TEST(PopulationReuse, CountsRulesAndUnknownFieldsRebuild) {
  for (const char* path :
       {"seed", "regions[Loreto].coaches", "regions[Loreto].extra_coaches",
        "regions[Loreto].teachers_per_coach", "regions[Loreto].aggregates[0].count",
        "protocol.caseload_rules[2].teachers_per_coach", "protocol.dispersed_above",
        "supervision.coaches_per_supervisor", "geographies[andes].id",
        "protocol.school_types[eib].id", "scale_up.stages[0].share", "a_field_added_later"})
    EXPECT_EQ(population_reuse(path), PopulationReuse::kRebuild) << path;
}

scenario::UncertainInput input(const std::string& field, std::vector<std::string> paths) {
  scenario::UncertainInput in;
  in.field = field;
  in.paths = std::move(paths);
  return in;
}

TEST(PopulationReuse, ADocumentNeedsTheMostOfItsPaths) {
  const auto fee = input("coach.monthly_fee", {"coach.monthly_fee"});
  const auto speed =
      input("geographies[*].speed", {"geographies[coast].speed", "geographies[andes].speed"});
  const auto count = input("regions[*].coaches", {"regions[Lima].coaches"});
  EXPECT_EQ(population_reuse({fee}), PopulationReuse::kShare);
  EXPECT_EQ(population_reuse({fee, speed}), PopulationReuse::kRetravel);
  EXPECT_EQ(population_reuse({speed, count, fee}), PopulationReuse::kRebuild);
  EXPECT_EQ(population_reuse(std::vector<scenario::UncertainInput>{}), PopulationReuse::kShare);
}

std::string small_text() {
  std::ifstream in(testing::kSmallDir + "/small.yaml", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::shared_ptr<const scenario::ScenarioDocument> load(const std::string& uncertainty) {
  const scenario::DocumentResult r = scenario::load_document_text(
      small_text() + "\nuncertainty:\n" + uncertainty, "reuse.yaml", testing::kSmallDir);
  for (const auto& e : r.errors) ADD_FAILURE() << e.to_string();
  return r.document;
}

double national(const std::vector<results::Metric>& metrics, const std::string& name) {
  for (const results::Metric& m : metrics)
    if (m.scope == "national" && m.year == 0 && m.name == name) return m.value;
  ADD_FAILURE() << "no national " << name;
  return -1;
}

// Replications 1..n through SharedPopulation and from scratch (results::simulate): every metric
// equal, bit for bit. Returns the national coach count of each replication.
std::vector<double> same_as_from_scratch(const scenario::ScenarioDocument& doc, int n,
                                         PopulationReuse expected) {
  const std::uint64_t seed = 7;
  const SharedPopulation shared(doc, seed);
  EXPECT_EQ(shared.reuse(), expected);
  SharedPopulation::Workspace workspace;  // reused across replications, as a sweep's thread does
  std::vector<double> coaches;
  for (int r = 1; r <= n; ++r) {
    scenario::LoadResult sampled = doc.sample(seed, static_cast<std::uint64_t>(r));
    EXPECT_TRUE(sampled.ok());
    sampled.scenario.seed = seed;
    const auto reused = results::metrics_of(shared.simulate(sampled.scenario, r, workspace));
    const auto scratch =
        results::metrics_of(results::simulate(sampled.scenario, false, r)->results);
    EXPECT_EQ(reused.size(), scratch.size());
    for (std::size_t i = 0; i < std::min(reused.size(), scratch.size()); ++i)
      EXPECT_EQ(reused[i].value, scratch[i].value)
          << "replication " << r << ": " << scratch[i].scope << " " << scratch[i].year << " "
          << scratch[i].name;
    coaches.push_back(national(scratch, "coaches"));
  }
  return coaches;
}

TEST(SharedPopulation, APriceDrawSharesOnePopulationWithTheResultsOfBuildingItEachTime) {
  const auto doc = load(R"(  - field: coach.monthly_fee
    triangular: ["2500 PEN/month", "3000 PEN/month", "4000 PEN/month"]
)");
  ASSERT_TRUE(doc);
  same_as_from_scratch(*doc, 4, PopulationReuse::kShare);
}

TEST(SharedPopulation, ASpeedDrawRedoesTravelTimesWithTheResultsOfBuildingItEachTime) {
  // A factor wide enough to move the schools' trips across the 2 h daily commute (overnight
  // or not) and so change travel times, per diem and the results.
  const auto doc = load(R"(  - field: geographies[plain].speed
    factor: {uniform: [0.3, 3.0]}
)");
  ASSERT_TRUE(doc);
  same_as_from_scratch(*doc, 6, PopulationReuse::kRetravel);
}

TEST(SharedPopulation, ACaseloadRatioDrawRebuildsThePopulation) {
  // Three teachers (2 + 1) at 1 to 3 teachers per coach: the coach count follows the draw, so a
  // population built once would give every replication the nominal scenario's one coach.
  const auto doc = load(R"(  - field: protocol.caseload_rules[0].teachers_per_coach
    uniform: [1, 3]
)");
  ASSERT_TRUE(doc);
  const std::vector<double> coaches = same_as_from_scratch(*doc, 8, PopulationReuse::kRebuild);
  const std::set<double> counts(coaches.begin(), coaches.end());
  EXPECT_GT(counts.size(), 1u) << "every replication had the same coach count";
}

}  // namespace reuse_test
}  // namespace coachsim::sweep
