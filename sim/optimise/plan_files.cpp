// The plan written back as a scenario (plan.yaml) and where it goes (planning.hpp): the re-solve
// loop loads and simulates exactly the text the output folder gets.
#include <filesystem>
#include <iostream>
#include <sstream>

#include "coachsim/optimise/planning.hpp"
#include "coachsim/scenario/loader.hpp"
#include "coachsim/units/parse.hpp"

namespace coachsim::optimise {
namespace {

constexpr const char* kBuiltinDefault = "builtin:default";

void not_coached_year(std::ostringstream& y, int year, const std::vector<std::string>& left_out) {
  y << "  - year: " << year << "\n    schools:";
  if (left_out.empty()) y << " []";
  y << "\n";
  for (const std::string& id : left_out) y << "      - \"" << id << "\"\n";
}

}  // namespace

std::string plan_yaml(const Prepared& p, const std::string& extends,
                      const std::vector<std::int64_t>& budgets, const YearsSolution& sol,
                      const std::string& objective) {
  std::vector<std::vector<std::string>> left_out;
  std::vector<scenario::ProtocolPlan> variants;  // protocol_plan: (only with protocol variants)
  for (std::size_t t = 0; t < p.instances.size(); ++t) {
    left_out.push_back(schools_left_out(p.runs.base->population, p.instances[t], sol.years[t]));
    for (auto& v : variant_schools(p.input, p.runs.base->population, p.instances[t], sol.years[t]))
      variants.push_back(std::move(v));
  }
  const std::string& name = p.input.name;
  std::ostringstream y;
  if (p.instances.size() == 1) {
    const int year = p.calendar_years.front();
    y << "# Purpose: the caseloads coachsim optimise coaches in " << year << " for the most "
      << objective << " within " << units::format_centimos(budgets.front()) << " (estimated cost "
      << units::format_centimos(sol.years.front().cost) << ", " << sol.years.front().teachers
      << " teachers coached).\n";
    y << "coachsim: 1\nextends: \"" << extends << "\"\n";
    y << "name: \"" << name << " - optimised " << year << "\"\n";
    y << "not_coached:\n";
    not_coached_year(y, year, left_out.front());
    return y.str() + protocol_plan_yaml(variants);
  }
  const std::string span =
      std::to_string(p.calendar_years.front()) + "-" + std::to_string(p.calendar_years.back());
  y << "# Purpose: the caseloads coachsim optimise coaches in " << span << " for the most "
    << objective << " within";
  for (std::size_t t = 0; t < p.instances.size(); ++t)
    y << (t == 0 ? " " : ", ") << p.calendar_years[t] << ": " << units::format_centimos(budgets[t])
      << " (estimated cost " << units::format_centimos(sol.years[t].cost) << ", "
      << sol.years[t].teachers << " teachers coached)";
  y << "; a caseload coached in a year stays coached in the next year of its stages.\n";
  y << "coachsim: 1\nextends: \"" << extends << "\"\n";
  y << "name: \"" << name << " - optimised " << span << "\"\n";
  y << "not_coached:\n";
  for (std::size_t t = 0; t < p.instances.size(); ++t)
    not_coached_year(y, p.calendar_years[t], left_out[t]);
  return y.str() + protocol_plan_yaml(variants);
}

PlanFiles::PlanFiles(const std::string& out_dir, const std::string& scenario_path,
                     const scenario::Scenario& unlimited)
    : unlimited_(unlimited),
      out_dir_(out_dir),
      path_((std::filesystem::path(out_dir) / "plan.yaml").string()),
      extends_(scenario_path.empty() || scenario_path == kBuiltinDefault
                   ? std::string(kBuiltinDefault)
                   : std::filesystem::relative(std::filesystem::absolute(scenario_path),
                                               std::filesystem::absolute(out_dir))
                         .generic_string()),
      made_out_dir_(!std::filesystem::exists(out_dir)) {
  std::filesystem::create_directories(out_dir);
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

}  // namespace coachsim::optimise
