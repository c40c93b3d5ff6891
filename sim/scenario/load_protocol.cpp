// Loads protocol: (dispersed_above, school types with their activity tables, caseload rules).
// Form only; counts, ranges and rule coverage are checked in validate_protocol.cpp.
#include "coachsim/i18n/tr.hpp"
#include "load_sections.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

using units::Kind;

// Returns false when `key` is absent (only when `need` is optional).
bool load_session(Reader& reader, MapReader& parent, std::string_view key, SessionProtocol& out,
                  Need need = Need::kRequired) {
  auto node = parent.get(key, need, tr("a map {count, duration, venue}"));
  if (!node) return false;
  MapReader m(reader, *node, parent.path(key), {"count", "duration", "venue"},
              tr("session settings (count, duration, venue)"));
  if (auto v = m.integer("count", Need::kRequired)) out.count = *v;
  if (auto q = m.quantity("duration", Kind::kHours, Need::kRequired)) {
    out.duration = units::hours(q->value);
  }
  if (auto v = m.text("venue", Need::kOptional)) {
    if (*v == "school") {
      out.venue = SessionVenue::kSchool;
    } else if (*v == "cluster") {
      out.venue = SessionVenue::kCluster;
    } else {
      reader.fail(*m.get("venue", Need::kOptional, ""), m.path("venue"),
                  trf("expected 'school' or 'cluster', got {0}", {in_quotes(*v)}));
    }
  }
  return true;
}

bool load_workshops(Reader& reader, MapReader& parent, std::string_view key, WorkshopProtocol& out,
                    Need need = Need::kRequired) {
  auto node = parent.get(key, need, tr("a map {count, total_days}"));
  if (!node) return false;
  MapReader m(reader, *node, parent.path(key), {"count", "total_days"},
              tr("workshop settings (count, total_days)"));
  if (auto v = m.integer("count", Need::kRequired)) out.count = *v;
  if (auto q = m.quantity("total_days", Kind::kDays, Need::kRequired)) {
    out.total_days = units::days(q->value);
  }
  return true;
}

void load_school_type(Reader& reader, const YAML::Node& node, const std::string& path,
                      SchoolTypeProtocol& out) {
  MapReader m(reader, node, path,
              {"id", "label", "visit_days", "gia", "rtc", "teacher_workshops", "coach_workshops"},
              tr("school type settings"));
  if (auto v = m.text("id", Need::kRequired)) out.id = *v;
  out.label = m.text("label", Need::kOptional).value_or(out.id);
  if (auto list = m.get("visit_days", Need::kRequired, tr("a list of visit lengths in days"))) {
    for_each_item(reader, *list, m.path("visit_days"), tr("visit lengths (integer days)"),
                  [&](const YAML::Node& item, const std::string& item_path) {
                    out.visit_days.push_back(reader.integer(item, item_path).value_or(0));
                  });
  }
  load_session(reader, m, "gia", out.gia);
  load_session(reader, m, "rtc", out.rtc);
  load_workshops(reader, m, "teacher_workshops", out.teacher_workshops);
  load_workshops(reader, m, "coach_workshops", out.coach_workshops);
}

void load_caseload_rule(Reader& reader, const YAML::Node& node, const std::string& path,
                        CaseloadRule& out) {
  MapReader m(reader, node, path,
              {"school_type", "border", "urban", "dispersed", "teachers_per_coach"},
              tr("caseload rule settings"));
  if (auto v = m.text("school_type", Need::kRequired)) out.school_type = *v;
  out.border = m.boolean("border", Need::kOptional);
  out.urban = m.boolean("urban", Need::kOptional);
  out.dispersed = m.boolean("dispersed", Need::kOptional);
  if (auto v = m.integer("teachers_per_coach", Need::kRequired)) out.teachers_per_coach = *v;
}

// One school type's override in a variant: the fields given replace the type's own.
void load_override(Reader& reader, const YAML::Node& node, const std::string& path,
                   SchoolTypeOverride& out) {
  MapReader m(reader, node, path,
              {"id", "visit_days", "gia", "rtc", "teacher_workshops", "coach_workshops"},
              tr("school type override settings"));
  if (auto v = m.text("id", Need::kRequired)) out.id = *v;
  if (auto list = m.get("visit_days", Need::kOptional, tr("a list of visit lengths in days"))) {
    out.visit_days.emplace();
    for_each_item(reader, *list, m.path("visit_days"), tr("visit lengths (integer days)"),
                  [&](const YAML::Node& item, const std::string& item_path) {
                    out.visit_days->push_back(reader.integer(item, item_path).value_or(0));
                  });
  }
  SessionProtocol session;
  if (load_session(reader, m, "gia", session, Need::kOptional)) out.gia = session;
  session = SessionProtocol{};
  if (load_session(reader, m, "rtc", session, Need::kOptional)) out.rtc = session;
  WorkshopProtocol workshops;
  if (load_workshops(reader, m, "teacher_workshops", workshops, Need::kOptional))
    out.teacher_workshops = workshops;
  workshops = WorkshopProtocol{};
  if (load_workshops(reader, m, "coach_workshops", workshops, Need::kOptional))
    out.coach_workshops = workshops;
}

}  // namespace

