// The cost of each activity, once: what the processes post and the treasury commits. The
// per-activity functions are inline in cost_model.hpp (they run on every trip and contract
// month); only what the budget asks is here.
#include "cost_model.hpp"

namespace coachsim::programme {

ClassCosts CostLines::by_class() const {
  ClassCosts cost{};
  for (const CostLine& l : *this)
    cost[static_cast<std::size_t>(cost_class(l.activity))] += l.amount;
  return cost;
}

}  // namespace coachsim::programme
