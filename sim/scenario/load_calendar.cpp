// Loads calendar: (weekend, fixed holidays) and years: (terms, holidays, contract, workshop
// start dates). Form only; date ranges and counts are checked in validate_calendar.cpp.
#include "coachsim/i18n/tr.hpp"
#include "load_sections.hpp"

namespace coachsim::scenario::detail {

namespace {

void load_dates(Reader& reader, const YAML::Node& node, const std::string& path,
                std::vector<Date>& out) {
  for_each_item(reader, node, path, tr("dates YYYY-MM-DD"),
                [&](const YAML::Node& item, const std::string& item_path) {
                  out.push_back(reader.date(item, item_path).value_or(Date{}));
                });
}

void load_term(Reader& reader, const YAML::Node& node, const std::string& path, DateRange& out) {
  MapReader m(reader, node, path, {"from", "to"}, tr("term dates (from, to)"));
  if (auto d = m.date("from", Need::kRequired)) out.first = *d;
  if (auto d = m.date("to", Need::kRequired)) out.last = *d;
}

void load_year(Reader& reader, const YAML::Node& node, const std::string& path, SchoolYear& out) {
  MapReader m(reader, node, path,
              {"year", "terms", "holidays", "contract", "coach_workshops", "teacher_workshops"},
              tr("school year settings"));
  if (auto v = m.integer("year", Need::kRequired)) out.year = *v;
  if (auto terms = m.get("terms", Need::kRequired, tr("a list of terms {from, to}"))) {
    for_each_item(reader, *terms, m.path("terms"), tr("terms {from, to}"),
                  [&](const YAML::Node& item, const std::string& item_path) {
                    out.terms.emplace_back();
                    load_term(reader, item, item_path, out.terms.back());
                  });
  }
  if (auto list = m.get("holidays", Need::kOptional, tr("a list of dates"))) {
    load_dates(reader, *list, m.path("holidays"), out.holidays);
  }
  if (auto contract = m.get("contract", Need::kRequired, tr("a map {start, end}"))) {
    MapReader c(reader, *contract, m.path("contract"), {"start", "end"},
                tr("contract dates (start, end)"));
    if (auto d = c.date("start", Need::kRequired)) out.contract_start = *d;
    if (auto d = c.date("end", Need::kRequired)) out.contract_end = *d;
  }
  if (auto list = m.get("coach_workshops", Need::kOptional, tr("a list of dates"))) {
    load_dates(reader, *list, m.path("coach_workshops"), out.coach_workshop_starts);
  }
  if (auto list = m.get("teacher_workshops", Need::kOptional, tr("a list of dates"))) {
    load_dates(reader, *list, m.path("teacher_workshops"), out.teacher_workshop_starts);
  }
}

}  // namespace

void load_calendar(Reader& reader, MapReader& top, Scenario& out) {
  out.weekend = {std::chrono::Saturday, std::chrono::Sunday};
  if (auto node = top.get("calendar", Need::kOptional, tr("a map {weekend, fixed_holidays}"))) {
    MapReader cal(reader, *node, "calendar", {"weekend", "fixed_holidays"},
                  tr("calendar settings"));
    if (auto list = cal.get("weekend", Need::kOptional, tr("a list of weekdays"))) {
      out.weekend.clear();
      for_each_item(
          reader, *list, "calendar.weekend", tr("weekdays (mon..sun)"),
          [&](const YAML::Node& item, const std::string& path) {
            out.weekend.push_back(reader.weekday(item, path).value_or(std::chrono::weekday{}));
          });
    }
    if (auto list = cal.get("fixed_holidays", Need::kOptional, tr("a list of days MM-DD"))) {
      for_each_item(
          reader, *list, "calendar.fixed_holidays", tr("days of the year MM-DD"),
          [&](const YAML::Node& item, const std::string& path) {
            out.fixed_holidays.push_back(reader.month_day(item, path).value_or(MonthDay{}));
          });
    }
  }
  if (auto node = top.get("years", Need::kRequired, tr("a list of school years"))) {
    for_each_item(reader, *node, "years", tr("school years"),
                  [&](const YAML::Node& item, const std::string& path) {
                    out.years.emplace_back();
                    load_year(reader, item, path, out.years.back());
                  });
  }
}

}  // namespace coachsim::scenario::detail
