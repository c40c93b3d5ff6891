// Writing an input workbook (scenario/workbook.hpp) with libxlsxwriter: a Léame (read-me)
// sheet, the scenario's sheets with units in the headers and data validation, and the hidden
// _layout sheet the reader needs.
#pragma once

#include <string>

#include "coachsim/scenario/workbook.hpp"

namespace coachsim::report {

// Writes `book` to `path` all-or-nothing (a temporary file renamed into place); throws
// std::runtime_error naming the file on failure.
void write_template_xlsx(const scenario::Workbook& book, const std::string& path);

}  // namespace coachsim::report
