// Checks of regions: — known geography, staff roles, school types and UGELs; UGEL lists,
// staff counts, fee override, contract delay, school aggregates and their distributions, and
// the schools read from CSV (ids unique across the scenario).
#include <chrono>
#include <cmath>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "checks.hpp"
#include "coachsim/i18n/tr.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

struct Known {
  std::vector<std::string> geographies, roles, types;
  bool geographies_ok = false, roles_ok = false, types_ok = false;
};

std::string list_text(std::initializer_list<double> values) {
  std::string out = "[";
  for (double v : values) out += (out.size() > 1 ? ", " : "") + format_number(v);
  return out + "]";
}

void check_distribution(Checker& c, const std::string& field, const Distribution& d) {
  if (!c.ok(field)) return;
  using Shape = Distribution::Shape;
  std::string problem;
  switch (d.shape) {
    case Shape::kFixed:
      if (!(d.a >= 0.0))
        problem = trf("expected {{fixed: v} with v >= 0, got {0}", {format_number(d.a)});
      break;
    case Shape::kUniform:
      if (!(d.a >= 0.0 && d.b >= d.a)) {
        problem = trf("expected {{uniform: [min, max]} with 0 <= min <= max, got {0}",
                      {list_text({d.a, d.b})});
      }
      break;
    case Shape::kTriangular:
      if (!(d.a >= 0.0 && d.c >= d.a && d.b >= d.c)) {
        problem =
            trf("expected {{triangular: [min, mode, max]} with 0 <= min <= mode <= max, "
                "got {0}",
                {list_text({d.a, d.c, d.b})});
      }
      break;
    case Shape::kLognormal:
      if (!(d.a > 0.0 && d.b >= 0.0 && std::isfinite(d.a) && std::isfinite(d.b))) {
        problem =
            trf("expected {{lognormal: [median, sigma]} with median > 0 and sigma >= 0, "
                "got {0}",
                {list_text({d.a, d.b})});
      }
      break;
  }
  if (problem.empty() && !(d.max > 0.0)) {
    problem = trf("expected max > 0 (an upper bound on draws), got {0}", {format_number(d.max)});
  }
  if (!problem.empty()) c.error(field, problem);
}

void check_aggregate(Checker& c, const Known& known, const std::string& p,
                     const SchoolAggregate& a) {
  if (known.types_ok) c.known_id(p + ".school_type", a.school_type, known.types, N_("school type"));
  c.at_least(p + ".count", a.count, 1, N_("a count of schools"));
  check_distribution(c, p + ".teachers", a.teachers);
  check_distribution(c, p + ".students_per_teacher", a.students_per_teacher);
  check_distribution(c, p + ".distance_km", a.distance_km);
  c.share(p + ".border_share", a.border_share);
  c.share(p + ".urban_share", a.urban_share);
}

// Where each CSV school id was first seen: (region, row), its path built only for an error, so
// that checking 100,000 schools keeps no string per school.
using SchoolIds = std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>>;

std::string csv_school_path(std::size_t region, std::size_t row) {
  return indexed(indexed("regions", region) + ".schools_csv", row);
}

// `f` is a buffer for the field paths, reused from school to school (no allocation per school).
// `ugels_of_region` names the region's UGEL list in messages, translated once per region.
void check_school(Checker& c, const Known& known, const Region& region, std::size_t r,
                  std::size_t row, const SchoolRecord& s, SchoolIds& school_ids, bool ugels_ok,
                  const std::string& ugels_of_region, std::string& f) {
  f.assign("regions[").append(std::to_string(r)).append("].schools_csv[");
  f.append(std::to_string(row)).append("]");
  const std::size_t school_path = f.size();
  const auto field = [&](std::string_view name) -> const std::string& {
    f.resize(school_path);
    f.append(name);
    return f;
  };
  if (c.ok(field(".id"))) {
    if (s.id.empty()) {
      c.error(f, tr("expected a non-empty school id"));
    } else if (auto [it, fresh] = school_ids.emplace(s.id, std::pair(r, row)); !fresh) {
      c.error(f, trf("duplicate school id {0} (also {1})",
                     {in_quotes(s.id), csv_school_path(it->second.first, it->second.second)}));
    }
  }
  if (ugels_ok) {
    c.known_id(field(".ugel"), s.ugel, region.ugels, N_("UGEL"), ugels_of_region);
  }
  if (known.types_ok)
    c.known_id(field(".school_type"), s.school_type, known.types, N_("school type"));
  c.at_least(field(".teachers"), s.teachers, 1, N_("a number of teachers"));
  c.at_least(field(".students"), s.students, 1, N_("a number of students"));
  c.at_least(field(".distance_km"), s.distance.value(), 0.0, N_("a distance"), "km");
  if (s.travel_time) {
    c.greater_than(field(".travel_time_h"), s.travel_time->value(), 0.0, N_("a travel time"), "h");
  }
}

void check_contract_delay(Checker& c, const std::string& field, double delay) {
  if (!c.ok(field)) return;
  if (!(delay >= 0.0) || delay != std::floor(delay)) {
    c.error(field,
            trf("expected a whole number of days >= 0, got {0} days", {format_number(delay)}));
    return;
  }
  const auto& years = c.scenario().years;
  for (std::size_t i = 0; i < years.size(); ++i) {
    if (!c.ok(indexed("years", i) + ".contract")) continue;
    const Date start = years[i].contract_start + std::chrono::days(static_cast<int>(delay));
    if (start > years[i].contract_end) {
      c.error(field, trf("a delay of {0} days leaves no contract in {1} (contract {2}..{3})",
                         {format_number(delay), std::to_string(years[i].year),
                          calendar::format_date(years[i].contract_start),
                          calendar::format_date(years[i].contract_end)}));
      return;
    }
  }
}

