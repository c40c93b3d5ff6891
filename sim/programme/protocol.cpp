// Compiling each school type's protocol (protocol.hpp) from the scenario.
#include "protocol.hpp"

#include <algorithm>
#include <cmath>

#include "coachsim/scenario/protocol_variants.hpp"

namespace coachsim::programme {
namespace {

// Working days of one session: its hours over the coach's working day, rounded up, at least 1.
int session_days(const scenario::SessionProtocol& p, const scenario::CoachTerms& terms) {
  return std::max(
      1,
      static_cast<int>(std::ceil(p.duration.value() / terms.working_hours_per_day.value() - 1e-9)));
}

// Sessions of `p` falling in round `r` of `rounds`.
std::uint8_t sessions_in_round(const scenario::SessionProtocol& p, int r, int rounds) {
  int n = 0;
  for (int j = 0; j < p.count; ++j) n += session_round(j, p.count, rounds) == r;
  return static_cast<std::uint8_t>(n);
}

// The workshops' days split as evenly as whole days allow (the first workshops take the extra).
std::vector<int> workshop_days(const scenario::WorkshopProtocol& w) {
  std::vector<int> out;
  const int total = static_cast<int>(std::lround(w.total_days.value()));
  for (int k = 0; k < w.count; ++k) out.push_back(total / w.count + (k < total % w.count ? 1 : 0));
  return out;
}

}  // namespace

int session_round(int j, int count, int rounds) { return (2 * j + 1) * rounds / (2 * count); }

namespace {

// One school type's tables as the coach's plan.
Protocol compile_protocol(const scenario::Scenario& s, const scenario::SchoolTypeProtocol& type) {
  Protocol p;
  const int rounds = static_cast<int>(type.visit_days.size());
  const bool gia_at_school = type.gia.venue == scenario::SessionVenue::kSchool;
  const bool rtc_at_school = type.rtc.venue == scenario::SessionVenue::kSchool;
  for (int r = 0; r < rounds; ++r) {
    const std::uint8_t gia = sessions_in_round(type.gia, r, rounds);
    const std::uint8_t rtc = sessions_in_round(type.rtc, r, rounds);
    VisitRound round;
    round.visit_days = type.visit_days[static_cast<std::size_t>(r)];
    round.gia = gia_at_school ? gia : 0;
    round.rtc = rtc_at_school ? rtc : 0;
    round.cluster_gia = gia_at_school ? 0 : gia;
    round.cluster_rtc = rtc_at_school ? 0 : rtc;
    p.rounds.push_back(round);
    p.visit_days_per_teacher += round.visit_days;
  }
  p.gia_session_days = session_days(type.gia, s.coach);
  p.rtc_session_days = session_days(type.rtc, s.coach);
  p.coach_workshop_days = workshop_days(type.coach_workshops);
  p.teacher_workshop_days = workshop_days(type.teacher_workshops);
  p.visits_per_teacher = rounds;
  p.gia_per_teacher = type.gia.count;
  p.rtc_per_teacher = type.rtc.count;
  p.teacher_workshop_days_per_teacher = std::lround(type.teacher_workshops.total_days.value());
  p.coach_workshop_days_per_coach = std::lround(type.coach_workshops.total_days.value());
  return p;
}

}  // namespace

std::vector<Protocol> compile_protocols(const scenario::Scenario& s) {
  std::vector<Protocol> out;
  for (const scenario::SchoolTypeProtocol& type : s.school_types)
    out.push_back(compile_protocol(s, type));
  for (const scenario::ProtocolVariant& variant : s.protocol_variants)
    for (const scenario::SchoolTypeProtocol& type : s.school_types)
      out.push_back(compile_protocol(s, scenario::variant_protocol(type, variant)));
  return out;
}

}  // namespace coachsim::programme
