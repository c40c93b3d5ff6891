// Calendar: per-day flags, prefix counts and next-day tables computed once from the spec.
#include "coachsim/calendar/calendar.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace coachsim::calendar {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

// Month and day as one comparable number; 29 February sorts between 28 February and 1 March,
// so in other years a range that starts (ends) on it starts on 1 March (ends on 28 February).
unsigned month_day_key(unsigned m, unsigned d) { return m * 32 + d; }

void check_month_day(const MonthDay& md) {
  // 2000 is a leap year, so 29 February is accepted.
  const year_month_day ymd{year{2000}, month{md.month}, day{md.day}};
  if (md.month < 1 || md.month > 12 || !ymd.ok()) {
    throw std::invalid_argument("Calendar: invalid month-day " + std::to_string(md.month) + "-" +
                                std::to_string(md.day));
  }
}

bool in_season(unsigned key, const SeasonRange& s) {
  const unsigned from = month_day_key(s.from.month, s.from.day);
  const unsigned to = month_day_key(s.to.month, s.to.day);
  if (from <= to) return key >= from && key <= to;
  return key >= from || key <= to;  // wraps the year end
}

}  // namespace

Calendar::Calendar(const CalendarSpec& spec) : first_(spec.first), last_(spec.last) {
  if (last_ < first_) throw std::invalid_argument("Calendar: last day before first day");
  const std::int64_t days = index(last_) + 1;
  if (days >= std::numeric_limits<std::int32_t>::max()) {
    throw std::invalid_argument("Calendar: range too long");
  }
  zone_count_ = spec.rainy_seasons.size();
  if (zone_count_ > 64) throw std::invalid_argument("Calendar: more than 64 zones");
  for (const auto& zone : spec.rainy_seasons) {
    for (const SeasonRange& s : zone) {
      check_month_day(s.from);
      check_month_day(s.to);
    }
  }

  unsigned weekend_mask = 0;
  for (const std::chrono::weekday wd : spec.weekend) {
    if (!wd.ok()) throw std::invalid_argument("Calendar: invalid weekday");
    weekend_mask |= 1u << wd.c_encoding();
  }

  const auto n = static_cast<std::size_t>(days);
  flags_.assign(n, 0);
  rain_bits_.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const Date d = date(static_cast<std::int64_t>(i));
    flags_[i] =
        (weekend_mask & (1u << std::chrono::weekday{d}.c_encoding())) == 0 ? kWorking : kWeekend;
    if (zone_count_ > 0) {
      const year_month_day ymd{d};
      const unsigned key =
          month_day_key(static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
      for (std::size_t z = 0; z < zone_count_; ++z) {
        for (const SeasonRange& s : spec.rainy_seasons[z]) {
          if (in_season(key, s)) {
            rain_bits_[i] |= std::uint64_t{1} << z;
            break;
          }
        }
      }
    }
  }
  for (const Date h : spec.holidays) {
    if (contains(h)) flags_[static_cast<std::size_t>(index(h))] &= ~kWorking;
  }
  std::vector<bool> in_term(n, false);
  for (const DateRange& t : spec.school_terms) {
    if (t.last < t.first) throw std::invalid_argument("Calendar: school term ends before start");
    std::int64_t lo = 0;
    std::int64_t hi = 0;
    if (!clip(t.first, t.last, lo, hi)) continue;
    for (std::int64_t i = lo; i <= hi; ++i) in_term[static_cast<std::size_t>(i)] = true;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (in_term[i] && (flags_[i] & kWorking) != 0) flags_[i] |= kSchool;
  }

  working_before_.assign(n + 1, 0);
  school_before_.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    working_before_[i + 1] = working_before_[i] + ((flags_[i] & kWorking) != 0 ? 1 : 0);
    school_before_[i + 1] = school_before_[i] + ((flags_[i] & kSchool) != 0 ? 1 : 0);
  }
  next_working_.assign(n + 1, static_cast<std::int32_t>(n));
  next_school_.assign(n + 1, static_cast<std::int32_t>(n));
  for (std::size_t i = n; i-- > 0;) {
    next_working_[i] =
        (flags_[i] & kWorking) != 0 ? static_cast<std::int32_t>(i) : next_working_[i + 1];
    next_school_[i] =
        (flags_[i] & kSchool) != 0 ? static_cast<std::int32_t>(i) : next_school_[i + 1];
  }
  for (std::size_t i = 0; i < n; ++i) {
    if ((flags_[i] & kWorking) != 0) working_at_.push_back(static_cast<std::int32_t>(i));
    if ((flags_[i] & kSchool) != 0) school_at_.push_back(static_cast<std::int32_t>(i));
  }
}

