// Monte Carlo replications of a scenario document, run on threads (and MPI ranks, see
// cluster.hpp). Replication r (1..N) samples the declared uncertainty with (seed, r), simulates
// with replication key r and flattens the results with metrics_of. Values are stored per
// replication index and reduced in index order, so every output is identical for any number of
// threads or processes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "coachsim/results/metrics.hpp"
#include "coachsim/scenario/document.hpp"
#include "coachsim/sweep/sensitivity.hpp"
#include "coachsim/sweep/statistics.hpp"

namespace coachsim::sweep {

// A limit on the national cost: for one school year, for the total of all years, or for each
// year alike (the annual budget question: P(that year > limit) and P(any single year > limit)).
struct BudgetLimit {
  static constexpr int kTotal = 0;
  static constexpr int kEveryYear = -1;
  int year = kEveryYear;  // a school year, kTotal or kEveryYear
  std::int64_t centimos = 0;
};

struct SweepConfig {
  std::uint64_t seed = 0;
  std::uint64_t replications = 1;
  unsigned threads = 1;
  std::vector<BudgetLimit> budget_limits;
  std::optional<double> coverage_target;       // percent, 0..100: P(coverage_pct < target)
  std::optional<double> full_protocol_target;  // percent: P(full_protocol_pct < target)
  bool tornado = false;
};

// A replication or a tornado run that could not be made (a sample outside the loader's ranges,
// a simulation failure). The message names the replication.
struct SweepError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Per replication, its metrics followed by its drawn inputs, as one row of doubles.
struct ReplicationSet {
  std::vector<results::Metric> layout;  // names and units of the metrics (values: unused)
  std::size_t inputs = 0;               // drawn values per row, after the metrics
  std::vector<std::uint64_t> indices;   // 0-based replication index of each row, ascending
  std::vector<double> rows;             // rows.size() == indices.size() * width()
  std::size_t width() const { return layout.size() + inputs; }
};

// Called after each replication with the number done and the number this process runs.
using ProgressFn = std::function<void(std::size_t done, std::size_t total)>;

// Runs the replications with 0-based index i (replication i + 1) such that i % ranks == rank,
// on config.threads threads. Throws SweepError.
ReplicationSet run_replications(const scenario::ScenarioDocument& document,
                                const SweepConfig& config, int rank = 0, int ranks = 1,
                                const ProgressFn& progress = {});

// The outputs a tornado and the SRCs are computed for (national, all years): cost, coverage,
// full-protocol share, cost per teacher and, when the scenario has outcomes:, the student
// learning and teacher practice gains.
inline const std::vector<std::string>& headline_outputs() {
  static const std::vector<std::string> names{"cost_total",          "coverage_pct",
                                              "full_protocol_pct",   "cost_per_teacher",
                                              "student_learning_sd", "teacher_practice_sd"};
  return names;
}
// Those of the headline outputs a metric layout has (the gains only with outcomes:).
std::vector<std::string> headline_outputs(const std::vector<results::Metric>& layout);
// Index of national/all-years `name` in a metric list; layout.size() when absent.
std::size_t headline_index(const std::vector<results::Metric>& layout, const std::string& name);

// One-at-a-time: each input at its low and at its high end (document.with_value), replication
// 0, the given seed; rows sorted by sort_tornado. Also returns the nominal outputs in `base`.
std::vector<TornadoRow> run_tornado(const scenario::ScenarioDocument& document,
                                    const SweepConfig& config, std::vector<double>* base);

struct Probability {
  std::string scope;
  int year = 0;  // 0: all years; -1: any single year
  std::string metric;
  std::string event;     // ">" or "<"
  double threshold = 0;  // in the metric's unit (céntimos for money)
  double probability = 0;
};

struct SensitivityRow {
  std::string output;
  std::size_t input = 0;
  double src = 0;
  bool included = false;
  double r2 = 0;
  std::string note;
};

// Everything a sweep reports, computed from the full set of replications.
struct SweepReport {
  std::string scenario_name, scenario_file, currency;
  SweepConfig config;
  std::vector<scenario::UncertainInput> inputs;
  ReplicationSet data;             // all N rows, in replication order
  std::vector<Summary> summaries;  // one per metric of data.layout
  std::vector<Probability> probabilities;
  std::vector<TornadoRow> tornado;
  std::vector<double> tornado_base;  // headline outputs of the nominal scenario
  std::vector<SensitivityRow> sensitivity;
};

// REQUIRES: data holds every replication 1..N in order.
SweepReport build_report(const scenario::ScenarioDocument& document, const SweepConfig& config,
                         ReplicationSet data);

}  // namespace coachsim::sweep
