// The kept ledger entries of a run summed, in all and per category: the left-hand side of every
// "the ledger sums to the reported totals" test.
#pragma once

#include <cstdint>
#include <map>

#include "coachsim/ledger/ledger.hpp"

namespace coachsim::testing {

struct LedgerSums {
  std::int64_t total = 0;                   // céntimos
  std::map<int, std::int64_t> by_category;  // category index -> céntimos
};

inline LedgerSums ledger_sums(const ledger::Ledger& ledger) {
  LedgerSums sums;
  for (const ledger::Entry& e : ledger.entries()) {
    sums.by_category[static_cast<int>(e.category)] += e.amount;
    sums.total += e.amount;
  }
  return sums;
}

}  // namespace coachsim::testing
