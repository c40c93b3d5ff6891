// Checks of calendar: and years: — weekend, fixed holidays, school years in increasing order,
// terms, holidays and workshop dates inside their year and contract, and one workshop start
// date per workshop of the protocol.
#include <algorithm>
#include <array>
#include <chrono>

#include "checks.hpp"
#include "coachsim/i18n/tr.hpp"
#include "text_util.hpp"

namespace coachsim::scenario::detail {

namespace {

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2199;

using std::chrono::day;
using std::chrono::December;
using std::chrono::January;
using std::chrono::year;

std::string range_text(Date first, Date last) {
  return calendar::format_date(first) + ".." + calendar::format_date(last);
}

// Reports `d` unless it lies in [first, last]; `what` names the range, e.g. "school year 2020"
// (already translated).
// Returns whether it was inside.
bool inside(Checker& c, const std::string& field, Date d, Date first, Date last,
            const std::string& what) {
  if (d >= first && d <= last) return true;
  c.error(field, trf("expected a date within {0} ({1}), got {2}",
                     {what, range_text(first, last), calendar::format_date(d)}));
  return false;
}

void check_weekend(Checker& c) {
  const auto& weekend = c.scenario().weekend;
  std::array<bool, 7> seen{};
  int distinct = 0;
  for (std::size_t i = 0; i < weekend.size(); ++i) {
    const std::string field = indexed("calendar.weekend", i);
    if (!c.ok(field)) continue;
    const unsigned d = weekend[i].c_encoding();
    if (d > 6) {
      c.error(field,
              trf("expected a weekday (mon..sun), got weekday number {0}", {std::to_string(d)}));
    } else if (seen[d]) {
      c.error(field, tr("duplicate weekend day"));
    } else {
      seen[d] = true;
      ++distinct;
    }
  }
  if (distinct == 7) {
    c.error("calendar.weekend", tr("expected at most 6 weekend days, got all 7 (no working days)"));
  }
}

void check_fixed_holidays(Checker& c) {
  const auto& days = c.scenario().fixed_holidays;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const std::string field = indexed("calendar.fixed_holidays", i);
    if (!valid_month_day(days[i]) && c.ok(field)) {
      c.error(field, trf("expected a valid day of the year (month 1..12, day within the "
                         "month), got month {0} day {1}",
                         {std::to_string(days[i].month), std::to_string(days[i].day)}));
    }
  }
}

// Every school type's workshop count must equal the number of start dates of each year.
void check_workshop_count(Checker& c, const std::string& field, std::size_t dates, bool coach) {
  const auto& types = c.scenario().school_types;
  const std::string key = coach ? "coach_workshops" : "teacher_workshops";
  std::vector<std::string> wrong;
  int expected = -1;
  for (std::size_t t = 0; t < types.size(); ++t) {
    const int count = coach ? types[t].coach_workshops.count : types[t].teacher_workshops.count;
    if (!c.ok(indexed("protocol.school_types", t) + "." + key + ".count") ||
        !c.ok(indexed("protocol.school_types", t) + ".id")) {
      return;  // a count or id that did not load: nothing reliable to compare against
    }
    if (count >= 0 && static_cast<std::size_t>(count) != dates) {
      wrong.push_back(trf("{0} has {1}", {in_quotes(types[t].id), std::to_string(count)}));
      if (expected < 0) expected = count;
    }
  }
  if (wrong.empty() || !c.loaded(field)) return;
  // Two whole sentences rather than "per {coach|teacher} workshop", so a translator sees both.
  const char* pattern = coach ? N_("expected one start date per coach workshop of the protocol, "
                                   "got {0} ({1}.count: {2}; every school type's count must "
                                   "equal the number of start dates)")
                              : N_("expected one start date per teacher workshop of the "
                                   "protocol, got {0} ({1}.count: {2}; every school type's "
                                   "count must equal the number of start dates)");
  c.error(field, trf(pattern, {std::to_string(dates), key, join(wrong)}));
}

void check_year(Checker& c, std::size_t i) {
  const SchoolYear& y = c.scenario().years[i];
  const std::string p = indexed("years", i);
  if (y.year < kFirstYear || y.year > kLastYear) {
    if (c.ok(p + ".year")) {
      c.error(p + ".year",
              trf("expected a calendar year between {0} and {1}, got {2}",
                  {std::to_string(kFirstYear), std::to_string(kLastYear), std::to_string(y.year)}));
    }
    return;  // no sensible dates to compare against
  }
  if (!c.ok(p + ".year")) return;
  const auto year_of = [](Date d) {
    return static_cast<int>(std::chrono::year_month_day(d).year());
  };
  if (c.ok(p + ".contract") && year_of(y.contract_start) == year_of(y.contract_end) &&
      year_of(y.contract_start) != y.year) {
    // One typo in `year` would otherwise make every date of the year "outside" it.
    c.error(p + ".year",
            trf("expected {0}, the year of its contract ({1}), got {2}",
                {std::to_string(year_of(y.contract_start)),
                 range_text(y.contract_start, y.contract_end), std::to_string(y.year)}));
    return;
  }
  if (i > 0 && c.ok(indexed("years", i - 1) + ".year") &&
      y.year <= c.scenario().years[i - 1].year) {
    c.error(p + ".year",
            trf("expected years in increasing order, got {0} after {1}",
                {std::to_string(y.year), std::to_string(c.scenario().years[i - 1].year)}));
  }
  const Date jan1 = std::chrono::sys_days(year(y.year) / January / day(1));
  const Date dec31 = std::chrono::sys_days(year(y.year) / December / day(31));
  // Its own context: the sweep page's heading "school year {0}" takes no article in Spanish,
  // "a date within the school year" does.
  const std::string in_year = fill(trc("date range", "school year {0}"), {std::to_string(y.year)});

  // Contract: inside the calendar year, start <= end.
  bool contract_ok = c.ok(p + ".contract");
  if (c.ok(p + ".contract.start")) {
    contract_ok &= inside(c, p + ".contract.start", y.contract_start, jan1, dec31, in_year);
  }
  if (c.ok(p + ".contract.end")) {
    contract_ok &= inside(c, p + ".contract.end", y.contract_end, jan1, dec31, in_year);
  }
  if (contract_ok && y.contract_end < y.contract_start) {
    c.error(p + ".contract.end",
            trf("expected a contract end on or after its start {0}, got {1}",
                {calendar::format_date(y.contract_start), calendar::format_date(y.contract_end)}));
    contract_ok = false;
  }
  const std::string in_contract = trf("the contract of {0}", {std::to_string(y.year)});
  // A date must lie in the calendar year and, when `contract` is set, in the contract.
  const auto date_check = [&](const std::string& field, Date d, bool need_contract) {
    if (!c.ok(field)) return;
    if (!inside(c, field, d, jan1, dec31, in_year)) return;
    if (need_contract && contract_ok) {
      inside(c, field, d, y.contract_start, y.contract_end, in_contract);
    }
  };

  if (y.terms.empty() && c.loaded(p + ".terms")) {
    c.error(p + ".terms", tr("expected at least one teaching term"));
  }
  for (std::size_t t = 0; t < y.terms.size(); ++t) {
    const std::string term = indexed(p + ".terms", t);
    date_check(term + ".from", y.terms[t].first, true);
    date_check(term + ".to", y.terms[t].last, true);
    if (c.ok(term) && y.terms[t].last < y.terms[t].first) {
      c.error(term + ".to", trf("expected a term end on or after its start {0}, got {1}",
                                {calendar::format_date(y.terms[t].first),
                                 calendar::format_date(y.terms[t].last)}));
    } else if (t > 0 && c.ok(term) && c.ok(indexed(p + ".terms", t - 1)) &&
               y.terms[t].first <= y.terms[t - 1].last) {
      c.error(term + ".from", trf("expected terms in order without overlap: this term starts "
                                  "{0}, before the previous one ends {1}",
                                  {calendar::format_date(y.terms[t].first),
                                   calendar::format_date(y.terms[t - 1].last)}));
    }
  }
  // At least one teaching day: a term day that is neither a weekend day nor a holiday.
  if (!y.terms.empty() && c.ok(p + ".terms")) {
    bool any = false;
    for (const DateRange& term : y.terms) {
      for (Date d = term.first; d <= term.last && !any; d += std::chrono::days(1)) {
        const std::chrono::weekday wd{d};
        const std::chrono::year_month_day ymd{d};
        const bool weekend = std::find(c.scenario().weekend.begin(), c.scenario().weekend.end(),
                                       wd) != c.scenario().weekend.end();
        const bool fixed =
            std::any_of(c.scenario().fixed_holidays.begin(), c.scenario().fixed_holidays.end(),
                        [&](const MonthDay& md) {
                          return unsigned(ymd.month()) == md.month && unsigned(ymd.day()) == md.day;
                        });
        const bool moving = std::find(y.holidays.begin(), y.holidays.end(), d) != y.holidays.end();
        any = !weekend && !fixed && !moving;
      }
    }
    if (!any)
      c.error(p + ".terms", tr("expected at least one school day (a term day that is not a "
                               "weekend day or a holiday), got none"));
  }
  for (std::size_t h = 0; h < y.holidays.size(); ++h) {
    date_check(indexed(p + ".holidays", h), y.holidays[h], false);
  }
  for (std::size_t w = 0; w < y.coach_workshop_starts.size(); ++w) {
    date_check(indexed(p + ".coach_workshops", w), y.coach_workshop_starts[w], true);
  }
  for (std::size_t w = 0; w < y.teacher_workshop_starts.size(); ++w) {
    date_check(indexed(p + ".teacher_workshops", w), y.teacher_workshop_starts[w], true);
  }
  check_workshop_count(c, p + ".coach_workshops", y.coach_workshop_starts.size(), true);
  check_workshop_count(c, p + ".teacher_workshops", y.teacher_workshop_starts.size(), false);
}

}  // namespace

bool valid_month_day(const MonthDay& md) {
  static constexpr std::array<unsigned, 12> kDays = {31, 29, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
  return md.month >= 1 && md.month <= 12 && md.day >= 1 && md.day <= kDays[md.month - 1];
}

void check_calendar(Checker& c) {
  check_weekend(c);
  check_fixed_holidays(c);
  if (c.scenario().years.empty() && c.loaded("years")) {
    c.error("years", tr("expected at least one school year"));
  }
  for (std::size_t i = 0; i < c.scenario().years.size(); ++i) check_year(c, i);
}

}  // namespace coachsim::scenario::detail
