// Checks of scale_up: and coach_supply: against the rest of the scenario: known regions, years
// and school types, shares within 0..100%, no negative counts or durations, one target per
// region and year.
#include <algorithm>
#include <cmath>

#include "checks.hpp"
#include "coachsim/i18n/tr.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

void percent_range(Checker& c, const std::string& field, double value) {
  if ((value >= 0.0 && value <= 1.0) || !c.ok(field)) return;
  // Rounded to a millionth of a percent so that "112%" does not print as 112.00000000000001%.
  const double percent = std::round(value * 100.0 * 1e6) / 1e6;
  c.error(field, trf("expected a share between 0% and 100%, got {0}%", {format_number(percent)}));
}

void check_scale_up(Checker& c) {
  const Scenario& s = c.scenario();
  const ScaleUp& up = s.scale_up;
  if (!up.enabled) return;
  if ((up.stages < 1 || up.stages > 3) && c.ok("scale_up.stages")) {
    c.error("scale_up.stages", trf("expected 1 to 3 stages (years a school stays), got {0}",
                                   {std::to_string(up.stages)}));
  }
  std::vector<std::string> types;
  for (const SchoolTypeProtocol& t : s.school_types) types.push_back(t.id);
  for (std::size_t i = 0; i < up.eligibility.school_types.size(); ++i) {
    c.known_id(indexed("scale_up.eligibility.school_types", i), up.eligibility.school_types[i],
               types, N_("school type"), tr("school types of the protocol"));
  }
  c.at_least("scale_up.eligibility.min_students", up.eligibility.min_students, 0,
             N_("a student count"));

  std::vector<std::string> regions{"all"};
  for (const Region& r : s.regions) regions.push_back(r.id);
  std::vector<std::string> years;
  for (const SchoolYear& y : s.years) years.push_back(std::to_string(y.year));
  for (std::size_t i = 0; i < up.targets.size(); ++i) {
    const EnrolmentTarget& t = up.targets[i];
    const std::string p = indexed("scale_up.targets", i);
    c.known_id(p + ".region", t.region, regions, N_("region"), tr("region ids or 'all'"));
    c.known_id(p + ".year", std::to_string(t.year), years, N_("year"), tr("years of the scenario"));
    if (t.is_share) {
      percent_range(c, p + ".teachers", t.share);
    } else {
      c.at_least(p + ".teachers", t.count, 0, N_("a teacher count"));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (up.targets[j].region == t.region && up.targets[j].year == t.year && c.ok(p)) {
        c.error(p,
                trf("duplicate target for region {0} and year {1} (first given at {2})",
                    {in_quotes(t.region), std::to_string(t.year), indexed("scale_up.targets", j)}));
        break;
      }
    }
  }
}

void check_coach_supply(Checker& c) {
  const CoachSupply& cs = c.scenario().coach_supply;
  if (!cs.enabled) return;
  c.at_least("coach_supply.hires_per_month", cs.hires_per_month, 0,
             N_("a number of hires per month (0: no limit)"));
  c.at_least("coach_supply.initial_training", cs.initial_training.value(), 0.0,
             N_("an initial training"), "days");
  c.at_least("coach_supply.replacement_delay", cs.replacement_delay.value(), 0.0,
             N_("a replacement delay"), "days");
  percent_range(c, "coach_supply.attrition_per_year", cs.attrition_per_year);
  if (cs.attrition_per_year >= 1.0 && cs.attrition_per_year <= 1.0 &&
      c.ok("coach_supply.attrition_per_year")) {
    c.error("coach_supply.attrition_per_year",
            tr("expected a share below 100% (at 100% every coach leaves at once), got 100%"));
  }
  percent_range(c, "coach_supply.visit_cancellation", cs.visit_cancellation);
}

}  // namespace

void check_growth(Checker& c) {
  check_scale_up(c);
  check_coach_supply(c);
  if (c.scenario().teacher_turnover.enabled) {
    percent_range(c, "teacher_turnover.share_per_year",
                  c.scenario().teacher_turnover.share_per_year);
  }
}

}  // namespace coachsim::scenario::detail
