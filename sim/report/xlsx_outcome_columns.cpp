// The prices: and outcomes: columns of regions.csv (outcome_header / outcome_cells in
// outcomes_csv.cpp) for the "By region and year" sheet: nominal and US$ costs, teachers and
// students coached, effects in SD, cost per full-protocol teacher and SD per US$100. None for a
// scenario without prices: or outcomes:.
#include "xlsx_sheet.hpp"

namespace coachsim::report::xlsx {

void outcome_column_names(std::vector<std::string>& names, const results::Results& results) {
  if (results.has_prices)
    for (const char* h :
         {"cost_total_nominal", "cost_total_usd", "cost_per_teacher_usd", "cost_per_student_usd"})
      names.emplace_back(h);
  if (results.has_outcomes) {
    for (const char* h : {"teachers_coached", "students_coached", "student_learning_sd",
                          "teacher_practice_sd", "cost_per_full_protocol_teacher"})
      names.emplace_back(h);
    if (results.has_prices) names.emplace_back("sd_per_usd100");
  }
}

void outcome_column_cells(Sheet& sh, const results::Row& r, const results::Results& results) {
  const results::RowOutcomes& o = r.outcome;
  // US$ amounts are céntimos of US$ (two decimals), as in regions.csv; the sheet's money format
  // carries the scenario currency, so they are plain decimals here.
  auto usd = [&](std::int64_t cents) { sh.decimal(static_cast<double>(cents) / 100.0); };
  if (results.has_prices) {
    sh.money(o.cost_total_nominal);
    usd(o.cost_total_usd);
    usd(o.cost_per_teacher_usd);
    usd(o.cost_per_student_usd);
  }
  if (results.has_outcomes) {
    sh.count(o.teachers_coached).count(o.students_coached);
    sh.number(o.student_learning_sd).number(o.teacher_practice_sd);
    sh.money(o.cost_per_full_protocol_teacher);
    if (results.has_prices) sh.number(o.sd_per_usd100);
  }
}

}  // namespace coachsim::report::xlsx
