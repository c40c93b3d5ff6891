// Checks of the scenario header, geographies, coach and supervision terms, staff roles, unit
// costs and sources.
#include <algorithm>
#include <unordered_set>

#include "checks.hpp"
#include "coachsim/i18n/tr.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

void check_header(Checker& c) {
  const Scenario& s = c.scenario();
  if (s.name.empty() && c.ok("name")) c.error("name", tr("expected a non-empty scenario name"));
  const bool code =
      s.currency.size() == 3 && std::all_of(s.currency.begin(), s.currency.end(),
                                            [](char ch) { return ch >= 'A' && ch <= 'Z'; });
  if (!code && c.ok("currency")) {
    c.error("currency", trf("expected a currency code of 3 capital letters (e.g. 'PEN'), got {0}",
                            {in_quotes(s.currency)}));
  }
}

void check_geographies(Checker& c) {
  const auto& list = c.scenario().geographies;
  if (list.empty() && c.loaded("geographies")) {
    c.error("geographies", tr("expected at least one geography"));
  }
  std::vector<std::string> ids;
  for (const auto& g : list) ids.push_back(g.id);
  c.unique_ids("geographies", ids, N_("geography"));
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Geography& g = list[i];
    const std::string p = indexed("geographies", i);
    c.greater_than(p + ".speed", g.speed.value(), 0.0, N_("a travel speed"), "km/h");
    c.money_at_least(p + ".fare", g.fare.value(), 0, "/km");
    for (std::size_t k = 0; k < g.rainy_season.size(); ++k) {
      const std::string season = indexed(p + ".rainy_season", k);
      for (const auto& [key, md] :
           {std::pair{"from", g.rainy_season[k].from}, std::pair{"to", g.rainy_season[k].to}}) {
        const std::string field = season + "." + key;
        if (!valid_month_day(md) && c.ok(field)) {
          c.error(field, trf("expected a valid day of the year (month 1..12, day within the "
                             "month), got month {0} day {1}",
                             {std::to_string(md.month), std::to_string(md.day)}));
        }
      }
    }
    c.at_least(p + ".rainy_travel_factor", g.rainy_travel_factor, 1.0,
               N_("a rainy-season travel time factor"), "");
  }
}

void check_coach(Checker& c) {
  const CoachTerms& t = c.scenario().coach;
  c.money_positive("coach.monthly_fee", t.monthly_fee.value(), "/month");
  const double day = t.working_hours_per_day.value();
  c.greater_than("coach.working_hours_per_day", day, 0.0, N_("a working day"), "h");
  if (day > 24.0 && c.ok("coach.working_hours_per_day")) {
    c.error("coach.working_hours_per_day",
            trf("expected a working day of at most 24 h, got {0} h", {format_number(day)}));
  }
  const double commute = t.max_daily_commute.value();
  c.greater_than("coach.max_daily_commute", commute, 0.0, N_("a one-way commute"), "h");
  if (commute > day && day > 0.0 && c.ok("coach.max_daily_commute") &&
      c.ok("coach.working_hours_per_day")) {
    c.error("coach.max_daily_commute",
            trf("expected a one-way commute of at most working_hours_per_day ({0} h), got {1} h",
                {format_number(day), format_number(commute)}));
  }
  const double travel = t.travel_hours_per_day.value();
  c.greater_than("coach.travel_hours_per_day", travel, 0.0, N_("travel hours per day"), "h");
  if (travel > 24.0 && c.ok("coach.travel_hours_per_day")) {
    c.error("coach.travel_hours_per_day",
            trf("expected at most 24 h of travel per day, got {0} h", {format_number(travel)}));
  }
}

void check_supervision(Checker& c) {
  const SupervisionTerms& t = c.scenario().supervision;
  c.at_least("supervision.coaches_per_supervisor", t.coaches_per_supervisor, 0,
             N_("coaches per supervisor (0: no supervisors)"));
  c.at_least("supervision.visits_per_coach", t.visits_per_coach, 0,
             N_("supervision visits per coach per year"));
  c.money_at_least("supervision.monthly_fee", t.monthly_fee.value(), 0, "/month");
  c.greater_than("supervision.days_per_visit", t.days_per_visit.value(), 0.0,
                 N_("days per supervision visit"), "days");
}

void check_staff_roles(Checker& c) {
  const auto& roles = c.scenario().staff_roles;
  std::vector<std::string> ids;
  for (const auto& r : roles) ids.push_back(r.id);
  c.unique_ids("staff_roles", ids, N_("staff role"));
  for (std::size_t i = 0; i < roles.size(); ++i) {
    c.money_at_least(indexed("staff_roles", i) + ".monthly_salary", roles[i].monthly_salary.value(),
                     0, "/month");
  }
}

void check_costs(Checker& c) {
  const UnitCosts& k = c.scenario().costs;
  c.money_at_least("costs.per_diem", k.per_diem.value(), 0, "/day");
  c.money_at_least("costs.teacher_workshop", k.teacher_workshop.value(), 0, "/participant-day");
  c.money_at_least("costs.teacher_workshop_travel", k.teacher_workshop_travel.value(), 0,
                   "/participant");
  c.money_at_least("costs.coach_workshop", k.coach_workshop.value(), 0, "/participant-day");
  c.money_at_least("costs.coach_workshop_travel", k.coach_workshop_travel.value(), 0,
                   "/participant");
  c.money_at_least("costs.gia_per_participant", k.gia_per_participant.value(), 0, "/participant");
  c.money_at_least("costs.rtc_per_participant", k.rtc_per_participant.value(), 0, "/participant");
  c.money_at_least("costs.materials_per_teacher", k.materials_per_teacher.value(), 0,
                   "/participant");
  c.money_at_least("costs.materials_per_coach", k.materials_per_coach.value(), 0, "/participant");
  c.share("costs.overhead_rate", k.overhead_rate);
}

void check_sources(Checker& c) {
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < c.scenario().sources.size(); ++i) {
    const Source& s = c.scenario().sources[i];
    const std::string field = "sources." + s.key;
    if (s.key.empty()) {
      c.error(indexed("sources", i), tr("expected a non-empty input path as the source key"));
    } else if (!seen.insert(s.key).second) {
      c.error(field, trf("duplicate source key {0}", {in_quotes(s.key)}));
    } else if (s.text.empty() && c.ok(field)) {
      c.error(field, tr("expected a non-empty source text (seed file and section, public source, "
                        "or 'ASSUMPTION: why')"));
    }
  }
}

}  // namespace

void check_terms(Checker& c) {
  check_header(c);
  check_geographies(c);
  check_coach(c);
  check_supervision(c);
  check_staff_roles(c);
  check_costs(c);
  check_sources(c);
}

}  // namespace coachsim::scenario::detail
