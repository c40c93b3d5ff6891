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

void Ledger::throw_too_large(const Entry& e) const {
  units::throw_too_large("the run's costs add up to more than 64-bit céntimos hold (at a " +
                         std::string(costs_->category_id(e.category)) + " entry of year index " +
                         std::to_string(e.year_index) + ")");
}

void Ledger::cache_month(std::int32_t date) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{date}}};
  cached_date_ = date;
  cached_month_ = static_cast<unsigned>(ymd.month());
  cached_year_ = static_cast<int>(ymd.year());
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
