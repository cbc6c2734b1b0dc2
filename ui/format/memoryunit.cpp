#include "ui/format/memoryunit.h"

#include <QCoreApplication>
#include <QLocale>

namespace planner {

namespace {

MemoryUnit gUnit = MemoryUnit::GB;

class MemoryUnits
{
    Q_DECLARE_TR_FUNCTIONS(MemoryUnits)
};

} // namespace

MemoryUnit memoryUnit()
{
    return gUnit;
}

void setMemoryUnit(MemoryUnit unit)
{
    gUnit = unit;
}

QString memoryUnitSymbol(MemoryUnit unit)
{
    return unit == MemoryUnit::GiB ? QStringLiteral("GiB") : QStringLiteral("GB");
}

QString memoryUnitKey(MemoryUnit unit)
{
    return memoryUnitSymbol(unit);
}

MemoryUnit memoryUnitFromKey(const QString &key)
{
    return key == QLatin1String("GiB") ? MemoryUnit::GiB : MemoryUnit::GB;
}

QString memoryUnitDefinition()
{
    return gUnit == MemoryUnit::GiB ? MemoryUnits::tr("GiB = 2³⁰ bytes") : MemoryUnits::tr("GB = 10⁹ bytes");
}

double inMemoryUnit(units::Bytes bytes)
{
    return gUnit == MemoryUnit::GiB ? units::inGiB(bytes) : units::inGB(bytes);
}

QString memoryText(units::Bytes bytes, int decimals)
{
    return MemoryUnits::tr("%1 %2").arg(QLocale().toString(inMemoryUnit(bytes), 'f', decimals), memoryUnitSymbol());
}

} // namespace planner
