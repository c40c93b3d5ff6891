// shortfall: protect_teachers. When a region's expected funds for a year are below what its
// plan costs, the treasury leaves whole caseloads out of the year instead of spreading missed
// activities over every teacher: the caseloads that cost most per teacher (or the farthest) go
// first, each saving what the plan run posted for its coach (contract, trips, per diem, GIA/RTC,
// workshops, materials, its supervisor visits) with the overhead those postings attract.
#include <algorithm>
#include <chrono>

#include "coachsim/programme/run.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/units/rounding.hpp"

namespace coachsim::results {
namespace {

using programme::BudgetPlan;
using programme::Population;

std::int64_t share_of(const scenario::BudgetAmount& a, std::int64_t reference) {
  return a.is_share ? units::round_half_away(a.share * static_cast<double>(reference)) : a.centimos;
}

// What the treasury can expect for a region and year, as it would compute it: the PIA, the
// changes declared for that year, less the share results-based rules withhold (conservative:
// withheld money may never come).
std::int64_t expected_funds(const scenario::Scenario& s, std::size_t y, std::size_t r,
                            std::int64_t plan_total) {
  const scenario::Budget& b = s.budget;
  scenario::BudgetAmount pia_amount = b.pia;
  for (const scenario::PiaOverride& o : b.pia_overrides)
    if (o.year == s.years[y].year && o.region == s.regions[r].id) pia_amount = o.pia;
  const std::int64_t pia = share_of(pia_amount, plan_total);
  std::int64_t funds = pia;
  for (const scenario::BudgetChange& c : b.changes) {
    const int year = static_cast<int>(std::chrono::year_month_day{c.date}.year());
    if (year != s.years[y].year || (c.region != "all" && c.region != s.regions[r].id)) continue;
    funds += share_of(c.change, pia);
  }
  for (const scenario::BudgetRule& rule : b.rules)
    funds -= units::round_half_away(rule.withhold * static_cast<double>(pia));
  return funds;
}

// Teacher-weighted mean distance of a caseload from its coach's base.
double mean_distance(const programme::Coach& c) {
  double sum = 0.0;
  for (const programme::CaseloadItem& i : c.caseload) sum += i.teachers * i.distance_km;
  return c.teachers > 0 ? sum / c.teachers : 0.0;
}

}  // namespace

BudgetPlan protect_teachers(const scenario::Scenario& s, Population& pop, const BudgetPlan& plan,
                            programme::BudgetRecord& record, std::uint64_t replication) {
  const std::size_t years = s.years.size(), regions = pop.regions.size();
  const double rate = s.costs.overhead_rate;
  std::vector<std::int64_t> funds(years * regions);
  for (std::size_t y = 0; y < years; ++y)
    for (std::size_t r = 0; r < regions; ++r)
      funds[y * regions + r] = expected_funds(s, y, r, plan.at(y, r).total);

  BudgetPlan current = plan;
  // A few rounds: a caseload's saving is an estimate (the month-close overhead is rounded per
  // region and month), so the new plan is measured and any remaining gap closed.
  for (int round = 0; round < 8; ++round) {
    bool short_anywhere = false;
    for (std::size_t y = 0; y < years && !short_anywhere; ++y)
      for (std::size_t r = 0; r < regions; ++r)
        short_anywhere = short_anywhere || current.at(y, r).total > funds[y * regions + r];
    if (!short_anywhere) break;

    const ledger::Ledger ledger = unlimited_ledger(s, pop, replication);
    std::vector<std::int64_t> direct(years * pop.coaches.size(), 0);  // [year][coach]
    for (const ledger::Entry& e : ledger.entries())
      if (e.coach != ledger::kNoCoach && e.activity != costs::Activity::kOverhead)
        direct[e.year_index * pop.coaches.size() + e.coach] += e.amount;

    for (std::size_t y = 0; y < years; ++y) {
      for (std::size_t r = 0; r < regions; ++r) {
        std::int64_t gap = current.at(y, r).total - funds[y * regions + r];
        if (gap <= 0) continue;
        struct Candidate {
          double key;
          std::uint32_t coach;
          std::int64_t saving;
        };
        std::vector<Candidate> candidates;
        for (std::uint32_t c = 0; c < pop.coaches.size(); ++c) {
          const programme::Coach& coach = pop.coaches[c];
          if (coach.region != r || !coach.active_in(y) || coach.teachers == 0) continue;
          const std::int64_t cost = direct[y * pop.coaches.size() + c];
          const auto saving = units::round_half_away((1.0 + rate) * static_cast<double>(cost));
          const double key = s.budget.drop_order == scenario::DropOrder::kFarthest
                                 ? mean_distance(coach)
                                 : static_cast<double>(saving) / coach.teachers;
          candidates.push_back({key, c, saving});
        }
        // Highest first; the coach index breaks ties so the choice is reproducible.
        std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
          return a.key != b.key ? a.key > b.key : a.coach < b.coach;
        });
        std::vector<std::uint32_t> out;
        for (const Candidate& k : candidates) {
          if (gap <= 0) break;
          out.push_back(k.coach);
          gap -= k.saving;
          programme::BudgetEvent e;
          e.date = static_cast<std::int32_t>(
              calendar::Date{std::chrono::year{s.years[y].year} / std::chrono::January / 1}
                  .time_since_epoch()
                  .count());
          e.year_index = static_cast<std::uint16_t>(y);
          e.region = static_cast<std::uint16_t>(r);
          e.kind = programme::BudgetEventKind::kCoachDropped;
          e.amount = k.saving;
          e.who = k.coach;
          record.events.push_back(e);
        }
        programme::drop_coaches(pop, y, out);
      }
    }
    current = budget_plan(s, pop, replication);
  }
  for (std::size_t i = 0; i < current.cells.size(); ++i)
    current.cells[i].basis = plan.cells[i].total;
  return current;
}

}  // namespace coachsim::results
