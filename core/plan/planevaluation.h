#pragma once
// A plan's estimates: for every scenario, its topology's problems, the
// cluster it reduces to, and for every model version whether it fits, how fast
// it serves the workload and what it costs — what the live summary shows.
//
// Parallelism: the scenario's settings, or by default tensor parallelism over
// the GPUs of one server (the largest divisor of it the model's heads allow)
// and pipeline stages over the servers; GPUs beyond one such replica serve as
// data-parallel replicas. With a request rate the concurrency is the smallest
// that serves that rate (Little's law on the performance model); with a
// concurrency, the rate follows from it. Cost: every priced part of the
// on-prem servers (chassis from their template) and every cloud instance's
// hourly price in the scenario's tier, with the scenario's assumptions.

#include "core/cost/costmodel.h"
#include "core/memory/inferencememory.h"
#include "core/perf/perfmodel.h"
#include "core/plan/plan.h"
#include "core/topology/cluster.h"
#include "core/util/message.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planner {

struct VersionEstimate {
    std::string modelId;
    std::string modelName;
    Parallelism parallel;
    int replicas = 0;
    std::int64_t concurrency = 0;        // all replicas
    InferenceMemoryEstimate memory;      // the most loaded GPU
    std::optional<PerfEstimate> speed;   // when it fits
    std::optional<PerfRequest> request;  // what `speed` was estimated for (the charts' curves start from it)
    double requestsPerSecond = 0;        // served at that concurrency (nominal)
    bool meetsSlo = false;
    bool servesLoad = true;              // false: the workload's request rate is more than memory lets it serve
    double usdPerMillionOutputTokens = 0;
    Message problem;                     // why there is no estimate, or what limits it
};

struct ScenarioEstimate {
    std::string name;
    Cluster cluster;
    std::vector<TopologyIssue> issues;
    std::vector<VersionEstimate> versions;  // in the plan's model order
    CostEstimate cost;                      // without tokens; per-version token costs are in versions
};

ScenarioEstimate evaluateScenario(const Plan &plan, const Scenario &scenario);
std::vector<ScenarioEstimate> evaluatePlan(const Plan &plan);

// The bill of materials of a scenario's on-prem servers, and the summed hourly
// price of its cloud instances in the tier (nullopt entries: no price).
OnPremBuild onPremBuildOf(const Topology &topology, const PartSnapshot &parts);
double cloudHourlyUsd(const Topology &topology, const PartSnapshot &parts, CloudTier tier,
                      std::vector<std::string> *unpriced = nullptr);

} // namespace planner
