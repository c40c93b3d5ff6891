// The optional `budget:` section: what money a region gets, when, on what conditions, and what
// is dropped first when it runs short. Absent (enabled == false), money is unlimited and every
// output is what it was without the section.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "coachsim/calendar/calendar.hpp"

namespace coachsim::scenario {

// An amount written either as a share ("90%", of the plan or of the PIA) or as money
// ("3000000 PEN"). Changes may be negative.
struct BudgetAmount {
  bool is_share = true;
  double share = 1.0;         // 0.9 for "90%"
  std::int64_t centimos = 0;  // when !is_share
};

// The activity classes a budget can drop, in the order of their enum (ids in budget_class_id).
enum class BudgetClass : std::uint8_t {
  kTeacherWorkshops,
  kCoachWorkshops,
  kGiaRtc,
  kSupervisorVisits,
  kVisits,
};
inline constexpr int kBudgetClassCount = 5;
const char* budget_class_id(BudgetClass c);  // e.g. "teacher_workshops"

// A class of the scenario's own (`budget.classes:`): some of the programme's droppable
// activities taken out of their built-in class, so `priority:` can rank them on their own (RTC
// dropped before GIA, say). Declared classes are numbered after the five built-in ones, in the
// order written.
struct DeclaredBudgetClass {
  std::string id;
  std::string label;                    // for people; the id when not given
  std::vector<std::string> activities;  // built-in activity ids, e.g. "rtc"
};
inline constexpr int kMaxDeclaredBudgetClasses = 7;
inline constexpr int kMaxBudgetClasses = kBudgetClassCount + kMaxDeclaredBudgetClasses;

enum class BudgetRelease { kMonthly, kQuarterly, kAnnual };
enum class BudgetIndicator { kDiagnosticVisitShare, kVisitsDoneShare };
const char* budget_indicator_id(BudgetIndicator i);
// drop: an activity the budget cannot pay is dropped; defer: a visit trip or supervisor visit
// waits for the next tranche of the same year (dropped when none is left); workshops, on fixed
// dates, are dropped either way; protect_teachers: when a year's expected funds fall short of
// its plan, whole caseloads are dropped at the year's opening (their schools are not coached
// and their coaches are not contracted) so that the rest keep the full protocol; what is still
// short is then dropped as with `drop`.
enum class BudgetShortfall { kDrop, kDefer, kProtectTeachers };
// Which caseloads protect_teachers drops first: the most expensive per teacher in the plan, or
// the farthest (teacher-weighted mean distance from the coach base).
enum class DropOrder { kCostPerTeacher, kFarthest };

struct PiaOverride {
  std::string region;
  int year = 0;
  BudgetAmount pia;
};

// A PIM modification: on `date`, the region's (or every region's) budget changes by `change`
// (a share of the PIA, or money).
struct BudgetChange {
  calendar::Date date;
  std::string region;  // a region id, or "all"
  BudgetAmount change;
};

// A results-based rule, applied every year in every region.
struct BudgetRule {
  std::string id;
  BudgetIndicator indicator = BudgetIndicator::kDiagnosticVisitShare;
  double target = 0.0;    // 0..1
  calendar::MonthDay by;  // deadline, every year
  double withhold = 0.0;  // share of the PIA held back until the target is met
  double top_up = 0.0;    // share of the PIA added when the target is met
};

struct Budget {
  bool enabled = false;
  BudgetRelease release = BudgetRelease::kQuarterly;
  BudgetAmount pia;  // default "100%" of the plan
  std::vector<PiaOverride> pia_overrides;
  std::vector<BudgetChange> changes;
  std::vector<BudgetRule> rules;
  // Dropped first ... last.
  std::vector<BudgetClass> priority = {BudgetClass::kTeacherWorkshops, BudgetClass::kCoachWorkshops,
                                       BudgetClass::kGiaRtc, BudgetClass::kSupervisorVisits,
                                       BudgetClass::kVisits};
  BudgetShortfall shortfall = BudgetShortfall::kDrop;
  DropOrder drop_order = DropOrder::kCostPerTeacher;
  std::vector<DeclaredBudgetClass> classes;

  // The droppable classes: the five built-in ones, then the declared ones.
  int class_count() const { return kBudgetClassCount + static_cast<int>(classes.size()); }
  // Class k's id (0 <= k < class_count()): "gia_rtc", or a declared class's id.
  std::string class_id(int k) const;
};

}  // namespace coachsim::scenario
