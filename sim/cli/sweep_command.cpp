// `coachsim sweep`: Monte Carlo replications of a scenario's declared uncertainty, with
// statistics, exceedance probabilities and sensitivity; optionally spread over MPI ranks.
#include <sched.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <thread>
#include <variant>

#include "coachsim/scenario/document.hpp"
#include "coachsim/sweep/cluster.hpp"
#include "coachsim/sweep/outputs.hpp"
#include "coachsim/units/parse.hpp"
#include "commands.hpp"
#include "progress.hpp"

namespace coachsim::cli {
namespace {

int bad_flag(const std::string& message) {
  std::cerr << "coachsim sweep: " << message << "; nothing was run or written.\n";
  return kExitBadInput;
}

// "1200000 PEN" or a bare number in currency units, to céntimos.
std::optional<std::int64_t> parse_budget(const std::string& text, const std::string& currency,
                                         std::string& error) {
  const auto parsed = units::parse_quantity(text, currency);
  if (const auto* e = std::get_if<units::ParseError>(&parsed)) {
    error = e->message;
    return std::nullopt;
  }
  const auto& q = std::get<units::ParsedQuantity>(parsed);
  if (q.kind == units::Kind::kMoney) return q.centimos;
  if (q.kind == units::Kind::kDimensionless)
    return static_cast<std::int64_t>(std::llround(q.value * 100.0));
  error = "expected an amount of money, e.g. '250000000 " + currency + "'";
  return std::nullopt;
}

// The cores this process may run on: all of them for a plain run, the ones mpirun bound the
// rank to otherwise (so K ranks on K cores do not each start a thread per core).
unsigned usable_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    return static_cast<unsigned>(CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

int sweep_command(const SweepOptions& o) {
  // MPI starts first: every rank parses the same flags and loads the same document, so they
  // all reach the same verdict on bad input without talking; only rank 0 prints.
  sweep::Cluster cluster;
  auto bad = [&](const std::string& message) {
    if (cluster.root()) return bad_flag(message);
    return kExitBadInput;
  };
  if (o.replications < 1)
    return bad("--replications must be at least 1, got " + std::to_string(o.replications));
  if (o.threads && *o.threads < 1)
    return bad("--threads must be at least 1, got " + std::to_string(*o.threads));
  if (o.coverage_target && !(*o.coverage_target >= 0 && *o.coverage_target <= 100))
    return bad("--coverage-target must be a percentage from 0 to 100, got " +
               std::to_string(*o.coverage_target));

  const std::string path = o.scenario.empty() ? "builtin:default" : o.scenario;
  const scenario::DocumentResult loaded = scenario::load_document_file(path);
  if (!loaded.ok()) {
    if (cluster.root()) {
      for (const scenario::LoadError& e : loaded.errors) std::cerr << e.to_string() << "\n";
      std::cerr
          << "coachsim: " << loaded.errors.size() << " problem"
          << (loaded.errors.size() == 1 ? "" : "s")
          << " in the scenario; nothing was run or written. Fix the lines above and run again "
             "(`coachsim validate FILE` checks a file without running it).\n";
    }
    return kExitBadInput;
  }
  const scenario::ScenarioDocument& document = *loaded.document;

  sweep::SweepConfig config;
  config.seed = o.seed ? *o.seed : document.nominal().seed;
  config.replications = static_cast<std::uint64_t>(o.replications);
  config.threads = o.threads ? static_cast<unsigned>(*o.threads) : usable_cores();
  config.coverage_target = o.coverage_target;
  config.tornado = o.tornado;
  if (!o.budget_limit.empty()) {
    std::string error;
    config.budget_limit = parse_budget(o.budget_limit, document.nominal().currency, error);
    if (!config.budget_limit) return bad("--budget-limit '" + o.budget_limit + "': " + error);
  }

  Progress progress(o.quiet || o.json || !cluster.root());
  const auto on_progress = [&](std::size_t done, std::size_t total) {
    progress.update(static_cast<double>(done) / static_cast<double>(total),
                    "replication " + std::to_string(done) + " of " + std::to_string(total));
  };
  std::string failure;
  sweep::ReplicationSet data;
  try {
    data = sweep::run_replications(document, config, cluster.rank(), cluster.size(), on_progress);
  } catch (const std::exception& e) {
    failure = e.what();
  }
  progress.done();
  if (cluster.any(!failure.empty())) {
    if (!failure.empty()) std::cerr << "coachsim sweep: " << failure << "\nNothing was written.\n";
    return kExitFailure;
  }
  try {
    data = cluster.gather(std::move(data), config.replications);
    if (!cluster.root()) return kExitOk;
    sweep::SweepReport report = sweep::build_report(document, config, std::move(data));
    if (config.tornado) report.tornado = sweep::run_tornado(document, config, &report.tornado_base);
    sweep::write_sweep_outputs(report, o.out_dir);
    if (!o.html.empty()) sweep::write_sweep_html(report, o.html);
    if (o.json) {
      std::cout << sweep::sweep_json(report);
    } else if (!o.quiet) {
      std::cout << sweep::sweep_terminal(report);
      std::cout << "\nWrote sweep.csv, replications.csv, sensitivity.csv, sweep.json"
                << (config.tornado ? ", tornado.csv" : "")
                << (report.probabilities.empty() ? "" : ", probabilities.csv") << " to "
                << o.out_dir << "/ (" << config.threads << " thread"
                << (config.threads == 1 ? "" : "s") << " x " << cluster.size() << " process"
                << (cluster.size() == 1 ? "" : "es") << ")\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "coachsim sweep: " << e.what() << "\nNothing was written.\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace coachsim::cli
