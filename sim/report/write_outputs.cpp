// Writing a run's files all-or-nothing: everything goes to a staging folder inside the output
// directory first and is renamed into place only when every file is complete.
#include "report_files.hpp"
#include "staging.hpp"

namespace coachsim::report {

void write_run_outputs(const RunReport& report, const std::string& dir) {
  Staging staging(dir);
  staging.write("regions.csv", regions_csv(report));
  staging.write("national.csv", national_csv(report));
  staging.write("variance.csv", variance_csv(report));
  staging.write("missed.csv", missed_csv(report));
  staging.write("packing.csv", packing_csv(report));
  staging.write("summary.json", summary_json(report));
  if (report.results.has_outcomes) staging.write("dose.csv", dose_csv(report));
  if (report.results.execution.enabled) {
    staging.write("execution.csv", execution_csv(report));
    staging.write("budget_events.csv", budget_events_csv(report));
  }
  if (report.ledger.keeps_entries()) {
    std::FILE* f = staging.open("ledger.csv");
    staging.close(f, "ledger.csv", write_ledger_csv(report, f));
  }
  staging.commit();
  // A ledger.csv from an earlier run would not add up to these files: remove it.
  if (!report.ledger.keeps_entries()) {
    std::error_code ec;
    std::filesystem::remove(std::filesystem::path(dir) / "ledger.csv", ec);
  }
  if (!report.results.has_outcomes) {  // likewise a dose.csv of a scenario with outcomes:
    std::error_code ec;
    std::filesystem::remove(std::filesystem::path(dir) / "dose.csv", ec);
  }
  if (!report.results.execution.enabled) {  // nor would budget files of an earlier run
    std::error_code ec;
    std::filesystem::remove(std::filesystem::path(dir) / "execution.csv", ec);
    std::filesystem::remove(std::filesystem::path(dir) / "budget_events.csv", ec);
  }
}

}  // namespace coachsim::report
