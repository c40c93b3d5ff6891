// summary.json: the run's identity (scenario, seed, version), national figures per year, and
// per-region figures, for scripts. Money is given both as céntimos (exact integers) and as a
// decimal string in the scenario currency.
#include <nlohmann/json.hpp>

#include "coachsim/ledger/entry.hpp"
#include "coachsim/units/parse.hpp"
#include "report_files.hpp"

namespace coachsim::report {
namespace {

using nlohmann::ordered_json;

ordered_json money(std::int64_t centimos) {
  return ordered_json{{"centimos", centimos}, {"amount", units::format_centimos(centimos)}};
}

ordered_json usd(std::int64_t cents) {
  return ordered_json{{"cents", cents}, {"amount", units::format_centimos(cents)}};
}

ordered_json row_json(const results::Row& r, const results::Results& results) {
  const programme::RegionYearTally& t = r.tally;
  ordered_json j;
  j["region"] = r.region;
  j["year"] = r.year;
  j["teachers"] = t.teachers;
  j["schools"] = t.schools;
  j["students"] = t.students;
  j["coaches"] = t.coaches;
  j["supervisors"] = t.supervisors;
  j["visits_planned"] = t.visits_planned;
  j["visits_done"] = t.visits_done;
  j["compliance_pct"] = r.compliance_pct;
  j["coverage_pct"] = r.coverage_pct;
  j["full_protocol_pct"] = r.full_protocol_pct;
  j["teachers_per_coach"] = r.teachers_per_coach;
  j["students_per_coach"] = r.students_per_coach;
  j["cost_total"] = money(r.cost_total);
  if (r.national) j["cost_outside_regions"] = money(r.cost_outside_regions);
  j["cost_per_teacher"] = money(r.cost_per_teacher);
  j["cost_per_student"] = money(r.cost_per_student);
  j["cost_per_coach"] = money(r.cost_per_coach);
  ordered_json cats = ordered_json::object();
  for (int c = 0; c < ledger::kCategoryCount; ++c)
    cats[std::string(ledger::category_id(static_cast<ledger::Category>(c)))] =
        money(r.cost_by_category[static_cast<std::size_t>(c)]);
  j["cost_by_category"] = cats;
  const results::RowOutcomes& o = r.outcome;
  if (results.has_prices) {
    j["prices"] = {{"price_index", o.price_index},
                   {"cost_total_nominal", money(o.cost_total_nominal)},
                   {"cost_total_usd", usd(o.cost_total_usd)},
                   {"cost_per_teacher_usd", usd(o.cost_per_teacher_usd)},
                   {"cost_per_student_usd", usd(o.cost_per_student_usd)}};
  }
  if (results.has_outcomes) {
    ordered_json out = {
        {"teachers_coached", o.teachers_coached},
        {"students_coached", o.students_coached},
        {"teachers_full_protocol", t.teachers_full_protocol},
        {"student_learning_sd", o.student_learning_sd},
        {"teacher_practice_sd", o.teacher_practice_sd},
        {"cost_per_full_protocol_teacher", money(o.cost_per_full_protocol_teacher)}};
    if (results.has_prices) {
      out["sd_per_usd100"] = o.sd_per_usd100;
      out["cost_to_date_usd"] = o.cost_to_date_usd / 100.0;  // the cost behind sd_per_usd100
    }
    j["outcomes"] = out;
  }
  return j;
}

}  // namespace

std::string summary_json(const RunReport& report) {
  ordered_json j;
  j["coachsim_version"] = COACHSIM_VERSION;
  j["scenario"] = {{"name", report.scenario.name},
                   {"file", report.scenario_file},
                   {"currency", report.scenario.currency},
                   {"seed", report.scenario.seed}};
  // --set arguments and detected CSV dialects; absent for a plain scenario file.
  if (!report.scenario.provenance.empty()) j["scenario"]["inputs"] = report.scenario.provenance;
  j["events"] = report.events;
  j["ledger_entries"] = report.ledger.entry_count();
  j["cost_total"] = money(report.results.grand_total);
  j["national"] = ordered_json::array();
  for (const results::Row& r : report.results.national)
    j["national"].push_back(row_json(r, report.results));
  if (report.results.has_outcomes && report.results.has_prices) {
    // Cost-effectiveness per entry cohort: the gain at the end of its coaching over the cost
    // per student of every year that produced it (US$ of the entry year, discounted).
    ordered_json ce;
    ce["discount_rate"] = report.scenario.outcomes->discount_rate;
    ce["sd_per_usd100"] = report.results.sd_per_usd100_all;
    ce["cohorts"] = ordered_json::array();
    for (const results::CohortEffect& c : report.results.cohorts)
      ce["cohorts"].push_back({{"entry_year", c.entry_year},
                               {"end_year", c.end_year},
                               {"teachers", c.teachers},
                               {"students", c.students},
                               {"gain_sd", c.mean_gain_sd()},
                               {"cost_per_student_usd", c.cost_per_student_usd()},
                               {"sd_per_usd100", c.sd_per_usd100()}});
    j["cost_effectiveness"] = ce;
  }
  j["regions"] = ordered_json::array();
  for (const results::Row& r : report.results.regions)
    j["regions"].push_back(row_json(r, report.results));
  j["variance"] = ordered_json::array();
  for (const results::Spread& s : report.results.variance)
    j["variance"].push_back({{"year", s.year},
                             {"metric", s.metric},
                             {"n", s.n},
                             {"min", s.min},
                             {"max", s.max},
                             {"mean", s.mean},
                             {"sd", s.sd},
                             {"min_region", s.min_region},
                             {"max_region", s.max_region}});
  if (report.results.execution.enabled) j["budget"] = budget_json(report);
  return j.dump(2) + "\n";
}

std::string run_summary_json(const RunReport& report) { return summary_json(report); }

std::string load_errors_json(const std::string& input,
                             const std::vector<scenario::LoadError>& errors) {
  ordered_json j;
  j["input"] = input;
  j["valid"] = errors.empty();
  j["errors"] = ordered_json::array();
  for (const scenario::LoadError& e : errors)
    j["errors"].push_back({{"file", e.file},
                           {"line", e.line},
                           {"column", e.column},
                           {"field", e.field},
                           {"message", e.message}});
  // Files are checked to be UTF-8, but a path given on the command line may not be.
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace coachsim::report
