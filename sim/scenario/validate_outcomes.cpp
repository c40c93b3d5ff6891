// Checks of outcomes: (effect lists and dose response) and prices: (years, inflation,
// exchange rates), and the price index they define.
#include <algorithm>
#include <cmath>
#include <set>

#include "checks.hpp"
#include "coachsim/i18n/tr.hpp"
#include "text_util.hpp"

namespace coachsim::scenario {

double price_index(const Prices& prices, int year) {
  auto change = [&](int y) {
    for (const YearValue& v : prices.inflation)
      if (v.year == y) return 1.0 + v.value;
    return 1.0;
  };
  double index = 1.0;
  for (int y = prices.price_year + 1; y <= year; ++y) index *= change(y);
  for (int y = year + 1; y <= prices.price_year; ++y) index /= change(y);
  return index;
}

std::optional<double> exchange_rate(const Prices& prices, int year) {
  for (const YearValue& v : prices.exchange_rate)
    if (v.year == year) return v.value;
  return std::nullopt;
}

namespace detail {
namespace {

void check_effects(Checker& c, const std::string& field, const std::array<double, 3>& values,
                   std::size_t count) {
  if (!c.loaded(field)) return;
  if (count != values.size()) {
    c.error(field, trf("expected 3 effects in SD (after 1, 2 and 3 years of coaching), got {0}",
                       {std::to_string(count)}));
    return;
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string item = indexed(field, i);
    if (c.ok(item) && (values[i] < -1.0 || values[i] > 2.0))
      c.error(item,
              trf("expected an effect between -1 and 2 SD, got {0}", {format_number(values[i])}));
  }
}

// Reports years given twice in a year map (e.g. 2021 and 2021.0 cannot both parse, but a YAML
// map may repeat a key in another spelling such as 02021).
void check_unique_years(Checker& c, const std::string& field, const std::vector<YearValue>& list) {
  std::set<int> seen;
  for (const YearValue& v : list)
    if (!seen.insert(v.year).second)
      c.error(field, trf("year {0} is given twice", {std::to_string(v.year)}));
}

}  // namespace

void check_outcomes(Checker& c) {
  if (!c.scenario().outcomes) return;
  const Outcomes& o = *c.scenario().outcomes;
  check_effects(c, "outcomes.student_learning_sd", o.student_learning_sd, o.student_count);
  check_effects(c, "outcomes.teacher_practice_sd", o.teacher_practice_sd, o.teacher_count);
  if (o.reference) {
    const ReferenceProtocol& ref = *o.reference;
    if (c.ok("outcomes.reference_protocol.visits") && ref.visits < 0)
      c.error("outcomes.reference_protocol.visits",
              trf("expected visits a year >= 0, got {0}", {std::to_string(ref.visits)}));
    if (c.ok("outcomes.reference_protocol.gia") && ref.gia < 0)
      c.error("outcomes.reference_protocol.gia",
              trf("expected GIA sessions a year >= 0, got {0}", {std::to_string(ref.gia)}));
    if (c.ok("outcomes.reference_protocol.teacher_workshop_days") && ref.workshop_days < 0)
      c.error(
          "outcomes.reference_protocol.teacher_workshop_days",
          trf("expected workshop days a year >= 0, got {0}", {format_number(ref.workshop_days)}));
  }
  const DoseWeights& w = o.weights;
  if (c.ok("outcomes.dose_weights") && c.loaded("outcomes.dose_weights")) {
    for (auto [key, v] : {std::pair{"visits", w.visits}, std::pair{"gia", w.gia},
                          std::pair{"workshops", w.workshops}})
      if (v < 0.0 || v > 1.0)
        c.error(std::string("outcomes.dose_weights.") + key,
                trf("expected a share from 0% to 100%, got {0}%", {format_number(v * 100.0)}));
    const double sum = w.visits + w.gia + w.workshops;
    if (std::abs(sum - 1.0) > 1e-9)
      c.error("outcomes.dose_weights",
              trf("expected shares adding up to 100%, got {0}%", {format_number(sum * 100.0)}));
  }
  for (std::size_t i = 0; i < o.evidence_school_types.size(); ++i) {
    const std::string& id = o.evidence_school_types[i];
    const auto& types = c.scenario().school_types;
    if (std::none_of(types.begin(), types.end(),
                     [&](const SchoolTypeProtocol& t) { return t.id == id; }))
      c.error(indexed("outcomes.evidence.school_types", i),
              trf("expected one of the scenario's school types, got {0}", {in_quotes(id)}));
  }
  if (c.ok("outcomes.evidence.grade_share") &&
      (o.evidence_grade_share <= 0.0 || o.evidence_grade_share > 1.0))
    c.error("outcomes.evidence.grade_share",
            trf("expected a share of the covered types' students above 0% and at most 100%, "
                "got {0}%",
                {format_number(o.evidence_grade_share * 100.0)}));
  if (c.ok("outcomes.discount_rate") && (o.discount_rate < 0.0 || o.discount_rate >= 1.0))
    c.error("outcomes.discount_rate",
            trf("expected a yearly discount rate from 0% to below 100%, got {0}%",
                {format_number(o.discount_rate * 100.0)}));
  if (c.ok("outcomes.full_at") && (o.full_at <= 0.0 || o.full_at > 1.0))
    c.error("outcomes.full_at",
            trf("expected a share of the protocol's visits above 0% and at most 100%, got {0}%",
                {format_number(o.full_at * 100.0)}));
}

void check_prices(Checker& c) {
  const Scenario& s = c.scenario();
  if (!s.prices) return;
  const Prices& p = *s.prices;
  if (c.ok("prices.price_year") && (p.price_year < 1900 || p.price_year > 2200))
    c.error("prices.price_year",
            trf("expected a calendar year (1900..2200), got {0}", {std::to_string(p.price_year)}));
  for (const YearValue& v : p.inflation) {
    const std::string field = "prices.inflation." + std::to_string(v.year);
    if (c.ok(field) && v.value <= -1.0)
      c.error(field, trf("expected a change of the price level above -100%, got {0}%",
                         {format_number(v.value * 100.0)}));
  }
  check_unique_years(c, "prices.inflation", p.inflation);
  // With inflation given, every year between the price year and each school year needs a rate:
  // a gap would silently mean 0%.
  if (!p.inflation.empty() && c.ok("prices.inflation") && c.ok("prices.price_year") &&
      !s.years.empty()) {
    const int from = std::min(p.price_year, s.years.front().year);
    const int to = std::max(p.price_year, s.years.back().year);
    std::string missing;
    for (int y = from + 1; y <= to; ++y)
      if (std::none_of(p.inflation.begin(), p.inflation.end(),
                       [&](const YearValue& v) { return v.year == y; }))
        missing += (missing.empty() ? "" : ", ") + std::to_string(y);
    if (!missing.empty())
      c.error("prices.inflation",
              trf("expected the inflation of every year from {0} to {1} (price year {2} to the "
                  "scenario's years); missing {3}",
                  {std::to_string(from + 1), std::to_string(to), std::to_string(p.price_year),
                   missing}));
  }
  for (const YearValue& v : p.exchange_rate) {
    const std::string field = "prices.exchange_rate." + std::to_string(v.year);
    if (!c.ok(field)) continue;
    if (v.value <= 0.0) {
      c.error(field, trf("expected an exchange rate > 0 {0}/USD, got {1} {0}/USD",
                         {s.currency, format_number(v.value)}));
    } else if (std::none_of(s.years.begin(), s.years.end(),
                            [&](const SchoolYear& y) { return y.year == v.year; })) {
      c.error(field,
              trf("expected one of the scenario's years, got {0}", {std::to_string(v.year)}));
    }
  }
  check_unique_years(c, "prices.exchange_rate", p.exchange_rate);
  if (c.ok("prices.exchange_rate")) {
    std::string missing;
    for (const SchoolYear& y : s.years)
      if (!exchange_rate(p, y.year))
        missing += (missing.empty() ? "" : ", ") + std::to_string(y.year);
    if (!missing.empty())
      c.error(c.loaded("prices.exchange_rate") ? "prices.exchange_rate" : "prices",
              trf("expected an exchange rate for every school year of the scenario; missing {0}",
                  {missing}));
  }
}

}  // namespace detail
}  // namespace coachsim::scenario
