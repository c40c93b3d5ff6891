// ledger.csv: every entry with its provenance, amount = round(quantity x rate).
#include <chrono>
#include <cstdio>

#include "coachsim/engine/calendar.hpp"
#include "csv_writer.hpp"
#include "report_files.hpp"

namespace coachsim::report {

std::string format_day(std::int32_t days_since_epoch) {
  return engine::format_date(engine::Date{std::chrono::days{days_since_epoch}});
}

std::string coach_name(std::uint32_t coach) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "coach-%05u", coach);
  return buf;
}

std::string supervisor_name(std::uint32_t supervisor) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "supervisor-%04u", supervisor);
  return buf;
}

std::string ref_name(const RunReport& r, const ledger::Entry& e) {
  switch (e.ref_kind) {
    case ledger::RefKind::kCoach:
      return coach_name(e.ref_id);
    case ledger::RefKind::kSchool:
      return r.population.schools[e.ref_id].id;
    case ledger::RefKind::kSupervisor:
      return supervisor_name(e.ref_id);
    case ledger::RefKind::kStaffRole:
      return r.scenario.staff_roles[e.ref_id].id;
    case ledger::RefKind::kRegion:
      return r.population.regions[e.ref_id].id;
    case ledger::RefKind::kCentral:
      return r.scenario.central_costs[e.ref_id].label;
  }
  return {};
}

std::string region_name(const RunReport& report, std::uint32_t region) {
  return region < report.population.regions.size() ? report.population.regions[region].id
                                                   : std::string(kOutsideRegions);
}

bool write_ledger_csv(const RunReport& report, std::FILE* file) {
  std::string out;
  out.reserve(1 << 20);
  CsvWriter w(out);
  for (const char* h : {"entry", "date", "year", "region", "ugel", "category", "activity",
                        "ref_kind", "ref", "coach", "quantity", "unit", "rate", "amount", "event"})
    w.text(h);
  w.end_row();
  const programme::Population& pop = report.population;
  std::uint64_t n = 0;
  for (const ledger::Entry& e : report.ledger.entries()) {
    w.integer(static_cast<std::int64_t>(++n)).text(format_day(e.date));
    w.integer(report.scenario.years[e.year_index].year).text(region_name(report, e.region));
    w.text(e.ugel == ledger::kNoUgel ? std::string_view{} : pop.ugels[e.ugel].name);
    w.text(ledger::category_id(e.category)).text(ledger::activity_id(e.activity));
    w.text(ledger::ref_kind_id(e.ref_kind)).text(ref_name(report, e));
    w.text(e.coach == ledger::kNoCoach ? std::string{} : coach_name(e.coach));
    w.number(e.quantity).text(ledger::unit_id(e.unit)).money(e.rate).money(e.amount);
    w.integer(static_cast<std::int64_t>(e.event));
    w.end_row();
    if (out.size() > (1u << 20) - 512) {
      if (std::fwrite(out.data(), 1, out.size(), file) != out.size()) return false;
      out.clear();
    }
  }
  return std::fwrite(out.data(), 1, out.size(), file) == out.size();
}

}  // namespace coachsim::report
