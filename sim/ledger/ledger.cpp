#include "coachsim/ledger/ledger.hpp"

#include <chrono>
#include <limits>
#include <string>
#include <utility>

#include "coachsim/units/checked.hpp"

namespace coachsim::ledger {

Ledger::Ledger(std::size_t years, std::size_t regions, bool keep_entries,
               std::shared_ptr<const costs::CostTable> costs)
    : costs_(std::move(costs)),
      categories_(costs_->category_count()),
      years_(years),
      regions_(regions),
      keep_(keep_entries),
      totals_(years * regions * categories_, 0),
      monthly_(years * 12 * regions, 0) {}

void Ledger::post(const Entry& e) {
  // Every total of the run (by region, category, month, year, nation) sums a subset of the
  // entries, so once the sum of their magnitudes fits in int64 none of them can wrap.
  const std::uint64_t magnitude = e.amount < 0 ? 0 - static_cast<std::uint64_t>(e.amount)
                                               : static_cast<std::uint64_t>(e.amount);
  if (__builtin_add_overflow(magnitude_, magnitude, &magnitude_) ||
      magnitude_ > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      [[unlikely]] {
    units::throw_too_large("the run's costs add up to more than 64-bit céntimos hold (at a " +
                           std::string(costs_->category_id(e.category)) + " entry of year index " +
                           std::to_string(e.year_index) + ")");
  }
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
  for (std::size_t c = 0; c < categories_; ++c) sum += totals_[index(year, region, c)];
  return sum;
}

std::int64_t Ledger::year_total(std::size_t year, costs::Category c) const {
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
