// Private to the report module: one function per output file, each returning its full text.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "coachsim/ledger/entry.hpp"
#include "coachsim/report/run_report.hpp"

namespace coachsim::report {

std::string regions_csv(const RunReport& report);
std::string national_csv(const RunReport& report);
std::string variance_csv(const RunReport& report);
std::string missed_csv(const RunReport& report);
std::string summary_json(const RunReport& report);
// packing.csv: coaches against the norm's ratios and the packing loss per region (packing_csv.cpp).
std::string packing_csv(const RunReport& report);
// dose.csv (scenarios with outcomes: only): teachers and students by years coached and visits
// received, per region and year, then national.
std::string dose_csv(const RunReport& report);

// The terminal summary's block of cost, full-protocol teachers and effect per US$100 per year
// ("" for scenarios without outcomes: or prices:).
std::string outcomes_summary(const RunReport& report);

// With a budget (results.execution.enabled): budget_files.cpp.
std::string execution_csv(const RunReport& report);
std::string budget_events_csv(const RunReport& report);
nlohmann::ordered_json budget_json(const RunReport& report);
std::string budget_terminal(const RunReport& report);
std::string missed_budget_class(const RunReport& report, costs::Activity a);  // "visits", "fixed"

// The name used for spending executed outside the regions.
inline constexpr std::string_view kOutsideRegions = "(outside regions)";
std::string region_name(const RunReport& report, std::uint32_t region);
// The name of what a ledger entry belongs to: a school id, coach or supervisor name, staff role
// or central cost label.
std::string ref_name(const RunReport& report, const ledger::Entry& e);

std::string format_day(std::int32_t days_since_epoch);  // "YYYY-MM-DD"

}  // namespace coachsim::report
