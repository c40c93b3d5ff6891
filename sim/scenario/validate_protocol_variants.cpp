// Checks of protocol_variants: (ids unique and not "full", each override naming a school type
// once, its tables checked as the protocol's, and no more workshops than the years have dates)
// and of protocol_plan: (known years and variants, known schools, a school in one variant a year).
#include <map>
#include <set>

#include "checks.hpp"
#include "coachsim/i18n/tr.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

const std::string kVariants = "protocol_variants";

// A variant's workshops take the year's dates in order, so it may have fewer than its school
// type (whose count equals the dates) but not more.
void check_workshop_count(Checker& c, const std::string& p, const WorkshopProtocol& w,
                          const WorkshopProtocol& base) {
  if (!c.ok(p + ".count") || w.count <= base.count) return;
  c.error(p + ".count", trf("expected at most {0} workshops (the school type's count: the years "
                            "give one start date per workshop), got {1}",
                            {std::to_string(base.count), std::to_string(w.count)}));
}

void check_variant(Checker& c, std::size_t i, const std::vector<std::string>& type_ids) {
  const Scenario& s = c.scenario();
  const ProtocolVariant& v = s.protocol_variants[i];
  const std::string p = indexed(kVariants, i);
  if (c.ok(p + ".id") && v.id == "full")
    c.error(p + ".id", tr("'full' is the name of the protocol as written (the default variant); "
                          "expected another id"));
  const std::string types = p + ".school_types";
  if (v.school_types.empty() && c.loaded(types))
    c.error(types, tr("expected at least one school type the variant changes"));
  std::vector<std::string> ids;
  for (const SchoolTypeOverride& o : v.school_types) ids.push_back(o.id);
  c.unique_ids(types, ids, N_("school type"));
  for (std::size_t k = 0; k < v.school_types.size(); ++k) {
    const SchoolTypeOverride& o = v.school_types[k];
    const std::string q = indexed(types, k);
    c.known_id(q + ".id", o.id, type_ids, N_("school type"));
    if (o.visit_days) check_visit_days(c, q + ".visit_days", *o.visit_days);
    if (o.gia) check_session(c, q + ".gia", *o.gia);
    if (o.rtc) check_session(c, q + ".rtc", *o.rtc);
    if (o.teacher_workshops) check_workshops(c, q + ".teacher_workshops", *o.teacher_workshops);
    if (o.coach_workshops) check_workshops(c, q + ".coach_workshops", *o.coach_workshops);
    for (const SchoolTypeProtocol& base : s.school_types) {
      if (base.id != o.id) continue;
      if (o.teacher_workshops)
        check_workshop_count(c, q + ".teacher_workshops", *o.teacher_workshops,
                             base.teacher_workshops);
      if (o.coach_workshops)
        check_workshop_count(c, q + ".coach_workshops", *o.coach_workshops, base.coach_workshops);
    }
  }
}

void check_plan(Checker& c) {
  const Scenario& s = c.scenario();
  // The id set costs a string per school, and a sweep checks each replication's sample.
  if (s.protocol_plan.empty()) return;
  const std::set<std::string> ids = school_ids(s);
  std::vector<std::string> variant_ids;
  for (const ProtocolVariant& v : s.protocol_variants) variant_ids.push_back(v.id);
  std::map<std::pair<int, std::string>, std::string> first_listed;  // (year, school) -> field
  for (std::size_t i = 0; i < s.protocol_plan.size(); ++i) {
    const ProtocolPlan& plan = s.protocol_plan[i];
    const std::string p = indexed("protocol_plan", i);
    if (c.ok(p + ".year")) {
      bool known = false;
      for (const SchoolYear& y : s.years) known = known || y.year == plan.year;
      if (!known)
        c.error(p + ".year",
                trf("expected one of the scenario's years, got {0}", {std::to_string(plan.year)}));
    }
    if (c.ok(p + ".variant"))
      c.known_id(p + ".variant", plan.variant, variant_ids, N_("protocol variant"));
    for (std::size_t k = 0; k < plan.schools.size(); ++k) {
      const std::string field = indexed(p + ".schools", k);
      if (!c.ok(field)) continue;
      if (ids.count(plan.schools[k]) == 0) {
        c.error(field, trf("unknown school {0} (expected a school id of a CSV file or "
                           "'Region/type/k' of an aggregate)",
                           {in_quotes(plan.schools[k])}));
        continue;
      }
      const auto [it, fresh] = first_listed.emplace(std::pair{plan.year, plan.schools[k]}, field);
      if (!fresh)
        c.error(field, trf("school {0} is given a protocol twice in {1} (also {2})",
                           {in_quotes(plan.schools[k]), std::to_string(plan.year), it->second}));
    }
  }
}

}  // namespace

void check_protocol_variants(Checker& c) {
  const Scenario& s = c.scenario();
  if (s.protocol_variants.size() > static_cast<std::size_t>(kMaxProtocolVariants))
    c.error(kVariants, trf("expected at most {0} protocol variants, got {1}",
                           {std::to_string(kMaxProtocolVariants),
                            std::to_string(s.protocol_variants.size())}));
  std::vector<std::string> ids, type_ids;
  for (const ProtocolVariant& v : s.protocol_variants) ids.push_back(v.id);
  c.unique_ids(kVariants, ids, N_("protocol variant"));
  for (const SchoolTypeProtocol& t : s.school_types) type_ids.push_back(t.id);
  for (std::size_t i = 0; i < s.protocol_variants.size(); ++i) check_variant(c, i, type_ids);
  check_plan(c);
}

}  // namespace coachsim::scenario::detail
