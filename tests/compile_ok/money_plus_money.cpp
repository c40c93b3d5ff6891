// Must compile: the control for tests/compile_fail/money_plus_days.cpp, identical except that
// Money is added to Money instead of Days.
#include "coachsim/units/quantities.hpp"

int main() {
  using namespace coachsim::units;
  const Money fee = centimos(450000);
  const auto other = centimos(300);
  const auto sum = fee + other;
  return sum.value() > 0 ? 0 : 1;
}
