// Turning ledger totals and tallies into rows: sums first, ratios last, each ratio from the
// same sums a user can recompute from regions.csv.
#include "coachsim/results/results.hpp"

#include "coachsim/units/rounding.hpp"

namespace coachsim::results {
namespace {

void add(programme::RegionYearTally& a, const programme::RegionYearTally& b) {
  a.schools += b.schools;
  a.teachers += b.teachers;
  a.students += b.students;
  a.coaches += b.coaches;
  a.supervisors += b.supervisors;
  a.staff += b.staff;
  a.visits_planned += b.visits_planned;
  a.visits_done += b.visits_done;
  a.visit_days_planned += b.visit_days_planned;
  a.visit_days_done += b.visit_days_done;
  a.gia_planned += b.gia_planned;
  a.gia_done += b.gia_done;
  a.rtc_planned += b.rtc_planned;
  a.rtc_done += b.rtc_done;
  a.teacher_workshop_days_planned += b.teacher_workshop_days_planned;
  a.teacher_workshop_days_done += b.teacher_workshop_days_done;
  a.coach_workshop_days_planned += b.coach_workshop_days_planned;
  a.coach_workshop_days_done += b.coach_workshop_days_done;
  a.supervisor_visits_planned += b.supervisor_visits_planned;
  a.supervisor_visits_done += b.supervisor_visits_done;
  a.teachers_reached += b.teachers_reached;
  a.teachers_full_protocol += b.teachers_full_protocol;
  a.trips += b.trips;
  a.overnight_trips += b.overnight_trips;
  a.coach_days_travel += b.coach_days_travel;
  a.coach_days_rain_extra += b.coach_days_rain_extra;
  for (int k = 0; k < programme::kMissReasonCount; ++k) a.missed[k] += b.missed[k];
  a.coaches_hired += b.coaches_hired;
  a.coaches_left += b.coaches_left;
  a.coaches_replaced += b.coaches_replaced;
  a.coach_training_days += b.coach_training_days;
  for (int k = 0; k < 3; ++k) a.teachers_stage[k] += b.teachers_stage[k];
  a.teachers_new += b.teachers_new;
  add_dose(a, b);
}

double ratio(std::int64_t num, std::int64_t den) {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

void finish(Row& row, const scenario::Scenario& s) {
  row.cost_total = 0;
  for (std::int64_t c : row.cost_by_category) row.cost_total += c;
  const programme::RegionYearTally& t = row.tally;
  auto per = [&](std::int64_t count) {
    return count == 0 ? 0 : units::divide_half_away(row.cost_total, count);
  };
  row.cost_per_teacher = per(t.teachers);
  row.cost_per_student = per(t.students);
  row.cost_per_coach = per(t.coaches);
  row.teachers_per_coach = ratio(t.teachers, t.coaches);
  row.students_per_coach = ratio(t.students, t.coaches);
  row.compliance_pct = 100.0 * ratio(t.visits_done, t.visits_planned);
  row.coverage_pct = 100.0 * ratio(t.teachers_reached, t.teachers);
  row.full_protocol_pct = 100.0 * ratio(t.teachers_full_protocol, t.teachers);
  if (s.prices) price_row(row, *s.prices);
  finish_outcomes(row);
}

}  // namespace

Results aggregate(const scenario::Scenario& s, const programme::Population& pop,
                  const ledger::Ledger& ledger, const programme::Tally& tally) {
  Results out;
  out.has_outcomes = s.outcomes.has_value();
  out.has_prices = s.prices.has_value();
  for (std::size_t y = 0; y < s.years.size(); ++y) {
    Row nation;
    nation.region = "national";
    nation.national = true;
    nation.year = s.years[y].year;
    nation.year_index = y;
    std::vector<Row> rows;
    for (std::size_t r = 0; r < pop.regions.size(); ++r) {
      Row row;
      row.region = pop.regions[r].id;
      row.year = s.years[y].year;
      row.year_index = y;
      row.tally = tally.at(y, r);
      for (int c = 0; c < ledger::kCategoryCount; ++c) {
        row.cost_by_category[static_cast<std::size_t>(c)] =
            ledger.total(y, r, static_cast<ledger::Category>(c));
        nation.cost_by_category[static_cast<std::size_t>(c)] +=
            row.cost_by_category[static_cast<std::size_t>(c)];
      }
      add(nation.tally, row.tally);
      finish(row, s);
      rows.push_back(std::move(row));
    }
    for (int c = 0; c < ledger::kCategoryCount; ++c) {
      const std::int64_t outside =
          ledger.total(y, pop.regions.size(), static_cast<ledger::Category>(c));
      nation.cost_by_category[static_cast<std::size_t>(c)] += outside;
      nation.cost_outside_regions += outside;
    }
    finish(nation, s);
    out.grand_total += nation.cost_total;

    // Spread across regions that ran the programme this year.
    struct Metric {
      const char* name;
      double (*get)(const Row&);
      bool money;
    };
    static const Metric metrics[] = {
        {"cost_per_teacher", [](const Row& r) { return r.cost_per_teacher / 100.0; }, true},
        {"cost_per_student", [](const Row& r) { return r.cost_per_student / 100.0; }, true},
        {"cost_per_coach", [](const Row& r) { return r.cost_per_coach / 100.0; }, true},
        {"teachers_per_coach", [](const Row& r) { return r.teachers_per_coach; }, false},
        {"students_per_coach", [](const Row& r) { return r.students_per_coach; }, false},
        {"compliance_pct", [](const Row& r) { return r.compliance_pct; }, false},
    };
    for (const Metric& m : metrics) {
      std::vector<double> values;
      std::vector<const Row*> who;
      for (const Row& row : rows) {
        if (row.tally.teachers == 0 || row.tally.coaches == 0) continue;
        if (s.regions[static_cast<std::size_t>(&row - rows.data())].exclude_from_statistics)
          continue;
        values.push_back(m.get(row));
        who.push_back(&row);
      }
      if (values.empty()) continue;
      Spread sp = spread_of(values);
      sp.year = nation.year;
      sp.metric = m.name;
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] == sp.min && sp.min_region.empty()) sp.min_region = who[i]->region;
        if (values[i] == sp.max && sp.max_region.empty()) sp.max_region = who[i]->region;
      }
      out.variance.push_back(std::move(sp));
    }
    // Execution by month, per region and national.
    const std::size_t slots = ledger.regions();
    std::vector<std::int64_t> national(12, 0);
    for (std::size_t r = 0; r < slots; ++r) {
      std::int64_t cumulative = 0;
      for (unsigned m = 1; m <= 12; ++m) {
        const std::int64_t c = ledger.month_total(y, m, r);
        national[m - 1] += c;
        cumulative += c;
        if (r < pop.regions.size())
          out.monthly.push_back({nation.year, m, pop.regions[r].id, c, cumulative});
      }
    }
    std::int64_t cumulative = 0;
    for (unsigned m = 1; m <= 12; ++m) {
      cumulative += national[m - 1];
      out.monthly.push_back({nation.year, m, "national", national[m - 1], cumulative});
    }
    for (Row& row : rows) out.regions.push_back(std::move(row));
    out.national.push_back(std::move(nation));
  }
  cost_effectiveness(out, s);  // needs every year's rows: gains over the cost of all years
  return out;
}

}  // namespace coachsim::results
