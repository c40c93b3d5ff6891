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

// The protocol the study behind the effects delivered: a teacher's dose is judged against it,
// not against the scenario's own protocol (a protocol with fewer visits earns less).
struct ReferenceProtocol {
  std::string study;           // whose effects these are
  int visits = 0;              // classroom visits a year
  int gia = 0;                 // GIA (peer learning group) sessions a year
  double workshop_days = 0.0;  // teacher workshop days a year
};

// Shares of the full effect that each part of the protocol carries (they add up to 1; a zero
// is allowed but must be written).
struct DoseWeights {
  double visits = 1.0, gia = 0.0, workshops = 0.0;
};

// What the effect does outside the school types the evidence covers.
enum class OutsideEvidence {
  kExtrapolate,  // the same effect, counted and labelled as an extrapolation
  kZero,         // no effect
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
  // Costs of later years are discounted to the entry year at this rate a year (0.10 for
  // "10%") before they are set against the gain; 0 when the scenario declares none.
  double discount_rate = 0.0;
  // Dose: against the study's protocol (a hand-built scenario without one falls back to its own
  // visits), with the declared weights.
  std::optional<ReferenceProtocol> reference;
  DoseWeights weights;
  // The school types (ids) the evidence covers; empty: all. Others by `outside`.
  std::vector<std::string> evidence_school_types;
  // The share of a covered school type's students in the grades the evidence measured (the RCT
  // tested grade 2: about 1 in 6 primary students, an ASSUMPTION the scenario declares); the
  // rest of them are outside the evidence like an uncovered type's students. 1.0: all grades.
  double evidence_grade_share = 1.0;
  OutsideEvidence outside = OutsideEvidence::kExtrapolate;
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
