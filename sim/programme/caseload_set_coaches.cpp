// Regions whose coach count is an input (`coaches: N` or `extra_coaches: N` on a region): their
// caseloads are re-packed into that many coaches instead of the count the caseload rules give.
//
// The count is shared out over the region's (UGEL, school type) groups, because a coach is based
// in one UGEL and school types are never mixed (README "Caseload packing"): every group with
// teachers gets one coach, and each further coach goes to the group whose teachers at the norm's
// ratios (Σ teachers ÷ ratio) weigh most per coach it already has (the D'Hondt rule, ties to the
// earlier group), so the caseloads stay proportional to the norm's ratios. The count is raised to
// the number of groups, or to what keeps every coach at most kMaxTeachersPerCoach teachers, and
// lowered so that no group has more coaches than teachers: what was run is in packing.csv.
//
// Within a group the teachers are shared as evenly as schools allow: a school with more teachers
// than the even share (ceil(teachers ÷ coaches)) is split into slices of that size, then the
// slices go largest first to the coach with the fewest teachers (longest-processing-time
// scheduling); a coach left without teachers takes half of the largest slice of the busiest one.
#include <algorithm>
#include <map>
#include <tuple>

#include "caseload_packers.hpp"
#include "coachsim/programme/packing.hpp"

namespace coachsim::programme {
namespace {

struct Slice {
  std::uint32_t school = 0;
  int offset = 0, teachers = 0;
};

struct Group {
  std::uint32_t ugel = 0;
  std::uint16_t type = 0;
  std::vector<std::uint32_t> schools;
  int teachers = 0;
  double at_ratio = 0.0;  // Σ teachers ÷ ratio
  int coaches = 1;
};

// The coaches the input asks for in a region, given `by_rules` coaches from the caseload rules.
int wanted(const scenario::Region& region, int by_rules) {
  if (region.coaches) return *region.coaches;
  return by_rules + region.extra_coaches.value_or(0);
}

void share_out(std::vector<Group>& groups, int count) {
  int given = static_cast<int>(groups.size());
  for (; given < count; ++given) {
    Group* best = nullptr;
    for (Group& g : groups) {
      if (g.coaches >= g.teachers) continue;  // a coach needs at least one teacher
      if (best == nullptr || g.at_ratio / g.coaches > best->at_ratio / best->coaches) best = &g;
    }
    if (best == nullptr) return;
    ++best->coaches;
  }
}

std::vector<Coach> pack_group(const scenario::Scenario& s, const Group& g, std::uint32_t region,
                              const std::vector<School>& schools) {
  const int even = (g.teachers + g.coaches - 1) / g.coaches;
  std::vector<Slice> slices;
  for (std::uint32_t i : g.schools) {
    for (int offset = 0; offset < schools[i].teachers; offset += even)
      slices.push_back({i, offset, std::min(even, schools[i].teachers - offset)});
  }
  std::sort(slices.begin(), slices.end(), [&](const Slice& a, const Slice& b) {
    return std::make_tuple(-a.teachers, schools[a.school].distance_km, a.school, a.offset) <
           std::make_tuple(-b.teachers, schools[b.school].distance_km, b.school, b.offset);
  });
  std::vector<std::vector<Slice>> bins(static_cast<std::size_t>(g.coaches));
  std::vector<int> load(bins.size(), 0);
  for (const Slice& slice : slices) {
    const auto b =
        static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    bins[b].push_back(slice);
    load[b] += slice.teachers;
  }
  for (std::size_t empty = 0; empty < bins.size(); ++empty) {
    while (bins[empty].empty()) {  // teachers >= coaches, so a busiest coach has two or more
      const auto busiest =
          static_cast<std::size_t>(std::max_element(load.begin(), load.end()) - load.begin());
      auto largest =
          std::max_element(bins[busiest].begin(), bins[busiest].end(),
                           [](const Slice& a, const Slice& b) { return a.teachers < b.teachers; });
      Slice moved = *largest;
      if (largest->teachers >= 2) {
        moved.teachers = largest->teachers / 2;
        largest->teachers -= moved.teachers;
        moved.offset = largest->offset + largest->teachers;
      } else {
        bins[busiest].erase(largest);
      }
      load[busiest] -= moved.teachers;
      load[empty] += moved.teachers;
      bins[empty].push_back(moved);
    }
  }
  std::vector<Coach> out;
  for (std::vector<Slice>& bin : bins) {
    std::sort(bin.begin(), bin.end(), [&](const Slice& a, const Slice& b) {
      return std::make_tuple(schools[a.school].distance_km, a.school, a.offset) <
             std::make_tuple(schools[b.school].distance_km, b.school, b.offset);
    });
    Coach coach{region, g.ugel, g.type, 0, 0, 0, 0, {}};
    double shares = 0.0;  // Σ teachers ÷ ratio: the coaches the norm would give these teachers
    int smallest = 0;
    for (const Slice& slice : bin) {
      const School& school = schools[slice.school];
      coach.caseload.push_back({slice.school, static_cast<std::uint16_t>(slice.offset),
                                static_cast<std::uint16_t>(slice.teachers), school.first_teacher,
                                school.distance_km, school.travel_hours});
      coach.teachers += slice.teachers;
      // Students follow their teachers, with cumulative rounding as in caseload.cpp.
      coach.students += school.students * (slice.offset + slice.teachers) / school.teachers -
                        school.students * slice.offset / school.teachers;
      const int ratio = school_ratio(s, school);
      shares += static_cast<double>(slice.teachers) / ratio;
      if (smallest == 0 || ratio < smallest) {
        smallest = ratio;
        coach.rule = static_cast<std::uint16_t>(matching_rule(s, school));
      }
    }
    // What the norm would let it hold at its mix of schools (as in caseload.cpp).
    coach.capacity = static_cast<int>(coach.teachers / shares + 1e-9);
    coach.set_by_input = true;
    out.push_back(std::move(coach));
  }
  return out;
}

}  // namespace

void apply_set_coaches(const scenario::Scenario& s, const std::vector<School>& schools,
                       std::vector<Coach>& coaches) {
  std::vector<std::uint32_t> set_regions;
  for (std::uint32_t r = 0; r < s.regions.size(); ++r)
    if (s.regions[r].coaches || s.regions[r].extra_coaches) set_regions.push_back(r);
  if (set_regions.empty()) return;
  for (std::uint32_t r : set_regions) {
    int by_rules = 0;
    for (const Coach& c : coaches) by_rules += c.region == r ? 1 : 0;
    // Groups in (UGEL, type) order, the order the packers emit coaches in.
    std::map<std::pair<std::uint32_t, std::uint16_t>, Group> by_key;
    for (std::uint32_t i = 0; i < schools.size(); ++i) {
      const School& sc = schools[i];
      if (sc.region != r || sc.teachers <= 0) continue;
      Group& g = by_key[{sc.ugel, sc.type}];
      g.ugel = sc.ugel;
      g.type = sc.type;
      g.schools.push_back(i);
      g.teachers += sc.teachers;
      g.at_ratio += static_cast<double>(sc.teachers) / school_ratio(s, sc);
    }
    if (by_key.empty()) continue;
    std::vector<Group> groups;
    for (auto& [key, g] : by_key) groups.push_back(std::move(g));
    share_out(groups, wanted(s.regions[r], by_rules));
    // Fewer coaches than that would put more than kMaxTeachersPerCoach teachers on one.
    for (Group& g : groups) {
      g.coaches = std::max(g.coaches, (g.teachers + scenario::kMaxTeachersPerCoach - 1) /
                                          scenario::kMaxTeachersPerCoach);
    }
    std::vector<Coach> packed;
    for (const Group& g : groups) {
      std::vector<Coach> part = pack_group(s, g, r, schools);
      std::move(part.begin(), part.end(), std::back_inserter(packed));
    }
    coaches.erase(std::remove_if(coaches.begin(), coaches.end(),
                                 [r](const Coach& c) { return c.region == r; }),
                  coaches.end());
    std::move(packed.begin(), packed.end(), std::back_inserter(coaches));
  }
  std::stable_sort(coaches.begin(), coaches.end(), [](const Coach& a, const Coach& b) {
    return std::tie(a.region, a.ugel, a.type) < std::tie(b.region, b.ugel, b.type);
  });
}

}  // namespace coachsim::programme
