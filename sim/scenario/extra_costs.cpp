// cost_categories: and extra_costs: a scenario's own cost categories and cost lines (loaded and
// checked here; programme/cost_table.cpp appends them to the run's cost table).
#include <algorithm>
#include <array>

#include "checks.hpp"
#include "coachsim/costs/cost_table.hpp"
#include "coachsim/i18n/tr.hpp"
#include "load_sections.hpp"
#include "text_util.hpp"

namespace coachsim::scenario {

namespace {
// In CostDriver order.
constexpr std::array<const char*, kCostDriverCount> kDriverIds = {
    "coach_month", "teacher_year", "coach_year", "school_year", "visit_trip"};
}  // namespace

const char* cost_driver_id(CostDriver d) { return kDriverIds[static_cast<std::size_t>(d)]; }

}  // namespace coachsim::scenario

namespace coachsim::scenario::detail {

namespace {

// The rate's unit: a month of contract is prorated as the coach's fee; every other driver is a
// count (teachers, coaches, schools, trips), priced per unit as materials_per_teacher is.
units::Kind rate_kind(CostDriver d) {
  return d == CostDriver::kCoachMonth ? units::Kind::kMoneyPerMonth
                                      : units::Kind::kMoneyPerParticipant;
}
const char* rate_per(CostDriver d) {
  return d == CostDriver::kCoachMonth ? "/month" : "/participant";
}
// The budget class an extra cost has: its driver's (a visit trip is gated as "visits"; the
// others ride with contracts and materials, which are paid before any droppable class).
const char* driver_class(CostDriver d) { return d == CostDriver::kVisitTrip ? "visits" : "none"; }

std::vector<std::string> driver_ids() {
  std::vector<std::string> ids;
  for (int d = 0; d < kCostDriverCount; ++d)
    ids.emplace_back(cost_driver_id(static_cast<CostDriver>(d)));
  return ids;
}

}  // namespace

void load_extra_costs(Reader& reader, MapReader& top, Scenario& out) {
  if (auto list = top.get("cost_categories", Need::kOptional,
                          tr("a list of cost categories {id, label}"))) {
    for_each_item(reader, *list, "cost_categories", tr("cost categories {id, label}"),
                  [&](const YAML::Node& item, const std::string& path) {
                    MapReader m(reader, item, path, {"id", "label"}, tr("cost category settings"));
                    CostCategory c;
                    if (auto v = m.text("id", Need::kRequired)) c.id = *v;
                    if (auto v = m.text("label", Need::kOptional)) c.label = *v;
                    if (c.label.empty()) c.label = c.id;
                    out.cost_categories.push_back(std::move(c));
                  });
  }
  auto list = top.get("extra_costs", Need::kOptional,
                      tr("a list of extra costs {id, category, per, rate}"));
  if (!list) return;
  const std::vector<std::string> drivers = driver_ids();
  for_each_item(
      reader, *list, "extra_costs", tr("extra costs {id, category, per, rate}"),
      [&](const YAML::Node& item, const std::string& path) {
        MapReader m(reader, item, path, {"id", "category", "per", "rate", "budget_class", "label"},
                    tr("extra cost settings"));
        ExtraCost c;
        if (auto v = m.text("id", Need::kRequired)) c.id = *v;
        if (auto v = m.text("category", Need::kRequired)) c.category = *v;
        bool per_ok = false;
        if (auto node = m.get("per", Need::kRequired, join(drivers))) {
          if (auto v = reader.text(*node, m.path("per"))) {
            const auto it = std::find(drivers.begin(), drivers.end(), *v);
            if (it != drivers.end()) {
              c.per = static_cast<CostDriver>(it - drivers.begin());
              per_ok = true;
            } else {
              reader.fail(*node, m.path("per"),
                          "unknown cost driver " + in_quotes(*v) + did_you_mean(*v, drivers) +
                              " (drivers: " + join(drivers) + ")");
            }
          }
        }
        // The rate's unit follows the driver: read it only once the driver is known.
        if (per_ok) {
          if (auto q = m.quantity("rate", rate_kind(c.per), Need::kRequired)) c.rate = q->centimos;
        } else {
          m.get("rate", Need::kRequired, tr("an amount per unit of the driver"));
        }
        if (auto v = m.text("budget_class", Need::kOptional)) c.budget_class = *v;
        if (auto v = m.text("label", Need::kOptional)) c.label = *v;
        if (c.label.empty()) c.label = c.id;
        out.extra_costs.push_back(std::move(c));
      });
}

void check_extra_costs(Checker& c) {
  const Scenario& s = c.scenario();
  const costs::CostTable& builtin = *costs::CostTable::builtin();
  // Categories: new ids, not a built-in one.
  std::vector<std::string> ids;
  for (const CostCategory& k : s.cost_categories) ids.push_back(k.id);
  c.unique_ids("cost_categories", ids, "cost category");
  costs::Category existing_category = costs::Category::kOther;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string field = indexed("cost_categories", i) + ".id";
    if (c.ok(field) && builtin.find_category(ids[i], existing_category))
      c.error(field, "duplicate cost category id " + in_quotes(ids[i]) +
                         " (a built-in category; built-in ones need no declaration)");
  }
  if (builtin.category_count() + s.cost_categories.size() > costs::kMaxCostRows)
    c.error("cost_categories",
            "expected at most " + std::to_string(costs::kMaxCostRows - builtin.category_count()) +
                " cost categories, got " + std::to_string(s.cost_categories.size()));
  std::vector<std::string> categories;
  for (const costs::CategoryRow& row : builtin.categories()) categories.push_back(row.id);
  categories.insert(categories.end(), ids.begin(), ids.end());

