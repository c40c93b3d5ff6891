// Caseloads by the protocol's ratio rules, packed so that coaches come close to the ratios.
//
// Each school's ratio comes from the first caseload rule it matches (border, urban, dispersed),
// or the region's own teachers_per_coach. A teacher takes 1/ratio of a coach: a caseload is full
// when the shares of its teachers add up to 1. For a caseload of one ratio that is exactly the
// ratio; a mixed one (say near schools of ratio 8 and dispersed ones of ratio 6) holds a number
// between its smallest and largest ratio, in proportion to its mix. We chose this over "the
// smallest ratio of the caseload" because the norm sets the ratio by the coach's time, travel
// included (NT-026 5.4, seed 003_77fb35d22d95a5bc.txt: fewer teachers per school and more
// dispersion give a smaller caseload, "ya que se considera el tiempo que invierte en el
// desplazamiento"), and gives ranges, not a single figure (5.6.2 b: 6-8 where dispersed):
// weighting each teacher's share of the coach's time stays inside those ranges, while the
// smallest ratio would let one far school cost a coach two near teachers.
//
// This is `protocol.caseload_packing: pooled`, the default; `nearest_first` is the packing
// before issue 12 (caseload_nearest_first.cpp), for the historical scenarios.
//
// Packing, in two stages (school types are never mixed: EIB coaches must speak the language,
// and each type has its own visits and workshops):
// 1. Within each UGEL and school type: a school larger than a whole caseload is split into full
//    caseloads plus a remainder; the rest are packed largest share first, each into the fullest
//    caseload it fits in (best fit decreasing), so that no school is split.
// 2. Each UGEL's least-filled caseload of a type (its remainder) is taken apart and its schools
//    are re-packed across the region's UGELs: first into room left in their own UGEL, then
//    into a neighbouring UGEL's caseload when the trip still fits one travel day, else into a
//    new caseload. The scenario has no UGEL seat coordinates, so every UGEL of the region counts
//    as a neighbour and a school of another UGEL is reached through its own seat, the seats
//    lying apart by the sum of the two UGELs' median school distances (ASSUMPTION, stated in
//    README "Caseload packing"). Its caseload item carries that longer distance and time.
// The room left in stage-1 caseloads is the loss from schools that cannot be split; that left in
// caseloads made in stage 2 is the loss from too few schools of the type nearby (packing.cpp).
#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <tuple>

#include "caseload_packers.hpp"
#include "coachsim/programme/packing.hpp"
#include "coachsim/programme/population.hpp"

namespace coachsim::programme {
namespace {

// Loads are sums of a few teachers/ratio fractions, always added in the same order, so the
// packing is deterministic; the tolerance only absorbs rounding (1/6 + 5/6 is "full").
constexpr double kTolerance = 1e-9;

struct Item {
  std::uint32_t school = 0;
  int offset = 0, teachers = 0, ratio = 0;
  std::size_t rule = 0;
  double share = 0.0;  // teachers / ratio: the part of a coach it takes
  bool foreign = false;
};

struct Bin {
  std::uint32_t region = 0, ugel = 0;  // the coach's base
  std::uint16_t type = 0;
  std::vector<Item> items;
  double load = 0.0;
  bool remainder = false;  // made in stage 2
};

bool fits(const Bin& bin, const Item& item) { return bin.load + item.share <= 1.0 + kTolerance; }

void add(Bin& bin, const Item& item) {
  bin.items.push_back(item);
  bin.load += item.share;
}

// Largest share first; nearer first among equals; then by school for a deterministic order.
void order_items(std::vector<Item>& items, const std::vector<School>& schools) {
  std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
    return std::make_tuple(-a.share, schools[a.school].distance_km, a.school, a.offset) <
           std::make_tuple(-b.share, schools[b.school].distance_km, b.school, b.offset);
  });
}

// The fullest bin among `bins[from..]` that `accept`s the item and has room for it, or -1.
template <typename Accept>
std::ptrdiff_t best_fit(const std::vector<Bin>& bins, std::size_t from, const Item& item,
                        Accept accept) {
  std::ptrdiff_t best = -1;
  for (std::size_t b = from; b < bins.size(); ++b) {
    if (!fits(bins[b], item) || !accept(bins[b])) continue;
    if (best < 0 || bins[b].load > bins[static_cast<std::size_t>(best)].load + kTolerance)
      best = static_cast<std::ptrdiff_t>(b);
  }
  return best;
}

