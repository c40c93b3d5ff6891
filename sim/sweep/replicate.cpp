// Running replications and tornado cases on a pool of threads. A shared atomic counter hands
// out work items; each thread writes only the slots of the items it took, so scheduling never
// changes a result.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>

#include "coachsim/results/simulation.hpp"
#include "coachsim/sweep/reuse.hpp"
#include "coachsim/sweep/sweep.hpp"

namespace coachsim::sweep {
namespace {

std::string load_errors_text(const scenario::LoadResult& loaded) {
  std::string text;
  for (const scenario::LoadError& e : loaded.errors) text += "\n  " + e.to_string();
  return text;
}

// The number of threads parallel_for runs `count` items on.
unsigned pool_size(std::size_t count, unsigned threads) {
  return std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(count)));
}

// Runs job(i, worker) for i in [0, count) on pool_size(count, threads) threads, worker being
// the thread's number (for its own buffers); the first exception is rethrown after every
// thread has stopped (the others stop taking work once one fails).
template <class Job>
void parallel_for(std::size_t count, unsigned threads, Job job) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&](unsigned self) {
    for (;;) {
      if (failed.load()) return;
      const std::size_t i = next.fetch_add(1);
      if (i >= count) return;
      try {
        job(i, self);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(error_mutex);
        if (!failed.exchange(true)) error = std::current_exception();
        return;
      }
    }
  };
  const unsigned n = pool_size(count, threads);
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker, t);
  worker(0);  // the calling thread works too
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

bool same_layout(const std::vector<results::Metric>& a, const std::vector<results::Metric>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].year != b[i].year || a[i].unit != b[i].unit || a[i].name != b[i].name ||
        a[i].scope != b[i].scope)
      return false;
  return true;
}

}  // namespace

std::vector<std::string> headline_outputs(const std::vector<results::Metric>& layout) {
  std::vector<std::string> present;
  for (const std::string& name : headline_outputs())
    if (headline_index(layout, name) < layout.size()) present.push_back(name);
  return present;
}

std::size_t headline_index(const std::vector<results::Metric>& layout, const std::string& name) {
  for (std::size_t i = 0; i < layout.size(); ++i)
    if (layout[i].scope == "national" && layout[i].year == 0 && layout[i].name == name) return i;
  return layout.size();
}

ReplicationSet run_replications(const scenario::ScenarioDocument& document,
                                const SweepConfig& config, int rank, int ranks,
                                const ProgressFn& progress) {
  ReplicationSet set;
  set.inputs = document.inputs().size();
  for (std::uint64_t i = static_cast<std::uint64_t>(rank); i < config.replications;
       i += static_cast<std::uint64_t>(ranks))
    set.indices.push_back(i);
  const std::size_t count = set.indices.size();
  if (count == 0) return set;

  // Per item its metric values then its draws. Only values are kept per replication (a
  // metric's names would take ~100 bytes each, ~200 MB for 1,000 national replications); the
  // names are kept once and every replication is checked against them.
  std::vector<std::vector<double>> values(count);
  std::mutex layout_mutex;
  bool have_layout = false;
  std::atomic<std::size_t> done{0};
  std::mutex progress_mutex;
  // Built once: what the draws cannot change (reuse.hpp); each thread has its own buffers.
  const SharedPopulation shared(document, config.seed);
  std::vector<SharedPopulation::Workspace> workspaces(pool_size(count, config.threads));
  parallel_for(count, config.threads, [&](std::size_t k, unsigned worker) {
    const std::uint64_t replication = set.indices[k] + 1;
    std::vector<double> drawn;
    scenario::LoadResult sampled = document.sample(config.seed, replication, &drawn);
    if (!sampled.ok())
      throw SweepError("replication " + std::to_string(replication) +
                       ": the sampled scenario is not valid:" + load_errors_text(sampled));
    sampled.scenario.seed = config.seed;
    const std::vector<results::Metric> metrics =
        results::metrics_of(shared.simulate(sampled.scenario, replication, workspaces[worker]));
    {
      const std::lock_guard<std::mutex> lock(layout_mutex);
      if (!have_layout) {
        set.layout = metrics;
        have_layout = true;
      } else if (!same_layout(set.layout, metrics)) {
        throw SweepError("replication " + std::to_string(replication) + " has " +
                         std::to_string(metrics.size()) +
                         " output figures that do not line up with another replication's " +
                         std::to_string(set.layout.size()) +
                         ": an uncertain input changed the scenario's structure");
      }
    }
    std::vector<double>& row = values[k];
    row.reserve(metrics.size() + set.inputs);
    for (const results::Metric& m : metrics) row.push_back(m.value);
    drawn.resize(set.inputs, 0.0);
    row.insert(row.end(), drawn.begin(), drawn.end());
    const std::size_t d = done.fetch_add(1) + 1;
    if (progress) {
      const std::lock_guard<std::mutex> lock(progress_mutex);
      progress(d, count);
    }
  });

  set.rows.reserve(count * set.width());
  for (std::vector<double>& row : values) {
    set.rows.insert(set.rows.end(), row.begin(), row.end());
    std::vector<double>().swap(row);
  }
  return set;
}

std::vector<TornadoRow> run_tornado(const scenario::ScenarioDocument& document,
                                    const SweepConfig& config, std::vector<double>* base) {
  const auto& inputs = document.inputs();
  // Every case has the nominal scenario's structure, so the same outputs (set by case 0).
  std::vector<std::string> names;
  // Case 0 is the nominal scenario; case 1 + 2j is input j at its low end, 2 + 2j at its high.
  const std::size_t cases = 1 + 2 * inputs.size();
  std::vector<std::vector<double>> outputs(cases);
  parallel_for(cases, config.threads, [&](std::size_t c, unsigned) {
    scenario::LoadResult loaded;
    if (c == 0) {
      loaded.scenario = document.nominal();
    } else {
      const std::size_t j = (c - 1) / 2;
      const double value = (c % 2 == 1) ? inputs[j].low : inputs[j].high;
      loaded = document.with_value(j, value);
      if (!loaded.ok())
        throw SweepError("tornado: " + inputs[j].field + " at " + std::to_string(value) +
                         " is not valid:" + load_errors_text(loaded));
    }
    loaded.scenario.seed = config.seed;
    const auto sim = results::simulate(loaded.scenario, false, 0);
    const std::vector<results::Metric> m = results::metrics_of(sim->results);
    for (const std::string& name : headline_outputs(m))
      outputs[c].push_back(m[headline_index(m, name)].value);
    if (c == 0) names = headline_outputs(m);
  });
  std::vector<TornadoRow> rows;
  for (std::size_t o = 0; o < names.size(); ++o)
    for (std::size_t j = 0; j < inputs.size(); ++j) {
      TornadoRow r;
      r.input = j;
      r.output = names[o];
      r.input_low = inputs[j].low;
      r.input_high = inputs[j].high;
      r.at_low = outputs[1 + 2 * j][o];
      r.at_high = outputs[2 + 2 * j][o];
      r.swing = std::abs(r.at_high - r.at_low);
      rows.push_back(r);
    }
  sort_tornado(rows);
  if (base != nullptr) *base = outputs[0];
  return rows;
}

}  // namespace coachsim::sweep
