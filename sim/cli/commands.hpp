// The commands of the coachsim CLI. The CLI wires modules together and holds no logic.
//
// Exit codes (documented in the README): 0 success; 1 the run failed while writing output or
// for an internal reason; 2 bad input (scenario file, CSV, or command-line flags).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace coachsim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

struct RunOptions {
  std::string scenario;  // empty: the built-in default
  std::string out_dir = "out";
  std::optional<std::uint64_t> seed;
  bool ledger = true;
  std::string sqlite;        // also write the ledger and results to this SQLite file
  std::string xlsx;          // also write an Excel workbook
  bool xlsx_ledger = false;  // with every ledger entry as a sheet (else only summed by month)
  std::string html;          // also write a self-contained HTML report
  bool quiet = false;
  bool json = false;  // --format json: summary.json on standard output instead of the tables
};

struct AuditOptions {
  std::string scenario;  // empty: the built-in default
  std::string actuals;
  std::string out_dir = "out-audit";
  std::vector<std::string> exclude;
  std::string xlsx;  // also write the audit as an Excel workbook
  std::string html;  // also write the audit as a self-contained HTML page with charts
  std::optional<std::uint64_t> seed;
  bool quiet = false;
};

struct CompareOptions {
  std::vector<std::string> scenarios;  // files; "builtin:default" names the built-in default
  std::string out_dir = "out-compare";
  std::optional<std::uint64_t> seed;  // overrides every scenario's seed: shared random draws
  std::string html;                   // also write a side-by-side HTML page
  std::string xlsx;                   // also write a workbook with a "Comparison" sheet
  bool quiet = false;
  bool json = false;  // --format json: compare.json on standard output instead of the tables
};

struct SweepOptions {
  std::string scenario;  // empty: the built-in default
  std::int64_t replications = 0;
  std::optional<std::int64_t> threads;  // empty: every core
  std::optional<std::uint64_t> seed;
  std::string out_dir = "out/sweep";
  // "[YEAR=|total=]AMOUNT", e.g. "2021=90000000 PEN", "total=S/ 260000000", "190000000"
  std::vector<std::string> budget_limits;
  std::string coverage_target;       // a percentage, "95%" or "95"; empty: none
  std::string full_protocol_target;  // the same, for the share of teachers on the full protocol
  bool tornado = false;
  std::string html;  // also write the fan charts, tornado and coefficients as an HTML page
  bool quiet = false;
  bool json = false;
};

struct OptimiseOptions {
  std::string scenario;  // empty: the built-in default
  std::string budget;    // "313000000 PEN", or "85%" of the year's plan
  std::string year;      // "2021", "2021,2022" or "all"; default: the years of a per-year
                         // --budget, else the scenario's first year
  std::string objective = "full_protocol";  // or learning, equity
  std::string equity_weights;               // "rural=1.5,multigrade=1.5,eib=2" (objective equity)
  double floor_pct = 0.0;                   // each region keeps at least this share of its teachers
  std::string out_dir = "out-optimise";
  std::string frontier;                    // "50%..120%/15"
  std::vector<std::string> budget_region;  // "Cusco=85%" or "Cusco=9000000" (the year)
  std::vector<std::string> coach_supply;   // "Loreto=250": the most coaches it contracts
  std::string xlsx;                        // also write the plan and frontier as a workbook
  std::string html;                        // also write the page for the budget meeting
  bool quiet = false;
};

int run_command(const RunOptions& options);
int optimise_command(const OptimiseOptions& options);
int compare_command(const CompareOptions& options);
int sweep_command(const SweepOptions& options);
int audit_command(const AuditOptions& options);
int validate_command(const std::string& scenario, bool quiet, bool json);

struct TemplateOptions {
  std::string scenario;  // empty: the built-in default
  std::string xlsx;      // the input workbook to write
  bool quiet = false;
};
int template_command(const TemplateOptions& options);

}  // namespace coachsim::cli