// Median one-way distance (km) and travel time (h) of each UGEL's schools: the UGEL's reach,
// used to place its seat relative to a neighbour's.
struct Reach {
  double km = 0.0, hours = 0.0;
};
std::map<std::uint32_t, Reach> ugel_reach(const std::vector<School>& schools) {
  std::map<std::uint32_t, std::vector<const School*>> by_ugel;
  for (const School& sc : schools) by_ugel[sc.ugel].push_back(&sc);
  std::map<std::uint32_t, Reach> reach;
  for (auto& [ugel, list] : by_ugel) {
    std::vector<double> km, hours;
    for (const School* sc : list) {
      km.push_back(sc->distance_km);
      hours.push_back(sc->travel_hours);
    }
    const std::size_t mid = (list.size() - 1) / 2;  // the lower median
    std::nth_element(km.begin(), km.begin() + static_cast<std::ptrdiff_t>(mid), km.end());
    std::nth_element(hours.begin(), hours.begin() + static_cast<std::ptrdiff_t>(mid), hours.end());
    reach[ugel] = {km[mid], hours[mid]};
  }
  return reach;
}

Coach to_coach(const Bin& bin, const std::vector<School>& schools,
               const std::map<std::uint32_t, Reach>& reach) {
  Coach coach{bin.region, bin.ugel, bin.type, 0, 0, 0, 0, {}};
  coach.remainder = bin.remainder;
  std::vector<Item> items = bin.items;
  std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
    return std::make_tuple(schools[a.school].distance_km, a.school, a.offset) <
           std::make_tuple(schools[b.school].distance_km, b.school, b.offset);
  });
  int smallest = 0;
  for (const Item& item : items) {
    const School& school = schools[item.school];
    double km = school.distance_km, hours = school.travel_hours;
    if (school.ugel != bin.ugel) {  // through the school's own seat (see the top of the file)
      km += reach.at(bin.ugel).km + reach.at(school.ugel).km;
      hours += reach.at(bin.ugel).hours + reach.at(school.ugel).hours;
    }
    coach.caseload.push_back({item.school, static_cast<std::uint16_t>(item.offset),
                              static_cast<std::uint16_t>(item.teachers), school.first_teacher, km,
                              hours});
    coach.teachers += item.teachers;
    // Students follow their teachers: a split school's students are shared pro rata, with
    // cumulative rounding so that the slices add up to the school's total exactly.
    coach.students += school.students * (item.offset + item.teachers) / school.teachers -
                      school.students * item.offset / school.teachers;
    if (smallest == 0 || item.ratio < smallest ||
        (item.ratio == smallest && item.rule < coach.rule)) {
      smallest = item.ratio;
      coach.rule = static_cast<std::uint16_t>(item.rule);
    }
  }
  // The caseload's own ratio at its mix of schools: the whole number of teachers a coach
  // could hold with its schools' shares (its smallest ratio when the mix is one ratio).
  coach.capacity = static_cast<int>(std::floor(coach.teachers / bin.load + kTolerance));
  return coach;
}

}  // namespace

std::size_t matching_rule(const scenario::Scenario& s, const School& school) {
  const std::string& type = s.school_types[school.type].id;
  for (std::size_t i = 0; i < s.caseload_rules.size(); ++i) {
    const scenario::CaseloadRule& rule = s.caseload_rules[i];
    if (rule.school_type != type) continue;
    if (rule.border && *rule.border != school.border) continue;
    if (rule.urban && *rule.urban != school.urban) continue;
    if (rule.dispersed && *rule.dispersed != school.dispersed) continue;
    return i;
  }
  return s.caseload_rules.size();
}

int school_ratio(const scenario::Scenario& s, const School& school) {
  return s.regions[school.region].teachers_per_coach.value_or(
      s.caseload_rules[matching_rule(s, school)].teachers_per_coach);
}

