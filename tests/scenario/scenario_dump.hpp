// A text listing of every field of a Scenario, one "path = value" per line, so that tests can
// compare two scenarios field by field (Scenario has no operator==) and print the difference.
#pragma once

#include <sstream>
#include <string>

#include "coachsim/scenario/scenario.hpp"

namespace coachsim::scenario::testing {

namespace dump_detail {

inline std::string md(const MonthDay& m) {
  return std::to_string(m.month) + "-" + std::to_string(m.day);
}
template <class Q>
auto v(const Q& q) {
  return q.value();
}
inline std::string opt(const std::optional<bool>& b) { return b ? (*b ? "true" : "false") : "-"; }
inline void dist(std::ostream& o, const std::string& p, const Distribution& d) {
  o << p << " = " << static_cast<int>(d.shape) << " " << d.a << " " << d.b << " " << d.c << " "
    << d.max << "\n";
}
inline void session(std::ostream& o, const std::string& p, const SessionProtocol& s) {
  o << p << " = " << s.count << " " << v(s.duration) << " " << static_cast<int>(s.venue) << "\n";
}

}  // namespace dump_detail

inline std::string dump_scenario(const Scenario& s) {
  using namespace dump_detail;
  using calendar::format_date;
  std::ostringstream o;
  o.precision(17);
  o << "name = " << s.name << "\ndescription = " << s.description << "\ncurrency = " << s.currency
    << "\nseed = " << s.seed << "\n";
  for (auto d : s.weekend) o << "weekend = " << d.c_encoding() << "\n";
  for (auto m : s.fixed_holidays) o << "fixed_holiday = " << md(m) << "\n";
  for (const auto& y : s.years) {
    const std::string p = "years[" + std::to_string(y.year) + "]";
    for (const auto& t : y.terms)
      o << p << ".term = " << format_date(t.first) << ".." << format_date(t.last) << "\n";
    for (auto h : y.holidays) o << p << ".holiday = " << format_date(h) << "\n";
    o << p << ".contract = " << format_date(y.contract_start) << ".." << format_date(y.contract_end)
      << "\n";
    for (auto d : y.coach_workshop_starts) o << p << ".coach_workshop = " << format_date(d) << "\n";
    for (auto d : y.teacher_workshop_starts)
      o << p << ".teacher_workshop = " << format_date(d) << "\n";
  }
  for (const auto& g : s.geographies) {
    const std::string p = "geographies[" + g.id + "]";
    o << p << " = " << v(g.speed) << " " << v(g.fare) << " " << g.rainy_travel_factor << "\n";
    for (const auto& r : g.rainy_season)
      o << p << ".rainy = " << md(r.from) << ".." << md(r.to) << "\n";
  }
  for (const auto& t : s.school_types) {
    const std::string p = "school_types[" + t.id + "]";
    o << p << ".label = " << t.label << "\n" << p << ".visit_days =";
    for (int d : t.visit_days) o << " " << d;
    o << "\n";
    session(o, p + ".gia", t.gia);
    session(o, p + ".rtc", t.rtc);
    o << p << ".workshops = " << t.teacher_workshops.count << " "
      << v(t.teacher_workshops.total_days) << " " << t.coach_workshops.count << " "
      << v(t.coach_workshops.total_days) << "\n";
  }
  for (const auto& c : s.caseload_rules) {
    o << "caseload = " << c.school_type << " " << opt(c.border) << " " << opt(c.urban) << " "
      << opt(c.dispersed) << " " << c.teachers_per_coach << "\n";
  }
  o << "dispersed_above = " << v(s.dispersed_above) << "\n";
  o << "coach = " << v(s.coach.monthly_fee) << " " << v(s.coach.working_hours_per_day) << " "
    << v(s.coach.max_daily_commute) << " " << v(s.coach.travel_hours_per_day) << "\n";
  o << "supervision = " << s.supervision.coaches_per_supervisor << " "
    << s.supervision.visits_per_coach << " " << v(s.supervision.monthly_fee) << " "
    << v(s.supervision.days_per_visit) << "\n";
  for (const auto& r : s.staff_roles)
    o << "staff_roles[" << r.id << "] = " << v(r.monthly_salary) << "\n";
  const auto& k = s.costs;
  o << "costs = " << v(k.per_diem) << " " << v(k.teacher_workshop) << " "
    << v(k.teacher_workshop_travel) << " " << v(k.coach_workshop) << " "
    << v(k.coach_workshop_travel) << " " << v(k.gia_per_participant) << " "
    << v(k.rtc_per_participant) << " " << v(k.materials_per_teacher) << " "
    << v(k.materials_per_coach) << " " << k.overhead_rate << "\n";
  for (const auto& r : s.regions) {
    const std::string p = "regions[" + r.id + "]";
    o << p << " = " << r.geography << " fee "
      << (r.coach_fee ? std::to_string(v(*r.coach_fee)) : "-") << " tpc "
      << (r.teachers_per_coach ? std::to_string(*r.teachers_per_coach) : "-") << " excl "
      << r.exclude_from_statistics << " delay " << v(r.contract_delay) << "\n";
    for (const auto& u : r.ugels) o << p << ".ugel = " << u << "\n";
    for (const auto& [role, n] : r.staff) o << p << ".staff." << role << " = " << n << "\n";
    for (std::size_t i = 0; i < r.aggregates.size(); ++i) {
      const auto& a = r.aggregates[i];
      const std::string q = p + ".schools[" + std::to_string(i) + "]";
      o << q << " = " << a.school_type << " " << a.count << " " << a.border_share << " "
        << a.urban_share << "\n";
      dist(o, q + ".teachers", a.teachers);
      dist(o, q + ".students_per_teacher", a.students_per_teacher);
      dist(o, q + ".distance_km", a.distance_km);
    }
    for (const auto& sc : r.schools) {
      o << p << ".school[" << sc.id << "] = " << sc.ugel << " " << sc.school_type << " " << sc.urban
        << sc.border << " " << sc.teachers << " " << sc.students << " " << v(sc.distance) << " "
        << (sc.travel_time ? std::to_string(v(*sc.travel_time)) : "-") << "\n";
    }
  }
  for (const auto& c : s.central_costs) {
    o << "central_cost = " << c.year << " " << c.category << " " << v(c.amount) << " " << c.label
      << " " << c.source << "\n";
  }
  for (const auto& src : s.sources) o << "sources[" << src.key << "] = " << src.text << "\n";
  return o.str();
}

}  // namespace coachsim::scenario::testing
