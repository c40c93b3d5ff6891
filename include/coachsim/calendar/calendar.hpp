// Calendar: which days are working days, school days and rainy days, from plain data.
//
// Days are std::chrono::sys_days. The calendar covers a closed range of dates and precomputes
// one flag byte per day, so every query is an index into a vector. "Zones" are opaque indices
// (the programme maps geographies such as Andes or Amazon onto them); the engine does not
// know what they mean.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace coachsim::calendar {

using Date = std::chrono::sys_days;

struct DateRange {
  Date first;  // inclusive
  Date last;   // inclusive
};

// A day of the year without the year, for ranges that repeat every year (e.g. rainy season
// from 1 December to 30 April, which wraps over the new year).
struct MonthDay {
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
};

struct SeasonRange {
  MonthDay from;  // inclusive
  MonthDay to;    // inclusive; may be before `from`, meaning the range wraps the year end
};

struct CalendarSpec {
  Date first;                                           // first day covered
  Date last;                                            // last day covered
  std::vector<std::chrono::weekday> weekend;            // non-working weekdays, e.g. Sat and Sun
  std::vector<Date> holidays;                           // non-working dates
  std::vector<DateRange> school_terms;                  // teaching periods (breaks are the gaps)
  std::vector<std::vector<SeasonRange>> rainy_seasons;  // per zone index
};

class Calendar {
 public:
  // Throws std::invalid_argument when spec.last < spec.first, a weekday or MonthDay is not a
  // valid one (29 February is valid: in other years a range from it starts on 1 March, a range
  // to it ends on 28 February), a school term ends before it starts, or there are more than 64
  // zones. Holidays and terms outside [first, last] are ignored or clipped.
  explicit Calendar(const CalendarSpec& spec);

  Date first() const { return first_; }
  Date last() const { return last_; }
  bool contains(Date d) const { return d >= first_ && d <= last_; }

  // Day number counted from first() (0-based); the engine's clock uses it.
  std::int64_t index(Date d) const { return (d - first_).count(); }
  Date date(std::int64_t index) const { return first_ + std::chrono::days(index); }

  // REQUIRES: contains(d). (A day outside the calendar answers false, for every zone.)
  bool is_working_day(Date d) const;              // not a weekend day, not a holiday
  bool is_school_day(Date d) const;               // a working day inside a school term
  bool is_rainy(Date d, std::size_t zone) const;  // false for zone >= zones()
  // Neither a weekend day nor a school day: a holiday, or a weekday of a school break (or before
  // or after the school terms). A day outside the calendar answers true.
  bool is_break_day(Date d) const;

  // The first working (school) day on or after `d`, or last()+1 day when there is none.
  // A `d` before first() searches from first().
  Date next_working_day(Date d) const;
  Date next_school_day(Date d) const;
  // The n-th working (school) day on or after `d`, counting from 1 (the first is
  // next_working_day(d)), or last()+1 day when the calendar has fewer. O(1): a trip's days on
  // site are taken at once instead of day by day. REQUIRES: n >= 1.
  Date nth_working_day(Date d, int n) const;
  Date nth_school_day(Date d, int n) const;

  // Number of working (school) days in [from, to], inclusive; 0 when from > to. Days outside
  // the calendar count as neither.
  int working_days(Date from, Date to) const;
  int school_days(Date from, Date to) const;

  std::size_t zones() const { return zone_count_; }

 private:
  static constexpr std::uint8_t kWorking = 1;
  static constexpr std::uint8_t kSchool = 2;
  static constexpr std::uint8_t kWeekend = 4;

  std::uint8_t flags(Date d) const { return flags_[static_cast<std::size_t>(index(d))]; }
  // [max(from, first), min(to, last)] as indices; false when empty.
  bool clip(Date from, Date to, std::int64_t& lo, std::int64_t& hi) const;

  Date first_;
  Date last_;
  std::size_t zone_count_ = 0;
  std::vector<std::uint8_t> flags_;       // bit 0 working, bit 1 school, bit 2 weekend
  std::vector<std::uint64_t> rain_bits_;  // per day: bit z set when zone z is in rainy season
  // Per index i in [0, days]: working (school) days in [0, i), and the first working (school)
  // day index >= i (days when none), so counts and next_* are O(1).
  std::vector<std::int32_t> working_before_;
  std::vector<std::int32_t> school_before_;
  std::vector<std::int32_t> next_working_;
  std::vector<std::int32_t> next_school_;
  // The index of the k-th working (school) day, k from 0: the inverse of working_before_.
  std::vector<std::int32_t> working_at_;
  std::vector<std::int32_t> school_at_;
};

// Parses "YYYY-MM-DD" exactly (four-digit year, two-digit month and day, nothing before or
// after); false when the text is not that or not a real date (2021-02-29, 2020-13-01).
bool parse_date(std::string_view text, Date& out);
// "YYYY-MM-DD".
std::string format_date(Date d);
// `months` whole months after `d`, on the same day of the month or the month's last day
// (2021-01-31 + 1 month = 2021-02-28). The coach supply's hiring schedule and the optimiser's
// coach cap, which must agree with it, both use this.
Date add_months(Date d, int months);

}  // namespace coachsim::calendar
