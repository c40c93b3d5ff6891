// coachsim template [SCENARIO] --xlsx FILE: the scenario's inputs as a workbook to edit in
// Excel and run again (scenario/workbook.hpp, report/template_xlsx.hpp).
#include <iostream>

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
    std::cerr << "coachsim: " << made.errors.size() << " problem"
              << (made.errors.size() == 1 ? "" : "s")
              << " in the scenario; no workbook was written.\n";
    return kExitBadInput;
  }
  try {
    report::write_template_xlsx(made.book, options.xlsx);
  } catch (const std::exception& e) {
    std::cerr << "coachsim: " << e.what() << "\n";
    return kExitFailure;
  }
  if (!options.quiet) {
    std::cout << "Wrote " << options.xlsx << ": " << made.book.sheets.size()
              << " sheets of inputs of '" << made.book.scenario_name
              << "'. Edit it, then: coachsim run " << options.xlsx << "\n";
  }
  return kExitOk;
}

}  // namespace coachsim::cli
