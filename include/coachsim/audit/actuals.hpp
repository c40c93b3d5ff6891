// Actuals: what regions reported they spent and ran, read from a CSV file.
//
// One row per region, year and measure (the long format a financial system exports):
//   region,year,measure,value,status,source
// `measure` is `spending.<category>` (category ids of the ledger: coach_contracts, travel, ...;
// value in the scenario currency, at most 2 decimals) or `count.<what>` (coaches, supervisors,
// staff, teachers, schools, students; a whole number >= 0). `status` is `published` (a figure
// from a source) or `constructed` (derived to match published statistics); `source` says which.
// Malformed rows are reported with file, line, column (the field's position) and field.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "coachsim/ledger/entry.hpp"
#include "coachsim/scenario/csv_dialect.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim::audit {

enum class Count { kCoaches, kSupervisors, kStaff, kTeachers, kSchools, kStudents };
inline constexpr int kCountKinds = 6;
std::string_view count_id(Count c);  // "coaches", ...

struct RegionActuals {
  std::string region;
  int year = 0;
  std::array<std::int64_t, ledger::kCategoryCount> spending{};  // céntimos
  std::array<std::int64_t, kCountKinds> counts{};
  std::array<bool, ledger::kCategoryCount> has_spending{};
  std::array<bool, kCountKinds> has_count{};
  int published = 0, constructed = 0;  // how many of its values are which
  int line = 0, region_column = 0;     // where the file first names this region and year

  std::int64_t spending_total() const;
  std::int64_t count(Count c) const { return counts[static_cast<std::size_t>(c)]; }
};

struct ActualsLoad {
  std::vector<RegionActuals> rows;  // one per (region, year), in file order of first mention
  std::vector<scenario::LoadError> errors;
  scenario::CsvDialect dialect;  // as detected: ',' or ';', decimal point or comma, BOM
  bool ok() const { return errors.empty(); }
};

ActualsLoad load_actuals_text(const std::string& text, const std::string& file);
ActualsLoad load_actuals_file(const std::string& path);

// One error per region name of `actuals` that is not among `known` (the scenario's region ids),
// at the line that first names it, with the loader's "did you mean" suggestion: a misspelt
// region would otherwise enter the spread with no expected cost.
std::vector<scenario::LoadError> unknown_regions(const ActualsLoad& actuals,
                                                 const std::vector<std::string>& known,
                                                 const std::string& file);

}  // namespace coachsim::audit
