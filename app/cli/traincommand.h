#pragma once
// `llm-planner-cli train`: how long a training or fine-tuning run takes.

#include <QStringList>

namespace planner::cli {

int runTrain(const QStringList &arguments);

} // namespace planner::cli
