#include <iostream>
#include <stdexcept>

#include "coachsim/audit/audit.hpp"
#include "coachsim/report/audit_html.hpp"
#include "coachsim/report/audit_report.hpp"
#include "coachsim/report/audit_xlsx.hpp"
#include "coachsim/report/html_report.hpp"
#include "coachsim/results/simulation.hpp"
#include "commands.hpp"
#include "load.hpp"

namespace coachsim::cli {

int audit_command(const AuditOptions& options) {
  std::optional<Loaded> loaded = load_or_report(options.scenario);
  const audit::ActualsLoad actuals = audit::load_actuals_file(options.actuals);
  for (const scenario::LoadError& e : first_per_file(actuals.errors))
    std::cerr << e.to_string() << "\n";
  if (!actuals.ok()) {
    std::cerr << "coachsim: " << actuals.errors.size()
              << " problem(s) in the actuals; nothing was written. Fix the rows above (columns: "
                 "region,year,measure,value,status,source; see README).\n";
  }
  if (!loaded || !actuals.ok()) return kExitBadInput;
  if (!options.html.empty() && !report::html_available()) {
    std::cerr << "coachsim: this build has no HTML report (the chart libraries were not "
                 "installed when it was built); run scripts/bootstrap.sh, or drop --html.\n";
    return kExitFailure;
  }
  if (options.seed) loaded->scenario.seed = *options.seed;
  const auto sim = results::simulate(loaded->scenario, false);
  const auto result = audit::run_audit(loaded->scenario, *sim, actuals.rows, {options.exclude});
  try {
    report::write_audit_outputs(result, options.out_dir);
    if (!options.xlsx.empty())
      report::write_audit_xlsx(result, options.xlsx, loaded->scenario.currency);
    if (!options.html.empty())
      report::write_audit_html(result, options.html,
                               "coachsim audit: " + loaded->scenario.name + " (money in " +
                                   loaded->scenario.currency + ")");
  } catch (const std::exception& e) {
    std::cerr << "coachsim: " << e.what() << "\n";
    return kExitFailure;
  }
  if (!options.quiet) {
    std::cout << report::audit_summary(result);
    std::cout << "\nWrote audit_regions.csv, audit_gaps.csv, audit_spread.csv, "
                 "audit_regression.csv, audit_residuals.csv, findings.txt to "
              << options.out_dir << "/\n";
    if (!options.html.empty()) std::cout << "Wrote " << options.html << "\n";
  }
  return kExitOk;
}

}  // namespace coachsim::cli
