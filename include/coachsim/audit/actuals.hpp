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

#include "coachsim/costs/cost_table.hpp"
#include "coachsim/scenario/csv_dialect.hpp"
#include "coachsim/scenario/loader.hpp"

namespace coachsim::audit {

enum class Count { kCoaches, kSupervisors, kStaff, kTeachers, kSchools, kStudents };
inline constexpr int kCountKinds = 6;
std::string_view count_id(Count c);  // "coaches", ...

struct RegionActuals {
  std::string region;
  int year = 0;
  // Céntimos by category of the cost table the file was read with (the built-in one unless
  // given); spent() reads 0 past its end.
  std::vector<std::int64_t> spending = std::vector<std::int64_t>(costs::kBuiltinCategoryCount, 0);
  std::array<std::int64_t, kCountKinds> counts{};
  std::vector<bool> has_spending = std::vector<bool>(costs::kBuiltinCategoryCount, false);
  std::array<bool, kCountKinds> has_count{};
  int published = 0, constructed = 0;  // how many of its values are which
  int line = 0, region_column = 0;     // where the file first names this region and year

  std::int64_t spending_total() const;
  std::int64_t spent(std::size_t category) const {
    return category < spending.size() ? spending[category] : 0;
  }
  std::int64_t count(Count c) const { return counts[static_cast<std::size_t>(c)]; }
};

struct ActualsLoad {
  std::vector<RegionActuals> rows;  // one per (region, year), in file order of first mention
  std::vector<scenario::LoadError> errors;
  scenario::CsvDialect dialect;  // as detected: ',' or ';', decimal point or comma, BOM
  bool ok() const { return errors.empty(); }
};

// `costs`: the categories a spending.<category> measure may name (the run's cost table, so a
// scenario's own categories can be audited too).
ActualsLoad load_actuals_text(const std::string& text, const std::string& file,
                              const costs::CostTable& costs = *costs::CostTable::builtin());
ActualsLoad load_actuals_file(const std::string& path,
                              const costs::CostTable& costs = *costs::CostTable::builtin());

// One error per region name of `actuals` that is not among `known` (the scenario's region ids),
// at the line that first names it, with the loader's "did you mean" suggestion: a misspelt
// region would otherwise enter the spread with no expected cost.
std::vector<scenario::LoadError> unknown_regions(const ActualsLoad& actuals,
                                                 const std::vector<std::string>& known,
                                                 const std::string& file);

}  // namespace coachsim::audit
