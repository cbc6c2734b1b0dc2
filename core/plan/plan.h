#pragma once
// A plan: the document the desktop application edits and saves.
//
// It holds the workload and the model versions to compare, one or more
// scenarios (each a topology with its deployment settings and cost
// assumptions, e.g. "on-prem 2x HGX H200" against "cloud p5.48xlarge"), and a
// snapshot of every catalogue part the scenarios use, so the plan opens and
// estimates the same on a machine whose catalogue differs.

#include "core/cost/costmodel.h"
#include "core/hardware/cloudinstance.h"
#include "core/hardware/cpuspec.h"
#include "core/hardware/gpuspec.h"
#include "core/hardware/linkspec.h"
#include "core/hardware/memorymodulespec.h"
#include "core/hardware/servertemplate.h"
#include "core/hardware/storagespec.h"
#include "core/model/modelspec.h"
#include "core/topology/topology.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

// The catalogue parts a plan uses, copied into it.
struct PartSnapshot {
    std::vector<GpuSpec> gpus;
    std::vector<CpuSpec> cpus;
    std::vector<MemoryModuleSpec> memory;
    std::vector<StorageSpec> storage;
    std::vector<LinkSpec> links;
    std::vector<ServerTemplate> servers;
    std::vector<CloudInstance> instances;
    std::vector<ModelSpec> models;

    const GpuSpec *gpu(std::string_view id) const;
    const CpuSpec *cpu(std::string_view id) const;
    const MemoryModuleSpec *memoryModule(std::string_view id) const;
    const StorageSpec *storageDevice(std::string_view id) const;
    const LinkSpec *link(std::string_view id) const;
    const ServerTemplate *server(std::string_view id) const;
    const CloudInstance *instance(std::string_view id) const;
    const ModelSpec *model(std::string_view id) const;
};

struct DeploymentSettings {
    std::string weightFormat;         // empty: each model's checkpoint format
    std::string kvFormat = "bf16";
    std::string engineId = "vllm";
    int tensorParallel = 0;           // 0: the GPUs of one server
    int pipelineParallel = 0;         // 0: the servers of the cluster
};

struct PlanWorkload {
    std::int64_t inputTokens = 1024;
    std::int64_t outputTokens = 256;
    std::int64_t contextTokens = 4096;  // per sequence the deployment must hold
    bool byRequestRate = false;         // true: requestsPerSecond; false: concurrency
    double requestsPerSecond = 1;
    std::int64_t concurrency = 16;
    double ttftSloSeconds = 2;
    double tpotSloSeconds = 0.1;
};

struct Scenario {
    std::string name;
    Topology topology;
    DeploymentSettings deployment;
    CostAssumptions costs;
    CloudTier cloudTier = CloudTier::OnDemand;
};

struct Plan {
    std::string name;
    std::string modelFamily;              // the family the workload panel shows
    std::vector<std::string> modelIds;    // the versions compared side by side
    PlanWorkload workload;
    std::vector<Scenario> scenarios;
    PartSnapshot parts;
};

// One message per problem (empty: the plan can be evaluated).
std::vector<std::string> validate(const Plan &plan);

} // namespace planner
