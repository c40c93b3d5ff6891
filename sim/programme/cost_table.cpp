// The run's cost table from the scenario (cost_table.hpp).
#include "coachsim/programme/cost_table.hpp"

#include <stdexcept>

#include "coachsim/programme/budget.hpp"

namespace coachsim::programme {

// The ledger's built-in rows index budget classes by number; they are scenario::BudgetClass's.
static_assert(static_cast<int>(scenario::BudgetClass::kTeacherWorkshops) == 0 &&
                  static_cast<int>(scenario::BudgetClass::kCoachWorkshops) == 1 &&
                  static_cast<int>(scenario::BudgetClass::kGiaRtc) == 2 &&
                  static_cast<int>(scenario::BudgetClass::kSupervisorVisits) == 3 &&
                  static_cast<int>(scenario::BudgetClass::kVisits) == 4,
              "ledger/cost_table.cpp numbers the budget classes in scenario::BudgetClass order");

std::shared_ptr<const costs::CostTable> cost_table(const scenario::Scenario& scenario) {
  if (scenario.cost_categories.empty() && scenario.extra_costs.empty() &&
      scenario.budget.classes.empty())
    return costs::CostTable::builtin();
  auto table = std::make_shared<costs::CostTable>(*costs::CostTable::builtin());
  // A declared budget class takes its activities out of their built-in class.
  for (std::size_t k = 0; k < scenario.budget.classes.size(); ++k) {
    for (const std::string& id : scenario.budget.classes[k].activities) {
      costs::Activity a{};
      if (!table->find_activity(id, a))
        throw std::logic_error("cost_table: unknown activity of a validated budget class: " + id);
      table->set_budget_class(a, static_cast<std::uint8_t>(scenario::kBudgetClassCount + k));
    }
  }
  for (const scenario::CostCategory& c : scenario.cost_categories)
    table->add_category({c.id, c.label, costs::CategoryDriver::kTeachers, false});
  for (const scenario::ExtraCost& x : scenario.extra_costs) {
    costs::Category category = costs::Category::kOther;
    if (!table->find_category(x.category, category))
      throw std::logic_error("cost_table: unknown category of a validated extra cost: " + x.id);
    const bool trip = x.per == scenario::CostDriver::kVisitTrip;
    table->add_activity(
        {x.id, category,
         trip ? static_cast<std::uint8_t>(scenario::BudgetClass::kVisits) : costs::kNoBudgetClass,
         x.per == scenario::CostDriver::kCoachMonth ? costs::QuantityUnit::kMonths
                                                    : costs::QuantityUnit::kParticipants,
         x.label});
  }
  return table;
}

std::vector<int> output_classes(const scenario::Budget& budget) {
  std::vector<int> out;
  for (int k = 0; k < budget.class_count(); ++k) out.push_back(k);
  out.push_back(kFixedClass);
  return out;
}

int cost_class(const costs::CostTable& table, costs::Activity a) {
  const std::uint8_t k = table.activity(a).budget_class;
  return k == costs::kNoBudgetClass ? kFixedClass : k;
}

}  // namespace coachsim::programme
