#pragma once
// A plan's estimates: for every scenario, its topology's problems, the
// cluster it reduces to, and for every model version whether it fits, whether
// it serves the workload (one Verdict, see core/resolve/verdict.h), how fast
// and what it costs: what the Summary, the charts, the PDF proposal and
// `llm-planner-cli evaluate` show.
//
// Each version's deployment comes from resolveDeployment (the scenario's
// settings on its cluster; every default lives there). Cost: every priced
// part of the on-prem servers (chassis from their template) and every cloud
// instance's hourly price in the scenario's tier, with the scenario's
// assumptions. A GPU or an instance without a price makes the cost unknown; a
// smaller part without one makes it a lower bound; either is said, never
// counted as free.

#include "core/cost/costmodel.h"
#include "core/memory/inferencememory.h"
#include "core/perf/perfmodel.h"
#include "core/plan/plan.h"
#include "core/resolve/deployment.h"
#include "core/resolve/verdict.h"
#include "core/topology/cluster.h"
#include "core/util/message.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planner {

enum class CostCompleteness {
    Complete,   // every part and instance has a price
    LowerBound, // some smaller part (CPU, memory, storage, chassis) has none: the cost is at least this
    Unknown,    // a GPU or a cloud instance has none: no cost is stated
};

struct VersionEstimate {
    std::string modelId;
    std::string modelName;
    Verdict verdict;
    std::string problemField; // the input an invalid request's reason concerns ("tp", "context" …), if any
    Parallelism parallel;     // the decode pool's where a prefill pool computes the prompts
    int replicas = 0;
    int prefillGpus = 0; // the prefill pool's GPUs; 0: every GPU does both
    Parallelism prefillParallel;
    std::int64_t concurrency = 0;                  // sequences at once at the operating point (all replicas)
    std::optional<std::int64_t> neededConcurrency; // what the load needs at once; nullopt: no concurrency serves it
    std::int64_t sequencesHeld = 0;                // the most it runs at once (memory or the engine's limit)
    InferenceMemoryEstimate memory;                // the most loaded GPU: at the operating point, or at one
                                                   // sequence of the longest context when it does not fit
                                                   // (a prefill pool's at one prompt when that does not)
    LayerDescription layers;                       // the model's layers by attention kind
    std::vector<Message> cacheNotes;               // why `memory`'s KV cache is its size (explainCache)
    std::optional<Message> capacityNote;           // a unified-memory GPU's share (gpuMemoryShareNote)
    std::optional<PerfEstimate> speed;             // at the operating point, when it fits and every figure is known
    std::optional<PerfRequest> request; // the resolved deployment `speed` was estimated for (the charts start from it)
    double requestsPerSecond = 0;       // served at the operating point (nominal)
    std::optional<double> usdPerMillionOutputTokens; // nullopt: no speed, or the cost is unknown
    bool costIsLowerBound = false;                   // some part is unpriced: the cost per token is at least this
    // A fleet of unlinked servers (Cluster::fleet): the servers like these
    // that serve the load at its peak, spares included; nullopt when no
    // number does (a latency target missed by one server alone) or not a fleet.
    std::optional<int> fleetServersNeeded;
    // A training scenario's run (its verdict: fits is the memory's, serves
    // whether it finishes by the deadline); the serving fields stay empty.
    std::optional<TrainingOutcome> training;
};

struct ScenarioEstimate {
    std::string name;
    Cluster cluster;
    std::vector<TopologyIssue> issues;
    std::vector<VersionEstimate> versions; // in the plan's model order
    bool training = false;                 // the versions are training runs (Scenario::training)
    CostEstimate cost;                     // without tokens; per-version token costs are in versions
    CostCompleteness costCompleteness = CostCompleteness::Unknown;
    std::vector<std::string> unpricedGpusOrInstances; // what makes the cost unknown
};

// How one model version runs on a cluster under a workload: the resolution,
// the fit, the verdict and the speed at the operating point; the plan's
// evaluation calls it for every scenario and version. (No cost: that needs
// the scenario's parts; evaluateScenario adds it.)
WorkloadShape shapeOf(const PlanWorkload &workload);

VersionEstimate estimateVersion(const ModelSpec &model, const Cluster &cluster, const DeploymentSettings &settings,
                                const PlanWorkload &workload);

// How one model version trains on a cluster: the memory per GPU and, when it
// fits, the run's time (no cost: evaluateScenario adds it).
VersionEstimate estimateTrainingVersion(const ModelSpec &model, const Cluster &cluster,
                                        const TrainingSettings &settings);

// A version's cost per million tokens of its task: output tokens served, or
// tokens a training run trains on; nullopt when unknown or not estimated.
std::optional<double> usdPerMillionTokens(const VersionEstimate &version);

ScenarioEstimate evaluateScenario(const Plan &plan, const Scenario &scenario);
std::vector<ScenarioEstimate> evaluatePlan(const Plan &plan);

// The bill of materials of a scenario's on-prem servers, and the summed hourly
// price of its cloud instances in the tier (nullopt entries: no price).
OnPremBuild onPremBuildOf(const Topology &topology, const PartSnapshot &parts);
double cloudHourlyUsd(const Topology &topology, const PartSnapshot &parts, CloudTier tier,
                      std::vector<std::string> *unpriced = nullptr);

} // namespace planner
