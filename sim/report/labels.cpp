// Labels of ids in the human-facing reports (labels.hpp).
#include "labels.hpp"

#include "coachsim/i18n/tr.hpp"

namespace coachsim::report {
// English shows the id itself (as in the CSV files); another language its translation, with
// the context "metric" so the translator knows it names a column.
std::string metric_label(std::string_view metric_id) {
  const auto is = [&](const char* id) { return metric_id == id; };
  if (is("teachers")) return trc("metric", "teachers");
  if (is("schools")) return trc("metric", "schools");
  if (is("students")) return trc("metric", "students");
  if (is("coaches")) return trc("metric", "coaches");
  if (is("supervisors")) return trc("metric", "supervisors");
  if (is("staff")) return trc("metric", "staff");
  if (is("visits_planned")) return trc("metric", "visits_planned");
  if (is("visits_done")) return trc("metric", "visits_done");
  if (is("teachers_reached")) return trc("metric", "teachers_reached");
  if (is("teachers_full_protocol")) return trc("metric", "teachers_full_protocol");
  if (is("visit_days_planned")) return trc("metric", "visit_days_planned");
  if (is("visit_days_done")) return trc("metric", "visit_days_done");
  if (is("gia_planned")) return trc("metric", "gia_planned");
  if (is("gia_done")) return trc("metric", "gia_done");
  if (is("rtc_planned")) return trc("metric", "rtc_planned");
  if (is("rtc_done")) return trc("metric", "rtc_done");
  if (is("teacher_workshop_days_planned")) return trc("metric", "teacher_workshop_days_planned");
  if (is("teacher_workshop_days_done")) return trc("metric", "teacher_workshop_days_done");
  if (is("coach_workshop_days_planned")) return trc("metric", "coach_workshop_days_planned");
  if (is("coach_workshop_days_done")) return trc("metric", "coach_workshop_days_done");
  if (is("supervisor_visits_planned")) return trc("metric", "supervisor_visits_planned");
  if (is("supervisor_visits_done")) return trc("metric", "supervisor_visits_done");
  if (is("trips")) return trc("metric", "trips");
  if (is("overnight_trips")) return trc("metric", "overnight_trips");
  if (is("coach_days_travel")) return trc("metric", "coach_days_travel");
  if (is("coach_days_rain_extra")) return trc("metric", "coach_days_rain_extra");
  if (is("coaches_hired")) return trc("metric", "coaches_hired");
  if (is("coaches_left")) return trc("metric", "coaches_left");
  if (is("coaches_replaced")) return trc("metric", "coaches_replaced");
  if (is("coach_training_days")) return trc("metric", "coach_training_days");
  if (is("teachers_new")) return trc("metric", "teachers_new");
  if (is("visits_missed_no_coach_time")) return trc("metric", "visits_missed_no_coach_time");
  if (is("visits_missed_late_contract")) return trc("metric", "visits_missed_late_contract");
  if (is("visits_missed_vacancy")) return trc("metric", "visits_missed_vacancy");
  if (is("visits_missed_cancelled")) return trc("metric", "visits_missed_cancelled");
  if (is("visits_missed_not_hired")) return trc("metric", "visits_missed_not_hired");
  if (is("teachers_stage1")) return trc("metric", "teachers_stage1");
  if (is("teachers_stage2")) return trc("metric", "teachers_stage2");
  if (is("teachers_stage3")) return trc("metric", "teachers_stage3");
  if (is("compliance_pct")) return trc("metric", "compliance_pct");
  if (is("coverage_pct")) return trc("metric", "coverage_pct");
  if (is("full_protocol_pct")) return trc("metric", "full_protocol_pct");
  if (is("cost_total")) return trc("metric", "cost_total");
  if (is("cost_outside_regions")) return trc("metric", "cost_outside_regions");
  if (is("cost_per_teacher")) return trc("metric", "cost_per_teacher");
  if (is("cost_per_student")) return trc("metric", "cost_per_student");
  if (is("cost_per_coach")) return trc("metric", "cost_per_coach");
  if (is("cost_per_full_protocol_teacher")) return trc("metric", "cost_per_full_protocol_teacher");
  if (is("teachers_per_coach")) return trc("metric", "teachers_per_coach");
  if (is("students_per_coach")) return trc("metric", "students_per_coach");
  // The audit's ratios (audit_spread.csv).
  if (is("coaches_per_staff")) return trc("metric", "coaches_per_staff");
  if (is("students_per_school")) return trc("metric", "students_per_school");
  // The terms of the audit's regression of cost per teacher (audit_regression.csv).
  if (is("intercept")) return trc("metric", "intercept");
  if (is("mean_distance_km")) return trc("metric", "mean_distance_km");
  if (is("staff_per_coach")) return trc("metric", "staff_per_coach");
  if (is("border_share")) return trc("metric", "border_share");
  if (is("amazon")) return trc("metric", "amazon");
  if (is("price_index")) return trc("metric", "price_index");
  if (is("cost_total_nominal")) return trc("metric", "cost_total_nominal");
  if (is("cost_total_usd")) return trc("metric", "cost_total_usd");
  if (is("cost_per_teacher_usd")) return trc("metric", "cost_per_teacher_usd");
  if (is("cost_per_student_usd")) return trc("metric", "cost_per_student_usd");
  if (is("teachers_coached")) return trc("metric", "teachers_coached");
  if (is("students_coached")) return trc("metric", "students_coached");
  if (is("student_learning_sd")) return trc("metric", "student_learning_sd");
  if (is("teacher_practice_sd")) return trc("metric", "teacher_practice_sd");
  if (is("sd_per_usd100")) return trc("metric", "sd_per_usd100");
  // The cost of one ledger category: "cost_" and the category's id.
  // A scenario's own category (cost_categories:) keeps its column id.
  const costs::CostTable& builtin = *costs::CostTable::builtin();
  costs::Category category = costs::Category::kOther;
  if (metric_id.starts_with("cost_") && builtin.find_category(metric_id.substr(5), category))
    return trf("cost_{0}", {category_label(builtin, category)});
  return std::string(metric_id);
}

// A built-in category: English shows the id (as in ledger.csv), another language its
// translation; a scenario's own category its declared label.
std::string category_label(const costs::CostTable& costs, costs::Category c) {
  if (!costs::CostTable::is_builtin(c)) return costs.category(c).label;
  switch (c) {
    case costs::Category::kCoachContracts:
      return trc("category", "coach_contracts");
    case costs::Category::kTravel:
      return trc("category", "travel");
    case costs::Category::kPerDiem:
      return trc("category", "per_diem");
    case costs::Category::kTeacherWorkshops:
      return trc("category", "teacher_workshops");
    case costs::Category::kCoachTraining:
      return trc("category", "coach_training");
    case costs::Category::kSupervision:
      return trc("category", "supervision");
    case costs::Category::kRegionalStaff:
      return trc("category", "regional_staff");
    case costs::Category::kMaterials:
      return trc("category", "materials");
    case costs::Category::kOther:
      return trc("category", "other");
  }
  return "?";
}

std::string category_label_of_id(std::string_view id) {
  const costs::CostTable& builtin = *costs::CostTable::builtin();
  costs::Category c = costs::Category::kOther;
  return builtin.find_category(id, c) ? category_label(builtin, c) : std::string(id);
}

std::string region_label(std::string_view region) {
  if (region == "national") return trc("region", "national");
  if (region == "(outside regions)") return trc("region", "(outside regions)");
  return std::string(region);
}

std::string month_name(std::string_view m) {
  if (m == "Jan") return trc("month", "Jan");
  if (m == "Feb") return trc("month", "Feb");
  if (m == "Mar") return trc("month", "Mar");
  if (m == "Apr") return trc("month", "Apr");
  if (m == "May") return trc("month", "May");
  if (m == "Jun") return trc("month", "Jun");
  if (m == "Jul") return trc("month", "Jul");
  if (m == "Aug") return trc("month", "Aug");
  if (m == "Sep") return trc("month", "Sep");
  if (m == "Oct") return trc("month", "Oct");
  if (m == "Nov") return trc("month", "Nov");
  if (m == "Dec") return trc("month", "Dec");
  return std::string(m);
}

std::size_t text_width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;  // not a continuation byte
  return n;
}

std::string pad_left(const std::string& s, std::size_t width) {
  const std::size_t w = text_width(s);
  return w >= width ? s : std::string(width - w, ' ') + s;
}

std::string pad_right(const std::string& s, std::size_t width) {
  const std::size_t w = text_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

}  // namespace coachsim::report
