#pragma once
// `llm-planner-cli fit`: does a model version fit a GPU deployment, per GPU.

#include <QStringList>

namespace planner::cli {

int runFit(const QStringList &arguments);

} // namespace planner::cli
