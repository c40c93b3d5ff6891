// The scenario pack (README "The scenario pack"): every scenario in scenarios/ loads, each
// variant states its purpose on its first line, and the variants change only what they say.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/loader.hpp"

namespace scenario_pack_test {

namespace fs = std::filesystem;
using coachsim::scenario::load_scenario_file;

const fs::path kScenarios = fs::path(COACHSIM_SOURCE_DIR) / "scenarios";

coachsim::scenario::Scenario load(const std::string& name) {
  auto loaded = load_scenario_file((kScenarios / name).string());
  std::string errors;
  for (const auto& e : loaded.errors) errors += e.to_string() + "\n";
  EXPECT_TRUE(loaded.ok()) << errors;
  return loaded.scenario;
}

TEST(ScenarioPack, EveryScenarioLoads) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(kScenarios)) {
    if (entry.path().extension() != ".yaml") continue;
    SCOPED_TRACE(entry.path().string());
    load(entry.path().filename().string());
    ++n;
  }
  EXPECT_GE(n, 13);
}

TEST(ScenarioPack, EachVariantStatesItsPurposeOnItsFirstLine) {
  for (const char* name : {"cut-15-year2.yaml", "scale-up-multigrade.yaml", "results-based.yaml",
                           "coach-shortage.yaml", "long-rainy-season.yaml",
                           "uncertain-default.yaml", "coach-fee-national-reading.yaml"}) {
    std::ifstream in(kScenarios / name);
    std::string first;
    std::getline(in, first);
    EXPECT_EQ(first.rfind("# Purpose: ", 0), 0u) << name << ": " << first;
  }
}

// The two readings of the 2013 coach-contract share (VALIDATION.md, coach fee) differ in fees
// only: the same coaches and activities, more money in coach contracts and supervision alone.
TEST(ScenarioPack, TheNationalReadingFeeChangesOnlyFees) {
  const auto base = coachsim::results::simulate(load("default.yaml"), false);
  const auto alt = coachsim::results::simulate(load("coach-fee-national-reading.yaml"), false);
  ASSERT_EQ(alt->results.national.size(), base->results.national.size());
  for (std::size_t y = 0; y < base->results.national.size(); ++y) {
    const auto& b = base->results.national[y];
    const auto& a = alt->results.national[y];
    EXPECT_EQ(a.tally.coaches, b.tally.coaches);
    EXPECT_EQ(a.tally.visits_done, b.tally.visits_done);
    for (int c = 0; c < coachsim::costs::kBuiltinCategoryCount; ++c) {
      const auto cat = static_cast<coachsim::costs::Category>(c);
      const bool fee = cat == coachsim::costs::Category::kCoachContracts ||
                       cat == coachsim::costs::Category::kSupervision;
      const std::int64_t bc = base->ledger.year_total(y, cat), ac = alt->ledger.year_total(y, cat);
      if (fee) {
        EXPECT_GT(ac, bc) << base->ledger.costs().category_id(cat);
      } else if (cat != coachsim::costs::Category::kOther) {  // overhead is a share of the rest
        EXPECT_EQ(ac, bc) << base->ledger.costs().category_id(cat);
      }
    }
  }
}

TEST(ScenarioPack, TheCutChangesOnlyTheSecondYear) {
  const auto base = coachsim::results::simulate(load("default.yaml"), false);
  const auto cut = coachsim::results::simulate(load("cut-15-year2.yaml"), false);
  ASSERT_EQ(base->results.national.size(), 3u);
  // Years 1 and 3 receive their full plan (annual release): identical to the default.
  for (std::size_t y : {0u, 2u}) {
    EXPECT_EQ(cut->results.national[y].cost_total, base->results.national[y].cost_total);
    EXPECT_EQ(cut->results.national[y].tally.visits_done,
              base->results.national[y].tally.visits_done);
  }
  // 2021: 15% less money (accrued within the cut PIM), and never more coverage.
  const auto& b = base->results.national[1];
  const auto& c = cut->results.national[1];
  EXPECT_LE(c.cost_total, b.cost_total - b.cost_total * 15 / 100 + b.cost_total / 1000);
  EXPECT_LE(c.tally.teachers_reached, b.tally.teachers_reached);
  EXPECT_LT(c.tally.visits_done, b.tally.visits_done);
}

}  // namespace scenario_pack_test
