// Month closes: coach and supervisor contracts (prorated by calendar days in the first and
// last month, units/rounding.hpp), regional staff salaries, and the month's overhead ("other"),
// a share of the direct cost the region posted during the month.
#include <algorithm>

#include "coach_supply.hpp"
#include "coachsim/units/rounding.hpp"
#include "cost_model.hpp"
#include "processes.hpp"

namespace coachsim::programme {
namespace {

using costs::Activity;
using costs::Category;
using costs::QuantityUnit;
using ledger::RefKind;
using std::chrono::days;

int overlap_days(Date a_first, Date a_last, Date b_first, Date b_last) {
  const Date first = std::max(a_first, b_first), last = std::min(a_last, b_last);
  return first > last ? 0 : static_cast<int>((last - first).count()) + 1;
}

}  // namespace

Payroll::Payroll(const RunInputs& in, const Clock& clock, Books& books, CoachSupplyPlan& supply)
    : in_(in),
      clock_(clock),
      books_(books),
      supply_(supply),
      target_(clock.sim.add_handler(this)) {}

void Payroll::begin_year(std::size_t year) {
  const std::chrono::year y{in_.scenario.years[year].year};
  for (unsigned m = 1; m <= 12; ++m) {
    const Date last = Date{y / std::chrono::month{m} / std::chrono::last};
    clock_.sim.schedule_at(clock_.at(last, kMonthClose), target_, m,
                           static_cast<std::uint64_t>(year));
  }
}

void Payroll::handle(engine::Simulator&, const engine::Event& event) {
  books_.current_event = event.seq;
  close_month(static_cast<std::size_t>(event.payload), event.kind);
}

void Payroll::close_month(std::size_t year, unsigned month) {
  const scenario::Scenario& s = in_.scenario;
  const Population& pop = in_.population;
  const YearPlan& plan = in_.years[year];
  const std::chrono::year y{s.years[year].year};
  const Date first = Date{y / std::chrono::month{month} / 1};
  const Date last = Date{y / std::chrono::month{month} / std::chrono::last};
  const int month_days = static_cast<int>((last - first).count()) + 1;

  ledger::Entry e;
  e.date = Clock::day_number(last);
  e.year_index = static_cast<std::uint16_t>(year);
  e.unit = QuantityUnit::kMonths;
  auto contract = [&](units::MoneyPerMonth fee, int active) {
    CostLines lines;
    lines.add(contract_month_cost(e.category, e.activity, fee, active, month_days));
    return lines;
  };

  e.category = Category::kCoachContracts;
  e.activity = Activity::kCoachContract;
  e.ref_kind = RefKind::kCoach;
  for (std::uint32_t c = 0; c < pop.coaches.size(); ++c) {
    const Coach& coach = pop.coaches[c];
    const int active = supply_.paid_days(c, first, last);  // coach_supply.cpp
    if (active == 0) continue;
    e.region = static_cast<std::uint16_t>(coach.region);
    e.ugel = static_cast<std::uint16_t>(coach.ugel);
    e.ref_id = c;
    e.coach = c;
    const units::MoneyPerMonth fee =
        s.regions[coach.region].coach_fee.value_or(s.coach.monthly_fee);
    const CostLines cost = coach_month_cost(fee, active, month_days, in_.extra_lines);
    if (!books_.budget.pays_contract(year, coach.region, {c, false}, cost.total()))
      continue;  // suspended for lack of funds
    post_lines(books_, e, cost);
  }

  e.category = Category::kSupervision;
  e.activity = Activity::kSupervisorContract;
  e.ref_kind = RefKind::kSupervisor;
  e.coach = ledger::kNoCoach;
  e.ugel = ledger::kNoUgel;
  for (std::uint32_t k = 0; k < pop.supervisors.size(); ++k) {
    const Supervisor& sup = pop.supervisors[k];
    if (!sup.active_in(year)) continue;
    const int active =
        overlap_days(first, last, plan.contract_start[sup.region], plan.contract_end);
    if (active == 0) continue;
    e.region = static_cast<std::uint16_t>(sup.region);
    e.ref_id = k;
    const CostLines cost = contract(s.supervision.monthly_fee, active);
    if (!books_.budget.pays_contract(year, sup.region, {k, true}, cost.total()))
      continue;  // suspended for lack of funds
    post_lines(books_, e, cost);
  }

  // Regional staff work the whole calendar year.
  e.category = Category::kRegionalStaff;
  e.activity = Activity::kStaffSalary;
  e.ref_kind = RefKind::kStaffRole;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    for (const auto& [role_id, count] : s.regions[r].staff) {
      if (count <= 0) continue;
      const auto role = std::find_if(s.staff_roles.begin(), s.staff_roles.end(),
                                     [&](const scenario::StaffRole& x) { return x.id == role_id; });
      e.region = static_cast<std::uint16_t>(r);
      e.ref_id = static_cast<std::uint32_t>(role - s.staff_roles.begin());
      e.quantity = count;
      e.rate = role->monthly_salary.value();
      e.amount = units::apply_rate(role->monthly_salary, units::months(count)).value();
      if (!books_.budget.pays_staff(year, r, e.amount)) continue;
      books_.post(e);
    }
  }

  // Overhead last, on everything the region posted this month.
  if (s.costs.overhead_rate > 0) {
    e.category = Category::kOther;
    e.activity = Activity::kOverhead;
    e.ref_kind = RefKind::kRegion;
    e.unit = QuantityUnit::kShare;
    for (std::size_t r = 0; r < s.regions.size(); ++r) {
      const std::int64_t base =
          books_.dated_direct.empty() ? books_.month_direct[r] : books_.dated(year, month, r);
      if (base == 0) continue;
      e.region = static_cast<std::uint16_t>(r);
      e.ref_id = static_cast<std::uint32_t>(r);
      e.quantity = s.costs.overhead_rate;
      e.rate = base;
      e.amount = units::round_half_away(s.costs.overhead_rate * static_cast<double>(base));
      books_.post(e);
    }
  }
  std::fill(books_.month_direct.begin(), books_.month_direct.end(), 0);
}

}  // namespace coachsim::programme
