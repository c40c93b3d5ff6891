// Budget outputs of a budgeted run: execution.csv (the treasury month by month, PpR style),
// budget_events.csv (every release, change, rule outcome and suspension), the `budget` block of
// summary.json and the terminal's budget lines.
#include <cstdio>

#include "coachsim/i18n/tr.hpp"
#include "csv_writer.hpp"
#include "report_files.hpp"

namespace coachsim::report {
namespace {

std::string class_id(const scenario::Budget& budget, int k) {
  return k == programme::kFixedClass ? "fixed" : budget.class_id(k);
}

// What the terminal calls a cost class: its id in English (as in the CSV files), else its
// translation; a declared class by its label.
std::string class_label(const scenario::Budget& budget, int k) {
  if (k == programme::kFixedClass) return trc("budget class", "fixed");
  if (k >= scenario::kBudgetClassCount) {
    const std::string& label =
        budget.classes[static_cast<std::size_t>(k - scenario::kBudgetClassCount)].label;
    return label.find(' ') == std::string::npos ? label : "'" + label + "'";
  }
  switch (static_cast<scenario::BudgetClass>(k)) {
    case scenario::BudgetClass::kTeacherWorkshops:
      return trc("budget class", "teacher_workshops");
    case scenario::BudgetClass::kCoachWorkshops:
      return trc("budget class", "coach_workshops");
    case scenario::BudgetClass::kGiaRtc:
      return trc("budget class", "gia_rtc");
    case scenario::BudgetClass::kSupervisorVisits:
      return trc("budget class", "supervisor_visits");
    case scenario::BudgetClass::kVisits:
      return trc("budget class", "visits");
  }
  return class_id(budget, k);
}

}  // namespace

std::string execution_csv(const RunReport& report) {
  std::string out;
  CsvWriter w(out);
  for (const char* h : {"region", "year", "month", "pia", "pim", "released", "accrued",
                        "execution_pct", "physical_target", "teachers_reached",
                        "teachers_full_protocol", "withheld", "forfeited", "top_ups"})
    w.text(h);
  w.end_row();
  for (const results::ExecutionRow& r : report.results.execution.rows) {
    w.text(r.region).integer(r.year).integer(r.month);
    w.money(r.pia).money(r.pim).money(r.released).money(r.accrued).fixed(r.execution_pct, 2);
    w.integer(r.physical_target).integer(r.teachers_reached);
    if (r.teachers_full_protocol >= 0)
      w.integer(r.teachers_full_protocol);
    else
      w.text("");
    w.money(r.withheld).money(r.forfeited).money(r.top_ups);
    w.end_row();
  }
  return out;
}

std::string budget_events_csv(const RunReport& report) {
  std::string out;
  CsvWriter w(out);
  for (const char* h : {"date", "year", "region", "kind", "amount", "indicator_pct", "target_pct",
                        "rule", "who", "class"})
    w.text(h);
  w.end_row();
  for (const programme::BudgetEvent& e : report.results.execution.events) {
    w.text(format_day(e.date)).integer(report.scenario.years[e.year_index].year);
    w.text(report.population.regions[e.region].id).text(programme::budget_event_id(e.kind));
    w.money(e.amount);
    if (e.rule >= 0) {
      w.fixed(100.0 * e.indicator, 2).fixed(100.0 * e.target, 2);
      w.text(report.scenario.budget.rules[static_cast<std::size_t>(e.rule)].id);
    } else {
      w.text("").text("").text("");
    }
    if (e.kind == programme::BudgetEventKind::kSuspension ||
        e.kind == programme::BudgetEventKind::kDeferral ||
        e.kind == programme::BudgetEventKind::kCoachDropped)
      w.text(e.supervisor ? supervisor_name(e.who) : coach_name(e.who));
    else
      w.text("");
    w.text(e.cost_class >= 0 ? class_id(report.scenario.budget, e.cost_class) : "");
    w.end_row();
  }
  return out;
}

// Missed activities are the programme's own (record_missed), in the class the run's table
// gives them (a declared class takes some from their built-in one).
std::string missed_budget_class(const RunReport& report, costs::Activity a) {
  return class_id(report.scenario.budget, programme::cost_class(*report.results.costs, a));
}

nlohmann::ordered_json budget_json(const RunReport& report) {
  const results::Execution& x = report.results.execution;
  auto money = [](std::int64_t c) {
    return nlohmann::ordered_json{{"centimos", c}, {"amount", units::format_centimos(c)}};
  };
  nlohmann::ordered_json j;
  j["pia"] = money(x.pia);
  j["pim"] = money(x.pim);
  j["released"] = money(x.released);
  j["accrued"] = money(x.accrued);
  j["forfeited"] = money(x.forfeited);
  j["top_ups"] = money(x.top_ups);
  j["execution_pct"] = x.pim > 0 ? 100.0 * static_cast<double>(x.accrued) / x.pim : 0.0;
  nlohmann::ordered_json dropped = nlohmann::ordered_json::object();
  const scenario::Budget& budget = report.scenario.budget;
  for (int k : programme::output_classes(budget))
    dropped[class_id(budget, k)] = x.dropped[static_cast<std::size_t>(k)];
  j["dropped_activities"] = dropped;
  if (report.scenario.budget.shortfall == scenario::BudgetShortfall::kDefer) {
    nlohmann::ordered_json deferred = nlohmann::ordered_json::object();
    for (int k : programme::output_classes(budget))
      deferred[class_id(budget, k)] = x.deferred[static_cast<std::size_t>(k)];
    j["deferrals"] = deferred;
  }
  j["suspensions"] = x.suspensions;
  j["min_cash"] = money(x.min_cash);
  return j;
}

std::string budget_terminal(const RunReport& report) {
  const results::Execution& x = report.results.execution;
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.1f%%",
                x.pim > 0 ? 100.0 * static_cast<double>(x.accrued) / x.pim : 0.0);
  std::string out =
      "\n" +
      trf("Budget ({0}, all years): PIM {1}, released {2}, accrued {3} ({4}), forfeited {5}",
          {report.scenario.currency, units::format_centimos_grouped(x.pim),
           units::format_centimos_grouped(x.released), units::format_centimos_grouped(x.accrued),
           rate, units::format_centimos_grouped(x.forfeited)});
  out += "\n  " + tr("dropped for lack of funds:");
  for (int k : programme::output_classes(report.scenario.budget))
    out += " " + class_label(report.scenario.budget, k) + " " +
           std::to_string(x.dropped[static_cast<std::size_t>(k)]);
  out += "; " + trf("contracts suspended {0}", {std::to_string(x.suspensions)}) + "\n";
  return out;
}

}  // namespace coachsim::report
