// Loads geographies:, coach:, supervision:, staff_roles:, costs: and sources:. Form only;
// ranges are checked in validate_terms.cpp.
#include "coachsim/i18n/tr.hpp"
#include "load_sections.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

using units::Kind;

void load_season(Reader& reader, const YAML::Node& node, const std::string& path,
                 SeasonRange& out) {
  MapReader m(reader, node, path, {"from", "to"}, tr("season days (from, to)"));
  if (auto d = m.month_day("from", Need::kRequired)) out.from = *d;
  if (auto d = m.month_day("to", Need::kRequired)) out.to = *d;
}

void load_geography(Reader& reader, const YAML::Node& node, const std::string& path,
                    Geography& out) {
  MapReader m(reader, node, path, {"id", "speed", "fare", "rainy_season", "rainy_travel_factor"},
              tr("geography settings"));
  if (auto v = m.text("id", Need::kRequired)) out.id = *v;
  if (auto q = m.quantity("speed", Kind::kKmPerHour, Need::kRequired)) {
    out.speed = units::km_per_hour(q->value);
  }
  if (auto q = m.quantity("fare", Kind::kMoneyPerKm, Need::kRequired)) {
    out.fare = units::per_km(q->centimos);
  }
  if (auto list = m.get("rainy_season", Need::kOptional, tr("a list of {from, to}"))) {
    for_each_item(reader, *list, m.path("rainy_season"), tr("seasons {from: MM-DD, to: MM-DD}"),
                  [&](const YAML::Node& item, const std::string& item_path) {
                    out.rainy_season.emplace_back();
                    load_season(reader, item, item_path, out.rainy_season.back());
                  });
  }
  if (auto v = m.number("rainy_travel_factor", Need::kOptional)) out.rainy_travel_factor = *v;
}

void load_coach(Reader& reader, MapReader& top, CoachTerms& out) {
  auto node = top.get("coach", Need::kRequired, tr("a map of coach terms"));
  if (!node) return;
  MapReader m(reader, *node, "coach",
              {"monthly_fee", "working_hours_per_day", "max_daily_commute", "travel_hours_per_day"},
              tr("coach terms"));
  if (auto q = m.quantity("monthly_fee", Kind::kMoneyPerMonth, Need::kRequired)) {
    out.monthly_fee = units::per_month(q->centimos);
  }
  if (auto q = m.quantity("working_hours_per_day", Kind::kHours, Need::kRequired)) {
    out.working_hours_per_day = units::hours(q->value);
  }
  if (auto q = m.quantity("max_daily_commute", Kind::kHours, Need::kRequired)) {
    out.max_daily_commute = units::hours(q->value);
  }
  if (auto q = m.quantity("travel_hours_per_day", Kind::kHours, Need::kRequired)) {
    out.travel_hours_per_day = units::hours(q->value);
  }
}

void load_supervision(Reader& reader, MapReader& top, SupervisionTerms& out) {
  auto node = top.get("supervision", Need::kRequired, tr("a map of supervision terms"));
  if (!node) return;
  MapReader m(reader, *node, "supervision",
              {"coaches_per_supervisor", "visits_per_coach", "monthly_fee", "days_per_visit"},
              tr("supervision terms"));
  if (auto v = m.integer("coaches_per_supervisor", Need::kRequired)) {
    out.coaches_per_supervisor = *v;
  }
  if (auto v = m.integer("visits_per_coach", Need::kRequired)) out.visits_per_coach = *v;
  if (auto q = m.quantity("monthly_fee", Kind::kMoneyPerMonth, Need::kRequired)) {
    out.monthly_fee = units::per_month(q->centimos);
  }
  if (auto q = m.quantity("days_per_visit", Kind::kDays, Need::kRequired)) {
    out.days_per_visit = units::days(q->value);
  }
}

void load_staff_role(Reader& reader, const YAML::Node& node, const std::string& path,
                     StaffRole& out) {
  MapReader m(reader, node, path, {"id", "monthly_salary"}, tr("staff role settings"));
  if (auto v = m.text("id", Need::kRequired)) out.id = *v;
  if (auto q = m.quantity("monthly_salary", Kind::kMoneyPerMonth, Need::kRequired)) {
    out.monthly_salary = units::per_month(q->centimos);
  }
}