void check_region(Checker& c, const Known& known, std::size_t r, SchoolIds& school_ids) {
  const Region& region = c.scenario().regions[r];
  const std::string p = indexed("regions", r);
  if (known.geographies_ok) {
    c.known_id(p + ".geography", region.geography, known.geographies, N_("geography"));
  }
  if (region.ugels.empty() && c.loaded(p + ".ugels")) {
    c.error(p + ".ugels", tr("expected at least one UGEL (a list of names or a count >= 1)"));
  }
  std::unordered_set<std::string> ugels;
  for (std::size_t u = 0; u < region.ugels.size(); ++u) {
    const std::string field = indexed(p + ".ugels", u);
    if (!c.ok(field)) continue;
    if (region.ugels[u].empty()) {
      c.error(field, tr("expected a non-empty UGEL name"));
    } else if (!ugels.insert(region.ugels[u]).second) {
      c.error(field, trf("duplicate UGEL {0}", {in_quotes(region.ugels[u])}));
    }
  }
  std::unordered_set<std::string> roles;
  for (const auto& [role, count] : region.staff) {
    const std::string field = p + ".staff." + role;
    if (!roles.insert(role).second) {
      c.error(field, trf("duplicate staff role {0}", {in_quotes(role)}));
      continue;
    }
    if (known.roles_ok) c.known_id(field, role, known.roles, N_("staff role"));
    c.at_least(field, count, 0, N_("a head count"));
  }
  if (region.coach_fee) c.money_positive(p + ".coach_fee", region.coach_fee->value(), "/month");
  check_contract_delay(c, p + ".contract_delay", region.contract_delay.value());
  if (region.teachers_per_coach)
    c.in_range(p + ".teachers_per_coach", *region.teachers_per_coach, 1, kMaxTeachersPerCoach,
               N_("teachers per coach"));
  if (region.coaches)
    c.in_range(p + ".coaches", *region.coaches, 1, kMaxRegionCoaches, N_("coaches in the region"));
  if (region.extra_coaches)
    c.in_range(p + ".extra_coaches", *region.extra_coaches, -kMaxRegionCoaches, kMaxRegionCoaches,
               N_("coaches added to the caseload rules' count (negative: fewer)"));
  if (region.coaches && region.extra_coaches) {
    c.error(p + ".extra_coaches",
            tr("expected either coaches (the region's count) or extra_coaches (added to the "
               "caseload rules' count), not both"));
  }
  if ((region.coaches || region.extra_coaches) && c.scenario().scale_up.enabled) {
    c.error(p + (region.coaches ? ".coaches" : ".extra_coaches"),
            tr("expected no coach count on a region when scale_up is enabled (caseloads are "
               "packed per entry cohort there, so one count per region has no meaning yet)"));
  }
  for (std::size_t a = 0; a < region.aggregates.size(); ++a) {
    check_aggregate(c, known, indexed(p + ".schools", a), region.aggregates[a]);
  }
  const bool ugels_ok = c.ok(p + ".ugels");
  const std::string ugels_of_region =
      region.schools.empty() ? std::string() : trf("UGELs of region {0}", {in_quotes(region.id)});
  std::string field;
  for (std::size_t s = 0; s < region.schools.size(); ++s) {
    check_school(c, known, region, r, s, region.schools[s], school_ids, ugels_ok, ugels_of_region,
                 field);
  }
  if (region.aggregates.empty() && region.schools.empty() && c.loaded(p) &&
      c.loaded(p + ".schools") && c.loaded(p + ".schools_csv")) {
    c.error(p,
            tr("expected at least one school: give `schools` (aggregates) and/or `schools_csv`"));
  }
}

}  // namespace

void check_regions(Checker& c) {
  const Scenario& s = c.scenario();
  if (s.regions.empty() && c.loaded("regions"))
    c.error("regions", tr("expected at least one region"));
  std::vector<std::string> ids;
  for (const auto& r : s.regions) ids.push_back(r.id);
  c.unique_ids("regions", ids, N_("region"));
  for (std::size_t r = 0; r < ids.size(); ++r) {
    if (ids[r] == "national" || ids[r] == "(outside regions)") {
      c.error(
          indexed("regions", r) + ".id",
          trf("expected a region name; {0} is reserved for national figures", {in_quotes(ids[r])}));
    }
  }

  Known known;
  for (const auto& g : s.geographies) known.geographies.push_back(g.id);
  for (const auto& r : s.staff_roles) known.roles.push_back(r.id);
  for (const auto& t : s.school_types) known.types.push_back(t.id);
  known.geographies_ok = c.ids_ok("geographies", s.geographies.size());
  known.roles_ok = c.ids_ok("staff_roles", s.staff_roles.size());
  known.types_ok = c.ids_ok("protocol.school_types", s.school_types.size());

  SchoolIds school_ids;
  std::size_t schools = 0;
  for (const auto& r : s.regions) schools += r.schools.size();
  school_ids.reserve(schools);
  for (std::size_t r = 0; r < s.regions.size(); ++r) check_region(c, known, r, school_ids);
}

}  // namespace coachsim::scenario::detail
