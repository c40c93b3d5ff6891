// Wiring one run: the calendar from the scenario, the processes on one simulator, and a year
// driver that opens and closes each school year.
#include "coachsim/programme/run.hpp"

#include <optional>
#include <stdexcept>
#include <string>

#include "coach_supply.hpp"

#include "processes.hpp"
#include "treasury.hpp"

namespace coachsim::programme {
namespace {

calendar::CalendarSpec calendar_spec(const scenario::Scenario& s) {
  calendar::CalendarSpec spec;
  spec.first = Date{std::chrono::year{s.years.front().year} / std::chrono::January / 1};
  spec.last = Date{std::chrono::year{s.years.back().year} / std::chrono::December / 31};
  spec.weekend = s.weekend;
  for (const scenario::SchoolYear& y : s.years) {
    for (const calendar::MonthDay& md : s.fixed_holidays) {
      const std::chrono::year_month_day ymd{std::chrono::year{y.year}, std::chrono::month{md.month},
                                            std::chrono::day{md.day}};
      if (ymd.ok()) spec.holidays.push_back(Date{ymd});
    }
    spec.holidays.insert(spec.holidays.end(), y.holidays.begin(), y.holidays.end());
    spec.school_terms.insert(spec.school_terms.end(), y.terms.begin(), y.terms.end());
  }
  for (const scenario::Geography& g : s.geographies) spec.rainy_seasons.push_back(g.rainy_season);
  return spec;
}

// Opens each year (structure counts, plans, payroll) and closes it (coverage).
class YearDriver final : public engine::EventHandler {
 public:
  YearDriver(const RunInputs& in, const Clock& clock, Books& books, Tally& tally,
             CoachProcess& coaches, SupervisorProcess& supervisors, Payroll& payroll)
      : in_(in),
        clock_(clock),
        books_(books),
        tally_(tally),
        coaches_(coaches),
        supervisors_(supervisors),
        payroll_(payroll),
        target_(clock.sim.add_handler(this)) {}

  void schedule() {
    for (const YearPlan& y : in_.years) {
      clock_.sim.schedule_at(clock_.at(y.first_day, 0), target_, kOpen, y.index);
      clock_.sim.schedule_at(clock_.at(y.last_day, kYearClose), target_, kClose, y.index);
    }
  }

  void handle(engine::Simulator&, const engine::Event& event) override {
    books_.current_event = event.seq;
    const auto year = static_cast<std::size_t>(event.payload);
    if (event.kind == kClose) {
      coaches_.end_year(year);
      post_central_costs(year);
      return;
    }
    for (const School& school : in_.population.schools) {
      if (!school.active_in(year)) continue;  // not (or no longer) in the programme
      RegionYearTally& t = tally_.at(year, school.region);
      t.teachers_stage[std::min<std::size_t>(year - school.first_year, 2)] += school.teachers;
      t.schools += 1;
      t.teachers += school.teachers;
      t.students += school.students;
    }
    for (std::size_t r = 0; r < in_.scenario.regions.size(); ++r)
      for (const auto& role : in_.scenario.regions[r].staff)
        tally_.at(year, r).staff += role.second;
    payroll_.begin_year(year);
    coaches_.begin_year(year);
    supervisors_.begin_year(year);
  }

 private:
  // Central costs are posted at the year's close, outside every region.
  void post_central_costs(std::size_t year) {
    const scenario::Scenario& s = in_.scenario;
    for (std::uint32_t i = 0; i < s.central_costs.size(); ++i) {
      const scenario::CentralCost& c = s.central_costs[i];
      if (c.year != s.years[year].year) continue;
      ledger::Entry e;
      e.date = Clock::day_number(in_.years[year].last_day);
      e.year_index = static_cast<std::uint16_t>(year);
      e.region = static_cast<std::uint16_t>(in_.population.regions.size());
      e.ugel = ledger::kNoUgel;
      books_.ledger.costs().find_category(c.category, e.category);
      e.activity = costs::Activity::kCentralSpending;
      e.ref_kind = ledger::RefKind::kCentral;
      e.ref_id = i;
      e.unit = costs::QuantityUnit::kLumpSum;
      e.quantity = 1;
      e.rate = c.amount.value();
      e.amount = c.amount.value();
      books_.post(e);
    }
  }

  enum Kind : std::uint32_t { kOpen, kClose };
  const RunInputs& in_;
  const Clock& clock_;
  Books& books_;
  Tally& tally_;
  CoachProcess& coaches_;
  SupervisorProcess& supervisors_;
  Payroll& payroll_;
  std::uint32_t target_;
};

}  // namespace

void Books::throw_outside_year(const ledger::Entry& e) {
  throw std::logic_error("a direct cost dated " +
                         calendar::format_date(Date{std::chrono::days{e.date}}) +
                         " outside the calendar year of its school year (index " +
                         std::to_string(e.year_index) + "): its month has no overhead close");
}

RunStats run_programme(const scenario::Scenario& scenario, const Population& population,
                       ledger::Ledger& ledger, Tally& tally, std::uint64_t replication,
                       const BudgetPlan* budget_plan, BudgetRecord* budget_record,
                       RunDetail detail) {
  const calendar::Calendar calendar(calendar_spec(scenario));
  engine::Simulator sim;
  RunInputs in{scenario, population, calendar, compile_protocols(scenario), {}, {}, replication};
  in.years = plan_years(scenario, in.protocols, calendar);
  in.extra_lines = compile_extra_lines(scenario, ledger.costs());
  const Clock clock{calendar, sim};
  Books books{ledger, std::vector<std::int64_t>(population.regions.size() + 1, 0)};
  // Each process gets the parts of the run it uses (context.hpp).
  CoachSupplyPlan supply(in, clock, books, tally);
  CoachProcess coaches(in, clock, books, tally, supply);
  SupervisorProcess supervisors(in, clock, books, tally);
  Payroll payroll(in, clock, books, supply);
  YearDriver driver(in, clock, books, tally, coaches, supervisors, payroll);
  driver.schedule();
  std::optional<Treasury> treasury;
  if (scenario.budget.enabled && budget_plan != nullptr && budget_record != nullptr) {
    treasury.emplace(in, clock, books, tally, *budget_plan, *budget_record);
    treasury->schedule();
    books.budget = BudgetGate(*treasury);
  } else {
    // Unlimited money: the overhead base by entry date (context.hpp), and with only totals read,
    // coaches that run their years ahead.
    books.dated_direct.assign(scenario.years.size() * 12 * books.month_direct.size(), 0);
    for (const scenario::SchoolYear& y : scenario.years) books.calendar_years.push_back(y.year);
    coaches.run_ahead(!ledger.keeps_entries());
  }
  RunStats stats;
  stats.queued = sim.run();
  stats.events = stats.queued + coaches.ended_ahead();
  if (detail == RunDetail::kRecords) sort_missed(tally.missed());
  return stats;
}

}  // namespace coachsim::programme
