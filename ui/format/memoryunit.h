#pragma once
// The unit GPU memory is shown in: GB (10^9 bytes, the datasheets' unit and
// the default) or GiB (2^30 bytes, what nvidia-smi and the engines print),
// chosen in Preferences. Every view that shows a memory size asks here, so
// the summary, canvas, palette, charts and proposal always agree. The
// conversion itself is core's (units::inGB / units::inGiB).
//
// Disk capacities stay in decimal TB/GB, the unit drives are sold in.

#include "core/units/units.h"

#include <QString>

namespace planner {

enum class MemoryUnit { GB, GiB };

MemoryUnit memoryUnit();
void setMemoryUnit(MemoryUnit unit);

// "GB" or "GiB", and the settings spelling of each.
QString memoryUnitSymbol(MemoryUnit unit = memoryUnit());
QString memoryUnitKey(MemoryUnit unit);
MemoryUnit memoryUnitFromKey(const QString &key); // anything unknown is GB

// "GB = 10⁹ bytes" or "GiB = 2³⁰ bytes", for footers and axis titles.
QString memoryUnitDefinition();

double inMemoryUnit(units::Bytes bytes);
// "107.4 GB": the locale's digits, `decimals` after the point.
QString memoryText(units::Bytes bytes, int decimals);

} // namespace planner
