#include <algorithm>
#include <iostream>
#include <stdexcept>

#include "coachsim/audit/audit.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/programme/cost_table.hpp"
#include "coachsim/report/audit_html.hpp"
#include "coachsim/report/audit_report.hpp"
#include "coachsim/report/audit_xlsx.hpp"
#include "coachsim/report/html_report.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/suggest.hpp"
#include "commands.hpp"
#include "load.hpp"

namespace coachsim::cli {

int audit_command(const AuditOptions& options) {
  std::optional<Loaded> loaded = load_or_report(options.scenario);
  // Spending may be given for the scenario's own categories too (cost_categories:).
  audit::ActualsLoad actuals =
      audit::load_actuals_file(options.actuals, loaded ? *programme::cost_table(loaded->scenario)
                                                       : *costs::CostTable::builtin());
  // Names are checked against the scenario's regions as the YAML loader checks its own: a
  // misspelt region would enter the statistics unnoticed, a misspelt --exclude leave one in.
  std::vector<std::string> bad_flags;
  if (loaded) {
    std::vector<std::string> regions;
    for (const scenario::Region& r : loaded->scenario.regions) regions.push_back(r.id);
    if (actuals.ok()) actuals.errors = audit::unknown_regions(actuals, regions, options.actuals);
    for (const std::string& name : options.exclude) {
      if (std::find(regions.begin(), regions.end(), name) != regions.end()) continue;
      std::string message = trf("--exclude '{0}': the scenario has no region of that name", {name});
      const std::string suggestion = scenario::did_you_mean(name, regions);
      if (suggestion.empty()) {
        std::string list;
        for (std::size_t k = 0; k < regions.size(); ++k) list += (k ? ", " : "") + regions[k];
        message += " " + trf("(expected one of: {0})", {list});
      }
      bad_flags.push_back(message + suggestion);
    }
  }
  for (const std::string& message : bad_flags) std::cerr << "coachsim audit: " << message << "\n";
  if (!bad_flags.empty())
    std::cerr << "coachsim audit: " << tr("nothing was run or written.") << "\n";
  for (const scenario::LoadError& e : first_per_file(actuals.errors))
    std::cerr << e.to_string() << "\n";
  if (!actuals.ok()) {
    std::cerr << "coachsim: "
              << trf("{0} problem(s) in the actuals; nothing was written. Fix the rows above "
                     "(columns: region,year,measure,value,status,source; see README).",
                     {std::to_string(actuals.errors.size())})
              << "\n";
  }
  if (!loaded || !actuals.ok() || !bad_flags.empty()) return kExitBadInput;
  if (!options.html.empty() && !report::html_available()) {
    std::cerr << tr("coachsim: this build has no HTML report (the chart libraries were not "
                    "installed when it was built); run scripts/bootstrap.sh, or drop --html.")
              << "\n";
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
                               trf("coachsim audit: {0} (money in {1})",
                                   {loaded->scenario.name, loaded->scenario.currency}));
  } catch (const std::exception& e) {
    std::cerr << "coachsim: " << e.what() << "\n";
    return kExitFailure;
  }
  if (!options.quiet) {
    std::cout << report::audit_summary(result);
    std::cout << "\n"
              << trf("Wrote {0} to {1}/",
                     {"audit_regions.csv, audit_gaps.csv, audit_spread.csv, audit_regression.csv, "
                      "audit_residuals.csv, findings.txt",
                      options.out_dir})
              << "\n";
    for (const std::string* extra : {&options.xlsx, &options.html})
      if (!extra->empty()) std::cout << trf("Wrote {0}", {*extra}) << "\n";
    std::cout << trf("Read {0} as {1}", {options.actuals, actuals.dialect.describe_translated()})
              << "\n";
    for (const std::string& input : shown_provenance(loaded->scenario))
      std::cout << trf("Input: {0}", {input}) << "\n";
  }
  return kExitOk;
}

}  // namespace coachsim::cli
