#pragma once
// DeploymentLayout: one model version of one scenario as the launch export
// needs it. launchexport.cpp fills it from evaluateScenario (the parallelism,
// replicas, concurrency, formats and memory the planner estimated) and the
// scenario's cluster (servers, GPUs per server, GPU vendor); the command and
// manifest writers only read it, so what they print is what was estimated.

#include "core/hardware/gpuspec.h"
#include "core/memory/engineprofile.h"
#include "core/memory/inferencememory.h"
#include "core/model/modelspec.h"
#include "core/model/precision.h"
#include "core/perf/perfmodel.h"

#include <cstdint>
#include <string>
#include <vector>

namespace planner {

enum class LaunchEngine { Vllm, Sglang, LlamaCpp };

struct DeploymentLayout {
    std::string planName;
    std::string scenarioName;
    LaunchEngine launchEngine = LaunchEngine::Vllm;
    EngineProfile engine;
    ModelSpec model;
    std::string modelRepo;       // Hugging Face repository id, or the model id
    bool repoFromSource = false; // false: the spec names no repository; modelRepo is the id
    WeightFormat weights;
    KvCacheFormat kvCache;
    GpuSpec gpu;
    Parallelism parallel;                 // of one replica
    int replicas = 1;                     // independent copies of the model in the scenario
    int serversPerReplica = 1;            // > 1: one copy spans servers (multi-node)
    int gpusPerServer = 1;                // GPUs one copy uses on each of its servers
    int replicasPerServer = 1;            // copies sharing one server (1 when a copy spans servers)
    int servers = 1;                      // servers the copies occupy
    std::int64_t contextTokens = 0;       // per sequence (max model length)
    std::int64_t sequencesPerReplica = 1; // sequences one copy holds at once
    int offloadedLayers = 0;              // llama.cpp: decoder layers kept in host RAM
    SpeculativeDecoding speculative;      // the draft the estimate assumed (kind None: none)
    // One pool of a prefill/decode pair (SGLang's --disaggregation-mode), and
    // the first GPU its process takes on a server it shares with the other.
    enum class Role { Both, Prefill, Decode } role = Role::Both;
    int baseGpu = 0;
    InferenceMemoryEstimate memory; // the most loaded GPU
    std::vector<std::string> notes; // caveats both outputs repeat as comments

    int gpusPerReplica() const { return parallel.tensor * parallel.pipeline; }
    bool multiNode() const { return serversPerReplica > 1; }
};

} // namespace planner
