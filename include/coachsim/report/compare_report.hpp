// The outputs of `coachsim compare`: compare.csv (wide, one row per metric), compare.json, the
// terminal table, a self-contained HTML page and an Excel workbook. See docs/compare.md.
#pragma once

#include <string>

#include "coachsim/compare/compare.hpp"

namespace coachsim::report {

// compare.csv: scope, year, metric, unit, then each scenario's value, and for the second and
// later scenarios diff_<name> (value − first) and diff_pct_<name> ((value − first) / first ×
// 100). Money in currency units with two decimals, formatted from whole céntimos.
std::string compare_csv(const compare::Comparison& c);

// compare.json: the scenarios (name, file, scenario_name, seed) and every metric's values,
// diffs and percent diffs (null where absent); money as céntimos and as decimal text.
std::string compare_json(const compare::Comparison& c);

// The table `coachsim compare` prints: national headline figures over all years, per year, and
// cost by category, each scenario side by side with its difference from the first.
std::string compare_terminal(const compare::Comparison& c);

// Writes compare.csv and compare.json into `dir` all-or-nothing (see staging.hpp). Throws
// std::runtime_error naming the file on failure; then nothing new is left in `dir`.
void write_compare_outputs(const compare::Comparison& c, const std::string& dir);

// The side-by-side HTML page: throws std::runtime_error when !html_available().
std::string compare_html(const compare::Comparison& c);
void write_compare_html(const compare::Comparison& c, const std::string& path);

// A workbook with one "Comparison" sheet: numbers as numbers, money and percent formats,
// frozen header, filters. Written through a temporary file renamed into place.
void write_compare_xlsx(const compare::Comparison& c, const std::string& path);

}  // namespace coachsim::report
