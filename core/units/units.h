#pragma once
// Physical quantities used across the engine's public API.
//
// Every size, rate and amount that crosses a module boundary is a Boost.Units
// quantity, so that bytes cannot be added to FLOP, nor a per-second rate to a
// total. Decimal (GB = 1e9 bytes) and binary (GiB = 2^30 bytes) prefixes are
// both spelled out here; the conversion helpers below are the only place where
// a quantity turns back into a bare number for display.

#include <boost/units/base_dimension.hpp>
#include <boost/units/base_unit.hpp>
#include <boost/units/base_units/information/byte.hpp>
#include <boost/units/base_units/si/kilogram.hpp>
#include <boost/units/base_units/si/meter.hpp>
#include <boost/units/base_units/si/second.hpp>
#include <boost/units/derived_dimension.hpp>
#include <boost/units/make_system.hpp>
#include <boost/units/physical_dimensions/information.hpp>
#include <boost/units/physical_dimensions/power.hpp>
#include <boost/units/physical_dimensions/time.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/unit.hpp>

namespace planner::units {

namespace bu = boost::units;

// Floating-point operations and money have no dimension in Boost, so they get
// their own base dimensions (ordinals chosen clear of Boost's own).
struct FlopBaseDimension : bu::base_dimension<FlopBaseDimension, 101> {
};
struct MoneyBaseDimension : bu::base_dimension<MoneyBaseDimension, 102> {
};

struct FlopBaseUnit : bu::base_unit<FlopBaseUnit, FlopBaseDimension::dimension_type, 101> {
    static constexpr const char *name() { return "floating-point operation"; }
    static constexpr const char *symbol() { return "FLOP"; }
};
struct UsdBaseUnit : bu::base_unit<UsdBaseUnit, MoneyBaseDimension::dimension_type, 102> {
    static constexpr const char *name() { return "US dollar"; }
    static constexpr const char *symbol() { return "USD"; }
};

// One homogeneous system: SI mechanics (for watts), bytes, FLOP and USD.
using System = bu::make_system<bu::si::meter_base_unit, bu::si::kilogram_base_unit, bu::si::second_base_unit,
                               bu::information::byte_base_unit, FlopBaseUnit, UsdBaseUnit>::type;

using ByteUnit = bu::unit<bu::information_dimension, System>;
using FlopUnit = bu::unit<FlopBaseDimension::dimension_type, System>;
using SecondUnit = bu::unit<bu::time_dimension, System>;
using ByteRateUnit = bu::divide_typeof_helper<ByteUnit, SecondUnit>::type;
using FlopRateUnit = bu::divide_typeof_helper<FlopUnit, SecondUnit>::type;
using WattUnit = bu::unit<bu::power_dimension, System>;
using UsdUnit = bu::unit<MoneyBaseDimension::dimension_type, System>;
using UsdPerHourUnit = bu::divide_typeof_helper<UsdUnit, SecondUnit>::type;

using Bytes = bu::quantity<ByteUnit, double>;
using Flops = bu::quantity<FlopUnit, double>;
using Seconds = bu::quantity<SecondUnit, double>;
using BytesPerSecond = bu::quantity<ByteRateUnit, double>;
using FlopsPerSecond = bu::quantity<FlopRateUnit, double>;
using Watts = bu::quantity<WattUnit, double>;
using Usd = bu::quantity<UsdUnit, double>;
using UsdPerSecond = bu::quantity<UsdPerHourUnit, double>;

inline constexpr double kGB = 1e9;                       // decimal gigabyte
inline constexpr double kGiB = 1024.0 * 1024.0 * 1024.0; // binary gibibyte
inline constexpr double kMiB = 1024.0 * 1024.0;          // binary mebibyte
inline constexpr double kTera = 1e12;

inline Bytes bytes(double n)
{
    return Bytes::from_value(n);
}
inline Bytes gigabytes(double n)
{
    return Bytes::from_value(n * kGB);
}
inline Bytes gibibytes(double n)
{
    return Bytes::from_value(n * kGiB);
}
inline Bytes mebibytes(double n)
{
    return Bytes::from_value(n * kMiB);
}
inline Flops flops(double n)
{
    return Flops::from_value(n);
}
inline Seconds seconds(double n)
{
    return Seconds::from_value(n);
}
inline BytesPerSecond gigabytesPerSecond(double n)
{
    return BytesPerSecond::from_value(n * kGB);
}
// Networks are quoted in gigabits per second (10^9 bits, 8 bits a byte).
inline BytesPerSecond gigabitsPerSecond(double n)
{
    return BytesPerSecond::from_value(n * kGB / 8.0);
}
inline FlopsPerSecond teraflopsPerSecond(double n)
{
    return FlopsPerSecond::from_value(n * kTera);
}
inline Watts watts(double n)
{
    return Watts::from_value(n);
}
inline Usd usd(double n)
{
    return Usd::from_value(n);
}
inline UsdPerSecond usdPerHour(double n)
{
    return UsdPerSecond::from_value(n / 3600.0);
}

inline double inBytes(Bytes b)
{
    return b.value();
}
inline double inGB(Bytes b)
{
    return b.value() / kGB;
}
inline double inGiB(Bytes b)
{
    return b.value() / kGiB;
}
inline double inMiB(Bytes b)
{
    return b.value() / kMiB;
}
inline double inSeconds(Seconds s)
{
    return s.value();
}
inline double inGBPerSecond(BytesPerSecond r)
{
    return r.value() / kGB;
}
inline double inTeraflopsPerSecond(FlopsPerSecond r)
{
    return r.value() / kTera;
}
inline double inWatts(Watts w)
{
    return w.value();
}
inline double inUsd(Usd u)
{
    return u.value();
}
inline double inUsdPerHour(UsdPerSecond r)
{
    return r.value() * 3600.0;
}

} // namespace planner::units