  // Extra costs: new activity ids, a known category, a rate >= 0, the driver's budget class.
  ids.clear();
  for (const ExtraCost& x : s.extra_costs) ids.push_back(x.id);
  c.unique_ids("extra_costs", ids, "extra cost");
  std::array<int, kCostDriverCount> per_driver{};
  costs::Activity existing_activity = costs::Activity::kOverhead;
  for (std::size_t i = 0; i < s.extra_costs.size(); ++i) {
    const ExtraCost& x = s.extra_costs[i];
    const std::string p = indexed("extra_costs", i);
    if (c.ok(p + ".id") && builtin.find_activity(x.id, existing_activity))
      c.error(p + ".id", "duplicate activity id " + in_quotes(x.id) +
                             " (a built-in activity; choose another id)");
    if (c.ok(p + ".category") && c.ids_ok("cost_categories", s.cost_categories.size()))
      c.known_id(p + ".category", x.category, categories, "cost category", "categories");
    if (!c.ok(p + ".per")) continue;
    c.money_at_least(p + ".rate", x.rate, 0, rate_per(x.per));
    const std::string expected = driver_class(x.per);
    if (c.ok(p + ".budget_class") && !x.budget_class.empty() && x.budget_class != expected)
      c.error(p + ".budget_class",
              "expected " + expected + " (the budget class of its driver per: " +
                  cost_driver_id(x.per) + "; an extra cost is committed, paid and dropped with " +
                  "the activity that drives it), got " + in_quotes(x.budget_class));
    if (++per_driver[static_cast<std::size_t>(x.per)] == kMaxExtraCostsPerDriver + 1)
      c.error(p + ".per", "expected at most " + std::to_string(kMaxExtraCostsPerDriver) +
                              " extra costs per " + cost_driver_id(x.per) + ", got more");
  }
  if (builtin.activity_count() + s.extra_costs.size() > costs::kMaxCostRows)
    c.error("extra_costs", "expected at most " +
                               std::to_string(costs::kMaxCostRows - builtin.activity_count()) +
                               " extra costs, got " + std::to_string(s.extra_costs.size()));
}

}  // namespace coachsim::scenario::detail
