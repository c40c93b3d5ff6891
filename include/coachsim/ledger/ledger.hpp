// The ledger: receives every cost entry, keeps running totals per (year, region, category),
// and keeps the entries themselves only when asked (a national run posts about a million).
//
// Totals are sums of entries, exactly: `post` is the only way money gets in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <memory>

#include "coachsim/costs/cost_table.hpp"
#include "coachsim/ledger/entry.hpp"

namespace coachsim::ledger {

class Ledger {
 public:
  // REQUIRES: years > 0, regions > 0; `costs` has every category and activity posted.
  Ledger(std::size_t years, std::size_t regions, bool keep_entries,
         std::shared_ptr<const costs::CostTable> costs = costs::CostTable::builtin());

  // Inline: a national run posts about a million entries, and out of line the call was 5% of a
  // sweep (README "Performance"). The rare paths (a new date, a total too large) are calls.
  void post(const Entry& e) {
    // Every total of the run (by region, category, month, year, nation) sums a subset of the
    // entries, so once the sum of their magnitudes fits in int64 none of them can wrap.
    const std::uint64_t magnitude = e.amount < 0 ? 0 - static_cast<std::uint64_t>(e.amount)
                                                 : static_cast<std::uint64_t>(e.amount);
    if (__builtin_add_overflow(magnitude_, magnitude, &magnitude_) ||
        magnitude_ > static_cast<std::uint64_t>(INT64_MAX)) [[unlikely]]
      throw_too_large(e);
    totals_[index(e.year_index, e.region, static_cast<std::size_t>(e.category))] += e.amount;
    grand_total_ += e.amount;
    if (e.date != cached_date_) [[unlikely]]
      cache_month(e.date);  // entries come in runs of one date: convert once per run
    monthly_[(e.year_index * 12u + (cached_month_ - 1)) * regions_ + e.region] += e.amount;
    ++count_;
    if (keep_) entries_.push_back(e);
  }

  // Totals in céntimos.
  std::int64_t total(std::size_t year, std::size_t region, costs::Category c) const {
    return totals_[index(year, region, static_cast<std::size_t>(c))];
  }
  std::int64_t total(std::size_t year, std::size_t region) const;
  std::int64_t year_total(std::size_t year, costs::Category c) const;
  std::int64_t year_total(std::size_t year) const;
  std::int64_t grand_total() const { return grand_total_; }
  // Accrued in calendar month `month` (1..12) of school year `year` (entries dated in another
  // calendar year count in the month of their date as well).
  std::int64_t month_total(std::size_t year, unsigned month, std::size_t region) const {
    return monthly_[(year * 12 + (month - 1)) * regions_ + region];
  }

  // The categories and activities its entries index (ids and labels for every writer).
  const costs::CostTable& costs() const { return *costs_; }
  const std::shared_ptr<const costs::CostTable>& costs_ptr() const { return costs_; }
  std::size_t category_count() const { return categories_; }
  std::size_t years() const { return years_; }
  std::size_t regions() const { return regions_; }
  std::uint64_t entry_count() const { return count_; }
  // The calendar month (1..12) and year of the date of the last entry posted.
  unsigned last_month() const { return cached_month_; }
  int last_calendar_year() const { return cached_year_; }
  bool keeps_entries() const { return keep_; }
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::size_t index(std::size_t y, std::size_t r, std::size_t c) const {
    return (y * regions_ + r) * categories_ + c;
  }
  [[noreturn]] void throw_too_large(const Entry& e) const;
  void cache_month(std::int32_t date);

  std::shared_ptr<const costs::CostTable> costs_;
  std::size_t categories_;
  std::size_t years_;
  std::size_t regions_;
  bool keep_;
  std::vector<std::int64_t> totals_;
  std::vector<std::int64_t> monthly_;  // [year][month][region]
  std::int32_t cached_date_ = INT32_MIN;
  unsigned cached_month_ = 1;
  int cached_year_ = 0;
  std::int64_t grand_total_ = 0;
  std::uint64_t magnitude_ = 0;  // sum of |amount|: bounds every total (checked in post)
  std::uint64_t count_ = 0;
  std::vector<Entry> entries_;
};

}  // namespace coachsim::ledger
