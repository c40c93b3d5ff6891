// Private to the report module: how the human-facing reports (terminal, workbook, HTML) name
// the ids that CSV and JSON files keep in English (metric ids, ledger categories), in the
// language chosen by --lang. An id without a label here is shown as it is.
#pragma once

#include <string>
#include <string_view>

#include "coachsim/costs/cost_table.hpp"
#include "coachsim/ledger/entry.hpp"

namespace coachsim::report {

// "cost_per_teacher" -> "cost_per_teacher" / "costo por docente".
std::string metric_label(std::string_view metric_id);
// kCoachContracts -> "coach_contracts" / "contratos de acompañantes"; a scenario's own
// category (cost_categories:) -> its declared label.
std::string category_label(const costs::CostTable& costs, costs::Category c);
// The same by id: a built-in category's translation, else the id itself.
std::string category_label_of_id(std::string_view id);

// A region as the reports name it: the national rows ("national") and the spending outside the
// regions ("(outside regions)") are translated; a region's own name is shown as it is.
std::string region_label(std::string_view region);

// A month's English short name ("Jan".."Dec") in the chosen language ("ene".."dic").
std::string month_name(std::string_view english_short_name);

// Text padded to a width in characters (UTF-8 code points, not bytes), so Spanish columns with
// accents line up on a terminal.
std::size_t text_width(std::string_view s);
std::string pad_left(const std::string& s, std::size_t width);
std::string pad_right(const std::string& s, std::size_t width);

}  // namespace coachsim::report
