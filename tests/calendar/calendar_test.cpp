// Calendar: weekends, holidays, terms and breaks, rainy seasons (also wrapping the year end and
// touching 29 February) over several years, counts, next_* at the end, and date text.
#include "coachsim/calendar/calendar.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>

namespace coachsim::calendar {
namespace calendar_test {

using std::chrono::days;
using std::chrono::Friday;
using std::chrono::Monday;
using std::chrono::Saturday;
using std::chrono::Sunday;

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

SeasonRange season(unsigned m1, unsigned d1, unsigned m2, unsigned d2) {
  return SeasonRange{MonthDay{m1, d1}, MonthDay{m2, d2}};
}

// 2023-01-01 (a Sunday) to 2025-12-31, Peru-like.
CalendarSpec peru_spec() {
  CalendarSpec s;
  s.first = D(2023, 1, 1);
  s.last = D(2025, 12, 31);
  s.weekend = {Saturday, Sunday};
  s.holidays = {D(2023, 7, 28), D(2023, 7, 29), D(2024, 1, 1), D(2026, 1, 1) /* outside */};
  s.school_terms = {
      {D(2022, 9, 1), D(2023, 1, 13)},  // starts before the calendar: clipped
      {D(2023, 3, 13), D(2023, 7, 21)},  {D(2023, 8, 7), D(2023, 12, 22)},
      {D(2024, 3, 11), D(2024, 7, 19)},  {D(2024, 8, 5), D(2024, 12, 20)},
      {D(2025, 3, 17), D(2025, 12, 19)},
  };
  s.rainy_seasons = {
      {season(12, 1, 4, 30)},                      // 0: wraps the year end
      {season(1, 15, 3, 31)},                      // 1: inside one year
      {},                                          // 2: never rainy
      {season(2, 29, 2, 29)},                      // 3: leap days only
      {season(11, 1, 2, 29)},                      // 4: wraps, ends on 29 February
      {season(1, 1, 1, 31), season(6, 1, 6, 30)},  // 5: two ranges
  };
  return s;
}

TEST(Calendar, Bounds) {
  const Calendar cal(peru_spec());
  EXPECT_EQ(cal.first(), D(2023, 1, 1));
  EXPECT_EQ(cal.last(), D(2025, 12, 31));
  EXPECT_TRUE(cal.contains(D(2024, 2, 29)));
  EXPECT_FALSE(cal.contains(D(2022, 12, 31)));
  EXPECT_FALSE(cal.contains(D(2026, 1, 1)));
  EXPECT_EQ(cal.index(D(2023, 1, 1)), 0);
  EXPECT_EQ(cal.index(D(2024, 1, 1)), 365);
  EXPECT_EQ(cal.date(365 + 366), D(2025, 1, 1));
  EXPECT_EQ(cal.zones(), 6u);
}

TEST(Calendar, WeekendsAndHolidaysAreNotWorkingDays) {
  const Calendar cal(peru_spec());
  EXPECT_FALSE(cal.is_working_day(D(2023, 1, 1)));   // Sunday
  EXPECT_FALSE(cal.is_working_day(D(2023, 1, 7)));   // Saturday
  EXPECT_TRUE(cal.is_working_day(D(2023, 1, 9)));    // Monday
  EXPECT_FALSE(cal.is_working_day(D(2023, 7, 28)));  // holiday on a Friday
  EXPECT_FALSE(cal.is_working_day(D(2024, 1, 1)));   // holiday on a Monday
  EXPECT_TRUE(cal.is_working_day(D(2025, 1, 1)));    // not listed that year
  for (Date d = cal.first(); d <= cal.last(); d += days(1)) {
    const std::chrono::weekday wd{d};
    const bool holiday = d == D(2023, 7, 28) || d == D(2023, 7, 29) || d == D(2024, 1, 1);
    ASSERT_EQ(cal.is_working_day(d), wd != Saturday && wd != Sunday && !holiday) << format_date(d);
  }
}

TEST(Calendar, OtherWeekends) {
  CalendarSpec s;
  s.first = D(2023, 1, 1);
  s.last = D(2023, 1, 31);
  s.weekend = {Friday};
  const Calendar cal(s);
  EXPECT_FALSE(cal.is_working_day(D(2023, 1, 6)));
  EXPECT_TRUE(cal.is_working_day(D(2023, 1, 7)));
  EXPECT_TRUE(cal.is_working_day(D(2023, 1, 8)));
  EXPECT_EQ(cal.working_days(cal.first(), cal.last()), 31 - 4);
  EXPECT_EQ(cal.school_days(cal.first(), cal.last()), 0);  // no terms
}

TEST(Calendar, SchoolDaysAreWorkingDaysInTerms) {
  const Calendar cal(peru_spec());
  EXPECT_TRUE(cal.is_school_day(D(2023, 1, 2)));  // clipped term
  EXPECT_TRUE(cal.is_school_day(D(2023, 1, 13)));
  EXPECT_FALSE(cal.is_school_day(D(2023, 1, 16)));  // summer break, still a working day
  EXPECT_TRUE(cal.is_working_day(D(2023, 1, 16)));
  EXPECT_TRUE(cal.is_school_day(D(2023, 3, 13)));
  EXPECT_FALSE(cal.is_school_day(D(2023, 3, 18)));  // Saturday in term
  EXPECT_TRUE(cal.is_school_day(D(2023, 7, 21)));
  EXPECT_FALSE(cal.is_school_day(D(2023, 7, 24)));  // mid-year break
  EXPECT_TRUE(cal.is_working_day(D(2023, 7, 24)));
  EXPECT_FALSE(cal.is_school_day(D(2023, 7, 28)));  // holiday (and in the break)
  EXPECT_TRUE(cal.is_school_day(D(2023, 8, 7)));
  for (Date d = cal.first(); d <= cal.last(); d += days(1)) {
    if (cal.is_school_day(d)) {
      ASSERT_TRUE(cal.is_working_day(d)) << format_date(d);
    }
  }
}

TEST(Calendar, HolidayInsideTermIsNotSchoolDay) {
  CalendarSpec s = peru_spec();
  s.holidays.push_back(D(2023, 6, 29));  // a Thursday in term
  const Calendar cal(s);
  EXPECT_FALSE(cal.is_school_day(D(2023, 6, 29)));
  EXPECT_EQ(cal.school_days(D(2023, 3, 13), D(2023, 7, 21)), 94);
}

TEST(Calendar, Counts) {
  const Calendar cal(peru_spec());
  EXPECT_EQ(cal.working_days(D(2023, 1, 1), D(2023, 1, 31)), 22);
  EXPECT_EQ(cal.working_days(D(2024, 1, 1), D(2024, 1, 31)), 22);  // 23 weekdays - 1 Jan
  EXPECT_EQ(cal.school_days(D(2023, 3, 13), D(2023, 7, 21)), 95);  // 19 full weeks
  EXPECT_EQ(cal.school_days(D(2023, 7, 22), D(2023, 8, 6)), 0);
  EXPECT_EQ(cal.working_days(D(2023, 1, 9), D(2023, 1, 9)), 1);
  EXPECT_EQ(cal.working_days(D(2023, 1, 7), D(2023, 1, 7)), 0);
  EXPECT_EQ(cal.working_days(D(2023, 2, 1), D(2023, 1, 1)), 0);    // from > to
  EXPECT_EQ(cal.working_days(D(2020, 1, 1), D(2022, 12, 31)), 0);  // wholly outside
  EXPECT_EQ(cal.working_days(D(2020, 1, 1), D(2030, 1, 1)),
            cal.working_days(cal.first(), cal.last()));
}

TEST(Calendar, CountsMatchDayByDay) {
  const Calendar cal(peru_spec());
  const Date lo = cal.first() - days(10);
  const Date hi = cal.last() + days(10);
  for (Date from = lo; from <= hi; from += days(37)) {
    int working = 0;
    int school = 0;
    for (Date to = from; to <= hi; to += days(1)) {
      working += cal.is_working_day(to) ? 1 : 0;
      school += cal.is_school_day(to) ? 1 : 0;
      ASSERT_EQ(cal.working_days(from, to), working)
          << format_date(from) << ".." << format_date(to);
      ASSERT_EQ(cal.school_days(from, to), school) << format_date(from) << ".." << format_date(to);
    }
  }
}

TEST(Calendar, NextWorkingAndSchoolDay) {
  const Calendar cal(peru_spec());
  EXPECT_EQ(cal.next_working_day(D(2023, 1, 9)), D(2023, 1, 9));          // already one
  EXPECT_EQ(cal.next_working_day(D(2023, 1, 7)), D(2023, 1, 9));          // Saturday -> Monday
  EXPECT_EQ(cal.next_working_day(D(2023, 7, 28)), D(2023, 7, 31));        // holiday + weekend
  EXPECT_EQ(cal.next_working_day(D(2022, 12, 25)), D(2023, 1, 2));        // before the calendar
  EXPECT_EQ(cal.next_school_day(D(2023, 7, 22)), D(2023, 8, 7));          // over the break
  EXPECT_EQ(cal.next_school_day(D(2023, 12, 23)), D(2024, 3, 11));        // over the summer
  EXPECT_EQ(cal.next_school_day(D(2025, 12, 19)), D(2025, 12, 19));       // last school day
  EXPECT_EQ(cal.next_school_day(D(2025, 12, 20)), cal.last() + days(1));  // none left
  EXPECT_EQ(cal.next_working_day(D(2025, 12, 31)), D(2025, 12, 31));
  EXPECT_EQ(cal.next_working_day(cal.last() + days(1)), cal.last() + days(1));
  EXPECT_EQ(cal.next_working_day(D(2030, 1, 1)), cal.last() + days(1));
  for (Date d = cal.first(); d <= cal.last(); d += days(1)) {
    const Date nw = cal.next_working_day(d);
    const Date ns = cal.next_school_day(d);
    ASSERT_GE(nw, d);
    ASSERT_GE(ns, nw);
    for (Date x = d; x < nw; x += days(1)) ASSERT_FALSE(cal.is_working_day(x));
    if (nw <= cal.last()) {
      ASSERT_TRUE(cal.is_working_day(nw));
    }
    if (ns <= cal.last()) {
      ASSERT_TRUE(cal.is_school_day(ns));
    } else {
      ASSERT_EQ(ns, cal.last() + days(1));
    }
  }
}

TEST(Calendar, NthWorkingAndSchoolDay) {
  const Calendar cal(peru_spec());
  EXPECT_EQ(cal.nth_working_day(D(2023, 7, 26), 1), D(2023, 7, 26));   // Wednesday itself
  EXPECT_EQ(cal.nth_working_day(D(2023, 7, 26), 3), D(2023, 7, 31));   // over 28-29 Jul, Sunday
  EXPECT_EQ(cal.nth_school_day(D(2023, 7, 20), 3), D(2023, 8, 7));     // Thu, Fri, over the break
  EXPECT_EQ(cal.nth_school_day(D(2025, 12, 18), 2), D(2025, 12, 19));  // the last school day
  EXPECT_EQ(cal.nth_school_day(D(2025, 12, 18), 3), cal.last() + days(1));  // none left
  EXPECT_EQ(cal.nth_working_day(D(2030, 1, 1), 1), cal.last() + days(1));
  EXPECT_EQ(cal.nth_working_day(D(2022, 12, 25), 1), D(2023, 1, 2));  // before the calendar
  // Against taking the days one by one, from every day of the calendar and around it.
  for (Date from = cal.first() - days(3); from <= cal.last() + days(1); from += days(1))
    for (int n = 1; n <= 12; n += 5) {
      Date w = from - days(1);
      Date s = from - days(1);
      for (int i = 0; i < n; ++i) {
        w = cal.next_working_day(w + days(1));
        s = cal.next_school_day(s + days(1));
      }
      ASSERT_EQ(cal.nth_working_day(from, n), std::min(w, cal.last() + days(1)))
          << format_date(from) << " " << n;
      ASSERT_EQ(cal.nth_school_day(from, n), std::min(s, cal.last() + days(1)))
          << format_date(from) << " " << n;
    }
}

TEST(Calendar, NextWorkingDayAtEndOfCalendar) {
  CalendarSpec s;
  s.first = D(2023, 1, 2);  // Monday
  s.last = D(2023, 1, 8);   // Sunday
  s.weekend = {Saturday, Sunday};
  const Calendar cal(s);
  EXPECT_EQ(cal.next_working_day(D(2023, 1, 6)), D(2023, 1, 6));
  EXPECT_EQ(cal.next_working_day(D(2023, 1, 7)), D(2023, 1, 9));  // last()+1
  EXPECT_EQ(cal.next_school_day(D(2023, 1, 2)), D(2023, 1, 9));   // no terms at all
  EXPECT_EQ(cal.working_days(cal.first(), cal.last()), 5);
}

TEST(Calendar, RainySeasonWrapsTheYearEndEveryYear) {
  const Calendar cal(peru_spec());
  for (int y = 2023; y <= 2025; ++y) {
    SCOPED_TRACE(y);
    EXPECT_TRUE(cal.is_rainy(D(y, 1, 1), 0));
    EXPECT_TRUE(cal.is_rainy(D(y, 4, 30), 0));
    EXPECT_FALSE(cal.is_rainy(D(y, 5, 1), 0));
    EXPECT_FALSE(cal.is_rainy(D(y, 11, 30), 0));
    EXPECT_TRUE(cal.is_rainy(D(y, 12, 1), 0));
    EXPECT_TRUE(cal.is_rainy(D(y, 12, 31), 0));

    EXPECT_FALSE(cal.is_rainy(D(y, 1, 14), 1));
    EXPECT_TRUE(cal.is_rainy(D(y, 1, 15), 1));
    EXPECT_TRUE(cal.is_rainy(D(y, 3, 31), 1));
    EXPECT_FALSE(cal.is_rainy(D(y, 4, 1), 1));
    EXPECT_FALSE(cal.is_rainy(D(y, 12, 31), 1));

    EXPECT_TRUE(cal.is_rainy(D(y, 1, 31), 5));
    EXPECT_FALSE(cal.is_rainy(D(y, 2, 1), 5));
    EXPECT_TRUE(cal.is_rainy(D(y, 6, 1), 5));
    EXPECT_TRUE(cal.is_rainy(D(y, 6, 30), 5));
    EXPECT_FALSE(cal.is_rainy(D(y, 7, 1), 5));
  }
  int rainy0 = 0;
  for (Date d = cal.first(); d <= cal.last(); d += days(1)) {
    rainy0 += cal.is_rainy(d, 0) ? 1 : 0;
    ASSERT_FALSE(cal.is_rainy(d, 2));
    ASSERT_FALSE(cal.is_rainy(d, 6));  // no such zone
  }
  // Each year: January-April (120 days, 121 in 2024) plus December (31).
  EXPECT_EQ(rainy0, 3 * (120 + 31) + 1);
}

TEST(Calendar, RainySeasonAndTwentyNinthOfFebruary) {
  const Calendar cal(peru_spec());
  for (Date d = cal.first(); d <= cal.last(); d += days(1)) {
    ASSERT_EQ(cal.is_rainy(d, 3), d == D(2024, 2, 29)) << format_date(d);
  }
  EXPECT_TRUE(cal.is_rainy(D(2023, 2, 28), 4));  // range to 29 Feb ends on 28 Feb in 2023
  EXPECT_FALSE(cal.is_rainy(D(2023, 3, 1), 4));
  EXPECT_TRUE(cal.is_rainy(D(2024, 2, 29), 4));
  EXPECT_FALSE(cal.is_rainy(D(2024, 3, 1), 4));
  EXPECT_FALSE(cal.is_rainy(D(2023, 10, 31), 4));
  EXPECT_TRUE(cal.is_rainy(D(2023, 11, 1), 4));

  CalendarSpec s;
  s.first = D(2023, 1, 1);
  s.last = D(2024, 12, 31);
  s.rainy_seasons = {{season(2, 29, 3, 5)}};  // from 29 Feb: starts 1 March in other years
  const Calendar c2(s);
  EXPECT_FALSE(c2.is_rainy(D(2023, 2, 28), 0));
  EXPECT_TRUE(c2.is_rainy(D(2023, 3, 1), 0));
  EXPECT_FALSE(c2.is_rainy(D(2024, 2, 28), 0));
  EXPECT_TRUE(c2.is_rainy(D(2024, 2, 29), 0));
  EXPECT_TRUE(c2.is_rainy(D(2024, 3, 5), 0));
  EXPECT_FALSE(c2.is_rainy(D(2024, 3, 6), 0));
}

TEST(Calendar, OutsideTheCalendarNothingHolds) {
  const Calendar cal(peru_spec());
  EXPECT_FALSE(cal.is_working_day(D(2026, 1, 5)));
  EXPECT_FALSE(cal.is_school_day(D(2022, 10, 3)));
  EXPECT_FALSE(cal.is_rainy(D(2022, 12, 25), 0));
}

TEST(Calendar, SingleDayCalendar) {
  CalendarSpec s;
  s.first = s.last = D(2024, 2, 29);
  s.school_terms = {{D(2024, 1, 1), D(2024, 12, 31)}};
  const Calendar cal(s);
  EXPECT_TRUE(cal.is_working_day(cal.first()));
  EXPECT_TRUE(cal.is_school_day(cal.first()));
  EXPECT_EQ(cal.school_days(D(2000, 1, 1), D(2100, 1, 1)), 1);
  EXPECT_EQ(cal.next_school_day(D(2024, 3, 1)), D(2024, 3, 1));
}

TEST(Calendar, RejectsInvalidSpecs) {
  auto with = [](auto change) {
    CalendarSpec s;
    s.first = D(2023, 1, 1);
    s.last = D(2023, 12, 31);
    change(s);
    return s;
  };
  EXPECT_THROW(Calendar(with([](CalendarSpec& s) { s.last = D(2022, 12, 31); })),
               std::invalid_argument);
  EXPECT_THROW(Calendar(with([](CalendarSpec& s) { s.rainy_seasons = {{season(13, 1, 2, 1)}}; })),
               std::invalid_argument);
  EXPECT_THROW(Calendar(with([](CalendarSpec& s) { s.rainy_seasons = {{season(1, 1, 2, 30)}}; })),
               std::invalid_argument);
  EXPECT_THROW(Calendar(with([](CalendarSpec& s) { s.rainy_seasons = {{season(4, 31, 5, 1)}}; })),
               std::invalid_argument);
  EXPECT_THROW(Calendar(with([](CalendarSpec& s) { s.rainy_seasons = {{season(0, 1, 5, 1)}}; })),
               std::invalid_argument);
  EXPECT_THROW(Calendar(with([](CalendarSpec& s) { s.rainy_seasons.resize(65); })),
               std::invalid_argument);
  EXPECT_NO_THROW(Calendar(with([](CalendarSpec& s) { s.rainy_seasons.resize(64); })));
  EXPECT_THROW(Calendar(with([](CalendarSpec& s) {
                 s.school_terms = {{D(2023, 5, 1), D(2023, 4, 1)}};
               })),
               std::invalid_argument);
  EXPECT_THROW(Calendar(with([](CalendarSpec& s) { s.weekend = {std::chrono::weekday{8}}; })),
               std::invalid_argument);
}

TEST(DateText, ParsesValidDates) {
  Date d;
  ASSERT_TRUE(parse_date("2023-03-13", d));
  EXPECT_EQ(d, D(2023, 3, 13));
  ASSERT_TRUE(parse_date("2020-02-29", d));
  EXPECT_EQ(d, D(2020, 2, 29));
  ASSERT_TRUE(parse_date("2000-02-29", d));
  ASSERT_TRUE(parse_date("1999-12-31", d));
  EXPECT_EQ(d, D(1999, 12, 31));
  ASSERT_TRUE(parse_date("0001-01-01", d));
  EXPECT_EQ(d, D(1, 1, 1));
}

TEST(DateText, RejectsInvalidText) {
  const Date sentinel = D(1970, 1, 1);
  for (const char* bad :
       {"2021-02-29",  "1900-02-29", "2020-13-01", "2020-00-10", "2020-01-00",      "2020-01-32",
        "2020-04-31",  "2020-1-5",   "2020-01-5",  "20-01-05",   "2020-01-05x",     "2020-01-05 ",
        " 2020-01-05", "2020/01/05", "2020_01_05", "+020-01-05", "-020-01-05",      "2020-+1-05",
        "202a-01-05",  "",           "2020-01",    "20200105",   "2020-01-05T00:00"}) {
    Date d = sentinel;
    EXPECT_FALSE(parse_date(bad, d)) << '"' << bad << '"';
    EXPECT_EQ(d, sentinel) << "output changed for " << bad;
  }
}

TEST(DateText, FormatsAndRoundTrips) {
  EXPECT_EQ(format_date(D(2023, 3, 5)), "2023-03-05");
  EXPECT_EQ(format_date(D(2024, 12, 31)), "2024-12-31");
  EXPECT_EQ(format_date(D(999, 1, 2)), "0999-01-02");
  for (Date d = D(1999, 1, 1); d <= D(2031, 12, 31); d += days(1)) {
    Date back;
    ASSERT_TRUE(parse_date(format_date(d), back)) << format_date(d);
    ASSERT_EQ(back, d);
  }
}

// The hiring schedule's months (programme/coach_supply.cpp) and the optimiser's coach cap
// (optimise/coach_supply_cap.cpp) share this one rule: the same day of the month, or the
// month's last day when it has none.
TEST(Calendar, AddMonthsKeepsTheDayOrTakesTheMonthsLastDay) {
  auto date = [](const char* text) {
    Date d;
    EXPECT_TRUE(parse_date(text, d)) << text;
    return d;
  };
  EXPECT_EQ(format_date(add_months(date("2021-03-15"), 0)), "2021-03-15");
  EXPECT_EQ(format_date(add_months(date("2021-03-15"), 2)), "2021-05-15");
  EXPECT_EQ(format_date(add_months(date("2021-01-31"), 1)), "2021-02-28");
  EXPECT_EQ(format_date(add_months(date("2020-01-31"), 1)), "2020-02-29");  // leap year
  EXPECT_EQ(format_date(add_months(date("2021-01-31"), 3)), "2021-04-30");
  EXPECT_EQ(format_date(add_months(date("2021-11-30"), 3)), "2022-02-28");  // across the year
}

}  // namespace calendar_test
}  // namespace coachsim::calendar
