// Does the audit find what was planted? (docs/audit-2013.md, "Recovery test")
//
// Actuals are built from a simulation of the built-in default scenario (what regions.csv holds
// for its first year: spending by category and counts, per region), so every region spends
// exactly what its structure costs. Three known anomalies are planted in the actuals:
//   - Cusco pays its coaches 30% above the standard fee (same coaches);
//   - Puno hires 20% more coaches than its structure needs, at the standard fee;
//   - Loreto's per diem overruns by 50% (same people, same trips).
// The audit must put each in the right category of its gap decomposition, at the planted size,
// and leave every other region without a gap.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>

#include "coachsim/audit/audit.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/loader.hpp"

namespace audit_recovery_test {

using coachsim::audit::CategoryGap;
using coachsim::audit::RegionAudit;
using coachsim::costs::Category;

constexpr std::size_t kYear = 0;  // the default's first year
const std::string kFeeRegion = "Cusco", kCoachRegion = "Puno", kPerDiemRegion = "Loreto";
constexpr double kFeeAbove = 0.30, kExtraCoaches = 0.20, kPerDiemOverrun = 0.50;

std::string soles(std::int64_t centimos) {
  std::ostringstream s;
  s << centimos / 100 << '.' << (centimos % 100 < 10 ? "0" : "") << centimos % 100;
  return s.str();
}

std::int64_t scaled(std::int64_t centimos, double factor) {
  return std::llround(static_cast<double>(centimos) * factor);
}

struct Case {
  coachsim::scenario::Scenario scenario;
  std::unique_ptr<coachsim::results::Simulation> sim;
  std::vector<RegionAudit> regions;
  std::int64_t fee_contracts = 0, coach_contracts = 0, per_diem = 0;  // expected, céntimos
  std::int64_t coaches = 0, extra_coaches = 0;
};

const Case& audited() {
  static const Case c = [] {
    Case k;
    const coachsim::scenario::LoadResult load = coachsim::scenario::load_scenario_file(
        std::string(COACHSIM_SOURCE_DIR) + "/scenarios/default.yaml");
    EXPECT_TRUE(load.ok());
    k.scenario = load.scenario;
    k.sim = coachsim::results::simulate(k.scenario, false);
    const int year = k.scenario.years.at(kYear).year;
    // The actuals file a finance system would export, from the simulation, with the plants.
    std::ostringstream csv;
    csv << "region,year,measure,value,status,source\n";
    for (std::size_t r = 0; r < k.scenario.regions.size(); ++r) {
      const std::string& id = k.scenario.regions[r].id;
      const auto& t = k.sim->tally.at(kYear, r);
      std::int64_t coaches = t.coaches;
      for (int c = 0; c < coachsim::costs::kBuiltinCategoryCount; ++c) {
        const auto cat = static_cast<Category>(c);
        std::int64_t v = k.sim->ledger.total(kYear, r, cat);
        if (id == kFeeRegion && cat == Category::kCoachContracts) {
          k.fee_contracts = v;
          v = scaled(v, 1 + kFeeAbove);
        }
        if (id == kCoachRegion &&
            (cat == Category::kCoachContracts || cat == Category::kCoachTraining)) {
          // The extra coaches are paid and trained at the region's mean cost per coach.
          k.coaches = t.coaches;
          k.extra_coaches = std::llround(static_cast<double>(t.coaches) * kExtraCoaches);
          coaches = t.coaches + k.extra_coaches;
          if (cat == Category::kCoachContracts) k.coach_contracts = v;
          v = v / t.coaches * coaches;
        }
        if (id == kPerDiemRegion && cat == Category::kPerDiem) {
          k.per_diem = v;
          v = scaled(v, 1 + kPerDiemOverrun);
        }
        csv << id << ',' << year << ",spending." << k.sim->ledger.costs().category_id(cat) << ','
            << soles(v) << ",constructed,simulated default\n";
      }
      const std::pair<const char*, std::int64_t> counts[] = {
          {"coaches", coaches},     {"supervisors", t.supervisors}, {"staff", t.staff},
          {"teachers", t.teachers}, {"schools", t.schools},         {"students", t.students}};
      for (const auto& [what, n] : counts)
        csv << id << ',' << year << ",count." << what << ',' << n << ",constructed,simulated\n";
    }
    const coachsim::audit::ActualsLoad actuals =
        coachsim::audit::load_actuals_text(csv.str(), "planted.csv");
    EXPECT_TRUE(actuals.ok());
    const auto audit = coachsim::audit::run_audit(k.scenario, *k.sim, actuals.rows, {});
    for (const auto& ya : audit)
      if (ya.year == year) k.regions = ya.regions;
    return k;
  }();
  return c;
}

const RegionAudit& region(const std::string& id) {
  for (const RegionAudit& r : audited().regions)
    if (r.region == id) return r;
  ADD_FAILURE() << "no audit row for " << id;
  static const RegionAudit none;
  return none;
}

const CategoryGap& gap(const RegionAudit& r, Category c) {
  return r.gaps[static_cast<std::size_t>(c)];
}

// Within 1% of the planted amount (the plants are rounded to the cent and whole coaches).
void near_planted(const std::string& what, std::int64_t found, std::int64_t planted) {
  EXPECT_NEAR(static_cast<double>(found), static_cast<double>(planted),
              std::abs(static_cast<double>(planted)) * 0.01)
      << what << ": found " << found << " céntimos, planted " << planted;
}

TEST(AuditRecovery, TheRegionsExistInTheDefault) {
  EXPECT_GT(audited().fee_contracts, 0);
  EXPECT_GT(audited().coaches, 4);  // 20% of it is at least one whole coach
  EXPECT_GT(audited().per_diem, 0);
}

TEST(AuditRecovery, AFeeAboveTheStandardIsAPriceGapInCoachContracts) {
  const CategoryGap& g = gap(region(kFeeRegion), Category::kCoachContracts);
  near_planted("Cusco coach-contract price gap", g.price,
               scaled(audited().fee_contracts, kFeeAbove));
  EXPECT_EQ(g.quantity, 0);
  EXPECT_EQ(g.rest, 0);
}

TEST(AuditRecovery, ExtraCoachesAreAQuantityGapInCoachContracts) {
  const Case& k = audited();
  const CategoryGap& g = gap(region(kCoachRegion), Category::kCoachContracts);
  const std::int64_t planted = k.coach_contracts / k.coaches * k.extra_coaches;
  near_planted("Puno coach-contract quantity gap", g.quantity, planted);
  EXPECT_LE(std::llabs(g.price), std::llabs(planted) / 100) << "Puno's fee is the standard";
  EXPECT_EQ(g.rest, 0);
}

TEST(AuditRecovery, APerDiemOverrunIsUnexplainedPerDiem) {
  const CategoryGap& g = gap(region(kPerDiemRegion), Category::kPerDiem);
  near_planted("Loreto per-diem gap", g.rest, scaled(audited().per_diem, kPerDiemOverrun));
  EXPECT_EQ(g.price, 0);
  EXPECT_EQ(g.quantity, 0);
}

TEST(AuditRecovery, EachPlantIsTheLargestOfItsKindAndNothingElseHasAGap) {
  std::string top_price, top_quantity, top_rest;
  std::int64_t max_price = 0, max_quantity = 0, max_rest = 0;
  for (const RegionAudit& r : audited().regions) {
    if (r.region != kFeeRegion && r.region != kCoachRegion && r.region != kPerDiemRegion) {
      EXPECT_EQ(r.total.actual, r.total.expected) << r.region << " has no plant";
    }
    if (std::llabs(r.total.price) > max_price)
      max_price = std::llabs(r.total.price), top_price = r.region;
    if (std::llabs(r.total.quantity) > max_quantity)
      max_quantity = std::llabs(r.total.quantity), top_quantity = r.region;
    if (std::llabs(r.total.rest) > max_rest)
      max_rest = std::llabs(r.total.rest), top_rest = r.region;
  }
  EXPECT_EQ(top_price, kFeeRegion);
  EXPECT_EQ(top_quantity, kCoachRegion);
  EXPECT_EQ(top_rest, kPerDiemRegion);
}

}  // namespace audit_recovery_test
