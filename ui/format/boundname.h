#pragma once
// What limits a forward step (core/perf/perfmodel.h Bound), in the interface's
// language: the summary's note and the proposal's table name it.

#include "core/perf/perfmodel.h"

#include <QString>

namespace planner {

QString boundName(Bound bound);

} // namespace planner
