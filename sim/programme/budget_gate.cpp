// The processes' questions to the budget, answered by the treasury when there is one.
#include "budget_gate.hpp"

#include "treasury.hpp"

namespace coachsim::programme {

BudgetGate::Verdict BudgetGate::ask_treasury(std::size_t year, std::size_t region, Spender who,
                                             const CostLines& cost, calendar::Date start,
                                             calendar::Date last, calendar::Date today,
                                             bool may_defer, calendar::Date& resume) {
  Treasury& t = *treasury_;
  const costs::CostTable& table = t.costs();
  const int cls = cost_class(table, cost.begin()->activity);
  if (!t.suspended(year, who.index, who.supervisor) &&
      t.admit(year, region, static_cast<scenario::BudgetClass>(cls), cost.by_class(table), last))
    return Verdict::kGo;
  if (start > today) return Verdict::kWaitStartDay;  // money may come before it starts
  if (may_defer && t.defer_until(year, region, cls, who.index, who.supervisor, resume))
    return Verdict::kDeferred;
  t.dropped(cls);
  return Verdict::kDropped;
}

bool BudgetGate::treasury_pays_materials(std::size_t year, std::size_t region, Spender who,
                                         const CostLines& cost) {
  Treasury& t = *treasury_;
  if (!t.suspended(year, who.index, who.supervisor) && t.can_pay(year, region, cost.total()))
    return true;
  t.dropped(kFixedClass);
  return false;
}

bool BudgetGate::treasury_pays_contract(std::size_t year, std::size_t region, Spender who,
                                        std::int64_t amount) {
  Treasury& t = *treasury_;
  if (t.suspended(year, who.index, who.supervisor)) return false;
  if (t.can_pay(year, region, amount)) return true;
  t.suspend(year, region, who.index, who.supervisor, amount);
  return false;
}

bool BudgetGate::treasury_pays_staff(std::size_t year, std::size_t region, std::int64_t amount) {
  if (treasury_->can_pay(year, region, amount)) return true;
  treasury_->staff_unpaid(year, region, amount);
  return false;
}

void BudgetGate::treasury_after_trip(std::size_t year, std::size_t region,
                                     std::int64_t newly_reached) {
  treasury_->after_trip(year, region, newly_reached);
}

}  // namespace coachsim::programme
