// dose.csv: teachers and students by dose received. (The outcome and price columns of
// regions.csv / national.csv are declared in results/metric_list.cpp.)
#include "csv_writer.hpp"
#include "report_files.hpp"

namespace coachsim::report {

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
