// The outcome and price columns at the end of regions.csv / national.csv (only for scenarios
// with outcomes: / prices:), and dose.csv: teachers and students by dose received.
#include "csv_writer.hpp"
#include "report_files.hpp"

namespace coachsim::report {

void outcome_header(CsvWriter& w, const results::Results& results) {
  if (results.has_prices) {
    for (const char* h :
         {"cost_total_nominal", "cost_total_usd", "cost_per_teacher_usd", "cost_per_student_usd"})
      w.text(h);
  }
  if (results.has_outcomes) {
    for (const char* h : {"teachers_coached", "students_coached", "student_learning_sd",
                          "teacher_practice_sd", "cost_per_full_protocol_teacher"})
      w.text(h);
    if (results.has_prices) w.text("sd_per_usd100");
  }
}

void outcome_cells(CsvWriter& w, const results::Row& r, const results::Results& results) {
  const results::RowOutcomes& o = r.outcome;
  if (results.has_prices) {
    w.money(o.cost_total_nominal).money(o.cost_total_usd);
    w.money(o.cost_per_teacher_usd).money(o.cost_per_student_usd);
  }
  if (results.has_outcomes) {
    w.integer(o.teachers_coached).integer(o.students_coached);
    w.fixed(o.student_learning_sd, 4).fixed(o.teacher_practice_sd, 4);
    w.money(o.cost_per_full_protocol_teacher);
    if (results.has_prices) w.fixed(o.sd_per_usd100, 4);
  }
}

std::string dose_csv(const RunReport& report) {
  std::string out;
  CsvWriter w(out);
  for (const char* h :
       {"region", "year", "years_coached", "visits_received", "teachers", "students"})
    w.text(h);
  w.end_row();
  auto rows = [&](const std::vector<results::Row>& list) {
    for (const results::Row& r : list) {
      for (int y = 0; y < programme::kMaxYearsCoached; ++y) {
        for (int v = 0; v < programme::kMaxDose; ++v) {
          if (r.tally.teachers_by_dose[y][v] == 0) continue;
          w.text(r.region).integer(r.year).integer(y + 1).integer(v);
          w.integer(r.tally.teachers_by_dose[y][v]).integer(r.tally.students_by_dose[y][v]);
          w.end_row();
        }
      }
    }
  };
  rows(report.results.regions);
  rows(report.results.national);
  return out;
}

}  // namespace coachsim::report
