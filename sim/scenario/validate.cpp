// validate(): runs every check on a scenario (see checks.hpp), and the Checker helpers.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "checks.hpp"
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

void Checker::at_least(const std::string& field, int value, int min, std::string_view what) {
  if (value >= min || !ok(field)) return;
  error(field, "expected " + std::string(what) + " >= " + std::to_string(min) + ", got " +
                   std::to_string(value));
}

void Checker::in_range(const std::string& field, int value, int min, int max,
                       std::string_view what) {
  if ((value >= min && value <= max) || !ok(field)) return;
  error(field, "expected " + std::string(what) + " between " + std::to_string(min) + " and " +
                   std::to_string(max) + ", got " + std::to_string(value));
}

void Checker::at_least(const std::string& field, double value, double min, std::string_view what,
                       std::string_view unit) {
  if (value >= min || !ok(field)) return;
  const std::string u = unit.empty() ? "" : " " + std::string(unit);
  error(field, "expected " + std::string(what) + " >= " + format_number(min) + u + ", got " +
                   format_number(value) + u);
}

void Checker::greater_than(const std::string& field, double value, double min,
                           std::string_view what, std::string_view unit) {
  if (value > min || !ok(field)) return;
  const std::string u = unit.empty() ? "" : " " + std::string(unit);
  error(field, "expected " + std::string(what) + " > " + format_number(min) + u + ", got " +
                   format_number(value) + u);
}

void Checker::share(const std::string& field, double value) {
  if ((value >= 0.0 && value <= 1.0) || !ok(field)) return;
  error(field, "expected a share between 0 and 1, got " + format_number(value));
}

void Checker::money_at_least(const std::string& field, std::int64_t centimos, std::int64_t min,
                             std::string_view per) {
  if (centimos >= min || !ok(field)) return;
  const std::string unit = " " + scenario_.currency + std::string(per);
  error(field, "expected an amount >= " + units::format_centimos(min) + unit + ", got " +
                   units::format_centimos(centimos) + unit);
}

void Checker::money_positive(const std::string& field, std::int64_t centimos,
                             std::string_view per) {
  if (centimos > 0 || !ok(field)) return;
  const std::string unit = " " + scenario_.currency + std::string(per);
  error(field,
        "expected an amount > 0" + unit + ", got " + units::format_centimos(centimos) + unit);
}

void Checker::unique_ids(const std::string& list, const std::vector<std::string>& ids,
                         std::string_view what) {
  std::unordered_map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string field = indexed(list, i) + ".id";
    if (!ok(field)) continue;
    if (ids[i].empty()) {
      error(field, "expected a non-empty " + std::string(what) + " id");
      continue;
    }
    const auto [it, inserted] = first.emplace(ids[i], i);
    if (!inserted) {
      error(field, "duplicate " + std::string(what) + " id " + in_quotes(ids[i]) + " (also " +
                       indexed(list, it->second) + ")");
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
                       const std::vector<std::string>& known, std::string_view what,
                       std::string_view known_as) {
  if (!ok(field) || std::find(known.begin(), known.end(), id) != known.end()) return;
  // A file can repeat one bad id on every row (200,000 rows, 10,000 UGELs): past the first
  // errors the message drops the suggestion and the list, so reporting stays linear.
  constexpr std::size_t kDetailed = 1000;
  constexpr std::size_t kListed = 20;
  if (errors_.size() >= kDetailed) {
    error(field, "unknown " + std::string(what) + " " + in_quotes(id));
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
  error(field, "unknown " + std::string(what) + " " + in_quotes(id) + suggestion + " (" +
                   std::string(known_as) + ": " +
                   (distinct.empty() ? std::string("none") : join(distinct)) +
                   (more > 0 ? " and " + std::to_string(more) + " more" : "") + ")");
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
  return c.take();
}

}  // namespace detail

std::vector<LoadError> validate(const Scenario& scenario, const std::string& name) {
  return detail::run_checks(scenario, name, nullptr);
}

}  // namespace coachsim::scenario
