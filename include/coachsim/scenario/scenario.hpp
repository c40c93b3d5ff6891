// The scenario: every input of a run as plain data with units.
//
// A scenario is produced by the loader (loader.hpp) from YAML, or built by hand in a test. It
// knows nothing about the engine, the simulation or output formats. All policy (protocol,
// ratios, unit costs, calendars) is data here, so a new country or protocol needs no code.
// Field names mirror the YAML keys documented in the README ("Scenario format").
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "coachsim/calendar/calendar.hpp"
#include "coachsim/scenario/budget.hpp"
#include "coachsim/scenario/growth.hpp"
#include "coachsim/scenario/outcomes.hpp"
#include "coachsim/units/quantities.hpp"

namespace coachsim::scenario {

using calendar::Date;
using calendar::DateRange;
using calendar::MonthDay;
using calendar::SeasonRange;

// One school year: the teaching terms, holidays and the coach contract and workshop dates.
struct SchoolYear {
  int year = 0;
  std::vector<DateRange> terms;  // teaching periods; the gaps between them are breaks
  std::vector<Date> holidays;    // in addition to the scenario-wide fixed holidays
  Date contract_start;           // coach contracts (before any regional delay)
  Date contract_end;
  std::vector<Date> coach_workshop_starts;    // one per coach workshop (protocol count)
  std::vector<Date> teacher_workshop_starts;  // one per teacher workshop (protocol count)
};

// A geography (e.g. coast, andes, amazon): how fast and how costly travel is, and when rain
// slows it.
struct Geography {
  std::string id;
  units::KmPerHour speed;  // average door-to-door travel speed
  units::MoneyPerKm fare;  // cost of travel per km (one way)
  std::vector<SeasonRange> rainy_season;
  double rainy_travel_factor = 1.0;  // travel time multiplier in the rainy season, >= 1
};

// Where a school-level session (GIA, RTC) is held.
enum class SessionVenue { kSchool, kCluster };

struct SessionProtocol {
  int count = 0;          // per teacher per year
  units::Hours duration;  // minimum length of one session
  SessionVenue venue = SessionVenue::kSchool;
};

struct WorkshopProtocol {
  int count = 0;           // workshops per year
  units::Days total_days;  // days over all workshops of the year (split evenly)
};

// The protocol for one school type (NT-026 tables; the APM variant is just other numbers).
struct SchoolTypeProtocol {
  std::string id;                      // e.g. "eib", "multigrade", "poli_primaria"
  std::string label;                   // e.g. "EIB inicial y primaria"
  std::vector<int> visit_days;         // one entry per classroom visit: its length in days
  SessionProtocol gia;                 // peer learning groups
  SessionProtocol rtc;                 // collegiate meetings led by the principal
  WorkshopProtocol teacher_workshops;  // at the UGEL
  WorkshopProtocol coach_workshops;    // at the macro-regional site
};

// Another protocol a school type may be coached with instead of its own (`protocol_variants:`,
// e.g. a lighter one when money is short): each field given replaces the school type's, the
// others stay the type's own. The scenario's protocol as written is the default variant ("full").
struct SchoolTypeOverride {
  std::string id;  // a school type of protocol.school_types
  std::optional<std::vector<int>> visit_days;
  std::optional<SessionProtocol> gia, rtc;
  std::optional<WorkshopProtocol> teacher_workshops, coach_workshops;
};
struct ProtocolVariant {
  std::string id;  // e.g. "light"; "full" is the default's
  std::string label;
  std::vector<SchoolTypeOverride> school_types;  // the school types it changes
};
inline constexpr int kMaxProtocolVariants = 8;  // besides the default (a coach keeps 8 bits)

// Which schools are coached with a variant in a year (`protocol_plan:`, written by `coachsim
// optimise`): a coach whose every caseload school is listed follows the variant that year.
struct ProtocolPlan {
  int year = 0;
  std::string variant;               // a protocol_variants id
  std::vector<std::string> schools;  // school ids, as not_coached:
};

// The most teachers one coach may have: far above any protocol (NT-026 sets 6 to 15) and small
// enough for the run's compact per-coach state (16-bit counts).
inline constexpr int kMaxTeachersPerCoach = 1000;
inline constexpr int kMaxRegionCoaches = 100000;  // coaches: / extra_coaches: on a region

// Teachers-per-coach rule; the first rule whose conditions all match a school applies.
struct CaseloadRule {
  std::string school_type;
  std::optional<bool> border;
  std::optional<bool> urban;
  std::optional<bool> dispersed;  // one-way distance above protocol.dispersed_above
  int teachers_per_coach = 0;
};

// How schools are packed into coaches' caseloads (programme/caseload.cpp): pooled across a
// region's UGELs, each teacher taking 1/ratio of a coach (the default), or per UGEL nearest
// school first with the smallest ratio as capacity (before issue 12; historical scenarios).
enum class CaseloadPacking { kPooled, kNearestFirst };

struct CoachTerms {
  units::MoneyPerMonth monthly_fee;
  units::Hours working_hours_per_day;  // length of a coach's working day
  units::Hours max_daily_commute;      // one-way; farther schools mean an overnight trip
  units::Hours travel_hours_per_day;   // hours of travel that fill one travel day
};

struct SupervisionTerms {
  int coaches_per_supervisor = 0;  // 0: the programme has no supervisors (before 2013)
  int visits_per_coach = 0;        // per year, at least 2 by the norm
  units::MoneyPerMonth monthly_fee;
  units::Days days_per_visit;  // at the coach's schools, excluding travel
};

struct StaffRole {
  std::string id;  // e.g. "regional_officer"
  units::MoneyPerMonth monthly_salary;
};

// Which days of an overnight trip earn per diem (costs.per_diem_basis). Peru's public-sector
// viáticos are granted per day of the commission of service (D.S. 007-2013-EF), the default.
enum class PerDiemBasis {
  kPerDayOfCommission,  // every calendar day from departure to return, weekends included
  kWorkingDayAway,      // working days from departure to return (no weekends or holidays)
  kSessionDay,          // days with sessions on site only (no travel days)
};

struct UnitCosts {
  units::MoneyPerDay per_diem;  // per day of an overnight trip, counted by per_diem_basis
  PerDiemBasis per_diem_basis = PerDiemBasis::kPerDayOfCommission;
  units::MoneyPerParticipantDay teacher_workshop;      // venue, meals, materials
  units::MoneyPerParticipant teacher_workshop_travel;  // per teacher per workshop
  units::MoneyPerParticipantDay coach_workshop;
  units::MoneyPerParticipant coach_workshop_travel;  // per coach per workshop
  units::MoneyPerParticipant gia_per_participant;
  units::MoneyPerParticipant rtc_per_participant;
  units::MoneyPerParticipant materials_per_teacher;  // per teacher per year
  units::MoneyPerParticipant materials_per_coach;    // per coach per year
  double overhead_rate = 0.0;  // "other": share of each month's direct cost, 0..1
};

// A distribution of a non-negative number, used to expand regional aggregates. Parameters are
// in the unit of the field that holds it (km for distances, teachers for school size ...).
struct Distribution {
  enum class Shape { kFixed, kUniform, kTriangular, kLognormal } shape = Shape::kFixed;
  double a = 0.0;  // fixed: value; uniform/triangular: min; lognormal: median
  double b = 0.0;  // uniform/triangular: max; lognormal: sigma of log
  double c = 0.0;  // triangular: mode
  // Draws above `max` are set to `max` (a register has no school beyond the UGEL's reach).
  double max = std::numeric_limits<double>::infinity();
};

// "Schools of this type in this region": expanded deterministically from the seed.
struct SchoolAggregate {
  std::string school_type;
  int count = 0;
  Distribution teachers;              // per school, rounded to an integer >= 1
  Distribution students_per_teacher;  // rounded to an integer >= 1 per school
  Distribution distance_km;           // one way from the coach base (UGEL seat)
  double border_share = 0.0;          // 0..1
  double urban_share = 0.0;           // 0..1
};

// An explicitly listed school (from a CSV file).
struct SchoolRecord {
  std::string id;
  std::string ugel;
  std::string school_type;
  bool urban = false;
  bool border = false;
  int teachers = 0;
  int students = 0;
  units::Km distance;
  std::optional<units::Hours> travel_time;  // one way; derived from geography speed if absent
};

struct Region {
  std::string id;                                  // e.g. "Cajamarca"
  std::string geography;                           // a Geography id
  std::vector<std::string> ugels;                  // names; aggregates spread schools over them
  std::vector<std::pair<std::string, int>> staff;  // StaffRole id -> head count
  std::optional<units::MoneyPerMonth> coach_fee;   // overrides coach.monthly_fee
  std::optional<int> teachers_per_coach;           // overrides caseload_rules in this region
  // The region's coach count as an input, overriding the count the caseload rules give: all of
  // it (`coaches:`) or the rules' count plus this many (`extra_coaches:`, may be negative).
  std::optional<int> coaches, extra_coaches;
  bool exclude_from_statistics = false;  // left out of the spread across regions (variance)
  units::Days contract_delay;            // coach contracts start this much later
  std::vector<SchoolAggregate> aggregates;
  std::vector<SchoolRecord> schools;
};

// Spending executed outside the regions (e.g. training or materials bought centrally): kept
// apart from every region, but inside the national totals.
struct CentralCost {
  int year = 0;          // one of the scenario's school years
  std::string category;  // a ledger category id, e.g. "materials"
  units::Money amount;
  std::string label;
  std::string source;
};

// A cost category of the scenario's own (`cost_categories:`), appended after the built-in ones
// in every by-category output.
struct CostCategory {
  std::string id;     // e.g. "insurance"; the cost_<id> column
  std::string label;  // e.g. "Coach insurance"
};

// What an extra cost line is counted by, and so when it is posted: with the activity that
// drives it (programme/cost_model.hpp), at that activity's rate unit.
enum class CostDriver : std::uint8_t {
  kCoachMonth,   // a month of a coach's contract, prorated as the fee: "PEN/month"
  kTeacherYear,  // each teacher of a coach's caseload, with the year's materials: "PEN/participant"
  kCoachYear,    // each coach, with the year's materials: "PEN/participant"
  kSchoolYear,   // each school of a coach's caseload, with the year's materials: "PEN/participant"
  kVisitTrip,    // each trip for classroom visits, with its travel: "PEN/participant"
};
inline constexpr int kCostDriverCount = 5;
const char* cost_driver_id(CostDriver d);  // e.g. "coach_month"

// A cost line of the scenario's own (`extra_costs:`): posted under `category` as activity `id`
// whenever its driver's activity is posted, at `rate` céntimos per unit of the driver.
struct ExtraCost {
  std::string id;        // the ledger activity id, e.g. "coach_insurance"
  std::string category;  // a built-in or cost_categories: id
  CostDriver per = CostDriver::kCoachMonth;
  std::int64_t rate = 0;  // céntimos per month (coach_month) or per unit of the driver
  std::string label;      // for people; the id when not given
  // As written (empty when absent): must be the driver's own class, "visits" for visit_trip and
  // "none" for the others (a line is committed, paid and dropped with its driver's activity).
  std::string budget_class;
};
// At most this many extra costs per driver (they ride in the driver's fixed-size cost lines).
inline constexpr int kMaxExtraCostsPerDriver = 4;

struct Source {
  std::string key;   // dotted path of the input, e.g. "coach.monthly_fee"
  std::string text;  // seed file name and section, public source, or "ASSUMPTION: why"
};

// Schools left out of one year's coaching (`not_coached:`): a coach whose every caseload school
// is listed is not contracted that year, and a supervisor whose every coach is out is not
// either. Written by `coachsim optimise` (plan.yaml); teachers of listed schools still count
// in the year's teachers, so coverage shows what was left out.
struct NotCoached {
  int year = 0;
  std::vector<std::string> schools;  // school ids (CSV ids, or "Region/type/k" of aggregates)
};

struct Scenario {
  std::string name;
  std::string description;
  std::string currency = "PEN";
  std::uint64_t seed = 1;
  std::vector<std::chrono::weekday> weekend;  // default Saturday and Sunday
  std::vector<MonthDay> fixed_holidays;       // every year
  std::vector<SchoolYear> years;
  std::vector<Geography> geographies;
  std::vector<SchoolTypeProtocol> school_types;
  std::vector<CaseloadRule> caseload_rules;
  units::Km dispersed_above;  // a school farther than this is "dispersed"
  CaseloadPacking caseload_packing = CaseloadPacking::kPooled;
  CoachTerms coach;
  SupervisionTerms supervision;
  std::vector<StaffRole> staff_roles;
  UnitCosts costs;
  std::vector<Region> regions;
  std::vector<CentralCost> central_costs;
  std::vector<CostCategory> cost_categories;  // appended after the built-in categories
  std::vector<ExtraCost> extra_costs;
  std::vector<Source> sources;
  ScaleUp scale_up;                     // optional: schools entering over the years
  CoachSupply coach_supply;             // optional: hiring, training, attrition, cancellations
  TeacherTurnover teacher_turnover;     // optional: newcomers restart the stages
  std::optional<Outcomes> outcomes;     // absent: no outcome figures in any output
  std::optional<Prices> prices;         // absent: no nominal or US$ figures in any output
  Budget budget;                        // optional; disabled = unlimited money
  std::vector<NotCoached> not_coached;  // optional: schools not coached in a year
  std::vector<ProtocolVariant> protocol_variants;  // optional: other protocols (none: NT-026 only)
  std::vector<ProtocolPlan> protocol_plan;         // optional: schools coached with a variant
  // How the inputs were given beyond the scenario file, for the outputs' provenance: the --set
  // arguments as given, and each input CSV's detected dialect, e.g. "schools.csv: separator ';',
  // decimal comma, UTF-8 BOM". Empty for a plain file (the outputs then do not mention it).
  std::vector<std::string> provenance;
  // The same notes in the language chosen by --lang, one for one, for the terminal (the files
  // keep `provenance` in English for scripts).
  std::vector<std::string> provenance_shown;
};

}  // namespace coachsim::scenario
