#include "coachsim/ledger/ledger.hpp"

#include <chrono>

namespace coachsim::ledger {

Ledger::Ledger(std::size_t years, std::size_t regions, bool keep_entries)
    : years_(years),
      regions_(regions),
      keep_(keep_entries),
      totals_(years * regions * kCategoryCount, 0),
      monthly_(years * 12 * regions, 0) {}

void Ledger::post(const Entry& e) {
  totals_[index(e.year_index, e.region, static_cast<std::size_t>(e.category))] += e.amount;
  grand_total_ += e.amount;
  if (e.date != cached_date_) {  // entries come in runs of one date: convert once per run
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{e.date}}};
    cached_date_ = e.date;
    cached_month_ = static_cast<unsigned>(ymd.month());
  }
  monthly_[(e.year_index * 12u + (cached_month_ - 1)) * regions_ + e.region] += e.amount;
  ++count_;
  if (keep_) entries_.push_back(e);
}

std::int64_t Ledger::total(std::size_t year, std::size_t region) const {
  std::int64_t sum = 0;
  for (std::size_t c = 0; c < kCategoryCount; ++c) sum += totals_[index(year, region, c)];
  return sum;
}

std::int64_t Ledger::year_total(std::size_t year, Category c) const {
  std::int64_t sum = 0;
  for (std::size_t r = 0; r < regions_; ++r) sum += total(year, r, c);
  return sum;
}

std::int64_t Ledger::year_total(std::size_t year) const {
  std::int64_t sum = 0;
  for (std::size_t r = 0; r < regions_; ++r) sum += total(year, r);
  return sum;
}

}  // namespace coachsim::ledger
