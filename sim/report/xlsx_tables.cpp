// The "By region and year" sheet (the columns of regions.csv) and the "By category" sheet
// (region x year x category, with national rows that include spending outside the regions).
#include "coachsim/ledger/entry.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "report_files.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report::xlsx {
namespace {

using programme::RegionYearTally;
using results::Row;

enum class Kind { kCount, kPercent, kMoney, kDecimal };

struct Column {
  const char* id;  // as in regions.csv
  Kind kind;
  double (*value)(const Row&);  // counts and céntimos are exact in a double
};

double missed(const Row& r, programme::MissReason why) {
  return static_cast<double>(r.tally.missed[static_cast<int>(why)]);
}

#define COUNT(field)                                                                      \
  {                                                                                       \
#field, Kind::kCount, [](const Row& r) { return static_cast<double>(r.tally.field); } \
  }
#define MONEY(field)                                                                \
  {                                                                                 \
#field, Kind::kMoney, [](const Row& r) { return static_cast<double>(r.field); } \
  }

// The columns of regions.csv after region and year, in its order.
const Column kColumns[] = {
    COUNT(teachers),
    COUNT(schools),
    COUNT(students),
    COUNT(coaches),
    COUNT(supervisors),
    COUNT(staff),
    COUNT(visits_planned),
    COUNT(visits_done),
    {"compliance_pct", Kind::kPercent, [](const Row& r) { return r.compliance_pct; }},
    COUNT(teachers_reached),
    {"coverage_pct", Kind::kPercent, [](const Row& r) { return r.coverage_pct; }},
    COUNT(teachers_full_protocol),
    {"full_protocol_pct", Kind::kPercent, [](const Row& r) { return r.full_protocol_pct; }},
    COUNT(visit_days_planned),
    COUNT(visit_days_done),
    COUNT(gia_planned),
    COUNT(gia_done),
    COUNT(rtc_planned),
    COUNT(rtc_done),
    COUNT(teacher_workshop_days_planned),
    COUNT(teacher_workshop_days_done),
    COUNT(coach_workshop_days_planned),
    COUNT(coach_workshop_days_done),
    COUNT(supervisor_visits_planned),
    COUNT(supervisor_visits_done),
    COUNT(trips),
    COUNT(overnight_trips),
    COUNT(coach_days_travel),
    COUNT(coach_days_rain_extra),
    {"visits_missed_no_coach_time", Kind::kCount,
     [](const Row& r) { return missed(r, programme::MissReason::kNoCoachTime); }},
    {"visits_missed_late_contract", Kind::kCount,
     [](const Row& r) { return missed(r, programme::MissReason::kLateContract); }},
    MONEY(cost_total),
    MONEY(cost_per_teacher),
    MONEY(cost_per_student),
    MONEY(cost_per_coach),
    {"teachers_per_coach", Kind::kDecimal, [](const Row& r) { return r.teachers_per_coach; }},
    {"students_per_coach", Kind::kDecimal, [](const Row& r) { return r.students_per_coach; }},
};

#undef COUNT
#undef MONEY

std::string category_name(int c) {
  return std::string(ledger::category_id(static_cast<ledger::Category>(c)));
}

double share(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

void region_year_sheet(Book& book, const RunReport& report) {
  Sheet sh(book, "By region and year");
  std::vector<std::string> names = {"region", "year"};
  for (const Column& c : kColumns) names.emplace_back(c.id);
  for (int c = 0; c < ledger::kCategoryCount; ++c) names.push_back("cost_" + category_name(c));
  outcome_column_names(names, report.results);
  sh.header(names);
  for (const Row& r : report.results.regions) {
    sh.text(r.region).integer(r.year);
    for (const Column& c : kColumns) {
      const double v = c.value(r);
      switch (c.kind) {
        case Kind::kCount:
          sh.count(static_cast<std::int64_t>(v));
          break;
        case Kind::kPercent:
          sh.percent(fraction(v));
          break;
        case Kind::kMoney:
          sh.money(static_cast<std::int64_t>(v));
          break;
        case Kind::kDecimal:
          sh.decimal(v);
          break;
      }
    }
    for (std::int64_t cost : r.cost_by_category) sh.money(cost);
    outcome_column_cells(sh, r, report.results);
    sh.end_row();
  }
  sh.freeze(2);
  sh.filter();
  sh.finish();
}

void category_sheet(Book& book, const RunReport& report) {
  const std::size_t outside = report.population.regions.size();  // the ledger's last slot
  const bool has_outside = !report.scenario.central_costs.empty();
  Sheet sh(book, "By category");
  sh.header({"year", "region", "category", "cost", "share of the region's year"});
  auto rows = [&](int year, const std::string& region, const auto& cost_of, std::int64_t total) {
    for (int c = 0; c < ledger::kCategoryCount; ++c) {
      const std::int64_t cost = cost_of(c);
      sh.integer(year).text(region).text(category_name(c)).money(cost).percent(share(cost, total));
      sh.end_row();
    }
  };
  for (std::size_t y = 0; y < report.results.national.size(); ++y) {
    for (const Row& r : report.results.regions) {
      if (r.year_index != y) continue;
      rows(
          r.year, r.region, [&](int c) { return r.cost_by_category[static_cast<std::size_t>(c)]; },
          r.cost_total);
    }
    const Row& nation = report.results.national[y];
    if (has_outside)
      rows(
          nation.year, std::string(kOutsideRegions),
          [&](int c) { return report.ledger.total(y, outside, static_cast<ledger::Category>(c)); },
          nation.cost_outside_regions);
    rows(
        nation.year, nation.region,
        [&](int c) { return nation.cost_by_category[static_cast<std::size_t>(c)]; },
        nation.cost_total);
  }
  sh.freeze(0);
  sh.filter();
  sh.finish();
}

}  // namespace coachsim::report::xlsx
