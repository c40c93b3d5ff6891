// central_costs: spending executed outside the regions (loaded and checked here).
#include <algorithm>

#include "checks.hpp"
#include "coachsim/costs/cost_table.hpp"
#include "coachsim/i18n/tr.hpp"
#include "load_sections.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

void load_central_costs(Reader& reader, MapReader& top, Scenario& out) {
  auto list = top.get("central_costs", Need::kOptional, tr("a list of central costs"));
  if (!list) return;
  for_each_item(reader, *list, "central_costs", tr("central costs {year, category, amount, label}"),
                [&](const YAML::Node& item, const std::string& path) {
                  MapReader m(reader, item, path, {"year", "category", "amount", "label", "source"},
                              tr("central cost settings"));
                  CentralCost c;
                  if (auto v = m.integer("year", Need::kRequired)) c.year = *v;
                  if (auto v = m.text("category", Need::kRequired)) c.category = *v;
                  if (auto q = m.quantity("amount", units::Kind::kMoney, Need::kRequired))
                    c.amount = units::centimos(q->centimos);
                  if (auto v = m.text("label", Need::kRequired)) c.label = *v;
                  if (auto v = m.text("source", Need::kOptional)) c.source = *v;
                  out.central_costs.push_back(std::move(c));
                });
}

void check_central_costs(Checker& c) {
  const Scenario& s = c.scenario();
  std::vector<std::string> categories;
  for (const costs::CategoryRow& row : costs::CostTable::builtin()->categories())
    categories.push_back(row.id);
  for (const CostCategory& k : s.cost_categories) categories.push_back(k.id);
  for (std::size_t i = 0; i < s.central_costs.size(); ++i) {
    const CentralCost& cost = s.central_costs[i];
    const std::string p = indexed("central_costs", i);
    if (c.ok(p + ".year") && std::none_of(s.years.begin(), s.years.end(), [&](const SchoolYear& y) {
          return y.year == cost.year;
        })) {
      c.error(p + ".year",
              trf("expected one of the scenario's years, got {0}", {std::to_string(cost.year)}));
    }
    if (c.ok(p + ".category"))
      c.known_id(p + ".category", cost.category, categories, N_("cost category"), tr("categories"));
    c.money_at_least(p + ".amount", cost.amount.value(), 0, "");
  }
}

}  // namespace coachsim::scenario::detail
