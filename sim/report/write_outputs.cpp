// Writing a run's files all-or-nothing: everything goes to a staging folder inside the output
// directory first and is renamed into place only when every file is complete.
#include "report_files.hpp"
#include "staging.hpp"

namespace coachsim::report {

void write_run_outputs(const RunReport& report, const std::string& dir) {
  Staging staging(dir);
  staging.set_inputs(report.scenario.provenance);
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
  // Files of an earlier run that these would not add up with.
  if (!report.ledger.keeps_entries()) staging.drop("ledger.csv");
  if (!report.results.has_outcomes) staging.drop("dose.csv");
  if (!report.results.execution.enabled) {
    staging.drop("execution.csv");
    staging.drop("budget_events.csv");
  }
  staging.commit();
}

}  // namespace coachsim::report
