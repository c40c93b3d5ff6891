// An input workbook as the YAML text the loader reads (workbook_document.cpp). Private to the
// scenario module.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "coachsim/scenario/loader.hpp"

namespace coachsim::scenario::detail {

struct WorkbookText {
  std::string yaml;                // one cell per line
  std::vector<std::string> cells;  // per line of `yaml`: "Regions!D14"
  // The Schools sheet as one CSV text per region, by the name its schools_csv gives, and the
  // sheet row of each CSV line.
  std::map<std::string, std::string> csv_texts;
  std::map<std::string, std::vector<int>> csv_rows;
  std::string schools_sheet;
  std::vector<LoadError> errors;  // problems of the sheets themselves (at their cells)
};

// Reads the workbook at `path`; `yaml` is empty when it cannot be read at all.
WorkbookText workbook_text(const std::string& path);

}  // namespace coachsim::scenario::detail
