// Dimensioned quantities for coachsim: money, time, distance, participants and their rates.
//
// Money is held as an integer count of céntimos (1/100 of the scenario currency, soles by
// default) inside a Boost.Units quantity, so adding money to days does not compile. Rates that
// produce money (per month, per day, per km, per participant, per participant-day) are also
// integer céntimos per unit; turning a rate and a quantity into money goes through
// `apply_rate` below, the one place where coachsim rounds (see rounding.hpp).
//
// This header must never know about scenarios, the engine or coaching.
#pragma once

#include <cstdint>

#include <boost/units/base_dimension.hpp>
#include <boost/units/base_unit.hpp>
#include <boost/units/derived_dimension.hpp>
#include <boost/units/make_system.hpp>
#include <boost/units/physical_dimensions/length.hpp>
#include <boost/units/physical_dimensions/time.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/unit.hpp>

namespace coachsim::units {

namespace bu = boost::units;

// --- dimensions that physics does not have ---------------------------------------------------
struct currency_base_dimension : bu::base_dimension<currency_base_dimension, 9101> {};
struct participant_base_dimension : bu::base_dimension<participant_base_dimension, 9102> {};
using currency_dimension = currency_base_dimension::dimension_type;
using participant_dimension = participant_base_dimension::dimension_type;

// --- base units ------------------------------------------------------------------------------
struct centimo_base_unit : bu::base_unit<centimo_base_unit, currency_dimension, 9101> {
  static const char* name() { return "centimo"; }
  static const char* symbol() { return "ct"; }
};
struct day_base_unit : bu::base_unit<day_base_unit, bu::time_dimension, 9102> {
  static const char* name() { return "day"; }
  static const char* symbol() { return "d"; }
};
// Hours are work hours inside a day; there is deliberately no conversion to days, because a
// working day is not 24 hours (see the scenario's `coach.working_hours_per_day`).
struct hour_base_unit : bu::base_unit<hour_base_unit, bu::time_dimension, 9103> {
  static const char* name() { return "hour"; }
  static const char* symbol() { return "h"; }
};
// Months have no fixed length in days; prorating a monthly fee uses the calendar (rounding.hpp).
struct month_base_unit : bu::base_unit<month_base_unit, bu::time_dimension, 9104> {
  static const char* name() { return "month"; }
  static const char* symbol() { return "month"; }
};
struct km_base_unit : bu::base_unit<km_base_unit, bu::length_dimension, 9105> {
  static const char* name() { return "kilometre"; }
  static const char* symbol() { return "km"; }
};
struct participant_base_unit : bu::base_unit<participant_base_unit, participant_dimension, 9106> {
  static const char* name() { return "participant"; }
  static const char* symbol() { return "participant"; }
};

using base_system =
    bu::make_system<centimo_base_unit, day_base_unit, km_base_unit, participant_base_unit>::type;
using hour_system = bu::make_system<hour_base_unit>::type;
using month_system = bu::make_system<month_base_unit>::type;

using money_unit = bu::unit<currency_dimension, base_system>;
using day_unit = bu::unit<bu::time_dimension, base_system>;
using hour_unit = bu::unit<bu::time_dimension, hour_system>;
using month_unit = bu::unit<bu::time_dimension, month_system>;
using km_unit = bu::unit<bu::length_dimension, base_system>;
using participant_unit = bu::unit<participant_dimension, base_system>;
using participant_day_unit = bu::multiply_typeof_helper<participant_unit, day_unit>::type;

using money_per_month_unit = bu::divide_typeof_helper<money_unit, month_unit>::type;
using money_per_day_unit = bu::divide_typeof_helper<money_unit, day_unit>::type;
using money_per_km_unit = bu::divide_typeof_helper<money_unit, km_unit>::type;
using money_per_participant_unit = bu::divide_typeof_helper<money_unit, participant_unit>::type;
using money_per_participant_day_unit =
    bu::divide_typeof_helper<money_unit, participant_day_unit>::type;
using km_per_hour_unit = bu::divide_typeof_helper<km_unit, hour_unit>::type;

// --- quantities ------------------------------------------------------------------------------
using Money = bu::quantity<money_unit, std::int64_t>;  // value() is céntimos
using Days = bu::quantity<day_unit, double>;
using Hours = bu::quantity<hour_unit, double>;
using Months = bu::quantity<month_unit, double>;
using Km = bu::quantity<km_unit, double>;
using Participants = bu::quantity<participant_unit, double>;
using ParticipantDays = bu::quantity<participant_day_unit, double>;
using KmPerHour = bu::quantity<km_per_hour_unit, double>;

// Rates are integer céntimos per unit: the scenario loader rejects amounts finer than a céntimo.
using MoneyPerMonth = bu::quantity<money_per_month_unit, std::int64_t>;
using MoneyPerDay = bu::quantity<money_per_day_unit, std::int64_t>;
using MoneyPerKm = bu::quantity<money_per_km_unit, std::int64_t>;
using MoneyPerParticipant = bu::quantity<money_per_participant_unit, std::int64_t>;
using MoneyPerParticipantDay = bu::quantity<money_per_participant_day_unit, std::int64_t>;

// --- construction helpers (values are céntimos for money and rates) --------------------------
inline Money centimos(std::int64_t c) { return Money::from_value(c); }
inline Days days(double d) { return Days::from_value(d); }
inline Hours hours(double h) { return Hours::from_value(h); }
inline Months months(double m) { return Months::from_value(m); }
inline Km km(double k) { return Km::from_value(k); }
inline Participants participants(double p) { return Participants::from_value(p); }
inline ParticipantDays participant_days(double p) { return ParticipantDays::from_value(p); }
inline KmPerHour km_per_hour(double v) { return KmPerHour::from_value(v); }
inline MoneyPerMonth per_month(std::int64_t c) { return MoneyPerMonth::from_value(c); }
inline MoneyPerDay per_day(std::int64_t c) { return MoneyPerDay::from_value(c); }
inline MoneyPerKm per_km(std::int64_t c) { return MoneyPerKm::from_value(c); }
inline MoneyPerParticipant per_participant(std::int64_t c) {
  return MoneyPerParticipant::from_value(c);
}
inline MoneyPerParticipantDay per_participant_day(std::int64_t c) {
  return MoneyPerParticipantDay::from_value(c);
}

}  // namespace coachsim::units
