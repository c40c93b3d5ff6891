// Validation: the value ranges and cross-field invariants of a Scenario, however it was made.
//
// The same checks run on a loaded scenario (with a FieldIndex, so errors get file:line:column
// and checks on values that already failed to load are skipped) and on a hand-built one
// (without, so errors carry field paths only). Private to the scenario module.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "coachsim/scenario/loader.hpp"
#include "coachsim/scenario/scenario.hpp"
#include "field_index.hpp"

namespace coachsim::scenario::detail {

class Checker {
 public:
  Checker(const Scenario& scenario, std::string name, const FieldIndex* index)
      : scenario_(scenario), name_(std::move(name)), index_(index) {}

  const Scenario& scenario() const { return scenario_; }

  // The value at `path` (and everything in it) was loaded without problems.
  bool ok(std::string_view path) const { return index_ == nullptr || index_->intact(path); }
  // The value at `path` was loaded, although parts of it may have failed (use for lists).
  bool loaded(std::string_view path) const { return index_ == nullptr || index_->loaded(path); }

  void error(const std::string& field, std::string message);

  // Range checks on one value; each reports "expected <what> <range>, got <value>" and is
  // skipped when the value did not load. Every `what` below is an English message marked with
  // N_() by the caller ("a number of teachers", "region"), translated only when reported.
  void at_least(const std::string& field, int value, int min, const char* what);
  void in_range(const std::string& field, int value, int min, int max, const char* what);
  void at_least(const std::string& field, double value, double min, const char* what,
                std::string_view unit);
  void greater_than(const std::string& field, double value, double min, const char* what,
                    std::string_view unit);
  void share(const std::string& field, double value);  // 0..1
  void money_at_least(const std::string& field, std::int64_t centimos, std::int64_t min,
                      std::string_view per);
  void money_positive(const std::string& field, std::int64_t centimos, std::string_view per);

  // Ids: reports empty and duplicate ids of a list (field "<list>[i].id").
  void unique_ids(const std::string& list, const std::vector<std::string>& ids, const char* what);
  // True when every "<list>[i].id" loaded, so that "unknown id" can be trusted.
  bool ids_ok(const std::string& list, std::size_t count) const;
  // Reports `id` as unknown unless it is in `known`.
  // `known_as` names the list in the message, already translated, e.g. "UGELs of region
  // 'Tumbes'"; empty means "known".
  void known_id(const std::string& field, const std::string& id,
                const std::vector<std::string>& known, const char* what,
                std::string_view known_as = {});

  std::vector<LoadError> take() { return std::move(errors_); }

 private:
  const Scenario& scenario_;
  std::string name_;
  const FieldIndex* index_;
  std::vector<LoadError> errors_;
};

std::string indexed(const std::string& list, std::size_t i);  // "list[i]"

// Month 1..12 and a day that exists in that month (29 February allowed).
bool valid_month_day(const MonthDay& md);

void check_calendar(Checker& c);  // calendar, years, workshop dates against the protocol
void check_protocol(Checker& c);  // school types, caseload rules, dispersed_above
// One activity table of a school type (validate_protocol.cpp), also for the variants' overrides.
void check_visit_days(Checker& c, const std::string& field, const std::vector<int>& visit_days);
void check_session(Checker& c, const std::string& p, const SessionProtocol& s);
void check_workshops(Checker& c, const std::string& p, const WorkshopProtocol& w);
// protocol_variants: and protocol_plan: (validate_protocol_variants.cpp)
void check_protocol_variants(Checker& c);
void check_terms(Checker& c);    // scenario header, geographies, coach, supervision, staff, costs
void check_regions(Checker& c);  // regions, UGELs, staff, aggregates, CSV schools
void check_central_costs(Checker& c);  // years and categories of central_costs
void check_extra_costs(Checker& c);    // cost_categories: and extra_costs: (extra_costs.cpp)
void check_growth(Checker& c);         // scale_up and coach_supply (validate_growth.cpp)
void check_outcomes(Checker& c);       // effect lists, dose response (outcomes:)
void check_prices(Checker& c);         // years, inflation and exchange rates (prices:)
void check_budget(Checker& c);         // budget: regions, years, shares, dates, priority
void check_not_coached(Checker& c);    // not_coached: years and school ids exist
// Every school id of the scenario: its CSV schools and "Region/type/k" for each school of a
// region's aggregates (what not_coached: and protocol_plan: may name).
std::set<std::string> school_ids(const Scenario& s);

// Runs every check; `index` may be null (hand-built scenario).
std::vector<LoadError> run_checks(const Scenario& scenario, const std::string& name,
                                  const FieldIndex* index);

}  // namespace coachsim::scenario::detail
