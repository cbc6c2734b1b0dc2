#pragma once
// The cost assumptions (tariff, PUE, amortisation, ...) as command-line
// options, shared by `cost` and `recommend`.

#include "core/cost/costmodel.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace planner::cli {

void addCostAssumptionOptions(QCommandLineParser &parser);
// The defaults with the user's settings applied (their source becomes "your setting").
CostAssumptions assumptionsFrom(const QCommandLineParser &parser);
QJsonObject assumptionsToJson(const CostAssumptions &assumptions);
QString describeAssumptions(const CostAssumptions &assumptions); // one line for the text output

} // namespace planner::cli
