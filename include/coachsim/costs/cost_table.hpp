// The cost table: the cost categories and activities a run's ledger posts under, as data.
//
// The built-in rows (CostTable::builtin()) are the programme's own: 9 categories and 13
// activities, in the order of the costs::Category and costs::Activity enums, which stay as
// the named indices of those rows. A scenario may append categories and activities of its own
// (scenario `cost_categories:` and `extra_costs:`, programme/cost_table.hpp builds the run's
// table); an entry keeps a one-byte index into the table, and every writer that lists
// categories walks the table, so a new category shows up wherever the built-in ones do.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "coachsim/costs/cost_ids.hpp"

namespace coachsim::costs {

// What a category's cost grows with: the count the audit splits its gap by (quantity vs price).
enum class CategoryDriver : std::uint8_t { kTeachers, kCoaches, kSupervisors, kStaff };

struct CategoryRow {
  std::string id;     // e.g. "coach_contracts"; the cost_<id> column of every output
  std::string label;  // for people; built-in rows are labelled by the report's translations
  CategoryDriver driver = CategoryDriver::kTeachers;
  // Its cost per unit of the driver is a price (a fee or salary): the audit calls the per-unit
  // part of a gap "price" for these, "rest" for the others.
  bool per_unit_is_price = false;
};

// An activity outside every droppable budget class: paid before any of them (contracts, staff,
// materials, overhead, central spending). Otherwise `budget_class` indexes the budget's classes
// (scenario::BudgetClass, then the scenario's declared ones).
inline constexpr std::uint8_t kNoBudgetClass = 0xFF;

struct ActivityRow {
  std::string id;  // e.g. "visit_trip"
  Category category = Category::kOther;
  std::uint8_t budget_class = kNoBudgetClass;
  QuantityUnit unit = QuantityUnit::kParticipants;  // the unit of its rate
  std::string label;
};

// Categories and activities hold at most 255 rows each: entries index them with one byte.
inline constexpr std::size_t kMaxCostRows = 255;

class CostTable {
 public:
  // The programme's own rows (9 categories, 13 activities), shared by every run without
  // scenario additions.
  static const std::shared_ptr<const CostTable>& builtin();

  std::size_t category_count() const { return categories_.size(); }
  std::size_t activity_count() const { return activities_.size(); }
  const CategoryRow& category(Category c) const { return categories_[static_cast<std::size_t>(c)]; }
  const ActivityRow& activity(Activity a) const { return activities_[static_cast<std::size_t>(a)]; }
  std::string_view category_id(Category c) const { return category(c).id; }
  std::string_view activity_id(Activity a) const { return activity(a).id; }
  const std::vector<CategoryRow>& categories() const { return categories_; }
  const std::vector<ActivityRow>& activities() const { return activities_; }
  // Whether `c` is one of the built-in rows (labelled by the report's translations).
  static bool is_builtin(Category c) { return static_cast<int>(c) < kBuiltinCategoryCount; }

  // The row with id `id`; false when there is none (ids are exact).
  bool find_category(std::string_view id, Category& out) const;
  bool find_activity(std::string_view id, Activity& out) const;

  // Appends a row; REQUIRES: a new id, fewer than kMaxCostRows rows, a known category.
  Category add_category(CategoryRow row);
  Activity add_activity(ActivityRow row);
  // Moves an activity into another budget class (a scenario's `budget.classes:`).
  void set_budget_class(Activity a, std::uint8_t budget_class) {
    activities_[static_cast<std::size_t>(a)].budget_class = budget_class;
  }

 private:
  std::vector<CategoryRow> categories_;
  std::vector<ActivityRow> activities_;
};

}  // namespace coachsim::costs