void load_protocol_variants(Reader& reader, MapReader& top, Scenario& out) {
  auto list = top.get("protocol_variants", Need::kOptional,
                      tr("a list of protocol variants {id, label, school_types}"));
  if (list) {
    for_each_item(
        reader, *list, "protocol_variants", tr("protocol variants"),
        [&](const YAML::Node& item, const std::string& path) {
          MapReader m(reader, item, path, {"id", "label", "school_types"},
                      tr("protocol variant settings"));
          ProtocolVariant v;
          if (auto id = m.text("id", Need::kRequired)) v.id = *id;
          v.label = m.text("label", Need::kOptional).value_or(v.id);
          if (auto types =
                  m.get("school_types", Need::kRequired, tr("a list of school type overrides"))) {
            for_each_item(reader, *types, m.path("school_types"), tr("school type overrides"),
                          [&](const YAML::Node& t, const std::string& t_path) {
                            v.school_types.emplace_back();
                            load_override(reader, t, t_path, v.school_types.back());
                          });
          }
          out.protocol_variants.push_back(std::move(v));
        });
  }
  auto plan = top.get("protocol_plan", Need::kOptional, tr("a list of {year, variant, schools}"));
  if (!plan) return;
  for_each_item(
      reader, *plan, "protocol_plan", tr("years with the schools coached with a variant"),
      [&](const YAML::Node& item, const std::string& path) {
        MapReader m(reader, item, path, {"year", "variant", "schools"},
                    tr("schools coached with a protocol variant"));
        ProtocolPlan p;
        if (auto v = m.integer("year", Need::kRequired)) p.year = *v;
        if (auto v = m.text("variant", Need::kRequired)) p.variant = *v;
        if (auto schools = m.get("schools", Need::kRequired, tr("a list of school ids"))) {
          for_each_item(reader, *schools, m.path("schools"), tr("school ids"),
                        [&](const YAML::Node& s, const std::string& s_path) {
                          if (auto v = reader.text(s, s_path)) p.schools.push_back(*v);
                        });
        }
        out.protocol_plan.push_back(std::move(p));
      });
}

void load_protocol(Reader& reader, MapReader& top, Scenario& out) {
  auto node = top.get("protocol", Need::kRequired,
                      tr("a map {dispersed_above, school_types, caseload_rules}"));
  if (!node) return;
  MapReader m(reader, *node, "protocol",
              {"dispersed_above", "caseload_packing", "school_types", "caseload_rules"},
              tr("protocol settings"));
  if (auto q = m.quantity("dispersed_above", Kind::kKm, Need::kRequired)) {
    out.dispersed_above = units::km(q->value);
  }
  if (auto packing = m.get("caseload_packing", Need::kOptional, tr("pooled or nearest_first"))) {
    if (auto v = reader.text(*packing, m.path("caseload_packing"))) {
      if (*v == "pooled") {
        out.caseload_packing = CaseloadPacking::kPooled;
      } else if (*v == "nearest_first") {
        out.caseload_packing = CaseloadPacking::kNearestFirst;
      } else {
        reader.fail(*packing, m.path("caseload_packing"),
                    trf("expected 'pooled' or 'nearest_first', got {0}", {in_quotes(*v)}));
      }
    }
  }
  if (auto list = m.get("school_types", Need::kRequired, tr("a list of school types"))) {
    for_each_item(reader, *list, "protocol.school_types", tr("school types"),
                  [&](const YAML::Node& item, const std::string& path) {
                    out.school_types.emplace_back();
                    load_school_type(reader, item, path, out.school_types.back());
                  });
  }
  if (auto list = m.get("caseload_rules", Need::kRequired, tr("a list of caseload rules"))) {
    for_each_item(reader, *list, "protocol.caseload_rules", tr("caseload rules"),
                  [&](const YAML::Node& item, const std::string& path) {
                    out.caseload_rules.emplace_back();
                    load_caseload_rule(reader, item, path, out.caseload_rules.back());
                  });
  }
}

}  // namespace coachsim::scenario::detail
