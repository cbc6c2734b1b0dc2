#pragma once
// One way into the engine: what a user chose (a plan scenario's deployment
// settings, or the command-line options) and the cluster it runs on, resolved
// into the request the memory and performance engines take.
//
// Every default lives here and nowhere else:
// - formats and engine: the model's checkpoint format, a BF16 KV cache, vLLM;
// - tensor parallelism: the largest size up to the GPUs of one server that
//   divides them and that the model's heads allow (with pipeline stages set,
//   up to the GPUs each stage has);
// - pipeline parallelism: the fewest stages at which the weights and one
//   sequence of the longest context fit (among the counts that divide the
//   GPUs left after tensor parallelism), or the most stages when none does,
//   so the shortfall reported is the smallest;
// - expert parallelism: none (the experts are split like every other layer);
// - GPUs beyond one copy of that layout serve as data-parallel replicas;
// - the context is at least one request's input and output;
// - a speculative draft at its published acceptance unless one is named;
// - no prefill pool: every GPU computes prompts and decodes; with one, the
//   pool's layout is defaulted as the deployment's, on its own GPUs, and it
//   drafts nothing;
// - the links: a group that stays inside a server uses the server's GPU path,
//   a group that crosses servers the path between servers (see linksFor).
// The result carries the resolved request, so every front end shows the
// layout, formats and links the figures were computed for.

#include "core/memory/inferencememory.h"
#include "core/perf/perfmodel.h"
#include "core/topology/cluster.h"
#include "core/util/problem.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planner {

// Disaggregated serving: a pool of the cluster's GPUs computes the prompts
// with a layout of its own and sends their KV caches to the other GPUs,
// which only decode (see splitCluster for which GPUs and which path).
struct PrefillPoolSettings {
    int gpus = 0;             // 0: no pool, every GPU does both
    int tensorParallel = 0;   // 0: automatic, as for the deployment
    int pipelineParallel = 0; // 0: automatic
    int expertParallel = 0;   // 0: the experts follow tensor parallelism
    bool dataParallelAttention = false;

    bool operator==(const PrefillPoolSettings &) const = default;
};

struct DeploymentSettings {
    std::string weightFormat; // empty: each model's checkpoint format
    std::string kvFormat = "bf16";
    std::string engineId = "vllm";
    int tensorParallel = 0;   // 0: automatic (see above)
    int pipelineParallel = 0; // 0: automatic
    int expertParallel = 0;   // 0: the experts follow tensor parallelism
    bool dataParallelAttention = false;
    int offloadLayers = 0; // decoder layers kept in host RAM
    // The engine's scheduler limits, where the user sets them (vLLM
    // --max-num-seqs and --max-num-batched-tokens, SGLang
    // --max-running-requests and --chunked-prefill-size, TensorRT-LLM
    // --max_batch_size and --max_num_tokens); 0: the engine profile's.
    long long maxRunningSequences = 0;
    long long tokenBudget = 0;
    bool autoOffload = false; // the fewest offloaded layers that fit
    int spareServers = 0;     // a fleet's N+k: servers beyond what the peak load needs
    bool loadMtp = false;     // DeepSeek's multi-token-prediction module
    // A speculative draft as `perf --speculative` names it ("mtp", "eagle",
    // "ngram:3:1.4", see parseSpeculative); empty: none. An MTP draft loads
    // the module.
    std::string speculative = {};
    PrefillPoolSettings prefillPool = {};

    bool operator==(const DeploymentSettings &) const = default;
};

// Input and output may be 0 where only memory is sized (`fit`); timing needs both.
struct WorkloadShape {
    std::int64_t inputTokens = 1024;
    std::int64_t outputTokens = 256;
    std::int64_t contextTokens = 0; // the longest sequence to hold; raised to input + output
};

struct ResolvedDeployment {
    // Model, formats, engine, GPU and count, parallel layout, context and
    // links; one sequence (the caller sets the concurrency it studies).
    PerfRequest request;
    int replicas = 0;              // data-parallel copies of the layout
    LinkPath dataParallel;         // between replicas
    std::vector<Problem> problems; // empty: the engine can size it
    // A figure the GPU lacks for timing it (memory bandwidth, the compute
    // rate of the weights' precision): sizing works, speed is unknown.
    std::optional<Problem> speedUnknown;

    bool ok() const { return problems.empty(); }
};

ResolvedDeployment resolveDeployment(const ModelSpec &model, const Cluster &cluster, const DeploymentSettings &settings,
                                     const WorkloadShape &shape);

// The same with the formats and engine already chosen (the build search
// tries formats the user did not name); the settings' ids are not read.
struct DeploymentFormats {
    WeightFormat weights;
    KvCacheFormat kvCache;
    EngineProfile engine;
};
ResolvedDeployment resolveDeployment(const ModelSpec &model, const Cluster &cluster, const DeploymentSettings &settings,
                                     const DeploymentFormats &formats, const WorkloadShape &shape);

// A training run's layout: pure data parallelism (ZeRO or FSDP shards the
// state) unless tensor, pipeline or expert sizes are asked for.
Parallelism trainingParallelism(const DeploymentSettings &settings);

// The paths a layout's groups use on a cluster: a group inside one server
// takes the server's GPU path, one that crosses servers the path between them.
PerfLinks linksFor(const Cluster &cluster, const Parallelism &parallel);

} // namespace planner
