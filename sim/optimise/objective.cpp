// What coaching a caseload group is worth to each objective (see optimise.hpp).
//
// learning: each of the group's teachers, with the full protocol of its school type, earns
// dose_share(outcomes, that dose) of the effect of its years of coaching by the end of the
// year, for each of its students (programme/dose.cpp, the same functions the run's tally uses);
// a school type the evidence does not cover, and a covered type's students beyond the evidence's
// grade share, earn it only with `elsewhere: extrapolate`. It is
// an expectation: the simulated plan reports the gain its teachers actually reach.
#include <cmath>

#include "coachsim/optimise/optimise.hpp"
#include "coachsim/programme/dose.hpp"
#include "coachsim/scenario/protocol_variants.hpp"

namespace coachsim::optimise {
namespace {

// `variant` 0: the protocol as written; k: protocol_variants[k - 1], whose dose is judged, as the
// run judges it, against the study's reference or else the visits of the protocol as written.
double learning_of(const scenario::Scenario& s, const programme::Population& pop,
                   const programme::Coach& coach, std::size_t year, std::size_t variant) {
  const scenario::Outcomes& out = *s.outcomes;
  const scenario::SchoolTypeProtocol& written = s.school_types[coach.type];
  const scenario::SchoolTypeProtocol type =
      variant == 0 ? written
                   : scenario::variant_protocol(written, s.protocol_variants[variant - 1]);
  bool covered = out.evidence_school_types.empty();
  for (const std::string& id : out.evidence_school_types) covered = covered || id == type.id;
  if (!covered && out.outside == scenario::OutsideEvidence::kZero) return 0.0;
  programme::DoseReceived dose;
  dose.protocol_visits = static_cast<int>(written.visit_days.size());
  dose.visits = static_cast<int>(type.visit_days.size());
  dose.gia = type.gia.count;
  dose.workshop_days = static_cast<int>(std::lround(type.teacher_workshops.total_days.value()));
  // With `elsewhere: zero` only the grade share of a covered type's students counts (in
  // expectation: the run rounds it per teacher).
  const double grades =
      out.outside == scenario::OutsideEvidence::kZero ? out.evidence_grade_share : 1.0;
  const double share = programme::dose_share(out, dose) * grades;
  double gain = 0.0;
  for (const programme::CaseloadItem& item : coach.caseload) {
    const programme::School& school = pop.schools[item.school];
    const int years = programme::years_coached(year, school.first_year);
    const double effect = out.student_learning_sd[static_cast<std::size_t>(years - 1)];
    for (std::uint32_t j = 0; j < item.teachers; ++j)
      gain += share * effect *
              static_cast<double>(programme::students_of_teacher(school.students, school.teachers,
                                                                 item.first_teacher + j));
  }
  return gain;
}

double equity_of(const scenario::Scenario& s, const programme::Population& pop,
                 const programme::Coach& coach, const EquityWeights& weights) {
  auto weight = [&](const std::string& name) {
    for (const auto& [n, w] : weights)
      if (n == name) return w;
    return 1.0;
  };
  double value = 0.0;
  for (const programme::CaseloadItem& item : coach.caseload) {
    const programme::School& school = pop.schools[item.school];
    double w = weight(school.urban ? "urban" : "rural") * weight(s.school_types[school.type].id) *
               (school.border ? weight("border") : 1.0);
    value += w * static_cast<double>(item.teachers);
  }
  return value;
}

}  // namespace

void set_objective(Instance& in, const scenario::Scenario& s, const programme::Population& pop,
                   Objective objective, const EquityWeights& weights) {
  for (Group& g : in.groups) {
    g.value = 0.0;
    // Under a variant no teacher gets the full protocol: full_protocol and equity count none.
    if (g.variant != 0 && objective != Objective::kLearning) continue;
    for (std::uint32_t c : g.coaches) {
      const programme::Coach& coach = pop.coaches[c];
      switch (objective) {
        case Objective::kFullProtocol:
          g.value += static_cast<double>(coach.teachers);
          break;
        case Objective::kLearning:
          g.value += learning_of(s, pop, coach, in.year, g.variant);
          break;
        case Objective::kEquity:
          g.value += equity_of(s, pop, coach, weights);
          break;
      }
    }
  }
}

}  // namespace coachsim::optimise
