// The "Ledger by month" sheet: the ledger summed per region, category and calendar month, the
// workbook's view of the entries (the full ledger is a sheet only on request, --xlsx-ledger:
// its 890,000 rows make the default's workbook 59 MB and slow to open). Every cell is an exact
// sum of céntimos of the entries it stands for.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "coachsim/i18n/tr.hpp"
#include "coachsim/ledger/entry.hpp"
#include "coachsim/report/xlsx_report.hpp"
#include "labels.hpp"
#include "report_files.hpp"
#include "xlsx_sheet.hpp"

namespace coachsim::report::xlsx {
namespace {

// Months since year 0, e.g. 2021-03 -> 2021 * 12 + 2.
int month_number(std::int32_t days_since_epoch) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days_since_epoch}}};
  return static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) -
         1;
}

std::string month_label(int month_number) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", month_number / 12, month_number % 12 + 1);
  return buf;
}

}  // namespace

void ledger_pivot_sheet(Book& book, const RunReport& report) {
  const ledger::Ledger& l = report.ledger;
  Sheet sh(book, trc("sheet", "Ledger by month"));
  if (!l.keeps_entries()) {
    sh.note(
        tr("This run did not keep the ledger's entries (--no-ledger). Run coachsim without "
           "--no-ledger to sum them here by region, category and month."));
    sh.finish();
    return;
  }
  const std::vector<ledger::Entry>& entries = l.entries();
  int first = 0, last = -1;
  for (const ledger::Entry& e : entries) {
    const int m = month_number(e.date);
    if (last < first) first = last = m;
    first = std::min(first, m);
    last = std::max(last, m);
  }
  const std::size_t months = static_cast<std::size_t>(last - first + 1);
  const std::size_t slots = report.population.regions.size() + 1;  // the last: outside regions
  const costs::CostTable& costs = l.costs();
  const std::size_t kCats = costs.category_count();
  // [slot][category][month]; `posted` tells an empty cell from one whose entries sum to zero.
  std::vector<std::int64_t> sum(slots * kCats * months, 0);
  std::vector<std::uint32_t> posted(slots * kCats * months, 0);
  std::int32_t cached_date = INT32_MIN;
  std::size_t cached_month = 0;
  for (const ledger::Entry& e : entries) {
    if (e.date != cached_date) {
      cached_date = e.date;
      cached_month = static_cast<std::size_t>(month_number(e.date) - first);
    }
    const std::size_t slot = std::min<std::size_t>(e.region, slots - 1);
    const std::size_t i =
        (slot * kCats + static_cast<std::size_t>(e.category)) * months + cached_month;
    sum[i] += e.amount;
    ++posted[i];
  }

  sh.note(tr("Ledger by month: the ledger's entries summed by region, category and calendar month"),
          Style::kTitle);
  sh.note(
      tr("Each cell is the sum of the amounts of ledger.csv's rows with that region, category "
         "and month of date; total is the row's sum. Empty: no entry. The national rows add "
         "every region and the spending outside the regions."));
  std::vector<std::string> names = {trc("column", "region"), trc("column", "category"),
                                    trc("column", "total")};
  for (int m = first; m <= last; ++m) names.push_back(month_label(m));
  sh.header(names);

  auto row = [&](const std::string& region, std::string_view category, const auto& cell) {
    std::int64_t total = 0;
    bool any = false;
    for (std::size_t m = 0; m < months; ++m) {
      const auto [amount, count] = cell(m);
      total += amount;
      any = any || count > 0;
    }
    if (!any) return;
    sh.text(region_label(region)).text(category).money(total);
    for (std::size_t m = 0; m < months; ++m) {
      const auto [amount, count] = cell(m);
      if (count > 0)
        sh.money(amount);
      else
        sh.blank();
    }
    sh.end_row();
  };
  for (std::size_t slot = 0; slot < slots; ++slot)
    for (std::size_t c = 0; c < kCats; ++c)
      row(region_name(report, static_cast<std::uint32_t>(slot)),
          category_label(costs, static_cast<costs::Category>(c)), [&](std::size_t m) {
            const std::size_t i = (slot * kCats + c) * months + m;
            return std::pair<std::int64_t, std::uint64_t>{sum[i], posted[i]};
          });
  auto national = [&](std::size_t c0, std::size_t c1) {
    return [&, c0, c1](std::size_t m) {
      std::pair<std::int64_t, std::uint64_t> out{0, 0};
      for (std::size_t slot = 0; slot < slots; ++slot)
        for (std::size_t c = c0; c < c1; ++c) {
          const std::size_t i = (slot * kCats + c) * months + m;
          out.first += sum[i];
          out.second += posted[i];
        }
      return out;
    };
  };
  for (std::size_t c = 0; c < kCats; ++c)
    row("national", category_label(costs, static_cast<costs::Category>(c)), national(c, c + 1));
  row("national", tr("all categories"), national(0, kCats));
  sh.freeze(3);
  sh.filter();
  sh.finish();
}

}  // namespace coachsim::report::xlsx
