#pragma once
// What the commands that read a plan file share: the plan given as the one
// positional argument, and a scenario chosen by name or number.

#include "core/plan/plan.h"

#include <QCommandLineParser>
#include <QString>

#include <cstddef>

namespace planner::cli {

// The plan file named by the command's one positional argument; `command`
// names the command in the error when there is none.
Plan planArgument(const QCommandLineParser &parser, const QString &command);

// A scenario by its name (exactly, then ignoring case) or its number from 1.
std::size_t scenarioIndex(const Plan &plan, const QString &nameOrNumber);

} // namespace planner::cli
