#pragma once
// `llm-planner-cli evaluate PLAN.llmplan [--scenario NAME] [--json]`: per
// scenario and model version, the verdict and figures the desktop's Summary
// shows, from the same evaluation (core's evaluatePlan).

#include <QStringList>

namespace planner::cli {

int runEvaluate(const QStringList &arguments);

} // namespace planner::cli
