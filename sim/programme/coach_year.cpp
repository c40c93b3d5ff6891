// The coach's year around its steps (coach_process.cpp): planning it at the year's open (where
// each coach starts in its protocol, what it plans, when its contract starts), and closing it
// when the contract ends (which teachers were reached, their dose, teacher turnover).
#include <algorithm>
#include <cmath>

#include "coach_supply.hpp"
#include "coachsim/programme/dose.hpp"
#include "coachsim/stochastic/random.hpp"
#include "processes.hpp"

namespace coachsim::programme {
namespace {

constexpr std::uint64_t kTurnover =
    stochastic::stream_purpose(std::string_view{"teacher.turnover"});

}  // namespace

CoachProcess::CoachProcess(const RunInputs& in, const Clock& clock, Books& books, Tally& tally,
                           CoachSupplyPlan& supply)
    : in_(in),
      clock_(clock),
      books_(books),
      tally_(tally),
      supply_(supply),
      target_(clock.sim.add_handler(this)),
      states_(in.population.coaches.size()),
      first_item_(in.population.coaches.size()) {
  std::uint32_t items = 0;
  for (std::size_t k = 0; k < first_item_.size(); ++k) {
    first_item_[k] = items;
    items += static_cast<std::uint32_t>(in.population.coaches[k].caseload.size());
  }
  visits_by_item_.assign(items, 0);
  gia_by_item_.assign(items, 0);
  workshop_days_by_coach_.assign(in.population.coaches.size(), 0);
  evidence_covers_.assign(in.scenario.school_types.size(), true);
  if (in.scenario.outcomes && !in.scenario.outcomes->evidence_school_types.empty())
    for (std::size_t k = 0; k < evidence_covers_.size(); ++k)
      evidence_covers_[k] = std::find(in.scenario.outcomes->evidence_school_types.begin(),
                                      in.scenario.outcomes->evidence_school_types.end(),
                                      in.scenario.school_types[k].id) !=
                            in.scenario.outcomes->evidence_school_types.end();
  if (in.scenario.teacher_turnover.enabled) joined_.assign(in.population.teacher_count, 0);
}

void CoachProcess::begin_year(std::size_t year) {
  year_ = year;
  supply_.begin_year(year);  // contract starts, training, attrition (coach_supply.cpp)
  for (std::uint32_t c = 0; c < states_.size(); ++c) plan_year(c, year);
}

void CoachProcess::plan_year(std::uint32_t coach, std::size_t year) {
  const Coach& c = in_.population.coaches[coach];
  // The protocol it follows this year: its school type's, or a variant's (protocol.hpp).
  const std::size_t protocol_index =
      c.variant_in(year) * in_.scenario.school_types.size() + std::size_t{c.type};
  const Protocol& protocol = in_.protocols[protocol_index];
  State& st = states_[coach];
  st = State{};
  st.free_from = supply_.at(coach).available;
  st.caseload = c.caseload.data();
  st.first_item = first_item_[coach];
  // Narrowing is safe: validation caps teachers per coach (kMaxTeachersPerCoach), so a caseload
  // has at most that many items; ledger entries already carry regions and UGELs in 16 bits.
  st.items = static_cast<std::uint16_t>(c.caseload.size());
  st.teachers = static_cast<std::uint16_t>(c.teachers);
  st.region = static_cast<std::uint16_t>(c.region);
  st.ugel = static_cast<std::uint16_t>(c.ugel);
  st.type = static_cast<std::uint16_t>(protocol_index);
  if (!c.active_in(year)) return;  // its cohort is not in the programme this year

  for (std::uint32_t i = 0; i < c.caseload.size(); ++i)  // most teachers hosts cluster sessions
    if (c.caseload[i].teachers > c.caseload[st.host].teachers) st.host = i;
  enter_round(st);  // the first visit round (past rounds without trips: a coach with no schools)

  RegionYearTally& t = tally_.at(year, c.region);
  t.coaches += 1;
  t.visits_planned += static_cast<std::int64_t>(c.teachers) * protocol.visits_per_teacher;
  t.visit_days_planned += static_cast<std::int64_t>(c.teachers) * protocol.visit_days_per_teacher;
  t.gia_planned += static_cast<std::int64_t>(c.teachers) * protocol.gia_per_teacher;
  t.rtc_planned += static_cast<std::int64_t>(c.teachers) * protocol.rtc_per_teacher;
  t.teacher_workshop_days_planned += c.teachers * protocol.teacher_workshop_days_per_teacher;
  t.coach_workshop_days_planned += protocol.coach_workshop_days_per_coach;

  clock_.sim.schedule_at(clock_.at(st.free_from, kMorning), target_, kContractStart, coach);
}

std::size_t CoachProcess::teacher_entry(std::uint32_t teacher, std::size_t year,
                                        std::size_t school_entry, RegionYearTally& t) {
  std::uint16_t& joined = joined_[teacher];
  if (year > school_entry) {
    // One draw per post and year, keyed by both (common random numbers across scenarios): the
    // stream's first draw, a Bernoulli trial of the share.
    const double u = stochastic::RandomStream::first_uniform01(
        {in_.scenario.seed, in_.replication, teacher,
         kTurnover ^ ((static_cast<std::uint64_t>(year) + 1) * 0x9E3779B97F4A7C15ULL)});
    if (u < in_.scenario.teacher_turnover.share_per_year) {
      joined = static_cast<std::uint16_t>(year + 1);
      t.teachers_new += 1;
    }
  }
  return joined == 0 ? school_entry : std::max<std::size_t>(school_entry, joined - 1u);
}

void CoachProcess::end_year(std::size_t year) {
  const scenario::Outcomes* outcomes = in_.scenario.outcomes ? &*in_.scenario.outcomes : nullptr;
  const bool turnover = in_.scenario.teacher_turnover.enabled;
  for (std::size_t k = 0; k < in_.population.coaches.size(); ++k) {
    const Coach& c = in_.population.coaches[k];
    if (!c.active_in(year)) continue;
    // Full protocol and the dose without a study's reference are judged against the school
    // type's protocol as written, whatever variant the coach followed (a lighter one earns less).
    const auto rounds = in_.protocols[c.type].rounds.size();
    RegionYearTally& t = tally_.at(year, c.region);
    for (std::size_t i = 0; i < c.caseload.size(); ++i) {
      const CaseloadItem& item = c.caseload[i];
      const School& school = in_.population.schools[item.school];
      int years = years_coached(year, school.first_year);
      std::uint8_t& v = visits_by_item_[first_item_[k] + i];
      std::uint8_t& gia = gia_by_item_[first_item_[k] + i];
      DoseReceived dose;
      dose.visits = v;
      dose.gia = gia;
      dose.workshop_days = workshop_days_by_coach_[k];
      dose.protocol_visits = static_cast<int>(rounds);
      for (std::uint32_t j = 0; j < item.teachers; ++j) {
        if (turnover) {
          const std::uint32_t teacher = school.first_teacher + item.first_teacher + j;
          years = years_coached(year, teacher_entry(teacher, year, school.first_year, t));
        }
        t.teachers_reached += v > 0;
        t.teachers_full_protocol += v >= rounds;
        const std::int64_t students =
            students_of_teacher(school.students, school.teachers, item.first_teacher + j);
        // The post belongs to its school's entry cohort whoever holds it: the cohort pays for it.
        const std::int64_t in_grades =
            outcomes == nullptr ? students
                                : students_in_evidence(*outcomes, school.students, school.teachers,
                                                       item.first_teacher + j);
        record_cohort(
            t, year, school.first_year, students,
            record_dose(t, years, dose, students, outcomes, evidence_covers_[c.type], in_grades));
      }
      v = 0;
      gia = 0;
    }
    workshop_days_by_coach_[k] = 0;
  }
}

}  // namespace coachsim::programme
