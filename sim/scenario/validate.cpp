// validate(): runs every check on a scenario (see checks.hpp), and the Checker helpers.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "checks.hpp"
#include "coachsim/i18n/tr.hpp"
#include "coachsim/scenario/loader.hpp"
#include "coachsim/units/parse.hpp"
#include "text_util.hpp"

namespace coachsim::scenario {

namespace detail {

std::string indexed(const std::string& list, std::size_t i) {
  return list + "[" + std::to_string(i) + "]";
}

void Checker::error(const std::string& field, std::string message) {
  const std::optional<Location> at = index_ ? index_->find(field) : std::nullopt;
  if (at) {
    errors_.push_back(LoadError{at->file, at->line, at->column, field, std::move(message)});
  } else {
    errors_.push_back(LoadError{name_, 0, 0, field, std::move(message)});
  }
}

// The `what` arguments are English msgids marked with N_() at the call site and translated here,
// only when there is an error to report: a check runs once per school of a 100,000-row CSV.
void Checker::at_least(const std::string& field, int value, int min, const char* what) {
  if (value >= min || !ok(field)) return;
  error(field, trf("expected {0} >= {1}, got {2}",
                   {tr(what), std::to_string(min), std::to_string(value)}));
}

void Checker::in_range(const std::string& field, int value, int min, int max, const char* what) {
  if ((value >= min && value <= max) || !ok(field)) return;
  error(field, trf("expected {0} between {1} and {2}, got {3}",
                   {tr(what), std::to_string(min), std::to_string(max), std::to_string(value)}));
}

void Checker::at_least(const std::string& field, double value, double min, const char* what,
                       std::string_view unit) {
  if (value >= min || !ok(field)) return;
  // Units are written as in the scenario file ("km", "h", "days"), so they are not translated.
  const std::string u = unit.empty() ? "" : " " + std::string(unit);
  error(field, trf("expected {0} >= {1}, got {2}",
                   {tr(what), format_number(min) + u, format_number(value) + u}));
}

void Checker::greater_than(const std::string& field, double value, double min, const char* what,
                           std::string_view unit) {
  if (value > min || !ok(field)) return;
  const std::string u = unit.empty() ? "" : " " + std::string(unit);
  error(field, trf("expected {0} > {1}, got {2}",
                   {tr(what), format_number(min) + u, format_number(value) + u}));
}

void Checker::share(const std::string& field, double value) {
  if ((value >= 0.0 && value <= 1.0) || !ok(field)) return;
  error(field, trf("expected a share between 0 and 1, got {0}", {format_number(value)}));
}

void Checker::money_at_least(const std::string& field, std::int64_t centimos, std::int64_t min,
                             std::string_view per) {
  if (centimos >= min || !ok(field)) return;
  const std::string unit = " " + scenario_.currency + std::string(per);
  error(field, trf("expected an amount >= {0}, got {1}",
                   {units::format_centimos(min) + unit, units::format_centimos(centimos) + unit}));
}

void Checker::money_positive(const std::string& field, std::int64_t centimos,
                             std::string_view per) {
  if (centimos > 0 || !ok(field)) return;
  const std::string unit = " " + scenario_.currency + std::string(per);
  error(field,
        trf("expected an amount > 0{0}, got {1}", {unit, units::format_centimos(centimos) + unit}));
}

void Checker::unique_ids(const std::string& list, const std::vector<std::string>& ids,
                         const char* what) {
  std::unordered_map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string field = indexed(list, i) + ".id";
    if (!ok(field)) continue;
    if (ids[i].empty()) {
      error(field, trf("expected a non-empty {0} id", {tr(what)}));
      continue;
    }
    const auto [it, inserted] = first.emplace(ids[i], i);
    if (!inserted) {
      error(field, trf("duplicate {0} id {1} (also {2})",
                       {tr(what), in_quotes(ids[i]), indexed(list, it->second)}));
    }
  }
}

bool Checker::ids_ok(const std::string& list, std::size_t count) const {
  if (!loaded(list)) return false;
  for (std::size_t i = 0; i < count; ++i) {
    if (!ok(indexed(list, i) + ".id")) return false;
  }
  return true;
}

void Checker::known_id(const std::string& field, const std::string& id,
                       const std::vector<std::string>& known, const char* what,
                       std::string_view known_as) {
  if (!ok(field) || std::find(known.begin(), known.end(), id) != known.end()) return;
  // A file can repeat one bad id on every row (200,000 rows, 10,000 UGELs): past the first
  // errors the message drops the suggestion and the list, so reporting stays linear.
  constexpr std::size_t kDetailed = 1000;
  constexpr std::size_t kListed = 20;
  if (errors_.size() >= kDetailed) {
    error(field, trf("unknown {0} {1}", {tr(what), in_quotes(id)}));
    return;
  }
  std::vector<std::string> distinct;
  std::unordered_set<std::string_view> seen;
  for (const auto& k : known) {
    if (seen.insert(k).second) distinct.push_back(k);
  }
  const std::string suggestion = did_you_mean(id, distinct);
  const std::size_t more = distinct.size() > kListed ? distinct.size() - kListed : 0;
  if (more > 0) distinct.resize(kListed);
  const std::string list_name = known_as.empty() ? tr("known") : std::string(known_as);
  const std::string listed = distinct.empty() ? tr("none") : join(distinct);
  const std::string rest = more > 0 ? trf(" and {0} more", {std::to_string(more)}) : "";
  error(field, trf("unknown {0} {1}{2} ({3}: {4}{5})",
                   {tr(what), in_quotes(id), suggestion, list_name, listed, rest}));
}

std::vector<LoadError> run_checks(const Scenario& scenario, const std::string& name,
                                  const FieldIndex* index) {
  Checker c(scenario, name, index);
  check_terms(c);
  check_calendar(c);
  check_protocol(c);
  check_regions(c);
  check_central_costs(c);
  check_extra_costs(c);
  check_growth(c);
  check_outcomes(c);
  check_prices(c);
  check_budget(c);
  check_not_coached(c);
  check_protocol_variants(c);
  return c.take();
}

}  // namespace detail

std::vector<LoadError> validate(const Scenario& scenario, const std::string& name) {
  return detail::run_checks(scenario, name, nullptr);
}

}  // namespace coachsim::scenario
