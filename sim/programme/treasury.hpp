// Private to the programme module: the treasury of every region and year when the scenario has
// a budget. It releases money (tranches, PIM changes, results-based rules), watches every
// ledger posting, and answers the processes' one question: may this go ahead?
//
// The policy in two sentences: fixed costs (contracts, staff, materials, overhead) come first,
// so a droppable activity must leave, after its cost, the cash still needed for the fixed costs
// due before the next release; and a droppable activity of class C proceeds only when the
// year's expected funds cover what is already spent or committed, its own cost, and the
// remaining plan need of the fixed costs and of every class ranked above C.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "coachsim/programme/budget.hpp"
#include "context.hpp"

namespace coachsim::programme {

class Treasury final : public engine::EventHandler {
 public:
  Treasury(const RunInputs& in, const Clock& clock, Books& books, Tally& tally,
           const BudgetPlan& plan, BudgetRecord& record);
  void schedule();  // every release, change, rule deadline and month end of the run
  void handle(engine::Simulator& sim, const engine::Event& event) override;

  const costs::CostTable& costs() const { return books_.ledger.costs(); }
  // Books::post reports every entry here.
  void on_post(const ledger::Entry& e);
  // May a droppable activity of class `gate` with direct cost `cost` (by class) go ahead now?
  // Yes: its cost is committed until posted. No: nothing is committed.
  bool admit(std::size_t year, std::size_t region, scenario::BudgetClass gate,
             const ClassCosts& cost, Date last_day);
  // With `shortfall: defer`: the next tranche day of the year after today, if any; the deferral
  // of `who`'s activity of class `cost_class` in `region` is recorded as a budget event.
  bool defer_until(std::size_t year, std::size_t region, int cost_class, std::uint32_t who,
                   bool supervisor, Date& when);
  // Counts an activity as dropped (the caller records it in missed.csv).
  void dropped(int cost_class) { ++record_.dropped[static_cast<std::size_t>(cost_class)]; }
  // Does released cash cover a fixed cost due now (with the overhead it will attract)?
  bool can_pay(std::size_t year, std::size_t region, std::int64_t amount) const;
  // A contract that could not be paid: the coach or supervisor stops working for the year.
  void suspend(std::size_t year, std::size_t region, std::uint32_t who, bool supervisor,
               std::int64_t amount);
  bool suspended(std::size_t year, std::uint32_t who, bool supervisor) const;
  void staff_unpaid(std::size_t year, std::size_t region, std::int64_t amount);
  // A coach's trip ended: `newly_reached` teachers had their first visit of the year.
  void after_trip(std::size_t year, std::size_t region, std::int64_t newly_reached);

 private:
  enum Kind : std::uint32_t { kDay, kDeadline, kMonthEnd };
  enum RuleState : std::uint8_t { kPending, kMet, kForfeited };
  struct Cell {
    std::int64_t pia = 0, pim = 0, released = 0, tranche_released = 0;
    int tranches_done = 0;
    std::int64_t withheld_total = 0, withheld_pending = 0, forfeited = 0, top_ups = 0;
    std::int64_t accrued = 0, inflight = 0;
    ClassCosts accrued_direct{}, inflight_class{};
    // By calendar month: direct cost posted, committed cost to be posted (on the activity's
    // last day), and fixed cost posted; they make the month-close overhead exact.
    std::array<std::int64_t, 12> direct_by_month{}, inflight_by_month{};
    std::array<ClassCosts, 12> posted_by_month{}, committed_by_month{};  // direct, by class
    std::int64_t reached = 0;
    std::vector<RuleState> rules;
    std::vector<std::int64_t> rule_withheld;
  };

  Cell& cell(std::size_t year, std::size_t region) { return cells_[year * regions_ + region]; }
  const Cell& cell(std::size_t year, std::size_t region) const {
    return cells_[year * regions_ + region];
  }
  // Cash needed from today to the end of month `until` for what is posted or committed, plus
  // `extra` posted in month `extra_month`, plus (with `gate`) what the plan still has due in
  // those months for the fixed costs and the classes ranked above `gate`; with the exact
  // overhead each month will post on all of it.
  std::int64_t obligations(std::size_t year, std::size_t region, std::int64_t extra,
                           unsigned extra_month, const scenario::BudgetClass* gate,
                           unsigned until) const;
  double indicator(std::size_t year, std::size_t region, const scenario::BudgetRule& r) const;
  void check_rules(std::size_t year, std::size_t region);
  void open_day(Date day);
  void apply_change(std::size_t year, std::size_t region, const scenario::BudgetChange& c);
  void release_tranche(std::size_t year, std::size_t region);
  void deadline(std::size_t year, std::size_t rule);
  void month_end(std::size_t year, unsigned month);
  void event(std::size_t year, std::size_t region, BudgetEventKind kind, std::int64_t amount,
             int rule = -1);
  bool tranche_day(Date d) const;
  std::size_t year_of(Date d, bool& found) const;

  const RunInputs& in_;
  const Clock& clock_;
  Books& books_;
  Tally& tally_;
  const BudgetPlan& plan_;
  BudgetRecord& record_;
  const scenario::Budget& budget_;
  std::uint32_t target_;
  std::size_t regions_;
  int tranches_ = 4;   // per year
  double rate_ = 0.0;  // overhead
  std::vector<Cell> cells_;
  std::vector<std::int16_t> coach_suspended_, supervisor_suspended_;  // year index + 1, or 0
};

}  // namespace coachsim::programme
