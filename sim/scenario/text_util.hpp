// Small text helpers for scenario error messages: edit distance, "did you mean", joining lists
// and formatting numbers. Private to the scenario module; knows nothing about YAML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace coachsim::scenario::detail {

// Optimal string alignment distance (insertions, deletions, substitutions and transpositions
// of neighbours), ignoring ASCII case.
int edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `given` by edit distance, or "" when none is close enough to be a
// plausible typo.
std::string closest(std::string_view given, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" when a close candidate exists, else "".
std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates);

// Items joined with ", ".
std::string join(const std::vector<std::string>& items);

// 'text' in single quotes.
std::string in_quotes(std::string_view text);

// Shortest decimal text that reads back as the same double, e.g. 1.5 -> "1.5", 2.0 -> "2".
std::string format_number(double value);

// Lower-case ASCII copy.
std::string lower(std::string_view text);

// Copy without leading and trailing spaces, tabs and carriage returns.
std::string trim(std::string_view text);

}  // namespace coachsim::scenario::detail
