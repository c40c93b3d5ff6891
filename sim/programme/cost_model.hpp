// Private to the programme module: the one place where an activity's cost is computed.
//
// Each function below turns an activity (a coach's trip, a workshop, a supervisor's visit, a
// contract month, the year's materials) into the ledger lines it posts: category, activity,
// unit, quantity, rate and amount. The processes post exactly these lines when the activity
// ends, and the treasury is asked to commit exactly their sum, by budget class, before it
// starts (budget_gate.hpp); so a commitment always equals its postings, to the céntimo.
#pragma once

#include <array>
#include <cstdint>

#include "coachsim/ledger/entry.hpp"
#include "coachsim/programme/budget.hpp"
#include "coachsim/scenario/scenario.hpp"
#include "coachsim/units/quantities.hpp"

namespace coachsim::programme {

struct Context;

// One ledger line of an activity.
struct CostLine {
  ledger::Category category = ledger::Category::kOther;
  ledger::Activity activity = ledger::Activity::kVisitTrip;
  ledger::QuantityUnit unit = ledger::QuantityUnit::kParticipants;
  double quantity = 0.0;
  std::int64_t rate = 0;    // céntimos per unit
  std::int64_t amount = 0;  // céntimos
  // Lines of zero amount are not posted, except those that record a fact even at no cost
  // (the per diem days of an overnight trip, a workshop's participant-days, a contract month).
  bool post_when_zero = false;
};

// The lines of one activity (at most four: travel, per diem, GIA fees, RTC fees).
class CostLines {
 public:
  void add(const CostLine& line) { lines_[count_++] = line; }
  const CostLine* begin() const { return lines_.data(); }
  const CostLine* end() const { return lines_.data() + count_; }
  std::int64_t total() const;
  ClassCosts by_class() const;  // by programme::cost_class of each line's activity

 private:
  std::array<CostLine, 4> lines_{};
  int count_ = 0;
};

// Posts every line of `lines` that has an amount (or must be posted anyway), each as a copy of
// `entry` (who, where, when) with the line's category, activity, unit, quantity, rate, amount.
void post_lines(Context& ctx, ledger::Entry entry, const CostLines& lines);

// A trip of a coach (or a supervisor's visit, with `supervisor_visit`) to a place
// `distance_km` away: a commuter travels there and back on each of its `site_days`, an
// overnight traveller once and is paid `per_diem_days` of per diem.
struct TravelCost {
  double distance_km = 0.0;  // one way
  bool overnight = false;
  int site_days = 0;
  int per_diem_days = 0;  // overnight only: counted by costs.per_diem_basis when fitted
};

// A coach's trip: travel and per diem (under the visit, or for a cluster trip the session it
// holds), then the fees of the GIA and RTC sessions it holds for `participants` teachers.
CostLines coach_trip_cost(const scenario::UnitCosts& costs, units::MoneyPerKm fare,
                          const TravelCost& travel, bool cluster, int gia, int rtc,
                          int participants);

// A supervisor's visit to a coach: travel and per diem, under supervision.
CostLines supervisor_visit_cost(const scenario::UnitCosts& costs, units::MoneyPerKm fare,
                                const TravelCost& travel);

// A workshop of `days` working days: a coach workshop for its coach, or a teacher workshop for
// the coach's `teachers`: the day rate per participant-day, then travel per participant.
CostLines workshop_cost(const scenario::UnitCosts& costs, bool coach_workshop, int days,
                        int teachers);

// The year's materials of a coach with `teachers` teachers: per teacher, then per coach.
CostLines materials_cost(const scenario::UnitCosts& costs, int teachers);

// A contract month worked `active` of `month_days` days at `fee` a month, prorated.
CostLine contract_month_cost(ledger::Category category, ledger::Activity activity,
                             units::MoneyPerMonth fee, int active, int month_days);

}  // namespace coachsim::programme
