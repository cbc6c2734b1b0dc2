#pragma once
// The range every number a catalogue part carries must lie in, whether it
// comes from a CSV import, the part editor or a plan file's part snapshot.
// The schema's CHECK constraints say which figures must be positive; this
// adds what SQL cannot say for REAL columns: the figure is finite and no
// larger than any real part could be, so that sums and products over a
// topology (price × count, watts × hours × tariff) stay finite.

#include <QString>
#include <QVariantMap>

namespace planner {

// 10^12 of the column's unit: a trillion dollars, a petabyte in GB, a
// thousand times the fastest link. The largest shipped figure is 183,359
// (an H200 NVL's nvidia-smi MiB); the largest price 40,000 USD.
inline constexpr double kLargestPartFigure = 1e12;

// An empty string when every number in `row` is finite and between 0 and
// kLargestPartFigure; otherwise what is wrong with the first that is not,
// naming its column.
QString partFigureProblem(const QVariantMap &row);

} // namespace planner
