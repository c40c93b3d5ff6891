// What the one-year and the several-year `coachsim optimise` share (optimise_shared.hpp).
#include "optimise_shared.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "coachsim/i18n/language.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/scenario/loader.hpp"
#include "coachsim/units/parse.hpp"
#include "coachsim/units/rounding.hpp"
#include "load.hpp"

namespace coachsim::cli {

// The input with every region's budget for `year` at `share` of its plan, the other years in
// full, the whole year released on 1 January (the pro-rata cut), under `shortfall`.
scenario::Scenario pro_rata(scenario::Scenario s, int year, double share,
                            scenario::BudgetShortfall shortfall) {
  return pro_rata(std::move(s), {{year, share}}, shortfall);
}

scenario::Scenario pro_rata(scenario::Scenario s, const std::vector<std::pair<int, double>>& cuts,
                            scenario::BudgetShortfall shortfall) {
  s.budget = scenario::Budget{};
  s.budget.enabled = true;
  s.budget.release = scenario::BudgetRelease::kAnnual;
  for (const auto& [year, share] : cuts)
    s.budget.changes.push_back({calendar::Date{std::chrono::year{year} / std::chrono::January / 1},
                                "all",
                                {true, share - 1.0, 0}});
  s.budget.shortfall = shortfall;
  return s;
}

// "50%..120%/15": from, to (shares) and the number of points.
bool parse_frontier(const std::string& text, double& from, double& to, int& steps) {
  const auto dots = text.find("..");
  const auto slash = text.find('/');
  if (dots == std::string::npos || slash == std::string::npos || slash < dots) return false;
  auto pct = [](std::string t, double& v) {
    if (t.empty() || t.back() != '%') return false;
    t.pop_back();
    char* end = nullptr;
    v = std::strtod(t.c_str(), &end) / 100.0;
    return end != t.c_str() && *end == '\0' && v > 0;
  };
  char* end = nullptr;
  const std::string n = text.substr(slash + 1);
  steps = static_cast<int>(std::strtol(n.c_str(), &end, 10));
  return pct(text.substr(0, dots), from) && pct(text.substr(dots + 2, slash - dots - 2), to) &&
         end != n.c_str() && *end == '\0' && steps >= 2 && to > from;
}

CostRuns cost_runs(const scenario::Scenario& unlimited) {
  CostRuns runs;
  runs.base = results::simulate(unlimited, true);
  if (optimise::hiring_limited(unlimited))
    runs.at_start = results::simulate(optimise::hired_at_start(unlimited), true);
  runs.variants = optimise::variant_cost_runs(unlimited);
  return runs;
}

optimise::Instance instance_of(const scenario::Scenario& unlimited, const CostRuns& runs,
                               std::size_t year) {
  optimise::Instance in =
      optimise::make_instance(unlimited, runs.base->population, runs.base->ledger, year);
  if (runs.at_start)
    optimise::cost_as_hired_at_start(
        in, optimise::make_instance(optimise::hired_at_start(unlimited), runs.at_start->population,
                                    runs.at_start->ledger, year));
  optimise::add_variant_options(in, unlimited, runs.base->population, runs.variants);
  return in;
}

// "85%" of the year's plan, or money in the scenario's currency.
bool parse_budget(const std::string& text, const std::string& currency, std::int64_t plan,
                  std::int64_t& out) {
  if (!text.empty() && text.back() == '%') {
    char* end = nullptr;
    const std::string number = text.substr(0, text.size() - 1);
    const double pct = std::strtod(number.c_str(), &end);
    if (end == number.c_str() || *end != '\0' || pct <= 0) return false;
    out = units::round_half_away(pct / 100.0 * static_cast<double>(plan));
    return true;
  }
  auto parsed = units::parse_expecting(text, units::Kind::kMoney, currency);
  if (auto* q = std::get_if<units::ParsedQuantity>(&parsed)) {
    out = q->centimos;
    return out > 0;
  }
  return false;
}

std::vector<report::OptimisePlanRow> plan_rows(const programme::Population& pop,
                                               const optimise::Instance& in,
                                               const optimise::Solution& sol, int year) {
  std::vector<std::int64_t> cost(pop.schools.size(), 0), teachers(pop.schools.size(), 0);
  std::vector<int> coached(pop.schools.size(), -1);
  std::vector<std::string> variant(pop.schools.size());
  // Each unit's option shown: the one chosen, else the protocol as written (its first option).
  std::vector<std::size_t> shown(in.groups.size(), SIZE_MAX);
  for (std::size_t g = 0; g < in.groups.size(); ++g) {
    std::size_t& s = shown[optimise::unit_of(in, g)];
    if (s == SIZE_MAX || sol.chosen[g]) s = g;
  }
  for (std::size_t g : shown) {
    if (g == SIZE_MAX) continue;
    for (std::uint32_t c : in.groups[g].coaches) {
      const programme::Coach& coach = pop.coaches[c];
      for (const programme::CaseloadItem& item : coach.caseload) {
        // A school's share of its coach's cost, by its teachers in the caseload.
        cost[item.school] += coach.teachers > 0 ? optimise::option_coach_cost(in, g, c) *
                                                      item.teachers / coach.teachers
                                                : 0;
        teachers[item.school] += item.teachers;
        coached[item.school] = sol.chosen[g];
        if (sol.chosen[g] && !in.variant_ids.empty())
          variant[item.school] = in.variant_ids[in.groups[g].variant];
      }
    }
  }
  std::vector<report::OptimisePlanRow> rows;
  for (std::size_t i = 0; i < pop.schools.size(); ++i) {
    if (coached[i] < 0) continue;  // not in the programme this year
    const programme::School& s = pop.schools[i];
    rows.push_back({s.id, pop.regions[s.region].id, pop.ugels[s.ugel].name, year, coached[i] == 1,
                    cost[i], teachers[i], s.students, variant[i]});
  }
  return rows;
}

std::string plan_csv(const std::vector<report::OptimisePlanRow>& rows) {
  std::ostringstream out;
  // The protocol variant column only where the scenario declares variants (the plan then names
  // one for every school coached).
  const bool variants = std::any_of(rows.begin(), rows.end(), [](const report::OptimisePlanRow& r) {
    return !r.protocol_variant.empty();
  });
  out << "school,region,ugel,year,coached," << (variants ? "protocol_variant," : "")
      << "cost,teachers,students\n";
  for (const report::OptimisePlanRow& r : rows) {
    out << r.school << ',' << r.region << ',' << r.ugel << ',' << r.year << ',' << r.coached << ',';
    if (variants) out << r.protocol_variant << ',';
    out << units::format_centimos(r.cost) << ',' << r.teachers << ',' << r.students << '\n';
  }
  return out.str();
}

namespace {

bool four_digits_then_equals(const std::string& text, std::size_t at) {
  if (at + 5 > text.size() || text[at + 4] != '=') return false;
  for (std::size_t i = at; i < at + 4; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

// "2021=85%,2022=9,000,000 PEN": (year, value) items, split at a comma followed by the next
// "YYYY=" (an amount may hold commas of its own). REQUIRES four_digits_then_equals(text, 0).
std::vector<std::pair<std::string, std::string>> per_year_items(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t next = text.find(',', from);
    while (next != std::string::npos && !four_digits_then_equals(text, next + 1))
      next = text.find(',', next + 1);
    const std::string item = text.substr(from, next == std::string::npos ? next : next - from);
    out.emplace_back(item.substr(0, 4), item.substr(5));
    if (next == std::string::npos) break;
    from = next + 1;
  }
  return out;
}

// A region's limit given per year ("Cusco=2021=80%,2022=85%"): the value for `calendar_year`,
// or "" when that year has none. Prints the problem and returns false on a year that is not
// the scenario's or is given twice.
bool value_for_year(const std::string& flag, const std::string& item, const std::string& text,
                    const scenario::Scenario& s, int calendar_year, std::string& value) {
  value.clear();
  std::vector<std::string> seen;
  for (const auto& [year, v] : per_year_items(text)) {
    const bool known = std::any_of(s.years.begin(), s.years.end(),
                                   [&](const auto& y) { return std::to_string(y.year) == year; });
    if (!known || std::find(seen.begin(), seen.end(), year) != seen.end()) {
      std::cerr << "coachsim optimise: "
                << (known
                        ? trf("{0} '{1}': {2} is given twice. Nothing was written.",
                              {flag, item, year})
                        : trf("{0} '{1}': {2} is not a year of the scenario. Nothing was written.",
                              {flag, item, year}))
                << "\n";
      return false;
    }
    seen.push_back(year);
    if (year == std::to_string(calendar_year)) value = v;
  }
  return true;
}

}  // namespace

bool set_region_limits(optimise::Instance& in, const OptimiseOptions& o,
                       const scenario::Scenario& s, const programme::Population& pop,
                       int calendar_year) {
  const std::string& currency = s.currency;
  const std::vector<std::int64_t> supply = optimise::coach_supply_caps(s, pop, in.year);
  if (std::any_of(supply.begin(), supply.end(), [](std::int64_t c) { return c >= 0; }))
    in.region_coaches = supply;
  auto region_index = [&](const std::string& item, const char* flag, std::size_t& r,
                          std::string& value) {
    const auto eq = item.find('=');
    const std::string name = item.substr(0, eq);
    for (r = 0; r < in.region_names.size(); ++r)
      if (in.region_names[r] == name) break;
    if (eq == std::string::npos || r == in.region_names.size()) {
      std::string names;
      for (const std::string& n : in.region_names) names += (names.empty() ? "" : ", ") + n;
      std::cerr << "coachsim optimise: "
                << trf("{0} '{1}': expected REGION=VALUE with REGION one of {2}. Nothing was "
                       "written.",
                       {flag, item, names})
                << "\n";
      return false;
    }
    value = item.substr(eq + 1);
    return true;
  };
  for (const std::string& item : o.budget_region) {
    std::size_t r = 0;
    std::string value;
    if (!region_index(item, "--budget-region", r, value)) return false;
    if (four_digits_then_equals(value, 0)) {  // per year: this year's, or no limit in it
      const std::string all = value;
      if (!value_for_year("--budget-region", item, all, s, calendar_year, value)) return false;
      if (value.empty()) continue;
    }
    std::int64_t region_plan = in.region_fixed[r], amount = 0;
    for (const optimise::Group& g : in.groups) region_plan += g.region == r ? g.cost : 0;
    if (!parse_budget(value, currency, region_plan, amount)) {
      std::cerr << "coachsim optimise: "
                << trf("--budget-region '{0}': expected an amount or a share of the region's {1} "
                       "plan like '85%'. Nothing was written.",
                       {item, std::to_string(calendar_year)})
                << "\n";
      return false;
    }
    in.region_budget.resize(in.region_names.size(), -1);
    in.region_budget[r] = amount;
  }
  for (const std::string& item : o.coach_supply) {
    std::size_t r = 0;
    std::string value;
    if (!region_index(item, "--coach-supply", r, value)) return false;
    if (four_digits_then_equals(value, 0)) {  // per year: this year's, or no limit in it
      const std::string all = value;
      if (!value_for_year("--coach-supply", item, all, s, calendar_year, value)) return false;
      if (value.empty()) continue;
    }
    char* end = nullptr;
    const long n = std::strtol(value.c_str(), &end, 10);
    if (end == value.c_str() || *end != '\0' || n < 0) {
      std::cerr << "coachsim optimise: "
                << trf("--coach-supply '{0}': expected a whole number of coaches >= 0. Nothing "
                       "was written.",
                       {item})
                << "\n";
      return false;
    }
    in.region_coaches.resize(in.region_names.size(), -1);
    in.region_coaches[r] = n;
  }
  return true;
}

bool parse_years(const OptimiseOptions& o, const scenario::Scenario& s,
                 std::vector<std::size_t>& years, std::vector<std::string>& budgets) {
  auto index_of = [&](const std::string& text, std::size_t& out) {
    char* end = nullptr;
    const long y = std::strtol(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0') return false;
    for (out = 0; out < s.years.size(); ++out)
      if (s.years[out].year == y) return true;
    return false;
  };
  auto bad_year = [&](const std::string& flag, const std::string& text) {
    std::cerr << "coachsim optimise: "
              << trf("{0} {1}: not a year of the scenario. Nothing was written.", {flag, text})
              << "\n";
    return false;
  };
  // Per-year budgets: "YYYY=VALUE" items split at a comma followed by the next "YYYY=" (an
  // amount may hold commas of its own).
  std::vector<std::pair<std::size_t, std::string>> per_year;
  if (four_digits_then_equals(o.budget, 0)) {
    for (const auto& [year, value] : per_year_items(o.budget)) {
      std::size_t y = 0;
      if (!index_of(year, y)) return bad_year("--budget", year);
      for (const auto& [seen, v] : per_year)
        if (seen == y) {
          std::cerr << "coachsim optimise: "
                    << trf("--budget: {0} is given twice. Nothing was written.", {year}) << "\n";
          return false;
        }
      per_year.emplace_back(y, value);
    }
    std::sort(per_year.begin(), per_year.end());
  }
  years.clear();
  if (o.year == "all") {
    for (std::size_t y = 0; y < s.years.size(); ++y) years.push_back(y);
  } else if (!o.year.empty()) {
    std::istringstream in(o.year);
    std::string item;
    while (std::getline(in, item, ',')) {
      std::size_t y = 0;
      if (!index_of(item, y)) return bad_year("--year", item);
      if (std::find(years.begin(), years.end(), y) == years.end()) years.push_back(y);
    }
    std::sort(years.begin(), years.end());
  } else if (!per_year.empty()) {
    for (const auto& [y, value] : per_year) years.push_back(y);
  } else {
    years.push_back(0);
  }
  budgets.clear();
  for (std::size_t y : years) {
    if (per_year.empty()) {
      budgets.push_back(o.budget);
      continue;
    }
    const auto it =
        std::find_if(per_year.begin(), per_year.end(), [y](const auto& p) { return p.first == y; });
    if (it == per_year.end()) {
      std::cerr << "coachsim optimise: "
                << trf("--budget: no budget for {0} (--year names it; give YEAR=AMOUNT for every "
                       "year solved). Nothing was written.",
                       {std::to_string(s.years[y].year)})
                << "\n";
      return false;
    }
    budgets.push_back(it->second);
  }
  if (per_year.size() > years.size()) {
    std::cerr << "coachsim optimise: "
              << tr("--budget names a year that --year does not. Nothing was written.") << "\n";
    return false;
  }
  return true;
}

std::string streamed(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}
std::string streamed(std::int64_t x) { return std::to_string(x); }

std::string objective_shown(const std::string& english) {
  if (english == "full-protocol teachers") return tr("full-protocol teachers");
  if (english == "expected learning gain") return tr("expected learning gain");
  if (english == "equity-weighted teachers") return tr("equity-weighted teachers");
  return english;
}

namespace {
// Characters (UTF-8 code points) in a text, for lining up translated labels.
std::size_t characters(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}
}  // namespace

std::string plan_row(std::size_t kind, const optimise::PlanOutcome& r) {
  const std::array<std::string, 4> labels = {
      tr("default, every caseload"), tr("(a) pro-rata cut, shortfall: drop"),
      tr("(b) shortfall: protect_teachers"), tr("(c) optimise")};
  std::size_t longest = 0;
  for (const std::string& l : labels) longest = std::max(longest, characters(l));
  // In English the first label's column is two characters narrower, as it always was.
  const std::size_t width =
      i18n::language() == "en" ? (kind == 0 ? 32u : 34u) : std::max<std::size_t>(longest + 1, 34);
  const std::string& label = labels.at(kind);
  return "    " + label + std::string(width - characters(label), ' ') +
         trf("{0} full-protocol teachers, learning {1} student-SD ({2} coaches, cost {3})",
             {streamed(static_cast<std::int64_t>(r.full_protocol)),
              streamed(static_cast<std::int64_t>(std::lround(r.learning_sd))),
              streamed(static_cast<std::int64_t>(r.coaches)),
              units::format_centimos_grouped(r.cost)}) +
         "\n";
}

PlanFiles::PlanFiles(const OptimiseOptions& o, const scenario::Scenario& unlimited)
    : unlimited_(unlimited),
      out_dir_(o.out_dir),
      path_((std::filesystem::path(o.out_dir) / "plan.yaml").string()),
      extends_(o.scenario.empty() || o.scenario == kBuiltinDefault
                   ? std::string(kBuiltinDefault)
                   : std::filesystem::relative(std::filesystem::absolute(o.scenario),
                                               std::filesystem::absolute(o.out_dir))
                         .generic_string()),
      made_out_dir_(!std::filesystem::exists(o.out_dir)) {
  std::filesystem::create_directories(o.out_dir);
}

std::unique_ptr<results::Simulation> PlanFiles::simulate(const std::string& text) {
  scenario::LoadResult plan = scenario::load_scenario_text(text, path_, out_dir_);
  if (!plan.ok()) {
    for (const auto& e : plan.errors) std::cerr << e.to_string() << "\n";
    loads_ = false;
    plan.scenario = unlimited_;  // simulated only to finish the loop; the caller reports it
  }
  plan.scenario.budget = scenario::Budget{};
  return results::simulate(plan.scenario, false);
}

int PlanFiles::give_up(int code) const {
  if (made_out_dir_) {
    std::error_code ec;
    std::filesystem::remove(out_dir_, ec);  // only when empty: nothing of ours was written
  }
  return code;
}

}  // namespace coachsim::cli
