// regions.csv, national.csv, variance.csv and missed.csv.
#include "coachsim/ledger/entry.hpp"
#include "coachsim/report/run_report.hpp"
#include "csv_writer.hpp"
#include "report_files.hpp"

namespace coachsim::report {
namespace {

// Growth columns (scale_up / coach_supply), then the turnover column (teacher_turnover), come
// after every existing column, and only for scenarios that use them, so other scenarios' files
// stay byte-identical.
struct Extra {
  bool growth = false, turnover = false;
};
Extra extra(const RunReport& report) {
  return {report.scenario.scale_up.enabled || report.scenario.coach_supply.enabled,
          report.scenario.teacher_turnover.enabled};
}

void growth_header(CsvWriter& w) {
  for (const char* h :
       {"visits_missed_vacancy", "visits_missed_cancelled", "visits_missed_not_hired",
        "coaches_hired", "coaches_left", "coaches_replaced", "coach_training_days",
        "teachers_stage1", "teachers_stage2", "teachers_stage3"})
    w.text(h);
}

void growth_row(CsvWriter& w, const programme::RegionYearTally& t) {
  using programme::MissReason;
  w.integer(t.missed[static_cast<int>(MissReason::kVacancy)]);
  w.integer(t.missed[static_cast<int>(MissReason::kCancelled)]);
  w.integer(t.missed[static_cast<int>(MissReason::kNotHired)]);
  w.integer(t.coaches_hired).integer(t.coaches_left).integer(t.coaches_replaced);
  w.integer(t.coach_training_days);
  for (std::int64_t n : t.teachers_stage) w.integer(n);
}

void header(std::string& out, bool national, Extra with, const results::Results& results) {
  CsvWriter w(out);
  for (const char* h : {"region",
                        "year",
                        "teachers",
                        "schools",
                        "students",
                        "coaches",
                        "supervisors",
                        "staff",
                        "visits_planned",
                        "visits_done",
                        "compliance_pct",
                        "teachers_reached",
                        "coverage_pct",
                        "teachers_full_protocol",
                        "full_protocol_pct",
                        "visit_days_planned",
                        "visit_days_done",
                        "gia_planned",
                        "gia_done",
                        "rtc_planned",
                        "rtc_done",
                        "teacher_workshop_days_planned",
                        "teacher_workshop_days_done",
                        "coach_workshop_days_planned",
                        "coach_workshop_days_done",
                        "supervisor_visits_planned",
                        "supervisor_visits_done",
                        "trips",
                        "overnight_trips",
                        "coach_days_travel",
                        "coach_days_rain_extra",
                        "visits_missed_no_coach_time",
                        "visits_missed_late_contract",
                        "cost_total",
                        "cost_per_teacher",
                        "cost_per_student",
                        "cost_per_coach",
                        "teachers_per_coach",
                        "students_per_coach"})
    w.text(h);
  for (int c = 0; c < ledger::kCategoryCount; ++c)
    w.text("cost_" + std::string(ledger::category_id(static_cast<ledger::Category>(c))));
  if (national) w.text("cost_outside_regions");
  if (with.growth) growth_header(w);
  if (with.turnover) w.text("teachers_new");
  outcome_header(w, results);
  w.end_row();
}

void row(std::string& out, const results::Row& r, bool national, Extra with,
         const results::Results& results) {
  const programme::RegionYearTally& t = r.tally;
  CsvWriter w(out);
  w.text(r.region).integer(r.year).integer(t.teachers).integer(t.schools).integer(t.students);
  w.integer(t.coaches).integer(t.supervisors).integer(t.staff);
  w.integer(t.visits_planned).integer(t.visits_done).fixed(r.compliance_pct, 2);
  w.integer(t.teachers_reached).fixed(r.coverage_pct, 2);
  w.integer(t.teachers_full_protocol).fixed(r.full_protocol_pct, 2);
  w.integer(t.visit_days_planned).integer(t.visit_days_done);
  w.integer(t.gia_planned).integer(t.gia_done).integer(t.rtc_planned).integer(t.rtc_done);
  w.integer(t.teacher_workshop_days_planned).integer(t.teacher_workshop_days_done);
  w.integer(t.coach_workshop_days_planned).integer(t.coach_workshop_days_done);
  w.integer(t.supervisor_visits_planned).integer(t.supervisor_visits_done);
  w.integer(t.trips).integer(t.overnight_trips).integer(t.coach_days_travel);
  w.integer(t.coach_days_rain_extra);
  w.integer(t.missed[static_cast<int>(programme::MissReason::kNoCoachTime)]);
  w.integer(t.missed[static_cast<int>(programme::MissReason::kLateContract)]);
  w.money(r.cost_total).money(r.cost_per_teacher).money(r.cost_per_student);
  w.money(r.cost_per_coach).fixed(r.teachers_per_coach, 2).fixed(r.students_per_coach, 2);
  for (std::int64_t c : r.cost_by_category) w.money(c);
  if (national) w.money(r.cost_outside_regions);
  if (with.growth) growth_row(w, t);
  if (with.turnover) w.integer(t.teachers_new);
  outcome_cells(w, r, results);
  w.end_row();
}

}  // namespace

std::string regions_csv(const RunReport& report) {
  std::string out;
  header(out, false, extra(report), report.results);
  for (const results::Row& r : report.results.regions)
    row(out, r, false, extra(report), report.results);
  return out;
}

std::string national_csv(const RunReport& report) {
  std::string out;
  header(out, true, extra(report), report.results);
  for (const results::Row& r : report.results.national)
    row(out, r, true, extra(report), report.results);
  return out;
}

std::string variance_csv(const RunReport& report) {
  std::string out;
  CsvWriter w(out);
  for (const char* h :
       {"year", "metric", "n", "min", "max", "mean", "sd", "min_region", "max_region"})
    w.text(h);
  w.end_row();
  for (const results::Spread& s : report.results.variance) {
    w.integer(s.year).text(s.metric).integer(s.n);
    w.fixed(s.min, 2).fixed(s.max, 2).fixed(s.mean, 2).fixed(s.sd, 2);
    w.text(s.min_region).text(s.max_region);
    w.end_row();
  }
  return out;
}

std::string missed_csv(const RunReport& report) {
  const programme::Population& pop = report.population;
  std::string out;
  CsvWriter w(out);
  for (const char* h : {"date", "year", "region", "ugel", "coach", "school", "activity", "round",
                        "quantity", "reason"})
    w.text(h);
  const bool budget = report.results.execution.enabled;  // adds each activity's budget class
  if (budget) w.text("budget_class");
  w.end_row();
  for (const programme::MissedRecord& m : report.tally.missed()) {
    w.text(format_day(m.date)).integer(report.scenario.years[m.year_index].year);
    w.text(pop.regions[m.region].id).text(pop.ugels[m.ugel].name).text(coach_name(m.coach));
    w.text(m.school == UINT32_MAX ? std::string_view{} : pop.schools[m.school].id);
    w.text(ledger::activity_id(m.activity)).integer(m.round + 1).integer(m.quantity);
    w.text(programme::miss_reason_id(m.reason));
    if (budget) w.text(missed_budget_class(m.activity));
    w.end_row();
  }
  return out;
}

}  // namespace coachsim::report
