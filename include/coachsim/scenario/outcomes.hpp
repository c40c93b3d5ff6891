// Optional scenario inputs that turn spending into results: the effect of coaching on teachers
// and their students by dose (outcomes:) and the price level and exchange rate of each school
// year (prices:). Plain data; loaded by load_outcomes.cpp and checked by validate_outcomes.cpp.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coachsim::scenario {

// How the effect of a fully coached teacher scales with the visits the teacher received.
enum class DoseResponse {
  kLinear,     // effect x min(1, visits received / visits of the protocol)
  kThreshold,  // full effect when visits received >= full_at x visits of the protocol, else 0
};

struct Outcomes {
  DoseResponse dose_response = DoseResponse::kLinear;
  double full_at = 1.0;  // share of the protocol's visits (threshold only); 1.0 = "100%"
  // Effects in SD of a fully coached teacher after 1, 2 and 3 years of coaching.
  std::array<double, 3> student_learning_sd{};  // on the teacher's students
  std::array<double, 3> teacher_practice_sd{};  // on the teacher's practice
  // How many values each list had in the file (validation requires 3; a hand-built scenario
  // keeps the default).
  std::size_t student_count = 3, teacher_count = 3;
  std::vector<std::pair<std::string, std::string>> sources;  // input -> source text
};

// One figure for one school year, e.g. inflation 0.04 in 2021.
struct YearValue {
  int year = 0;
  double value = 0.0;
};

struct Prices {
  int price_year = 0;  // the scenario's money inputs are in soles of this year
  // Change of the price level from the year before, as a fraction (0.04 for "4.0%"). When the
  // list is empty every year's price index is 1 (constant = nominal).
  std::vector<YearValue> inflation;
  // Units of the scenario currency per US dollar, per school year.
  std::vector<YearValue> exchange_rate;
};

// The price level of `year` relative to the price year: the product of (1 + inflation) over
// the years after the price year up to `year` (the price year itself is 1; a year before it
// divides by the years in between). Years without an inflation entry count as 0% (validation
// requires an entry for every year in between when `inflation:` is given).
double price_index(const Prices& prices, int year);

// The exchange rate of `year`, or nullopt when the scenario gives none.
std::optional<double> exchange_rate(const Prices& prices, int year);

}  // namespace coachsim::scenario