std::vector<Coach> assign_caseloads(const scenario::Scenario& s,
                                    const std::vector<School>& schools) {
  if (s.caseload_packing == scenario::CaseloadPacking::kNearestFirst) {
    std::vector<Coach> coaches = assign_caseloads_nearest_first(s, schools);
    apply_set_coaches(s, schools, coaches);
    return coaches;
  }
  // Schools by (region, UGEL, type).
  std::vector<std::uint32_t> order(schools.size());
  for (std::uint32_t i = 0; i < schools.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tie(schools[a].region, schools[a].ugel, schools[a].type, a) <
           std::tie(schools[b].region, schools[b].ugel, schools[b].type, b);
  });
  const std::map<std::uint32_t, Reach> reach = ugel_reach(schools);
  const double day_hours = s.coach.travel_hours_per_day.value();

  std::vector<Bin> bins;
  // Stage 2's input: the remainders' schools of each (region, type).
  std::map<std::pair<std::uint32_t, std::uint16_t>, std::vector<Item>> pools;
  // Stage 1, one (region, UGEL, type) group at a time.
  for (std::size_t k = 0; k < order.size();) {
    const School& first = schools[order[k]];
    std::vector<Item> items;
    const std::size_t group_start = bins.size();
    for (; k < order.size(); ++k) {
      const School& sc = schools[order[k]];
      if (sc.region != first.region || sc.ugel != first.ugel || sc.type != first.type) break;
      const std::size_t rule = matching_rule(s, sc);
      const int ratio = school_ratio(s, sc);
      int offset = 0;
      for (; sc.teachers - offset > ratio; offset += ratio) {  // full caseloads of one school
        bins.push_back({sc.region, sc.ugel, sc.type, {}, 0.0, false});
        add(bins.back(), {order[k], offset, ratio, ratio, rule, 1.0, false});
      }
      const int rest = sc.teachers - offset;
      items.push_back({order[k], offset, rest, ratio, rule, static_cast<double>(rest) / ratio});
    }
    order_items(items, schools);
    for (const Item& item : items) {
      const std::ptrdiff_t b = best_fit(bins, group_start, item, [](const Bin&) { return true; });
      if (b >= 0) {
        add(bins[static_cast<std::size_t>(b)], item);
      } else {
        bins.push_back({first.region, first.ugel, first.type, {}, 0.0, false});
        add(bins.back(), item);
      }
    }
    // The group's least-filled caseload (the last such on ties) goes to stage 2 unless full.
    std::size_t least = group_start;
    for (std::size_t b = group_start; b < bins.size(); ++b)
      if (bins[b].load <= bins[least].load + kTolerance) least = b;
    if (least < bins.size() && bins[least].load < 1.0 - kTolerance) {
      auto& region_pool = pools[{first.region, first.type}];
      region_pool.insert(region_pool.end(), bins[least].items.begin(), bins[least].items.end());
      bins.erase(bins.begin() + static_cast<std::ptrdiff_t>(least));
    }
  }

  // Stage 2, one (region, type) at a time: remainders into room across the region's UGELs.
  std::map<std::pair<std::uint32_t, std::uint16_t>, std::vector<Bin>> regional;
  for (const Bin& bin : bins)
    if (pools.count({bin.region, bin.type}) != 0) regional[{bin.region, bin.type}];
  std::vector<Bin> kept;  // bins of (region, type)s with no remainder stay as they are
  for (Bin& bin : bins) {
    auto it = regional.find({bin.region, bin.type});
    (it == regional.end() ? kept : it->second).push_back(std::move(bin));
  }
  for (auto& [key, items] : pools) {
    std::vector<Bin>& group = regional[key];
    order_items(items, schools);
    for (const Item& item : items) {
      const School& sc = schools[item.school];
      std::ptrdiff_t b =
          best_fit(group, 0, item, [&](const Bin& bin) { return bin.ugel == sc.ugel; });
      if (b < 0) {  // a neighbouring UGEL's coach, if the trip fits one travel day
        b = best_fit(group, 0, item, [&](const Bin& bin) {
          return sc.travel_hours + reach.at(bin.ugel).hours + reach.at(sc.ugel).hours <=
                 day_hours + kTolerance;
        });
      }
      if (b >= 0) {
        add(group[static_cast<std::size_t>(b)], item);
      } else {
        group.push_back({sc.region, sc.ugel, sc.type, {}, 0.0, true});
        add(group.back(), item);
      }
    }
  }
  bins = std::move(kept);
  for (auto& [key, group] : regional)
    std::move(group.begin(), group.end(), std::back_inserter(bins));

  std::stable_sort(bins.begin(), bins.end(), [](const Bin& a, const Bin& b) {
    return std::tie(a.region, a.ugel, a.type) < std::tie(b.region, b.ugel, b.type);
  });
  std::vector<Coach> coaches;
  coaches.reserve(bins.size());
  for (const Bin& bin : bins) coaches.push_back(to_coach(bin, schools, reach));
  apply_set_coaches(s, schools, coaches);
  return coaches;
}

}  // namespace coachsim::programme
