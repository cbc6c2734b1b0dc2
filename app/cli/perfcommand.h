#pragma once
// `llm-planner-cli perf`: how fast a deployment serves (TTFT, TPOT, tokens/s).

#include <QStringList>

namespace planner::cli {

int runPerf(const QStringList &arguments);

} // namespace planner::cli
