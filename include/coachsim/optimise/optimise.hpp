// `coachsim optimise`: which caseloads to coach in a year, for the most teachers within a
// national budget, with regional floors. The costs are the model's own: a run with unlimited
// money posts every cost to the ledger, and each caseload's coefficient is what its coach's work
// posted (contract, trips, per diem, GIA/RTC, workshops, materials, supervisor visits) with the
// overhead it attracts. The mixed-integer program is solved with COIN-OR CBC; only
// sim/optimise sees CBC's headers.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "coachsim/ledger/ledger.hpp"
#include "coachsim/programme/population.hpp"
#include "coachsim/results/simulation.hpp"
#include "coachsim/scenario/scenario.hpp"

namespace coachsim::optimise {

inline constexpr std::uint32_t kOwnUnit = UINT32_MAX;

// A decision unit: coaches that share a school (a large school split over coaches) are coached
// or left out together, so that not_coached: can name whole schools.
struct Group {
  std::uint32_t region = 0;
  std::vector<std::uint32_t> coaches;
  std::int64_t cost = 0;  // céntimos: its coaches' postings in the year, with overhead
  std::int64_t teachers = 0;
  std::int64_t students = 0;
  // What coaching the group adds to the objective (objective.cpp): its teachers unless another
  // objective is set.
  double value = 0.0;
  // With protocol variants (variants.cpp) a group is one option of a decision unit: the same
  // coaches under protocol `variant` (0 the protocol as written, k protocol_variants[k - 1]),
  // at most one option per unit. Without variants every group is its own unit, variant 0.
  std::uint32_t unit = kOwnUnit;  // kOwnUnit: the group is its own unit (see unit_of)
  std::uint8_t variant = 0;
};

struct Instance {
  std::size_t year = 0;
  std::vector<Group> groups;
  // Everything else the year costs (regional staff, supervisor contracts, overhead on them,
  // central costs): paid whatever the plan.
  std::int64_t fixed_cost = 0;
  std::int64_t plan_cost = 0;                 // the whole year with every caseload
  std::vector<std::int64_t> region_teachers;  // per region: teachers of its caseloads
  std::vector<std::int64_t> coach_cost;       // per coach: its postings with overhead
  // Per protocol variant (protocol_variants order), per coach: the same from that variant's run
  // (variants.cpp). Empty without variants.
  std::vector<std::vector<std::int64_t>> variant_coach_cost;
  // With variants: "full", then the protocol_variants ids (a group's variant indexes it).
  std::vector<std::string> variant_ids;
  // Per region: what the year costs it whatever the plan (its staff, supervisors, overhead on
  // them): its ledger total less its groups' costs.
  std::vector<std::int64_t> region_fixed;
  std::vector<std::string> region_names;
  // Optional limits per region (-1: none): a budget for the year (céntimos, the region's fixed
  // cost included) and the most coaches it can contract (coach supply). Empty: none at all.
  std::vector<std::int64_t> region_budget;
  std::vector<std::int64_t> region_coaches;
};

// The decision unit of group g: its own index unless it is an option of another group's unit.
inline std::size_t unit_of(const Instance& in, std::size_t g) {
  return in.groups[g].unit == kOwnUnit ? g : in.groups[g].unit;
}

// REQUIRES: `ledger` kept the entries of an unlimited-money run of `scenario` on `population`.
Instance make_instance(const scenario::Scenario& scenario, const programme::Population& population,
                       const ledger::Ledger& ledger, std::size_t year);

struct Solution {
  bool feasible = false;
  std::string infeasible;     // the constraint that cannot be met, in words
  std::vector<char> chosen;   // per group: 1 coached
  double objective = 0.0;     // sum of the chosen groups' values (teachers for full_protocol)
  std::int64_t teachers = 0;  // teachers coached (the estimate of full-protocol teachers)
  double lp_bound = 0.0;      // the LP relaxation's optimum: no plan can do better
  double best_bound = 0.0;    // CBC's best possible objective when it stopped
  double gap = 0.0;           // (best_bound - objective) / best_bound
  bool proven_optimal = false;
  std::int64_t cost = 0;  // estimated: fixed cost + chosen groups
};

// Maximises the chosen groups' value (teachers coached unless set_objective changed it) subject to
// fixed cost + sum(cost) <= budget and, per region, teachers coached >= floor * region teachers.
// `warm` (per group), when given and feasible, starts the search, so a larger budget never gives a
// worse plan than a smaller one.
Solution solve(const Instance& instance, std::int64_t budget, double floor,
               const std::vector<char>* warm = nullptr);

// The most coaches each region can have contracted in `year` as the simulation hires them,
// from the scenario's coach_supply (-1 per region when it declares no hiring limit): its
// returning coaches (of cohorts that entered before `year`) plus hires_per_month for each
// month from the region's contract start (the year's, plus its contract_delay) on which a
// new contract can still start before the contract's end. Posts beyond it are never hired
// (missed as not_hired) and cost nothing in the unlimited run, so without this cap the
// optimiser would count their teachers as coached for free. In the simulation new coaches
// are hired in coach order, so a plan that leaves early ones out moves later ones earlier.
std::vector<std::int64_t> coach_supply_caps(const scenario::Scenario& scenario,
                                            const programme::Population& population,
                                            std::size_t year);

// Under a hiring limit (hiring_costs.cpp): new coaches are hired in coach order among those the
// plan keeps, so leaving a coach out moves the later ones earlier, with longer contracts and
// more visits, and the unlimited run's postings understate a plan's cost. hiring_limited: the
// scenario declares such a limit. hired_at_start: the scenario with it lifted (every post starts
// at its contract start), the most each coach can cost. cost_as_hired_at_start: raises each
// coach's and group's cost (and the fixed costs) to those of `at_start`, the same year's
// instance from that run; the plan's share of the budget still refers to in.plan_cost.
bool hiring_limited(const scenario::Scenario& scenario);
scenario::Scenario hired_at_start(scenario::Scenario scenario);
void cost_as_hired_at_start(Instance& instance, const Instance& at_start);

// Several years in one program (solve_cbc.cpp): `years` are the instances of the years solved,
// in calendar order, with their budgets. The objective is summed over the years. Continuity:
// a group coached in a year is coached in the next school year too while it is in its stages
// (its coaches still contracted there), x(t-1) <= x(t); years that do not follow each other
// are not linked. Each year's rows are those of solve() (its budget, floors, regional limits).
struct YearsSolution {
  bool feasible = false;
  std::string infeasible;       // the constraint that cannot be met, in words
  int failed_year = -1;         // the position in `years` it belongs to, -1: continuity (all)
  std::vector<Solution> years;  // per year: its plan and estimates (no bounds of its own)
  double objective = 0.0, lp_bound = 0.0, best_bound = 0.0, gap = 0.0;
  bool proven_optimal = false;
};
YearsSolution solve_years(const std::vector<Instance>& years,
                          const std::vector<std::int64_t>& budgets, double floor);

// The scenario's schools that the solution leaves out of the year (for not_coached:), sorted:
// those of the units none of whose options is chosen.
std::vector<std::string> schools_left_out(const programme::Population& population,
                                          const Instance& instance, const Solution& solution);

// Protocol variants (variants.cpp). The input with every school coached under variant `k`
// (1-based: protocol_variants[k - 1]) in every year, through protocol_plan: what `run` posts
// for each caseload under that variant.
scenario::Scenario everywhere_with(const scenario::Scenario& scenario, std::size_t k);
// One run per declared variant of `everywhere_with` with unlimited money, ledgers kept (none
// without variants).
std::vector<std::unique_ptr<results::Simulation>> variant_cost_runs(
    const scenario::Scenario& unlimited);
// Adds to `instance` (made from the run with the protocol as written) an option per group and
// variant that changes the group's school type, costed from that variant's run (`runs`, in the
// scenario's order) as make_instance costs the group. Call before set_objective.
void add_variant_options(Instance& instance, const scenario::Scenario& scenario,
                         const programme::Population& population,
                         const std::vector<std::unique_ptr<results::Simulation>>& runs);
bool has_variants(const Instance& instance);
// The decision units (caseload groups): the groups without variants, fewer with them.
std::size_t unit_count(const Instance& instance);
// The cost of coach `c` (one of group g's) under group g's protocol.
std::int64_t option_coach_cost(const Instance& instance, std::size_t g, std::uint32_t c);
// The protocol_plan: of a solution: per variant (protocol_variants order) the schools of the
// chosen options under it, sorted; variants with no school are left out.
std::vector<scenario::ProtocolPlan> variant_schools(const scenario::Scenario& scenario,
                                                    const programme::Population& population,
                                                    const Instance& instance,
                                                    const Solution& solution);
// The plan.yaml lines of `plans` ("protocol_plan:\n  - year: ..."), "" when empty.
std::string protocol_plan_yaml(const std::vector<scenario::ProtocolPlan>& plans);
// The id of the variant of each school the solution coaches ("full" for the protocol as
// written), per population school; "" for schools not coached or not in the year.
std::vector<std::string> school_variants(const scenario::Scenario& scenario,
                                         const programme::Population& population,
                                         const Instance& instance, const Solution& solution);

// What the objective counts (objective.cpp).
enum class Objective { kFullProtocol, kLearning, kEquity };

// Equity weights: a teacher counts the product of the weights of what applies to their school
// ("rural" or "urban", "border", and the school type's id, e.g. "multigrade", "eib"); a name
// not given weighs 1.
using EquityWeights = std::vector<std::pair<std::string, double>>;

// Sets every group's value for `objective`: teachers (full_protocol); the expected learning
// gain of its students with the full protocol, as the outcomes module computes it (learning,
// REQUIRES scenario.outcomes); teachers times their equity weight (equity). An option under a
// protocol variant: 0 for full_protocol and equity (its teachers do not get the full protocol);
// for learning the gain of the dose the variant delivers, judged as the run judges it.
void set_objective(Instance& instance, const scenario::Scenario& scenario,
                   const programme::Population& population, Objective objective,
                   const EquityWeights& weights);

// What a simulated plan gives in `year` (the national row).
struct PlanOutcome {
  std::int64_t cost = 0;  // cost_total, céntimos
  std::int64_t full_protocol = 0, reached = 0, coaches = 0;
  double learning_sd = 0.0;  // sum over coached teachers' students of their gain (student-SD)
};
PlanOutcome outcome_of(const results::Simulation& simulation, std::size_t year);

// How far a simulated plan goes over its limits in the instance's year (céntimos; positive:
// over, zero or negative: within): nationally over `budget`, and per region over `region_caps`
// (a region's budget for the year, its fixed cost included; -1 or absent: no cap, 0 here).
struct Overshoot {
  std::int64_t national = 0;
  std::vector<std::int64_t> region;       // per region
  std::vector<std::int64_t> region_cost;  // per region: the simulated cost
  bool any() const;
};
Overshoot overshoot_of(const Instance& instance, std::int64_t budget,
                       const std::vector<std::int64_t>& region_caps,
                       const results::Simulation& simulation);

// After an overshoot: lowers `target` (the national budget solved for) and the instance's
// region budgets by what each went over, so that the next solve leaves that much room.
void tighten(Instance& instance, std::int64_t& target, const Overshoot& over);

// The tighten-and-re-solve loop (resolve.cpp), for one year or several: solves `years` at
// `budgets`, simulates the plan, and while a year (or a region with a budget in
// Instance::region_budget) is over its limit and fewer than `max_rounds` re-solves were made,
// tightens that year (tighten) and solves again. The limits checked are those given (budgets
// and the region budgets as on entry), not the tightened ones.
using SolvePlan = std::function<YearsSolution(const std::vector<Instance>& years,
                                              const std::vector<std::int64_t>& targets)>;
using SimulatePlan = std::function<std::unique_ptr<results::Simulation>(const YearsSolution&)>;
struct Resolved {
  YearsSolution solution;  // the last plan solved (infeasible: a solve found none)
  std::unique_ptr<results::Simulation> simulation;  // its simulation (null if infeasible)
  std::vector<Overshoot> over;                      // per year: the simulation against its limits
  std::vector<std::vector<std::int64_t>> region_caps;  // per year: the region budgets given
  int rounds = 0;                                      // re-solves made
  // Every year and every capped region within its limit in the simulation.
  bool within() const;
};
Resolved resolve(std::vector<Instance>& years, const std::vector<std::int64_t>& budgets,
                 const SolvePlan& solve, const SimulatePlan& simulate, int max_rounds = 5);
// One year's solution as a program of one year (its bounds and gap carried over).
YearsSolution one_year(const Solution& solution);
// Each year and capped region the simulation of `resolved` puts over its limit, in words
// ("2020: simulated 61,356,121.06 against the budget 57,922,978.03, over by 3,433,143.03; ..."),
// with `calendar_years` per year; "" when within.
std::string over_limits(const Resolved& resolved, const std::vector<Instance>& years,
                        const std::vector<std::int64_t>& budgets,
                        const std::vector<int>& calendar_years);

struct FrontierPoint {
  std::int64_t budget = 0;
  Solution solution;
  PlanOutcome simulated;  // empty when the solution is infeasible
};

// The frontier (frontier.cpp): solves `budgets` (ascending) in order, each warm-started from
// the previous plan so the objective never decreases, then simulates each distinct plan once
// (`unlimited` with the plan's not_coached:), on `threads` threads. A plan with every caseload
// is `every_caseload` (the unlimited run), not simulated again.
std::vector<FrontierPoint> frontier(const scenario::Scenario& unlimited,
                                    const programme::Population& population,
                                    const Instance& instance,
                                    const std::vector<std::int64_t>& budgets, double floor,
                                    const PlanOutcome& every_caseload, unsigned threads);

}  // namespace coachsim::optimise
