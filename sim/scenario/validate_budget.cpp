// Checks of budget: regions and years exist, shares within range, dates inside a scenario
// year, each (region, year) overridden once.
#include <algorithm>
#include <chrono>

#include "checks.hpp"
#include "coachsim/i18n/tr.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

bool has_year(const Scenario& s, int year) {
  return std::any_of(s.years.begin(), s.years.end(),
                     [&](const SchoolYear& y) { return y.year == year; });
}

void share_range(Checker& c, const std::string& field, double share, double min, double max) {
  if (!c.ok(field) || (share >= min - 1e-12 && share <= max + 1e-12)) return;
  c.error(field,
          trf("expected a share between {0}% and {1}%, got {2}%",
              {format_number(min * 100), format_number(max * 100), format_number(share * 100)}));
}

}  // namespace

void check_budget(Checker& c) {
  const Scenario& s = c.scenario();
  const Budget& b = s.budget;
  if (!b.enabled) return;
  std::vector<std::string> regions;
  for (const Region& r : s.regions) regions.push_back(r.id);
  const bool regions_ok = c.ids_ok("regions", s.regions.size());

  if (b.pia.is_share)
    share_range(c, "budget.pia", b.pia.share, 0.0, 1.0);
  else
    c.money_at_least("budget.pia", b.pia.centimos, 0, "");

  for (std::size_t i = 0; i < b.pia_overrides.size(); ++i) {
    const PiaOverride& o = b.pia_overrides[i];
    const std::string p = indexed("budget.pia_overrides", i);
    if (regions_ok) c.known_id(p + ".region", o.region, regions, N_("region"), tr("regions"));
    if (c.ok(p + ".year") && !has_year(s, o.year))
      c.error(p + ".year",
              trf("expected one of the scenario's years, got {0}", {std::to_string(o.year)}));
    if (o.pia.is_share)
      share_range(c, p + ".pia", o.pia.share, 0.0, 1.0);
    else
      c.money_at_least(p + ".pia", o.pia.centimos, 0, "");
    for (std::size_t j = 0; j < i; ++j) {
      if (b.pia_overrides[j].region == o.region && b.pia_overrides[j].year == o.year &&
          c.ok(p + ".region")) {
        c.error(p + ".region", trf("region {0} and year {1} are overridden twice (also {2})",
                                   {in_quotes(o.region), std::to_string(o.year),
                                    indexed("budget.pia_overrides", j)}));
        break;
      }
    }
  }

  std::vector<std::string> change_regions = regions;
  change_regions.insert(change_regions.begin(), "all");
  for (std::size_t i = 0; i < b.changes.size(); ++i) {
    const BudgetChange& ch = b.changes[i];
    const std::string p = indexed("budget.changes", i);
    if (regions_ok)
      c.known_id(p + ".region", ch.region, change_regions, N_("region"), tr("'all' or regions"));
    const int year = static_cast<int>(std::chrono::year_month_day{ch.date}.year());
    if (c.ok(p + ".date") && !has_year(s, year)) {
      std::string years;
      for (const SchoolYear& y : s.years)
        years += (years.empty() ? "" : ", ") + std::to_string(y.year);
      c.error(p + ".date",
              trf("expected a date within a school year of the scenario ({0}), got {1}",
                  {years, calendar::format_date(ch.date)}));
    }
    if (ch.change.is_share) share_range(c, p + ".change", ch.change.share, -1.0, 1.0);
  }

  std::vector<std::string> rule_ids;
  double withheld = 0;
  for (std::size_t i = 0; i < b.rules.size(); ++i) {
    const BudgetRule& r = b.rules[i];
    const std::string p = indexed("budget.rules", i);
    rule_ids.push_back(r.id);
    share_range(c, p + ".target", r.target, 0.0, 1.0);
    share_range(c, p + ".withhold", r.withhold, 0.0, 1.0);
    share_range(c, p + ".top_up", r.top_up, 0.0, 1.0);
    withheld += r.withhold;
    if (c.ok(p + ".withhold") && c.ok(p + ".top_up") && r.withhold == 0 && r.top_up == 0)
      c.error(p + ".id", trf("rule {0} neither withholds nor tops up; expected withhold or "
                             "top_up above 0%",
                             {in_quotes(r.id)}));
  }
  c.unique_ids("budget.rules", rule_ids, N_("rule"));
  if (withheld > 1.0 + 1e-12 && !b.rules.empty())
    c.error(indexed("budget.rules", b.rules.size() - 1) + ".withhold",
            trf("expected the rules to withhold at most 100% of the PIA together, got {0}%",
                {format_number(withheld * 100)}));
}

}  // namespace coachsim::scenario::detail
