// Must NOT compile: money and days have different dimensions. The control
// tests/compile_ok/money_plus_money.cpp is this file with Money in place of Days and must
// compile, which shows that this file fails because of the addition and nothing else.
#include "coachsim/units/quantities.hpp"

int main() {
  using namespace coachsim::units;
  const Money fee = centimos(450000);
  const auto other = days(3.0);
  const auto sum = fee + other;
  return sum.value() > 0 ? 0 : 1;
}
