// A small scenario built in code (no file), whose costs are computed by hand in the tests.
//
// One region with one UGEL and two schools of one type: S1 (2 teachers, 15 km, commuted) and
// S2 (1 teacher, 90 km = 3 h at 30 km/h, an overnight trip). One coach (3 teachers per coach),
// one supervisor, one staff member. Protocol: visits of 2 and 1 days, one GIA and one RTC,
// one 2-day teacher workshop, one 3-day coach workshop.
#pragma once

#include <chrono>

#include "coachsim/scenario/scenario.hpp"

namespace coachsim::testing {

inline scenario::Scenario small_scenario() {
  using namespace std::chrono;
  using namespace coachsim::units;
  scenario::Scenario s;
  s.name = "small";
  s.currency = "PEN";
  s.seed = 7;
  s.weekend = {Saturday, Sunday};
  scenario::SchoolYear y;
  y.year = 2021;
  y.terms = {{sys_days{2021y / March / 1}, sys_days{2021y / December / 17}}};
  y.contract_start = sys_days{2021y / March / 1};
  y.contract_end = sys_days{2021y / December / 31};
  y.coach_workshop_starts = {sys_days{2021y / March / 1}};
  y.teacher_workshop_starts = {sys_days{2021y / March / 4}};
  s.years.push_back(y);
  s.geographies.push_back({"plain", km_per_hour(30), per_km(50), {}, 1.0});
  scenario::SchoolTypeProtocol t;
  t.id = "t";
  t.label = "test type";
  t.visit_days = {2, 1};
  t.gia = {1, hours(3), scenario::SessionVenue::kSchool};
  t.rtc = {1, hours(3), scenario::SessionVenue::kSchool};
  t.teacher_workshops = {1, days(2)};
  t.coach_workshops = {1, days(3)};
  s.school_types.push_back(t);
  s.caseload_rules.push_back({"t", std::nullopt, std::nullopt, std::nullopt, 3});
  s.dispersed_above = km(40);
  s.coach = {per_month(300000), hours(8), hours(2), hours(8)};
  s.supervision = {5, 2, per_month(400000), days(1)};
  s.staff_roles.push_back({"officer", per_month(500000)});
  s.costs.per_diem = per_day(10000);
  // The hand computations count per diem per working day away (tests/results/per_diem_test.cpp
  // checks every basis on this scenario).
  s.costs.per_diem_basis = scenario::PerDiemBasis::kWorkingDayAway;
  s.costs.teacher_workshop = per_participant_day(2000);
  s.costs.teacher_workshop_travel = per_participant(1000);
  s.costs.coach_workshop = per_participant_day(5000);
  s.costs.coach_workshop_travel = per_participant(20000);
  s.costs.gia_per_participant = per_participant(500);
  s.costs.rtc_per_participant = per_participant(200);
  s.costs.materials_per_teacher = per_participant(3000);
  s.costs.materials_per_coach = per_participant(10000);
  s.costs.overhead_rate = 0.0;
  scenario::Region r;
  r.id = "Alpha";
  r.geography = "plain";
  r.ugels = {"U1"};
  r.staff = {{"officer", 1}};
  r.contract_delay = days(0);
  r.schools.push_back({"S1", "U1", "t", false, false, 2, 30, km(15), std::nullopt});
  r.schools.push_back({"S2", "U1", "t", false, false, 1, 12, km(90), std::nullopt});
  s.regions.push_back(r);
  return s;
}

// Three UGELs, one school each, so each school is one coach's whole caseload (2 teachers per
// coach): S1 2 teachers at 15 km; FAR 2 teachers at 90 km (overnight trips); ONE 1 teacher at
// 30 km. ONE costs most per teacher (a whole contract for one teacher); FAR is the farthest.
// Shared by the protect_teachers and optimiser tests.
inline scenario::Scenario three_caseloads() {
  scenario::Scenario s = small_scenario();
  s.caseload_rules[0].teachers_per_coach = 2;
  scenario::Region& r = s.regions[0];
  r.ugels = {"U1", "U2", "U3"};
  r.schools.clear();
  r.schools.push_back({"S1", "U1", "t", false, false, 2, 30, units::km(15), std::nullopt});
  r.schools.push_back({"FAR", "U2", "t", false, false, 2, 24, units::km(90), std::nullopt});
  r.schools.push_back({"ONE", "U3", "t", false, false, 1, 12, units::km(30), std::nullopt});
  return s;
}

// The small scenario with a second region, Beta (one UGEL: S3 4 teachers at 30 km, S4 2
// teachers at 60 km, so two coaches), for figures that aggregate regions into the nation.
inline scenario::Scenario two_regions() {
  scenario::Scenario s = small_scenario();
  scenario::Region beta = s.regions[0];
  beta.id = "Beta";
  beta.ugels = {"B1"};
  beta.schools.clear();
  beta.schools.push_back({"S3", "B1", "t", false, false, 4, 80, units::km(30), std::nullopt});
  beta.schools.push_back({"S4", "B1", "t", false, false, 2, 20, units::km(60), std::nullopt});
  s.regions.push_back(beta);
  return s;
}

// two_regions() with outcomes: and prices:, so their figures and columns are there too. The
// effects and rates are arbitrary test values (assumptions, not from a source).
inline scenario::Scenario two_regions_with_outcomes_and_prices() {
  scenario::Scenario s = two_regions();
  scenario::Outcomes o;
  o.dose_response = scenario::DoseResponse::kLinear;
  o.full_at = 1.0;
  o.student_learning_sd = {0.2, 0.2, 0.2};
  o.teacher_practice_sd = {0.3, 0.3, 0.3};
  s.outcomes = o;
  scenario::Prices p;
  p.price_year = 2020;
  p.inflation = {{2021, 0.05}};
  p.exchange_rate = {{2021, 3.5}};
  s.prices = p;
  return s;
}

}  // namespace coachsim::testing