void load_costs(Reader& reader, MapReader& top, UnitCosts& out) {
  auto node = top.get("costs", Need::kRequired, tr("a map of unit costs"));
  if (!node) return;
  MapReader m(
      reader, *node, "costs",
      {"per_diem", "per_diem_basis", "teacher_workshop", "teacher_workshop_travel",
       "coach_workshop", "coach_workshop_travel", "gia_per_participant", "rtc_per_participant",
       "materials_per_teacher", "materials_per_coach", "overhead_rate"},
      tr("unit costs"));
  if (auto q = m.quantity("per_diem", Kind::kMoneyPerDay, Need::kRequired)) {
    out.per_diem = units::per_day(q->centimos);
  }
  if (auto n = m.get("per_diem_basis", Need::kOptional,
                     tr("per_day_of_commission, working_day_away or session_day"))) {
    if (auto v = reader.text(*n, "costs.per_diem_basis")) {
      if (*v == "per_day_of_commission") {
        out.per_diem_basis = PerDiemBasis::kPerDayOfCommission;
      } else if (*v == "working_day_away") {
        out.per_diem_basis = PerDiemBasis::kWorkingDayAway;
      } else if (*v == "session_day") {
        out.per_diem_basis = PerDiemBasis::kSessionDay;
      } else {
        reader.fail(
            *n, "costs.per_diem_basis",
            trf("expected 'per_day_of_commission', 'working_day_away' or 'session_day', got {0}",
                {in_quotes(*v)}));
      }
    }
  }
  const auto per_participant_day = [&](std::string_view key, units::MoneyPerParticipantDay& to) {
    if (auto q = m.quantity(key, Kind::kMoneyPerParticipantDay, Need::kRequired)) {
      to = units::per_participant_day(q->centimos);
    }
  };
  const auto per_participant = [&](std::string_view key, units::MoneyPerParticipant& to) {
    if (auto q = m.quantity(key, Kind::kMoneyPerParticipant, Need::kRequired)) {
      to = units::per_participant(q->centimos);
    }
  };
  per_participant_day("teacher_workshop", out.teacher_workshop);
  per_participant("teacher_workshop_travel", out.teacher_workshop_travel);
  per_participant_day("coach_workshop", out.coach_workshop);
  per_participant("coach_workshop_travel", out.coach_workshop_travel);
  per_participant("gia_per_participant", out.gia_per_participant);
  per_participant("rtc_per_participant", out.rtc_per_participant);
  per_participant("materials_per_teacher", out.materials_per_teacher);
  per_participant("materials_per_coach", out.materials_per_coach);
  if (auto v = m.number("overhead_rate", Need::kRequired)) out.overhead_rate = *v;
}

void load_sources(Reader& reader, MapReader& top, std::vector<Source>& out) {
  auto node = top.get("sources", Need::kOptional, tr("a map of input -> source"));
  if (!node) return;
  MapReader m(reader, *node, "sources", {}, tr("input paths to their sources"));
  for (const auto& entry : m.entries()) {
    const std::string path = m.path(entry.key);
    out.push_back(Source{entry.key, reader.text(entry.value, path).value_or("")});
  }
}

}  // namespace

void load_terms(Reader& reader, MapReader& top, Scenario& out) {
  if (auto list = top.get("geographies", Need::kRequired, tr("a list of geographies"))) {
    for_each_item(reader, *list, "geographies", tr("geographies"),
                  [&](const YAML::Node& item, const std::string& path) {
                    out.geographies.emplace_back();
                    load_geography(reader, item, path, out.geographies.back());
                  });
  }
  load_coach(reader, top, out.coach);
  load_supervision(reader, top, out.supervision);
  if (auto list = top.get("staff_roles", Need::kOptional, tr("a list of staff roles"))) {
    for_each_item(reader, *list, "staff_roles", tr("staff roles {id, monthly_salary}"),
                  [&](const YAML::Node& item, const std::string& path) {
                    out.staff_roles.emplace_back();
                    load_staff_role(reader, item, path, out.staff_roles.back());
                  });
  }
  load_costs(reader, top, out.costs);
  load_sources(reader, top, out.sources);
}

}  // namespace coachsim::scenario::detail