bool Calendar::clip(Date from, Date to, std::int64_t& lo, std::int64_t& hi) const {
  from = std::max(from, first_);
  to = std::min(to, last_);
  if (from > to) return false;
  lo = index(from);
  hi = index(to);
  return true;
}

bool Calendar::is_working_day(Date d) const { return contains(d) && (flags(d) & kWorking) != 0; }

bool Calendar::is_school_day(Date d) const { return contains(d) && (flags(d) & kSchool) != 0; }

bool Calendar::is_break_day(Date d) const {
  return !contains(d) || (flags(d) & (kWeekend | kSchool)) == 0;
}

bool Calendar::is_rainy(Date d, std::size_t zone) const {
  if (!contains(d) || zone >= zone_count_) return false;
  return (rain_bits_[static_cast<std::size_t>(index(d))] >> zone) & 1;
}

Date Calendar::next_working_day(Date d) const {
  if (d > last_) return last_ + std::chrono::days(1);
  if (d < first_) d = first_;
  return date(next_working_[static_cast<std::size_t>(index(d))]);
}

Date Calendar::next_school_day(Date d) const {
  if (d > last_) return last_ + std::chrono::days(1);
  if (d < first_) d = first_;
  return date(next_school_[static_cast<std::size_t>(index(d))]);
}

namespace {

// The n-th (from 1) flagged day from `first`, the first flagged day on or after the day asked
// about; `before` counts flagged days before each index and `at` lists their indices.
Date nth_flagged(const Calendar& cal, Date first, int n, const std::vector<std::int32_t>& before,
                 const std::vector<std::int32_t>& at) {
  const Date none = cal.last() + std::chrono::days(1);
  if (first > cal.last()) return none;
  const auto k = static_cast<std::size_t>(before[static_cast<std::size_t>(cal.index(first))]) +
                 static_cast<std::size_t>(n) - 1;
  return k < at.size() ? cal.date(at[k]) : none;
}

}  // namespace

Date Calendar::nth_working_day(Date d, int n) const {
  return nth_flagged(*this, next_working_day(d), n, working_before_, working_at_);
}

Date Calendar::nth_school_day(Date d, int n) const {
  return nth_flagged(*this, next_school_day(d), n, school_before_, school_at_);
}

int Calendar::working_days(Date from, Date to) const {
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  if (!clip(from, to, lo, hi)) return 0;
  return working_before_[static_cast<std::size_t>(hi + 1)] -
         working_before_[static_cast<std::size_t>(lo)];
}

int Calendar::school_days(Date from, Date to) const {
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  if (!clip(from, to, lo, hi)) return 0;
  return school_before_[static_cast<std::size_t>(hi + 1)] -
         school_before_[static_cast<std::size_t>(lo)];
}

// ---- dates as text ---------------------------------------------------------------------------

bool parse_date(std::string_view text, Date& out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  auto digits = [&](std::size_t pos, std::size_t count, int& value) {
    value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
      const char c = text[i];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    return true;
  };
  int y = 0;
  int m = 0;
  int d = 0;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return false;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return false;
  out = Date{ymd};
  return true;
}

Date add_months(Date d, int months) {
  const std::chrono::year_month_day ymd{d};
  const std::chrono::year_month ym =
      std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  const std::chrono::year_month_day_last last{ym / std::chrono::last};
  return Date{ym / std::min(ymd.day(), last.day())};
}

std::string format_date(Date d) {
  const year_month_day ymd{d};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace coachsim::calendar
