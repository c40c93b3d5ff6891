// `coachsim sweep`: Monte Carlo replications of a scenario's declared uncertainty, with
// statistics, exceedance probabilities and sensitivity; optionally spread over MPI ranks.
#include <sched.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <thread>
#include <variant>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/sweep_outputs.hpp"
#include "coachsim/scenario/document.hpp"
#include "coachsim/scenario/suggest.hpp"
#include "coachsim/sweep/cluster.hpp"
#include "coachsim/units/checked.hpp"
#include "coachsim/units/parse.hpp"
#include "commands.hpp"
#include "load.hpp"
#include "progress.hpp"

namespace coachsim::cli {
namespace {

int bad_flag(const std::string& message) {
  std::cerr << "coachsim sweep: " << trf("{0}; nothing was run or written.", {message}) << "\n";
  return kExitBadInput;
}

// "1200000 PEN", "S/ 1200000" (the sol's sign, for PEN only) or a bare number in currency
// units, to céntimos, read by the scenario's own unit parser.
std::optional<std::int64_t> parse_budget(std::string text, const std::string& currency,
                                         std::string& error) {
  if (currency == "PEN" && text.rfind("S/", 0) == 0) {
    const std::size_t digits = text.find_first_not_of(' ', 2);
    text = (digits == std::string::npos ? std::string() : text.substr(digits)) + " PEN";
  }
  const auto parsed = units::parse_quantity(text, currency);
  if (const auto* e = std::get_if<units::ParseError>(&parsed)) {
    error = e->message;
    return std::nullopt;
  }
  const auto& q = std::get<units::ParsedQuantity>(parsed);
  if (q.kind == units::Kind::kMoney) return q.centimos;
  if (q.kind == units::Kind::kDimensionless)
    return static_cast<std::int64_t>(std::llround(q.value * 100.0));
  error = trf("expected an amount of money, e.g. '250000000 {0}'", {currency});
  return std::nullopt;
}

// "2021=90000000 PEN" (one school year), "total=260000000" (all years together) or a bare
// amount (each year alike). `years` are the scenario's school years.
std::optional<sweep::BudgetLimit> parse_budget_limit(const std::string& text,
                                                     const std::string& currency,
                                                     const std::vector<int>& years,
                                                     std::string& error) {
  sweep::BudgetLimit limit;
  std::string amount = text;
  if (const auto eq = text.find('='); eq != std::string::npos) {
    const std::string when = text.substr(0, eq);
    amount = text.substr(eq + 1);
    if (when == "total") {
      limit.year = sweep::BudgetLimit::kTotal;
    } else {
      std::vector<std::string> known{"total"};
      for (int y : years) known.push_back(std::to_string(y));
      if (std::find(known.begin() + 1, known.end(), when) == known.end()) {
        std::string list;
        for (std::size_t k = 0; k < known.size(); ++k) list += (k ? ", " : "") + known[k];
        error = trf("'{0}' is not one of the scenario's school years or 'total'", {when}) +
                scenario::did_you_mean(when, known) + " " + trf("(expected {0})", {list});
        return std::nullopt;
      }
      limit.year = std::stoi(when);
    }
  }
  const auto centimos = parse_budget(amount, currency, error);
  if (!centimos) return std::nullopt;
  limit.centimos = *centimos;
  return limit;
}

// "95%" or "95", from 0 to 100.
std::optional<double> parse_percent(std::string text, std::string& error) {
  if (!text.empty() && text.back() == '%') text.pop_back();
  const auto parsed = units::parse_expecting(text, units::Kind::kDimensionless, "PEN");
  const auto* q = std::get_if<units::ParsedQuantity>(&parsed);
  if (q == nullptr || !(q->value >= 0 && q->value <= 100)) {
    error = tr("expected a percentage from 0 to 100, e.g. '95%' or 95");
    return std::nullopt;
  }
  return q->value;
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
    return bad(trf("--replications must be at least 1, got {0}", {std::to_string(o.replications)}));
  if (o.threads && *o.threads < 1)
    return bad(trf("--threads must be at least 1, got {0}", {std::to_string(*o.threads)}));
  std::string error;
  std::optional<double> coverage_target, full_protocol_target;
  if (!o.coverage_target.empty() && !(coverage_target = parse_percent(o.coverage_target, error)))
    return bad("--coverage-target '" + o.coverage_target + "': " + error);
  if (!o.full_protocol_target.empty() &&
      !(full_protocol_target = parse_percent(o.full_protocol_target, error)))
    return bad("--full-protocol-target '" + o.full_protocol_target + "': " + error);

  const std::string path = o.scenario.empty() ? "builtin:default" : o.scenario;
  const scenario::DocumentResult loaded = scenario::load_document_file(path, input_options());
  if (!loaded.ok()) {
    if (cluster.root()) {
      for (const scenario::LoadError& e : loaded.errors) std::cerr << e.to_string() << "\n";
      std::cerr << fill(trn("coachsim: {0} problem in the scenario; nothing was run or written. "
                            "Fix the lines above and run again (`coachsim validate FILE` checks a "
                            "file without running it).",
                            "coachsim: {0} problems in the scenario; nothing was run or written. "
                            "Fix the lines above and run again (`coachsim validate FILE` checks a "
                            "file without running it).",
                            loaded.errors.size()),
                        {std::to_string(loaded.errors.size())})
                << "\n";
    }
    return kExitBadInput;
  }
  const scenario::ScenarioDocument& document = *loaded.document;

  sweep::SweepConfig config;
  config.seed = o.seed ? *o.seed : document.nominal().seed;
  config.replications = static_cast<std::uint64_t>(o.replications);
  config.threads = o.threads ? static_cast<unsigned>(*o.threads) : usable_cores();
  config.coverage_target = coverage_target;
  config.full_protocol_target = full_protocol_target;
  config.tornado = o.tornado;
  std::vector<int> years;
  for (const scenario::SchoolYear& y : document.nominal().years) years.push_back(y.year);
  for (const std::string& text : o.budget_limits) {
    const auto limit = parse_budget_limit(text, document.nominal().currency, years, error);
    if (!limit) return bad("--budget-limit '" + text + "': " + error);
    config.budget_limits.push_back(*limit);
  }
  // Nothing uncertain: every replication would be the same run. One replication gives the
  // same figures; a warning says why the count differs and the tornado is left out.
  if (document.inputs().empty()) {
    if (cluster.root())
      std::cerr << "coachsim sweep: "
                << (o.tornado
                        ? trf("warning: {0} declares no uncertainty (no uncertainty: section), so "
                              "every replication would be the same run; running 1 replication "
                              "instead of {1} and no tornado. Declare ranges under uncertainty: "
                              "(see scenarios/uncertain-default.yaml).",
                              {path, std::to_string(o.replications)})
                        : trf("warning: {0} declares no uncertainty (no uncertainty: section), so "
                              "every replication would be the same run; running 1 replication "
                              "instead of {1}. Declare ranges under uncertainty: (see "
                              "scenarios/uncertain-default.yaml).",
                              {path, std::to_string(o.replications)}))
                << "\n";
    config.replications = 1;
    config.tornado = false;
  }

  Progress progress(o.quiet || o.json || !cluster.root());
  const auto on_progress = [&](std::size_t done, std::size_t total) {
    progress.update(static_cast<double>(done) / static_cast<double>(total),
                    trf("replication {0} of {1}", {std::to_string(done), std::to_string(total)}));
  };
  std::string failure;
  bool beyond_limits = false;  // a drawn input too large for exact céntimos: bad input, exit 2
  sweep::ReplicationSet data;
  try {
    data = sweep::run_replications(document, config, cluster.rank(), cluster.size(), on_progress);
  } catch (const units::TooLarge& e) {
    failure = trf("the scenario is beyond coachsim's limits: {0}", {e.what()});
    beyond_limits = true;
  } catch (const std::exception& e) {
    failure = e.what();
  }
  progress.done();
  // Every rank takes part in the vote, so one rank's failure stops them all without a hang.
  if (cluster.any(!failure.empty())) {
    if (!failure.empty())
      std::cerr << "coachsim sweep: " << failure << "\n" << tr("Nothing was written.") << "\n";
    return beyond_limits ? kExitBadInput : kExitFailure;
  }
  try {
    data = cluster.gather(std::move(data), config.replications);
    if (!cluster.root()) return kExitOk;
    sweep::SweepReport report = sweep::build_report(document, config, std::move(data));
    if (config.tornado) report.tornado = sweep::run_tornado(document, config, &report.tornado_base);
    report::write_sweep_outputs(report, o.out_dir);
    if (!o.html.empty()) report::write_sweep_html(report, o.html);
    if (o.json) {
      std::cout << report::sweep_json(report);
    } else if (!o.quiet) {
      std::cout << report::sweep_terminal(report);
      const std::string files =
          std::string("sweep.csv, replications.csv, sensitivity.csv, sweep.json") +
          (config.tornado ? ", tornado.csv" : "") +
          (report.probabilities.empty() ? "" : ", probabilities.csv");
      const std::string threads =
          fill(trn("{0} thread", "{0} threads", config.threads), {std::to_string(config.threads)});
      const std::string processes = fill(trn("{0} process", "{0} processes", cluster.size()),
                                         {std::to_string(cluster.size())});
      std::cout << "\n"
                << trf("Wrote {0} to {1}/", {files, o.out_dir}) << " (" << threads << " x "
                << processes << ")\n";
      if (!o.html.empty()) std::cout << trf("Wrote {0}", {o.html}) << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "coachsim sweep: " << e.what() << "\n" << tr("Nothing was written.") << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace coachsim::cli
