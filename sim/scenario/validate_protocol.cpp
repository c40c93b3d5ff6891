// Checks of protocol: — school types and their activity tables, and the caseload rules (known
// school types, positive ratios, no rule hidden behind an earlier one, and an unconditional
// fallback rule for every school type).
#include <cmath>

#include "checks.hpp"
#include "coachsim/i18n/tr.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

const std::string kTypes = "protocol.school_types";
const std::string kRules = "protocol.caseload_rules";

}  // namespace

void check_session(Checker& c, const std::string& p, const SessionProtocol& s) {
  c.at_least(p + ".count", s.count, 0, N_("sessions per teacher per year"));
  if (s.count > 100) {
    c.error(p + ".count", trf("expected at most 100 sessions per teacher per year, got {0}",
                              {std::to_string(s.count)}));
  }
  const double hours = s.duration.value();
  c.greater_than(p + ".duration", hours, 0.0, N_("a session length"), "h");
  const double day = c.scenario().coach.working_hours_per_day.value();
  if (hours > day && day > 0.0 && c.ok(p + ".duration") && c.ok("coach.working_hours_per_day")) {
    c.error(p + ".duration",
            trf("expected a session that fits in one working day (coach.working_hours_per_day "
                "{0} h), got {1} h",
                {format_number(day), format_number(hours)}));
  }
}

void check_workshops(Checker& c, const std::string& p, const WorkshopProtocol& w) {
  c.at_least(p + ".count", w.count, 0, N_("workshops per year"));
  const double total = w.total_days.value();
  const std::string field = p + ".total_days";
  if (!c.ok(field) || !c.ok(p + ".count") || w.count < 0) return;
  const std::string got = format_number(total);
  if (w.count == 0) {
    if (total != 0.0) c.error(field, trf("expected '0 days' when count is 0, got {0} days", {got}));
  } else if (!(total > 0.0) || total != std::floor(total)) {
    c.error(field, trf("expected a whole number of days > 0, got {0} days", {got}));
  } else if (std::fmod(total, w.count) != 0.0) {
    c.error(field, trf("expected a number of days divisible by count {0} (the days are split "
                       "evenly over the workshops), got {1} days",
                       {std::to_string(w.count), got}));
  }
}

void check_visit_days(Checker& c, const std::string& field, const std::vector<int>& visit_days) {
  if (visit_days.empty() && c.loaded(field)) {
    c.error(field, tr("expected at least one classroom visit (one entry per visit)"));
  }
  if (visit_days.size() > 100) {
    c.error(field, trf("expected at most 100 visits per teacher per year, got {0}",
                       {std::to_string(visit_days.size())}));
  }
  for (std::size_t v = 0; v < visit_days.size(); ++v) {
    c.at_least(indexed(field, v), visit_days[v], 1, N_("a visit length in days"));
  }
}

namespace {

void check_school_type(Checker& c, std::size_t i) {
  const SchoolTypeProtocol& t = c.scenario().school_types[i];
  const std::string p = indexed(kTypes, i);
  check_visit_days(c, p + ".visit_days", t.visit_days);
  check_session(c, p + ".gia", t.gia);
  check_session(c, p + ".rtc", t.rtc);
  check_workshops(c, p + ".teacher_workshops", t.teacher_workshops);
  check_workshops(c, p + ".coach_workshops", t.coach_workshops);
}

bool unconditional(const CaseloadRule& r) { return !r.border && !r.urban && !r.dispersed; }

// Rule `a` matches every school that rule `b` matches: each condition of `a` is also in `b`.
bool covers(const CaseloadRule& a, const CaseloadRule& b) {
  const auto within = [](const std::optional<bool>& x, const std::optional<bool>& y) {
    return !x || x == y;
  };
  return a.school_type == b.school_type && within(a.border, b.border) && within(a.urban, b.urban) &&
         within(a.dispersed, b.dispersed);
}

// The rule's school type and conditions loaded, so what it matches is known.
bool rule_known(const Checker& c, std::size_t i) {
  const std::string p = indexed(kRules, i);
  return c.loaded(p) && c.ok(p + ".school_type") && c.ok(p + ".border") && c.ok(p + ".urban") &&
         c.ok(p + ".dispersed");
}

void check_caseload_rules(Checker& c) {
  const auto& rules = c.scenario().caseload_rules;
  const auto& types = c.scenario().school_types;
  std::vector<std::string> type_ids;
  for (const auto& t : types) type_ids.push_back(t.id);
  const bool types_known = c.ids_ok(kTypes, types.size());
  bool all_known = c.loaded(kRules);

  for (std::size_t j = 0; j < rules.size(); ++j) {
    const std::string p = indexed(kRules, j);
    if (types_known)
      c.known_id(p + ".school_type", rules[j].school_type, type_ids, N_("school type"));
    c.in_range(p + ".teachers_per_coach", rules[j].teachers_per_coach, 1, kMaxTeachersPerCoach,
               N_("teachers per coach"));
    if (!rule_known(c, j)) {
      all_known = false;
      continue;
    }
    for (std::size_t i = 0; i < j; ++i) {
      if (rule_known(c, i) && covers(rules[i], rules[j])) {
        c.error(p, trf("this rule is never used: {0} comes first and matches every school it "
                       "matches (first match wins)",
                       {indexed(kRules, i)}));
        break;
      }
    }
  }
  if (!all_known || !types_known) return;
  for (const auto& t : types) {
    bool fallback = false;
    for (const auto& r : rules) fallback |= r.school_type == t.id && unconditional(r);
    if (!fallback) {
      c.error(kRules, trf("school type {0} has no fallback rule, so some of its schools may "
                          "match no rule; add {{school_type: {1}, teachers_per_coach: N} (no "
                          "conditions) after its other rules",
                          {in_quotes(t.id), t.id}));
    }
  }
}

}  // namespace

void check_protocol(Checker& c) {
  c.greater_than("protocol.dispersed_above", c.scenario().dispersed_above.value(), 0.0,
                 N_("a distance"), "km");
  const auto& types = c.scenario().school_types;
  if (types.empty() && c.loaded(kTypes)) c.error(kTypes, tr("expected at least one school type"));
  std::vector<std::string> ids;
  for (const auto& t : types) ids.push_back(t.id);
  c.unique_ids(kTypes, ids, N_("school type"));
  for (std::size_t i = 0; i < types.size(); ++i) check_school_type(c, i);
  check_caseload_rules(c);
}

}  // namespace coachsim::scenario::detail
