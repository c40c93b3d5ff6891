// Reading the schools CSV named by a region's `schools_csv:`. Private to the scenario module;
// knows nothing about YAML.
//
// Errors name the CSV file (as resolved against the scenario's folder), the physical line and,
// as the column, the 1-based index of the CSV field (spreadsheet column), not the character.
#pragma once

#include <string>
#include <vector>

#include "coachsim/scenario/csv_dialect.hpp"
#include "coachsim/scenario/loader.hpp"
#include "coachsim/scenario/scenario.hpp"
#include "field_index.hpp"

namespace coachsim::scenario::detail {

// Columns of the schools CSV; the last one is optional.
inline const std::vector<std::string> kSchoolColumns = {"id",       "ugel",        "school_type",
                                                        "urban",    "border",      "teachers",
                                                        "students", "distance_km", "travel_time_h"};

// Parses CSV text. Appends one SchoolRecord per data row to `out` (a default record for a row
// that could not be read, so indices match rows), records the location of each value under
// "<field>[i].<column>" and reports problems in `errors`, marking failed paths in `index`.
// `dialect`, when given, receives the convention the file was detected in (csv_dialect.hpp).
void parse_schools_csv(const std::string& text, const std::string& file, const std::string& field,
                       std::vector<SchoolRecord>& out, FieldIndex& index,
                       std::vector<LoadError>& errors, CsvDialect* dialect = nullptr);

// Reads the file at `path` and parses it; when it cannot be read the error is reported at
// `named_at` (the YAML value that names it).
void load_schools_csv(const std::string& path, const std::string& field, const Location& named_at,
                      std::vector<SchoolRecord>& out, FieldIndex& index,
                      std::vector<LoadError>& errors, CsvDialect* dialect = nullptr);

}  // namespace coachsim::scenario::detail
