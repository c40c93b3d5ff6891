// The section loaders: each reads one part of the scenario YAML into the Scenario, reporting
// problems through the Reader. They check form (keys, types, units, date syntax); value ranges
// and cross-field rules are checked afterwards by validation (checks.hpp). Private to the
// scenario module.
#pragma once

#include <string>

#include "coachsim/scenario/scenario.hpp"
#include "yaml_reader.hpp"

namespace coachsim::scenario::detail {

// calendar: (weekend, fixed holidays) and years:.
void load_calendar(Reader& reader, MapReader& top, Scenario& out);

// protocol: (dispersed_above, school types, caseload rules).
void load_protocol(Reader& reader, MapReader& top, Scenario& out);

// protocol_variants: and protocol_plan: (optional) other protocols and the schools that get them.
void load_protocol_variants(Reader& reader, MapReader& top, Scenario& out);

// geographies:, coach:, supervision:, staff_roles:, costs:, sources:.
void load_terms(Reader& reader, MapReader& top, Scenario& out);

// regions: (aggregates, and schools from the CSV files they name, relative to base_dir).
void load_regions(Reader& reader, MapReader& top, Scenario& out, const std::string& base_dir);

// central_costs: spending outside the regions.
void load_central_costs(Reader& reader, MapReader& top, Scenario& out);

// cost_categories: and extra_costs: a scenario's own cost categories and lines (extra_costs.cpp).
void load_extra_costs(Reader& reader, MapReader& top, Scenario& out);

// scale_up: and coach_supply: (growth over years; load_growth.cpp).
void load_growth(Reader& reader, MapReader& top, Scenario& out);
// outcomes: effects of coaching by dose; prices: price level and exchange rate per year.
void load_outcomes(Reader& reader, MapReader& top, Scenario& out);
void load_prices(Reader& reader, MapReader& top, Scenario& out);
// budget: (optional) treasury, tranches, results-based rules, priority.
void load_budget(Reader& reader, MapReader& top, Scenario& out);
// not_coached: (optional) schools left out of a year's coaching.
void load_not_coached(Reader& reader, MapReader& top, Scenario& out);

}  // namespace coachsim::scenario::detail
