// The cost of each activity, once: what the processes post and the treasury commits. The
// per-activity functions are inline in cost_model.hpp (they run on every trip and contract
// month); only what the budget asks is here.
#include "cost_model.hpp"

#include <stdexcept>

#include "coachsim/programme/budget.hpp"

namespace coachsim::programme {

ClassCosts CostLines::by_class(const costs::CostTable& table) const {
  ClassCosts cost{};
  for (const CostLine& l : *this)
    cost[static_cast<std::size_t>(cost_class(table, l.activity))] += l.amount;
  return cost;
}

ExtraLines compile_extra_lines(const scenario::Scenario& scenario, const costs::CostTable& table) {
  ExtraLines out;
  for (const scenario::ExtraCost& x : scenario.extra_costs) {
    ExtraLine line;
    if (!table.find_activity(x.id, line.activity))
      throw std::logic_error("the ledger's cost table has no row for extra cost " + x.id +
                             " (build the ledger with programme::cost_table(scenario))");
    line.category = table.activity(line.activity).category;
    line.rate = x.rate;
    out.by_driver[static_cast<std::size_t>(x.per)].push_back(line);
  }
  return out;
}

}  // namespace coachsim::programme
