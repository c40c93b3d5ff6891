// Replications, common random numbers, process splitting and the tornado on the small scenario
// with declared uncertainty.
#include "coachsim/sweep/sweep.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "../support/uncertain_small.hpp"

namespace coachsim::sweep {
namespace sweep_test {

std::shared_ptr<const scenario::ScenarioDocument> load(const std::string& name) {
  const scenario::DocumentResult r =
      scenario::load_document_text(testing::uncertain_small_text(), name, testing::kSmallDir);
  for (const auto& e : r.errors) ADD_FAILURE() << e.to_string();
  return r.document;
}

SweepConfig config(std::uint64_t n, unsigned threads) {
  SweepConfig c;
  c.seed = 7;
  c.replications = n;
  c.threads = threads;
  return c;
}

TEST(Sweep, ReplicationsDifferAndDrawsAreRecorded) {
  const auto doc = load("small-uncertain.yaml");
  ASSERT_TRUE(doc);
  ASSERT_EQ(doc->inputs().size(), 3u);
  const ReplicationSet set = run_replications(*doc, config(6, 2));
  ASSERT_EQ(set.indices.size(), 6u);
  EXPECT_EQ(set.inputs, 3u);
  ASSERT_EQ(set.rows.size(), 6 * set.width());
  const std::size_t fee = set.layout.size();  // first drawn input: the coach fee
  for (std::size_t k = 0; k < 6; ++k) {
    const double drawn = set.rows[k * set.width() + fee];
    EXPECT_GE(drawn, 2500);
    EXPECT_LE(drawn, 4000);
  }
  EXPECT_NE(set.rows[fee], set.rows[set.width() + fee]);
  const std::size_t total = headline_index(set.layout, "cost_total");
  ASSERT_LT(total, set.layout.size());
  EXPECT_NE(set.rows[total], set.rows[set.width() + total]);
}

TEST(Sweep, IdenticalScenariosUnderDifferentNamesGiveIdenticalReplications) {
  // Common random numbers: the draws are keyed by seed, replication and path, not by file.
  const auto a = load("a.yaml");
  const auto b = load("variant/b.yaml");
  ASSERT_TRUE(a && b);
  const ReplicationSet ra = run_replications(*a, config(8, 2));
  const ReplicationSet rb = run_replications(*b, config(8, 1));
  ASSERT_EQ(ra.rows.size(), rb.rows.size());
  for (std::size_t i = 0; i < ra.rows.size(); ++i)
    ASSERT_EQ(ra.rows[i] - rb.rows[i], 0.0) << "value " << i;
}

TEST(Sweep, ThreadCountAndProcessSplitDoNotChangeAnyValue) {
  const auto doc = load("small-uncertain.yaml");
  ASSERT_TRUE(doc);
  const ReplicationSet one = run_replications(*doc, config(7, 1));
  const ReplicationSet three = run_replications(*doc, config(7, 3));
  EXPECT_EQ(one.rows, three.rows);
  EXPECT_EQ(one.indices, three.indices);
  // Rank k of 2 runs indices k, k + 2, ...: interleaving the halves gives the whole.
  const ReplicationSet even = run_replications(*doc, config(7, 2), 0, 2);
  const ReplicationSet odd = run_replications(*doc, config(7, 2), 1, 2);
  EXPECT_EQ(even.indices, (std::vector<std::uint64_t>{0, 2, 4, 6}));
  EXPECT_EQ(odd.indices, (std::vector<std::uint64_t>{1, 3, 5}));
  const std::size_t w = one.width();
  for (std::size_t i = 0; i < 7; ++i) {
    const ReplicationSet& part = i % 2 == 0 ? even : odd;
    const std::size_t k = i / 2;
    const std::vector<double> got(part.rows.begin() + static_cast<std::ptrdiff_t>(k * w),
                                  part.rows.begin() + static_cast<std::ptrdiff_t>((k + 1) * w));
    const std::vector<double> want(one.rows.begin() + static_cast<std::ptrdiff_t>(i * w),
                                   one.rows.begin() + static_cast<std::ptrdiff_t>((i + 1) * w));
    EXPECT_EQ(got, want) << "replication " << i + 1;
  }
}

TEST(Sweep, TornadoPutsTheDominantInputFirst) {
  const auto doc = load("small-uncertain.yaml");
  ASSERT_TRUE(doc);
  std::vector<double> base;
  const std::vector<TornadoRow> rows = run_tornado(*doc, config(1, 2), &base);
  // The small scenario has no outcomes: the four cost and reach outputs, three inputs each.
  ASSERT_EQ(rows.size(), 3u * 4u);
  ASSERT_EQ(base.size(), 4u);
  // One coach paid for ten months: the fee's 5-95% range moves the total by thousands of
  // soles; materials for three teachers move it by a few soles.
  EXPECT_EQ(rows[0].output, "cost_total");
  EXPECT_EQ(rows[0].input, 0u);
  EXPECT_GT(rows[0].swing, 100000.0);  // céntimos
  EXPECT_GT(rows[0].at_high, rows[0].at_low);
  for (std::size_t i = 1; i < 3; ++i) EXPECT_GT(rows[0].swing, 10 * rows[i].swing);
  EXPECT_GE(rows[1].swing, rows[2].swing);
  EXPECT_LT(rows[0].at_low, base[0]);
  EXPECT_GT(rows[0].at_high, base[0]);
}

TEST(Sweep, ReportProbabilitiesMatchTheReplications) {
  const auto doc = load("small-uncertain.yaml");
  ASSERT_TRUE(doc);
  SweepConfig c = config(10, 2);
  ReplicationSet set = run_replications(*doc, c);
  const std::size_t total = headline_index(set.layout, "cost_total");
  std::vector<double> totals;
  for (std::size_t k = 0; k < 10; ++k) totals.push_back(set.rows[k * set.width() + total]);
  std::vector<double> sorted = totals;
  std::sort(sorted.begin(), sorted.end());
  // A limit between the 3rd and 4th largest totals: exactly 3 of 10 exceed it.
  c.budget_limits = {{BudgetLimit::kTotal, static_cast<std::int64_t>(sorted[6])}};
  c.coverage_target = 100.0;
  const SweepReport r = build_report(*doc, c, std::move(set));
  bool found = false;
  for (const Probability& p : r.probabilities)
    if (p.scope == "national" && p.year == 0 && p.metric == "cost_total") {
      found = true;
      EXPECT_DOUBLE_EQ(p.probability, 0.3);
    }
  EXPECT_TRUE(found);
  const Summary& s = r.summaries[total];
  EXPECT_EQ(s.min, sorted.front());
  EXPECT_EQ(s.max, sorted.back());
  // Three inputs and four headline outputs: one SRC row each.
  EXPECT_EQ(r.sensitivity.size(), 12u);
}

TEST(Sweep, OutcomeGainsAreSensitivityOutputsWhenTheScenarioHasOutcomes) {
  // The built-in default has outcomes:. Teacher turnover changes only how many years each
  // teacher has been coached, so it drives the practice gain down and leaves the cost alone.
  const std::string text =
      "coachsim: 1\nextends: builtin:default\nteacher_turnover: {share_per_year: 10%}\n"
      "uncertainty:\n  - field: teacher_turnover.share_per_year\n    uniform: [\"0%\", \"40%\"]\n";
  const scenario::DocumentResult loaded =
      scenario::load_document_text(text, "turnover.yaml", testing::kSmallDir);
  for (const auto& e : loaded.errors) ADD_FAILURE() << e.to_string();
  ASSERT_TRUE(loaded.document);
  const SweepConfig c = config(10, 2);
  ReplicationSet set = run_replications(*loaded.document, c);
  EXPECT_EQ(headline_outputs(set.layout), headline_outputs());
  const SweepReport r = build_report(*loaded.document, c, std::move(set));
  bool practice = false, cost = false;
  for (const SensitivityRow& row : r.sensitivity) {
    if (row.output == "teacher_practice_sd") {
      practice = true;
      EXPECT_TRUE(row.included);
      EXPECT_LT(row.src, -0.9);
    }
    if (row.output == "cost_total") {
      cost = true;
      EXPECT_FALSE(row.included) << "the cost does not vary with turnover";
    }
  }
  EXPECT_TRUE(practice && cost);
}

}  // namespace sweep_test
}  // namespace coachsim::sweep
