// Calendar: which days are working days, school days and rainy days, from plain data.
//
// Days are std::chrono::sys_days. The calendar covers a closed range of dates and precomputes
// one flag byte per day, so every query is an index into a vector. "Zones" are opaque indices
// (the programme maps geographies such as Andes or Amazon onto them); the engine does not
// know what they mean.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace coachsim::engine {

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
  Date first;  // first day covered
  Date last;   // last day covered
  std::vector<std::chrono::weekday> weekend;  // non-working weekdays, e.g. Sat and Sun
  std::vector<Date> holidays;                  // non-working dates
  std::vector<DateRange> school_terms;         // teaching periods (breaks are the gaps)
  std::vector<std::vector<SeasonRange>> rainy_seasons;  // per zone index
};

class Calendar {
 public:
  explicit Calendar(const CalendarSpec& spec);

  Date first() const { return first_; }
  Date last() const { return last_; }
  bool contains(Date d) const { return d >= first_ && d <= last_; }

  // Day number counted from first() (0-based); the engine's clock uses it.
  std::int64_t index(Date d) const { return (d - first_).count(); }
  Date date(std::int64_t index) const { return first_ + std::chrono::days(index); }

  // REQUIRES: contains(d).
  bool is_working_day(Date d) const;  // not a weekend day, not a holiday
  bool is_school_day(Date d) const;   // a working day inside a school term
  bool is_rainy(Date d, std::size_t zone) const;

  // The first working (school) day on or after `d`, or last()+1 day when there is none.
  Date next_working_day(Date d) const;
  Date next_school_day(Date d) const;

  // Number of working (school) days in [from, to], inclusive; 0 when from > to.
  int working_days(Date from, Date to) const;
  int school_days(Date from, Date to) const;

  std::size_t zones() const { return zone_count_; }

 private:
  std::uint8_t flags(Date d) const { return flags_[static_cast<std::size_t>(index(d))]; }

  Date first_;
  Date last_;
  std::size_t zone_count_ = 0;
  std::vector<std::uint8_t> flags_;      // bit 0 working, bit 1 school
  std::vector<std::uint64_t> rain_bits_; // per day: bit z set when zone z is in rainy season
};

// Parses "YYYY-MM-DD"; false when the text is not a valid date.
bool parse_date(std::string_view text, Date& out);
// "YYYY-MM-DD".
std::string format_date(Date d);

}  // namespace coachsim::engine
