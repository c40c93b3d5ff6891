// Private to the programme module: what a process asks before it spends, and the one place
// that knows whether the scenario has a budget.
//
// Without a budget every answer is "go" and nothing is recorded. With one, the treasury
// answers (treasury.hpp) from the cost the activity will post (cost_model.hpp), so what it
// commits is what the process then posts.
#pragma once

#include <cstdint>

#include "coachsim/calendar/calendar.hpp"
#include "coachsim/ledger/entry.hpp"
#include "cost_model.hpp"

namespace coachsim::programme {

class Treasury;
void treasury_on_post(Treasury& treasury, const ledger::Entry& e);  // treasury.cpp

// Who spends: a coach or a supervisor, by index (contracts are suspended per person).
struct Spender {
  std::uint32_t index = 0;
  bool supervisor = false;
};

class BudgetGate {
 public:
  BudgetGate() = default;  // no budget: unlimited money
  explicit BudgetGate(Treasury& treasury) : treasury_(&treasury) {}

  // What became of a droppable activity (a trip, a visit, a workshop) the budget was asked for.
  enum class Verdict : std::uint8_t {
    kGo,            // admitted: its cost is committed until posted
    kWaitStartDay,  // it starts later than today: ask again on its start day
    kDeferred,      // shortfall: defer: ask again on `resume`, the next tranche day
    kDropped,       // not held this year (counted by class; the caller records it missed)
  };
  // The hold/defer/drop sequence, once for every droppable activity: `cost` is what it will
  // post (its class is the class of its first line), from `start` to `last`, asked `today`.
  // Deferral only when `may_defer` (fixed-date workshops cannot wait for money).
  // `cost_of()` gives the lines; it is not called when money is unlimited.
  template <class CostOf>
  Verdict ask(std::size_t year, std::size_t region, Spender who, CostOf&& cost_of,
              calendar::Date start, calendar::Date last, calendar::Date today, bool may_defer,
              calendar::Date& resume) {
    if (treasury_ == nullptr) return Verdict::kGo;
    return ask_treasury(year, region, who, cost_of(), start, last, today, may_defer, resume);
  }
  // The questions below run on every trip and contract month: inline, a test when unlimited.
  // A coach's materials for the year, paid now if cash allows; else dropped (fixed class).
  bool pays_materials(std::size_t year, std::size_t region, Spender who, const CostLines& cost) {
    return treasury_ == nullptr || treasury_pays_materials(year, region, who, cost);
  }
  // A contract month, paid if cash allows; else the person is suspended for the year.
  bool pays_contract(std::size_t year, std::size_t region, Spender who, std::int64_t amount) {
    return treasury_ == nullptr || treasury_pays_contract(year, region, who, amount);
  }
  // A month of regional staff, paid if cash allows; else recorded as unpaid.
  bool pays_staff(std::size_t year, std::size_t region, std::int64_t amount) {
    return treasury_ == nullptr || treasury_pays_staff(year, region, amount);
  }

  // Every ledger posting and every trip's newly reached teachers (results-based rules).
  void posted(const ledger::Entry& e) {
    if (treasury_ != nullptr) treasury_on_post(*treasury_, e);
  }
  void after_trip(std::size_t year, std::size_t region, std::int64_t newly_reached) {
    if (treasury_ != nullptr) treasury_after_trip(year, region, newly_reached);
  }

 private:
  Verdict ask_treasury(std::size_t year, std::size_t region, Spender who, const CostLines& cost,
                       calendar::Date start, calendar::Date last, calendar::Date today,
                       bool may_defer, calendar::Date& resume);
  bool treasury_pays_materials(std::size_t year, std::size_t region, Spender who,
                               const CostLines& cost);
  bool treasury_pays_contract(std::size_t year, std::size_t region, Spender who,
                              std::int64_t amount);
  bool treasury_pays_staff(std::size_t year, std::size_t region, std::int64_t amount);
  void treasury_after_trip(std::size_t year, std::size_t region, std::int64_t newly_reached);
  Treasury* treasury_ = nullptr;  // null: unlimited money
};

}  // namespace coachsim::programme
