#pragma once
// `llm-planner-cli calibrate FILE`: fit the efficiency factors to measurements.

#include <QStringList>

namespace planner::cli {

int runCalibrate(const QStringList &arguments);

} // namespace planner::cli
