// The built-in cost table and the appending of a scenario's rows.
#include "coachsim/costs/cost_table.hpp"

#include <stdexcept>
#include <utility>

namespace coachsim::costs {

namespace {

// Budget classes by index (scenario::BudgetClass order; programme/cost_table.cpp checks it).
constexpr std::uint8_t kTeacherWorkshopsClass = 0, kCoachWorkshopsClass = 1, kGiaRtcClass = 2,
                       kSupervisorVisitsClass = 3, kVisitsClass = 4;

std::shared_ptr<const CostTable> make_builtin() {
  auto t = std::make_shared<CostTable>();
  using D = CategoryDriver;
  // One row per costs::Category, in its order: the order of every by-category output.
  t->add_category({"coach_contracts", "Coach contracts", D::kCoaches, true});
  t->add_category({"travel", "Travel", D::kTeachers, false});
  t->add_category({"per_diem", "Per diem", D::kTeachers, false});
  t->add_category({"teacher_workshops", "Teacher workshops", D::kTeachers, false});
  t->add_category({"coach_training", "Coach training", D::kCoaches, false});
  t->add_category({"supervision", "Supervision", D::kSupervisors, true});
  t->add_category({"regional_staff", "Regional staff", D::kStaff, true});
  t->add_category({"materials", "Materials", D::kTeachers, false});
  t->add_category({"other", "Other", D::kTeachers, false});
  // One row per costs::Activity, in its order. The category is the activity's main line's
  // (a trip also posts per diem; GIA/RTC fees are "other"; cost_model.hpp posts each line
  // under its own category); the budget class is what a budget may drop it as.
  using C = Category;
  using U = QuantityUnit;
  t->add_activity({"coach_contract", C::kCoachContracts, kNoBudgetClass, U::kMonths,
                   "A month (or part) of a coach's contract"});
  t->add_activity({"visit_trip", C::kTravel, kVisitsClass, U::kKm,
                   "Travel and per diem of a trip for classroom visits"});
  t->add_activity({"gia", C::kOther, kGiaRtcClass, U::kParticipants, "Peer learning group"});
  t->add_activity({"rtc", C::kOther, kGiaRtcClass, U::kParticipants, "Collegiate meeting"});
  t->add_activity({"teacher_workshop", C::kTeacherWorkshops, kTeacherWorkshopsClass,
                   U::kParticipantDays, "Teacher workshop at the UGEL"});
  t->add_activity({"coach_workshop", C::kCoachTraining, kCoachWorkshopsClass, U::kParticipantDays,
                   "Coach workshop at the macro-regional site"});
  t->add_activity({"supervisor_contract", C::kSupervision, kNoBudgetClass, U::kMonths,
                   "A month of a supervisor's contract"});
  t->add_activity({"supervisor_visit", C::kSupervision, kSupervisorVisitsClass, U::kKm,
                   "A supervisor's visit to a coach"});
  t->add_activity(
      {"staff_salary", C::kRegionalStaff, kNoBudgetClass, U::kMonths, "A month of regional staff"});
  t->add_activity({"teacher_materials", C::kMaterials, kNoBudgetClass, U::kParticipants,
                   "Materials per teacher per year"});
  t->add_activity({"coach_materials", C::kMaterials, kNoBudgetClass, U::kParticipants,
                   "Materials per coach per year"});
  t->add_activity(
      {"overhead", C::kOther, kNoBudgetClass, U::kShare, "Share of the month's direct cost"});
  t->add_activity({"central_spending", C::kOther, kNoBudgetClass, U::kLumpSum,
                   "Spending executed outside the regions (central_costs)"});
  if (t->category_count() != kBuiltinCategoryCount || t->activity_count() != kBuiltinActivityCount)
    throw std::logic_error("CostTable::builtin: one row per costs::Category and Activity");
  return t;
}

}  // namespace

const std::shared_ptr<const CostTable>& CostTable::builtin() {
  static const std::shared_ptr<const CostTable> table = make_builtin();
  return table;
}

bool CostTable::find_category(std::string_view id, Category& out) const {
  for (std::size_t c = 0; c < categories_.size(); ++c) {
    if (categories_[c].id == id) {
      out = static_cast<Category>(c);
      return true;
    }
  }
  return false;
}

bool CostTable::find_activity(std::string_view id, Activity& out) const {
  for (std::size_t a = 0; a < activities_.size(); ++a) {
    if (activities_[a].id == id) {
      out = static_cast<Activity>(a);
      return true;
    }
  }
  return false;
}

Category CostTable::add_category(CategoryRow row) {
  Category existing = Category::kOther;
  if (categories_.size() >= kMaxCostRows || find_category(row.id, existing))
    throw std::logic_error("CostTable::add_category: duplicate id or too many rows: " + row.id);
  categories_.push_back(std::move(row));
  return static_cast<Category>(categories_.size() - 1);
}

Activity CostTable::add_activity(ActivityRow row) {
  Activity existing = Activity::kOverhead;
  if (activities_.size() >= kMaxCostRows || find_activity(row.id, existing) ||
      static_cast<std::size_t>(row.category) >= categories_.size())
    throw std::logic_error(
        "CostTable::add_activity: duplicate id, unknown category or too many rows: " + row.id);
  activities_.push_back(std::move(row));
  return static_cast<Activity>(activities_.size() - 1);
}

}  // namespace coachsim::costs
