// coachsim template [SCENARIO] --xlsx FILE: the scenario's inputs as a workbook to edit in
// Excel and run again (scenario/workbook.hpp, report/template_xlsx.hpp).
#include <iostream>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/template_xlsx.hpp"
#include "coachsim/scenario/workbook.hpp"
#include "commands.hpp"
#include "load.hpp"

namespace coachsim::cli {

int template_command(const TemplateOptions& options) {
  const std::string path = options.scenario.empty() ? kBuiltinDefault : options.scenario;
  const scenario::WorkbookResult made = scenario::workbook_template(path, input_options());
  if (!made.ok()) {
    for (const scenario::LoadError& e : first_per_file(made.errors))
      std::cerr << e.to_string() << "\n";
    const std::string count = std::to_string(made.errors.size());
    std::cerr << fill(trn("coachsim: {0} problem in the scenario; no workbook was written.",
                          "coachsim: {0} problems in the scenario; no workbook was written.",
                          made.errors.size()),
                      {count})
              << "\n";
    return kExitBadInput;
  }
  try {
    report::write_template_xlsx(made.book, options.xlsx);
  } catch (const std::exception& e) {
    std::cerr << "coachsim: " << e.what() << "\n";
    return kExitFailure;
  }
  if (!options.quiet) {
    std::cout << trf("Wrote {0}: {1} sheets of inputs of '{2}'. Edit it, then: coachsim run {0}",
                     {options.xlsx, std::to_string(made.book.sheets.size()),
                      made.book.scenario_name})
              << "\n";
  }
  return kExitOk;
}

}  // namespace coachsim::cli
