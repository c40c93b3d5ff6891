// The treasury: money in (tranches, PIM changes, rule releases), money out (every ledger
// posting), and the admission of droppable activities by the declared priority.
#include "treasury.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "coachsim/units/rounding.hpp"

namespace coachsim::programme {
namespace {

using std::chrono::year_month_day;

// Tolerance of the allowance test: plan figures carry the overhead as a share of direct cost,
// the ledger rounds it once a month; a céntimo per month and region is enough.
constexpr double kAllowanceSlack = 100.0;

constexpr engine::SimTime kBudgetDeadline = 23 * 60 + 10;  // after the day's trips end
constexpr engine::SimTime kBudgetMonthEnd = 23 * 60 + 50;  // after payroll and year close

unsigned month_of(Date d) { return static_cast<unsigned>(year_month_day{d}.month()); }

}  // namespace

void treasury_on_post(Treasury& treasury, const ledger::Entry& e) { treasury.on_post(e); }

Treasury::Treasury(const RunInputs& in, const Clock& clock, Books& books, Tally& tally,
                   const BudgetPlan& plan, BudgetRecord& record)
    : in_(in),
      clock_(clock),
      books_(books),
      tally_(tally),
      plan_(plan),
      record_(record),
      budget_(in.scenario.budget),
      target_(clock.sim.add_handler(this)),
      regions_(in.population.regions.size()),
      rate_(in.scenario.costs.overhead_rate),
      cells_(in.scenario.years.size() * regions_),
      coach_suspended_(in.population.coaches.size(), 0),
      supervisor_suspended_(in.population.supervisors.size(), 0) {
  tranches_ = budget_.release == scenario::BudgetRelease::kMonthly     ? 12
              : budget_.release == scenario::BudgetRelease::kQuarterly ? 4
                                                                       : 1;
  record_.min_cash = std::numeric_limits<std::int64_t>::max();
  const scenario::Scenario& s = in.scenario;
  for (std::size_t y = 0; y < s.years.size(); ++y) {
    for (std::size_t r = 0; r < regions_; ++r) {
      Cell& c = cell(y, r);
      scenario::BudgetAmount pia = budget_.pia;
      for (const scenario::PiaOverride& o : budget_.pia_overrides)
        if (o.year == s.years[y].year && o.region == s.regions[r].id) pia = o.pia;
      const BudgetPlanCell& basis = plan.at(y, r);
      c.pia =
          pia.is_share
              ? units::round_half_away(
                    pia.share * static_cast<double>(basis.basis >= 0 ? basis.basis : basis.total))
              : pia.centimos;
      c.pim = c.pia;
      c.rules.assign(budget_.rules.size(), kPending);
      for (const scenario::BudgetRule& rule : budget_.rules) {
        const std::int64_t w = units::round_half_away(rule.withhold * static_cast<double>(c.pia));
        c.rule_withheld.push_back(w);
        c.withheld_total += w;
      }
      c.withheld_pending = c.withheld_total;
    }
  }
}

void Treasury::schedule() {
  const scenario::Scenario& s = in_.scenario;
  std::vector<Date> days;
  for (const YearPlan& y : in_.years) {
    for (unsigned m = 1; m <= 12; ++m) {
      const Date first = Date{year_month_day{y.first_day}.year() / std::chrono::month{m} / 1};
      if (tranche_day(first)) days.push_back(first);
      const Date last =
          Date{year_month_day{y.first_day}.year() / std::chrono::month{m} / std::chrono::last};
      clock_.sim.schedule_at(clock_.at(last, kBudgetMonthEnd), target_, kMonthEnd,
                             y.index * 12 + m - 1);
    }
    for (std::size_t k = 0; k < budget_.rules.size(); ++k) {
      const scenario::BudgetRule& rule = budget_.rules[k];
      const year_month_day by{year_month_day{y.first_day}.year(), std::chrono::month{rule.by.month},
                              std::chrono::day{rule.by.day}};
      // 29 February in a common year: the deadline is the last day of February.
      const Date at = by.ok() ? Date{by}
                              : Date{year_month_day{y.first_day}.year() / std::chrono::February /
                                     std::chrono::last};
      clock_.sim.schedule_at(clock_.at(at, kBudgetDeadline), target_, kDeadline,
                             y.index * 1000 + k);
    }
  }
  for (const scenario::BudgetChange& c : budget_.changes) days.push_back(c.date);
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  (void)s;
  for (Date d : days)
    clock_.sim.schedule_at(clock_.at(d, 0), target_, kDay,
                           static_cast<std::uint64_t>(Clock::day_number(d) + (1LL << 31)));
}

bool Treasury::tranche_day(Date d) const {
  const year_month_day ymd{d};
  if (ymd.day() != std::chrono::day{1}) return false;
  const unsigned m = static_cast<unsigned>(ymd.month());
  return (m - 1) % static_cast<unsigned>(12 / tranches_) == 0;
}

std::size_t Treasury::year_of(Date d, bool& found) const {
  for (const YearPlan& y : in_.years) {
    if (d >= y.first_day && d <= y.last_day) {
      found = true;
      return y.index;
    }
  }
  found = false;
  return 0;
}

void Treasury::handle(engine::Simulator&, const engine::Event& event) {
  books_.current_event = event.seq;
  switch (event.kind) {
    case kDay:
      open_day(Date{std::chrono::days{static_cast<std::int64_t>(event.payload) - (1LL << 31)}});
      break;
    case kDeadline:
      deadline(event.payload / 1000, event.payload % 1000);
      break;
    case kMonthEnd:
      month_end(event.payload / 12, static_cast<unsigned>(event.payload % 12) + 1);
      break;
    default:
      break;
  }
}

void Treasury::open_day(Date day) {
  bool found = false;
  const std::size_t y = year_of(day, found);
  if (!found) return;
  for (const scenario::BudgetChange& c : budget_.changes) {
    if (c.date != day) continue;
    for (std::size_t r = 0; r < regions_; ++r)
      if (c.region == "all" || c.region == in_.scenario.regions[r].id) apply_change(y, r, c);
  }
  if (tranche_day(day)) {
    for (std::size_t r = 0; r < regions_; ++r) release_tranche(y, r);
  }
  if (day == in_.years[y].first_day) {
    for (std::size_t r = 0; r < regions_; ++r) check_rules(y, r);  // a target of 0% is met
  }
}

void Treasury::apply_change(std::size_t y, std::size_t r, const scenario::BudgetChange& ch) {
  Cell& c = cell(y, r);
  const std::int64_t amount =
      ch.change.is_share ? units::round_half_away(ch.change.share * static_cast<double>(c.pia))
                         : ch.change.centimos;
  c.pim += amount;
  if (c.tranches_done == tranches_) {
    // Every tranche is out: the change moves cash now, never below what is spent or committed.
    const std::int64_t before = c.released;
    c.released = std::max(c.released + amount, c.accrued + c.inflight);
    c.released = std::max(c.released, before + std::min<std::int64_t>(amount, 0));
  }
  event(y, r, BudgetEventKind::kChange, amount);
}

void Treasury::release_tranche(std::size_t y, std::size_t r) {
  Cell& c = cell(y, r);
  if (c.tranches_done >= tranches_) return;
  const std::int64_t base = c.pim - c.withheld_total;
  const std::int64_t amount = std::max<std::int64_t>(
      0, units::divide_half_away(base - c.tranche_released, tranches_ - c.tranches_done));
  ++c.tranches_done;
  c.tranche_released += amount;
  c.released += amount;
  event(y, r, BudgetEventKind::kTranche, amount);
}

double Treasury::indicator(std::size_t y, std::size_t r, const scenario::BudgetRule& rule) const {
  const RegionYearTally& t = tally_.at(y, r);
  if (rule.indicator == scenario::BudgetIndicator::kDiagnosticVisitShare)
    return t.teachers > 0 ? static_cast<double>(cell(y, r).reached) / t.teachers : 0.0;
  return t.visits_planned > 0 ? static_cast<double>(t.visits_done) / t.visits_planned : 0.0;
}

void Treasury::check_rules(std::size_t y, std::size_t r) {
  Cell& c = cell(y, r);
  for (std::size_t k = 0; k < budget_.rules.size(); ++k) {
    if (c.rules[k] != kPending) continue;
    const scenario::BudgetRule& rule = budget_.rules[k];
    if (indicator(y, r, rule) + 1e-12 < rule.target) continue;
    c.rules[k] = kMet;
    c.withheld_pending -= c.rule_withheld[k];
    c.released += c.rule_withheld[k];
    event(y, r, BudgetEventKind::kRuleMet, c.rule_withheld[k], static_cast<int>(k));
    if (rule.top_up > 0) {
      const std::int64_t top = units::round_half_away(rule.top_up * static_cast<double>(c.pia));
      c.top_ups += top;
      c.released += top;
      c.pim += top;  // a top-up is a budget modification too
      event(y, r, BudgetEventKind::kTopUp, top, static_cast<int>(k));
    }
  }
}

void Treasury::deadline(std::size_t y, std::size_t k) {
  for (std::size_t r = 0; r < regions_; ++r) {
    Cell& c = cell(y, r);
    if (c.rules[k] != kPending) continue;
    c.rules[k] = kForfeited;
    c.withheld_pending -= c.rule_withheld[k];
    c.forfeited += c.rule_withheld[k];
    event(y, r,
          budget_.rules[k].withhold > 0 ? BudgetEventKind::kRuleForfeited
                                        : BudgetEventKind::kRuleMissed,
          c.rule_withheld[k], static_cast<int>(k));
  }
}

void Treasury::month_end(std::size_t y, unsigned month) {
  for (std::size_t r = 0; r < regions_; ++r) {
    const Cell& c = cell(y, r);
    BudgetMonth m;
    m.year_index = static_cast<std::uint16_t>(y);
    m.region = static_cast<std::uint16_t>(r);
    m.month = month;
    m.pia = c.pia;
    m.pim = c.pim;
    m.released = c.released;
    m.accrued = c.accrued;
    m.withheld = c.withheld_pending;
    m.forfeited = c.forfeited;
    m.top_ups = c.top_ups;
    m.teachers_reached = c.reached;
    record_.months.push_back(m);
    if (month == 12)  // every activity of the year has ended: its commitment is cleared
      for (std::size_t k = 0; k < c.inflight_class.size(); ++k)
        record_.uncleared[k] += c.inflight_class[k];
  }
  if (y + 1 == in_.years.size() && month == 12 &&
      record_.min_cash == std::numeric_limits<std::int64_t>::max())
    record_.min_cash = 0;
}

void Treasury::event(std::size_t y, std::size_t r, BudgetEventKind kind, std::int64_t amount,
                     int rule) {
  BudgetEvent e;
  e.date = Clock::day_number(clock_.today());
  e.year_index = static_cast<std::uint16_t>(y);
  e.region = static_cast<std::uint16_t>(r);
  e.kind = kind;
  e.amount = amount;
  e.rule = rule;
  if (rule >= 0) {
    e.indicator = indicator(y, r, budget_.rules[static_cast<std::size_t>(rule)]);
    e.target = budget_.rules[static_cast<std::size_t>(rule)].target;
  }
  record_.events.push_back(e);
}

void Treasury::on_post(const ledger::Entry& e) {
  if (e.region >= regions_) return;  // spending outside the regions has no regional budget
  Cell& c = cell(e.year_index, e.region);
  c.accrued += e.amount;
  if (e.activity != costs::Activity::kOverhead) {
    const int k = cost_class(books_.ledger.costs(), e.activity);
    const unsigned m = month_of(Date{std::chrono::days{e.date}}) - 1;
    const auto ki = static_cast<std::size_t>(k);
    c.accrued_direct[ki] += e.amount;
    c.direct_by_month[m] += e.amount;
    c.posted_by_month[m][ki] += e.amount;
    if (k != kFixedClass) {
      c.inflight -= e.amount;
      c.inflight_by_month[m] -= e.amount;
      c.inflight_class[ki] -= e.amount;
      c.committed_by_month[m][ki] -= e.amount;
    }
  }
  record_.min_cash = std::min(record_.min_cash, c.released - c.accrued);
}

std::int64_t Treasury::obligations(std::size_t y, std::size_t r, std::int64_t extra,
                                   unsigned extra_month, const scenario::BudgetClass* gate,
                                   unsigned until) const {
  const Cell& c = cell(y, r);
  const BudgetPlanCell& plan = plan_.at(y, r);
  const unsigned now = month_of(clock_.today());
  // Reserved: the fixed costs, and the classes ranked above the gate.
  std::array<bool, kCostClassCount> reserved{};
  if (gate != nullptr) {
    reserved[kFixedClass] = true;
    const auto pos = std::find(budget_.priority.begin(), budget_.priority.end(), *gate);
    for (auto it = pos + 1; it < budget_.priority.end(); ++it)
      reserved[static_cast<std::size_t>(*it)] = true;
  }
  const unsigned window_end = gate == nullptr ? 0 : until;
  std::int64_t total = c.inflight + extra;
  for (unsigned m = now; m <= 12; ++m) {
    std::int64_t direct = c.direct_by_month[m - 1] + c.inflight_by_month[m - 1];
    if (m == extra_month) direct += extra;
    if (m <= window_end) {
      for (std::size_t k = 0; k < reserved.size(); ++k) {
        if (!reserved[k]) continue;
        const std::int64_t due =
            std::max<std::int64_t>(0, plan.by_month[m - 1][k] - c.posted_by_month[m - 1][k] -
                                          c.committed_by_month[m - 1][k]);
        direct += due;
        total += due;
      }
    }
    if (rate_ > 0 && direct > 0)
      total += units::round_half_away(rate_ * static_cast<double>(direct));
  }
  return total;
}

bool Treasury::can_pay(std::size_t y, std::size_t r, std::int64_t amount) const {
  const Cell& c = cell(y, r);
  return c.released - c.accrued - obligations(y, r, amount, month_of(clock_.today()), nullptr, 0) >=
         0;
}

bool Treasury::admit(std::size_t y, std::size_t r, scenario::BudgetClass gate,
                     const ClassCosts& cost, Date last_day) {
  Cell& c = cell(y, r);
  std::int64_t total = 0;
  for (std::int64_t v : cost) total += v;
  // (b) cash: at the end of every release period left in the year, the cash released by then
  // (today's, plus the tranches still to come, in equal shares) covers everything owed, this
  // activity, and what the plan has due by then for the fixed costs and the classes ranked
  // above this one, each with the overhead its month will post.
  const unsigned now = month_of(clock_.today());
  const auto step = static_cast<unsigned>(12 / tranches_);
  const int left = tranches_ - c.tranches_done;
  const std::int64_t future =
      left > 0 ? std::max<std::int64_t>(0, c.pim - c.withheld_total - c.tranche_released) : 0;
  bool cash = true;
  for (int j = 0; cash && j <= left; ++j) {
    // Period j ends before the j-th tranche still to come releases (December for the last).
    const unsigned until =
        j == left ? 12u : std::min(12u, ((now - 1) / step + 1 + static_cast<unsigned>(j)) * step);
    const std::int64_t coming = left > 0 ? future * j / left : 0;
    cash = c.released + coming - c.accrued -
               obligations(y, r, total, month_of(last_day), &gate, until) >=
           0;
  }
  // (a) allowance: expected funds cover what is spent and committed, this activity, and the
  // remaining plan need of the fixed costs and of every class ranked above this one.
  const double expected = static_cast<double>(c.pim - c.withheld_pending - c.forfeited);
  double committed = static_cast<double>(c.accrued) +
                     rate_ * static_cast<double>(books_.month_direct[r]) +
                     (1.0 + rate_) * static_cast<double>(c.inflight + total);
  auto need = [&](int k) {
    const auto i = static_cast<std::size_t>(k);
    const std::int64_t left =
        plan_.at(y, r).direct[i] - c.accrued_direct[i] - c.inflight_class[i] - cost[i];
    return left > 0 ? (1.0 + rate_) * static_cast<double>(left) : 0.0;
  };
  committed += need(kFixedClass);
  const auto pos = std::find(budget_.priority.begin(), budget_.priority.end(), gate);
  for (auto it = pos + 1; it < budget_.priority.end(); ++it)
    committed += need(static_cast<int>(*it));
  if (!cash || committed > expected + kAllowanceSlack) return false;
  c.inflight += total;
  c.inflight_by_month[month_of(last_day) - 1] += total;
  for (std::size_t i = 0; i < cost.size(); ++i) {
    c.inflight_class[i] += cost[i];
    c.committed_by_month[month_of(last_day) - 1][i] += cost[i];
  }
  return true;
}

bool Treasury::defer_until(std::size_t y, std::size_t r, int cost_class, std::uint32_t who,
                           bool supervisor, Date& when) {
  if (budget_.shortfall != scenario::BudgetShortfall::kDefer) return false;
  const Date today = clock_.today();
  for (unsigned m = month_of(today) + 1; m <= 12; ++m) {
    const Date first =
        Date{year_month_day{in_.years[y].first_day}.year() / std::chrono::month{m} / 1};
    if (!tranche_day(first)) continue;
    when = first;
    ++record_.deferred[static_cast<std::size_t>(cost_class)];
    event(y, r, BudgetEventKind::kDeferral, 0);
    record_.events.back().cost_class = static_cast<std::int8_t>(cost_class);
    record_.events.back().who = who;
    record_.events.back().supervisor = supervisor;
    return true;
  }
  return false;
}

void Treasury::suspend(std::size_t y, std::size_t r, std::uint32_t who, bool supervisor,
                       std::int64_t amount) {
  (supervisor ? supervisor_suspended_ : coach_suspended_)[who] = static_cast<std::int16_t>(y + 1);
  event(y, r, BudgetEventKind::kSuspension, amount);
  record_.events.back().who = who;
  record_.events.back().supervisor = supervisor;
}

bool Treasury::suspended(std::size_t y, std::uint32_t who, bool supervisor) const {
  return (supervisor ? supervisor_suspended_ : coach_suspended_)[who] ==
         static_cast<std::int16_t>(y + 1);
}

void Treasury::staff_unpaid(std::size_t y, std::size_t r, std::int64_t amount) {
  event(y, r, BudgetEventKind::kStaffUnpaid, amount);
}

void Treasury::after_trip(std::size_t y, std::size_t r, std::int64_t newly_reached) {
  cell(y, r).reached += newly_reached;
  check_rules(y, r);
}

}  // namespace coachsim::programme
