#pragma once
// `llm-planner-cli simulate`: a discrete-event run of a deployment under a
// request stream (Poisson, closed loop or a CSV trace), giving latency
// percentiles, throughput, goodput, preemptions and KV-cache use, or with
// --find-max-qps the highest Poisson rate that keeps p99 TTFT and TPOT within
// their SLOs. The engine is core/sim/servingsimulation.h; this file parses,
// converts and prints.

#include "core/sim/servingsimulation.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace planner::cli {

int runSimulate(const QStringList &arguments);

// The --json object: the result's figures (seconds as *_s, rates per second),
// and max_qps when a maximum rate was searched for.
QJsonObject simulationToJson(const SimulationConfig &config, const SimulationResult &result,
                             const std::optional<MaxRateResult> &maxRate);

} // namespace planner::cli
