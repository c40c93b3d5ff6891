// The "Scenario inputs" sheet: the scenario's `sources:` (input -> source) beside the scenario
// file as it was run, line by line, so every input is there with its unit.
#include <algorithm>
#include <string_view>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "labels.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report::xlsx {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace

void inputs_sheet(Book& book, const RunReport& report, const std::string& scenario_text) {
  const std::vector<scenario::Source>& sources = report.scenario.sources;
  const std::vector<std::string_view> lines = lines_of(scenario_text);
  Sheet sh(book, trc("sheet", "Scenario inputs"));
  // Two tables side by side under one frozen header; no autofilter, as filtering one would hide
  // rows of the other.
  sh.header({trc("column", "input"), trc("column", "source"), "", trc("column", "line"),
             trf("scenario file as run: {0}", {report.scenario_file})});
  const std::size_t rows = std::max({sources.size(), lines.size(), std::size_t{1}});
  for (std::size_t i = 0; i < rows; ++i) {
    if (i < sources.size())
      sh.text(sources[i].key).text(sources[i].text);
    else if (i == 0)
      sh.text(tr("(the scenario names no sources)"), Style::kNote).blank();
    else
      sh.blank(2);
    sh.blank();
    if (i < lines.size())
      sh.integer(static_cast<std::int64_t>(i + 1)).text(lines[i]);
    else if (i == 0)
      sh.blank().text(tr("(the scenario text was not given)"), Style::kNote);
    sh.end_row();
  }
  sh.freeze(0);
  sh.finish();
}

}  // namespace coachsim::report::xlsx
