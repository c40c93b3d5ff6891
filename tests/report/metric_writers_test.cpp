// Every writer of per-row figures shows the columns of its layout in the metric list
// (results/metric_list.hpp), in the same order: regions.csv and national.csv headers and
// summary.json keys, on a two-region scenario with prices: and outcomes: (their optional
// columns included). The workbook's header row is checked in xlsx_test.cpp.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../support/files.hpp"
#include "../support/small_scenario.hpp"
#include "coachsim/ledger/entry.hpp"
#include "coachsim/report/run_report.hpp"
#include "coachsim/results/metric_list.hpp"
#include "coachsim/results/simulation.hpp"

namespace coachsim {
namespace metric_writers_test {

using results::MetricDef;

std::vector<std::string> ids(const std::vector<const MetricDef*>& layout,
                             std::vector<std::string> first = {}) {
  for (const MetricDef* m : layout) first.emplace_back(m->id);
  return first;
}

std::vector<std::string> csv_header(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream line(text.substr(0, text.find('\n')));
  for (std::string cell; std::getline(line, cell, ',');) out.push_back(cell);
  return out;
}

std::vector<std::string> keys(const nlohmann::ordered_json& j) {
  std::vector<std::string> out;
  for (const auto& item : j.items()) out.push_back(item.key());
  return out;
}

class MetricWriters : public ::testing::Test {
 protected:
  void SetUp() override {
    scenario_ = testing::two_regions_with_outcomes_and_prices();
    sim_ = results::simulate(scenario_, false);
  }
  report::RunReport report() const {
    return {scenario_,        "two regions (built in code)",
            sim_->population, sim_->ledger,
            sim_->tally,      sim_->results,
            sim_->events};
  }
  scenario::Scenario scenario_;
  std::unique_ptr<results::Simulation> sim_;
};

TEST_F(MetricWriters, CsvHeadersAreTheTableLayout) {
  const auto dir = testing::fresh_dir("coachsim-metric-writers-", "csv");
  report::write_run_outputs(report(), dir.string());
  // No growth or turnover sections in this scenario: those columns are absent.
  EXPECT_EQ(csv_header(testing::slurp(dir / "regions.csv")),
            ids(results::table_layout({false, false, false, true, true}), {"region", "year"}));
  EXPECT_EQ(csv_header(testing::slurp(dir / "national.csv")),
            ids(results::table_layout({true, false, false, true, true}), {"region", "year"}));
  std::filesystem::remove_all(dir);
}

TEST_F(MetricWriters, SummaryJsonKeysAreTheJsonLayouts) {
  const auto j = nlohmann::ordered_json::parse(report::run_summary_json(report()));
  for (const auto* rows : {&j["national"], &j["regions"]}) {
    ASSERT_FALSE(rows->empty());
    const bool national = rows == &j["national"];
    const auto& row = rows->front();
    std::vector<std::string> want = ids(results::json_layout(national), {"region", "year"});
    want.insert(want.end(), {"cost_by_category", "prices", "outcomes"});
    EXPECT_EQ(keys(row), want);
    std::vector<std::string> categories;
    for (const costs::CategoryRow& c : costs::CostTable::builtin()->categories())
      categories.push_back(c.id);
    EXPECT_EQ(keys(row["cost_by_category"]), categories);
    EXPECT_EQ(keys(row["prices"]), ids(results::json_prices_layout()));
    std::vector<std::string> outcomes = ids(results::json_outcomes_layout(true));
    outcomes.push_back("cost_to_date_usd");  // the cost behind sd_per_usd100, not a row metric
    EXPECT_EQ(keys(row["outcomes"]), outcomes);
  }
}

// A value in the files is the metric's value in the row: one check per kind of cell.
TEST_F(MetricWriters, CellsComeFromTheSameEntryAsTheirHeader) {
  const auto j = nlohmann::ordered_json::parse(report::run_summary_json(report()));
  const results::Row& beta = sim_->results.regions.at(1);
  ASSERT_EQ(beta.region, "Beta");
  const auto& row = j["regions"][1];
  EXPECT_EQ(row["teachers"].get<std::int64_t>(), 6);
  EXPECT_EQ(row["cost_per_teacher"]["centimos"].get<std::int64_t>(), beta.cost_per_teacher);
  EXPECT_EQ(row["full_protocol_pct"].get<double>(), beta.full_protocol_pct);
  EXPECT_EQ(row["prices"]["cost_total_usd"]["cents"].get<std::int64_t>(),
            beta.outcome.cost_total_usd);
}

}  // namespace metric_writers_test
}  // namespace coachsim
