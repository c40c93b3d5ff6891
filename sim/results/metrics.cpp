// The flat metric list: every figure of regions.csv and national.csv that a sweep or a
// comparison summarises, plus national totals over all years.
#include "coachsim/results/metrics.hpp"

#include "coachsim/units/rounding.hpp"

namespace coachsim::results {
namespace {

double pct(std::int64_t num, std::int64_t den) {
  return den == 0 ? 0.0 : 100.0 * static_cast<double>(num) / static_cast<double>(den);
}

void add_row(const Results& results, const Row& row, int year, std::vector<Metric>& out) {
  const programme::RegionYearTally& t = row.tally;
  auto add = [&](std::string name, MetricUnit unit, double value) {
    out.push_back(Metric{row.region, year, std::move(name), unit, value});
  };
  auto money = [](std::int64_t c) { return static_cast<double>(c); };
  add("cost_total", MetricUnit::kCentimos, money(row.cost_total));
  for (int c = 0; c < ledger::kCategoryCount; ++c)
    add("cost_" + std::string(ledger::category_id(static_cast<ledger::Category>(c))),
        MetricUnit::kCentimos, money(row.cost_by_category[static_cast<std::size_t>(c)]));
  if (row.national)
    add("cost_outside_regions", MetricUnit::kCentimos, money(row.cost_outside_regions));
  add("cost_per_teacher", MetricUnit::kCentimos, money(row.cost_per_teacher));
  add("cost_per_student", MetricUnit::kCentimos, money(row.cost_per_student));
  add("cost_per_coach", MetricUnit::kCentimos, money(row.cost_per_coach));
  // Cost per teacher who received every visit of the protocol: what a cut that keeps spending
  // but breaks the protocol makes plain.
  add("cost_per_full_protocol_teacher", MetricUnit::kCentimos,
      t.teachers_full_protocol == 0
          ? 0.0
          : money(units::divide_half_away(row.cost_total, t.teachers_full_protocol)));
  add("teachers", MetricUnit::kCount, static_cast<double>(t.teachers));
  add("students", MetricUnit::kCount, static_cast<double>(t.students));
  add("coaches", MetricUnit::kCount, static_cast<double>(t.coaches));
  add("supervisors", MetricUnit::kCount, static_cast<double>(t.supervisors));
  add("teachers_reached", MetricUnit::kCount, static_cast<double>(t.teachers_reached));
  add("teachers_full_protocol", MetricUnit::kCount, static_cast<double>(t.teachers_full_protocol));
  add("visits_planned", MetricUnit::kCount, static_cast<double>(t.visits_planned));
  add("visits_done", MetricUnit::kCount, static_cast<double>(t.visits_done));
  add("coverage_pct", MetricUnit::kPercent, pct(t.teachers_reached, t.teachers));
  add("compliance_pct", MetricUnit::kPercent, pct(t.visits_done, t.visits_planned));
  add("full_protocol_pct", MetricUnit::kPercent, pct(t.teachers_full_protocol, t.teachers));
  add("teachers_per_coach", MetricUnit::kRatio, row.teachers_per_coach);
  // Only for scenarios with prices: / outcomes:, so every run of one scenario has one layout.
  const RowOutcomes& o = row.outcome;
  if (results.has_prices) {
    // US$ figures are in US cents, shown with two decimals like céntimos.
    add("cost_total_nominal", MetricUnit::kCentimos, money(o.cost_total_nominal));
    add("cost_total_usd", MetricUnit::kCentimos, money(o.cost_total_usd));
    add("cost_per_teacher_usd", MetricUnit::kCentimos, money(o.cost_per_teacher_usd));
    add("cost_per_student_usd", MetricUnit::kCentimos, money(o.cost_per_student_usd));
  }
  if (results.has_outcomes) {
    add("teachers_coached", MetricUnit::kCount, static_cast<double>(o.teachers_coached));
    add("students_coached", MetricUnit::kCount, static_cast<double>(o.students_coached));
    add("student_learning_sd", MetricUnit::kRatio, o.student_learning_sd);
    add("teacher_practice_sd", MetricUnit::kRatio, o.teacher_practice_sd);
    if (results.has_prices) add("sd_per_usd100", MetricUnit::kRatio, o.sd_per_usd100);
  }
}

}  // namespace

std::string_view metric_unit_id(MetricUnit u) {
  switch (u) {
    case MetricUnit::kCentimos:
      return "centimos";
    case MetricUnit::kCount:
      return "count";
    case MetricUnit::kPercent:
      return "percent";
    case MetricUnit::kRatio:
      return "ratio";
  }
  return "count";
}

std::vector<Metric> metrics_of(const Results& results) {
  std::vector<Metric> out;
  for (const Row& row : results.regions) add_row(results, row, row.year, out);
  Row all;
  all.region = "national";
  all.national = true;
  for (const Row& row : results.national) {
    add_row(results, row, row.year, out);
    for (std::size_t c = 0; c < all.cost_by_category.size(); ++c)
      all.cost_by_category[c] += row.cost_by_category[c];
    all.cost_outside_regions += row.cost_outside_regions;
    all.cost_total += row.cost_total;
    // Teacher-years: a teacher coached in three years counts three times.
    all.tally.teachers += row.tally.teachers;
    all.tally.students += row.tally.students;
    all.tally.coaches += row.tally.coaches;
    all.tally.supervisors += row.tally.supervisors;
    all.tally.teachers_reached += row.tally.teachers_reached;
    all.tally.teachers_full_protocol += row.tally.teachers_full_protocol;
    all.tally.visits_planned += row.tally.visits_planned;
    all.tally.visits_done += row.tally.visits_done;
    add_dose(all.tally, row.tally);
    all.outcome.cost_total_nominal += row.outcome.cost_total_nominal;
    all.outcome.cost_total_usd += row.outcome.cost_total_usd;
  }
  auto per = [&](std::int64_t n) {
    return n == 0 ? std::int64_t{0} : units::divide_half_away(all.cost_total, n);
  };
  all.cost_per_teacher = per(all.tally.teachers);
  all.cost_per_student = per(all.tally.students);
  all.cost_per_coach = per(all.tally.coaches);
  all.teachers_per_coach = all.tally.coaches == 0 ? 0.0
                                                  : static_cast<double>(all.tally.teachers) /
                                                        static_cast<double>(all.tally.coaches);
  finish_outcomes(all);
  // Each cohort's gain at its end over the cost of every year that produced it (not a sum of
  // the yearly figures: the effects are levels, not increments).
  all.outcome.sd_per_usd100 = results.sd_per_usd100_all;
  add_row(results, all, 0, out);
  return out;
}

std::string money_currency(std::string_view metric_name, const std::string& currency) {
  const std::string_view suffix = "_usd";
  const bool usd = metric_name.size() > suffix.size() &&
                   metric_name.substr(metric_name.size() - suffix.size()) == suffix;
  return usd ? "USD" : currency;
}

std::string metric_key(const Metric& m) {
  return m.scope + "/" + (m.year == 0 ? std::string("all") : std::to_string(m.year)) + "/" + m.name;
}

}  // namespace coachsim::results
