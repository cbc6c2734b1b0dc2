#include "core/resolve/deployment.h"

#include "core/memory/engineprofile.h"
#include "core/model/precision.h"

#include <algorithm>
#include <cstdint>

namespace planner {

namespace {

// Whether the model accepts this layout (heads and KV heads divide by the
// tensor-parallel size, layers by the stages), judged by the engine's own check.
bool layoutAccepted(InferenceRequest probe, const Parallelism &parallel)
{
    probe.parallel = parallel;
    probe.gpuCount = parallel.tensor * parallel.pipeline;
    probe.concurrency = 1;
    return validate(probe).empty();
}

// The largest tensor-parallel size up to `limit` that divides it and the GPU
// count (12 GPUs in servers of 8 run TP 4) and that the model accepts.
int automaticTensorParallel(const InferenceRequest &d, int limit)
{
    for (int tp = std::max(limit, 1); tp > 1; --tp)
        if (limit % tp == 0 && d.gpuCount % tp == 0
            && layoutAccepted(d, {tp, 1, d.parallel.expert, d.parallel.dataParallelAttention}))
            return tp;
    return 1;
}

// The fewest pipeline stages (dividing the GPUs left after tensor
// parallelism) at which the weights and one sequence of the context fit; the
// most stages the model accepts when none does.
int automaticPipeline(const InferenceRequest &d, int tensor)
{
    const int groups = std::max(1, d.gpuCount / std::max(tensor, 1));
    // No model takes more stages than it has layers: that bounds the search
    // however many GPUs a plan holds.
    const std::int64_t most = std::min<std::int64_t>(groups, std::max<std::int64_t>(d.model.numLayers, 1));
    int mostAccepted = 1;
    for (int stages = 1; stages <= most; ++stages) {
        if (groups % stages != 0)
            continue;
        const Parallelism p{tensor, stages, d.parallel.expert, d.parallel.dataParallelAttention};
        if (!layoutAccepted(d, p))
            continue;
        mostAccepted = stages;
        InferenceRequest sized = d;
        sized.parallel = p;
        sized.gpuCount = tensor * stages;
        sized.concurrency = 1;
        if (estimateInferenceMemory(sized).fits)
            return stages;
    }
    return mostAccepted;
}

Parallelism parallelismFor(const InferenceRequest &d, const Cluster &cluster, const DeploymentSettings &settings)
{
    Parallelism p;
    p.expert = settings.expertParallel > 0 ? settings.expertParallel : 1;
    p.dataParallelAttention = settings.dataParallelAttention;
    InferenceRequest probe = d;
    probe.parallel = p;
    if (settings.tensorParallel > 0) {
        p.tensor = settings.tensorParallel;
    } else if (d.model.encoder) {
        // An encoder pass is short and small: every GPU serves as its own
        // replica (as Triton places model instances) unless asked otherwise.
        p.tensor = 1;
    } else {
        int limit = std::max(cluster.gpusPerServer, 1);
        if (settings.pipelineParallel > 0)
            limit = std::min(limit, std::max(1, d.gpuCount / settings.pipelineParallel));
        p.tensor = automaticTensorParallel(probe, limit);
    }
    p.pipeline = settings.pipelineParallel > 0 ? settings.pipelineParallel : automaticPipeline(probe, p.tensor);
    return p;
}

template <typename Format>
std::optional<Format> lookUp(const std::string &id, std::optional<Format> (*find)(std::string_view), const char *code,
                             const char *pattern, const char *field, std::vector<Problem> &problems)
{
    std::optional<Format> found = find(id);
    if (!found)
        problems.push_back({code, {pattern, {id}}, field});
    return found;
}

} // namespace

Parallelism trainingParallelism(const DeploymentSettings &settings)
{
    const auto sizeOr1 = [](int size) { return size > 0 ? size : 1; };
    return {sizeOr1(settings.tensorParallel), sizeOr1(settings.pipelineParallel), sizeOr1(settings.expertParallel),
            settings.dataParallelAttention};
}

PerfLinks linksFor(const Cluster &cluster, const Parallelism &p)
{
    PerfLinks links = cluster.links;
    const int perServer = std::max(cluster.gpusPerServer, 1);
    const int perDomain = std::max(cluster.gpusPerDomain, perServer);
    const LinkPath &inside = cluster.links.tensorParallel;
    const LinkPath &between = cluster.servers > 1 ? cluster.links.pipeline : inside;
    // A group of `gpus` GPUs talks inside a server, across an NVLink domain
    // that spans servers (an NVL72 rack), or over the scale-out network.
    const auto pathFor = [&](std::int64_t gpus) -> const LinkPath & {
        return gpus <= perServer ? inside : gpus <= perDomain ? cluster.domain : between;
    };
    links.tensorParallel = pathFor(p.tensor);
    const std::int64_t replica = static_cast<std::int64_t>(p.tensor) * p.pipeline;
    links.pipeline = pathFor(replica);
    // Expert-parallel ranks beyond one tensor-parallel group sit in other
    // replicas: the group spans that many replicas' GPUs.
    const std::int64_t expertSpan = replica * std::max<std::int64_t>(1, (p.expert + p.tensor - 1) / p.tensor);
    links.expertParallel = p.expert <= std::min(p.tensor, perServer) ? links.tensorParallel : pathFor(expertSpan);
    if (expertSpan > perDomain)
        links.expertParallelServers = static_cast<int>((p.expert + perServer - 1) / perServer);
    return links;
}

namespace {

ResolvedDeployment noCluster(const Cluster &cluster)
{
    ResolvedDeployment out;
    out.problems.push_back(
        {"no-cluster",
         cluster.problem.empty()
             ? Message{QT_TRANSLATE_NOOP("Core", "no GPUs: drop a GPU or a server onto the canvas"), {}}
             : cluster.problem,
         {}});
    return out;
}

} // namespace

ResolvedDeployment resolveDeployment(const ModelSpec &model, const Cluster &cluster, const DeploymentSettings &settings,
                                     const WorkloadShape &shape)
{
    if (!cluster.problem.empty() || !cluster.gpu)
        return noCluster(cluster);
    std::vector<Problem> problems;
    const std::string weightsId = settings.weightFormat.empty() ? model.checkpointFormat : settings.weightFormat;
    const auto weights = lookUp<WeightFormat>(weightsId, findWeightFormat, "unknown-weight-format",
                                              QT_TRANSLATE_NOOP("Core", "unknown weight format '%1'"), "weights",
                                              problems);
    const auto kv = lookUp<KvCacheFormat>(settings.kvFormat.empty() ? "bf16" : settings.kvFormat, findKvCacheFormat,
                                          "unknown-kv-format",
                                          QT_TRANSLATE_NOOP("Core", "unknown KV-cache format '%1'"), "kv", problems);
    const auto engine = lookUp<EngineProfile>(settings.engineId.empty() ? "vllm" : settings.engineId, findEngineProfile,
                                              "unknown-engine", QT_TRANSLATE_NOOP("Core", "unknown engine '%1'"),
                                              "engine", problems);
    if (!problems.empty()) {
        ResolvedDeployment out;
        out.problems = std::move(problems);
        return out;
    }
    return resolveDeployment(model, cluster, settings, {*weights, *kv, *engine}, shape);
}

namespace {

ResolvedDeployment resolveDisaggregated(const ModelSpec &model, const Cluster &cluster,
                                        const DeploymentSettings &settings, const DeploymentFormats &formats,
                                        const WorkloadShape &shape)
{
    ResolvedDeployment out;
    const PrefillPoolSettings &pool = settings.prefillPool;
    if (cluster.fleet) {
        out.problems.push_back({"fleet-prefill-pool",
                                {QT_TRANSLATE_NOOP("Core", "a prefill pool sends its KV caches over the network, and "
                                                           "the servers are not linked: link them"),
                                 {}},
                                "prefill-gpus"});
        return out;
    }
    if (cluster.cpuOnly || model.encoder) {
        out.problems.push_back({"prefill-pool-kind",
                                {QT_TRANSLATE_NOOP("Core", "a prefill pool splits a generating model's GPUs; %1 on "
                                                           "this cluster has nothing to split"),
                                 {model.displayName}},
                                "prefill-gpus"});
        return out;
    }
    if (pool.gpus < 0 || pool.gpus >= cluster.gpuCount) {
        out.problems.push_back(
            {"prefill-pool-size",
             {QT_TRANSLATE_NOOP("Core", "the prefill pool takes %1 of the %2 GPUs; it needs at least 1 and leaves at "
                                        "least 1 to decode"),
              {std::to_string(pool.gpus), std::to_string(cluster.gpuCount)}},
             "prefill-gpus"});
        return out;
    }
    const ClusterPools pools = splitCluster(cluster, pool.gpus);
    DeploymentSettings decodeSettings = settings;
    decodeSettings.prefillPool = {};
    out = resolveDeployment(model, pools.decode, decodeSettings, formats, shape);
    if (!out.ok())
        return out;

    // The pool holds each prompt until its first token is sampled, and drafts nothing.
    DeploymentSettings poolSettings = decodeSettings;
    poolSettings.tensorParallel = pool.tensorParallel;
    poolSettings.pipelineParallel = pool.pipelineParallel;
    poolSettings.expertParallel = pool.expertParallel;
    poolSettings.dataParallelAttention = pool.dataParallelAttention;
    poolSettings.speculative.clear();
    poolSettings.loadMtp = false;
    const ResolvedDeployment prefill = resolveDeployment(model, pools.prefill, poolSettings, formats,
                                                         WorkloadShape{shape.inputTokens, 1, 0});
    for (const Problem &p : prefill.problems) {
        const bool layoutField = p.field == "tp" || p.field == "pp" || p.field == "ep" || p.field == "dp-attention";
        out.problems.push_back({p.code,
                                {QT_TRANSLATE_NOOP("Core", "prefill pool: %1"), {p.message.text()}},
                                layoutField ? "prefill-" + p.field : p.field});
    }
    if (!out.ok())
        return out;
    out.request.phases = ServingPhases::DecodeOnly;
    out.request.prefillPool = std::make_shared<const PrefillPool>(
        PrefillPool{prefill.request.deployment, prefill.request.links, pools.kvTransfer});
    return out;
}

} // namespace

ResolvedDeployment resolveDeployment(const ModelSpec &model, const Cluster &cluster, const DeploymentSettings &settings,
                                     const DeploymentFormats &formats, const WorkloadShape &shape)
{
    if (!cluster.problem.empty() || !cluster.gpu)
        return noCluster(cluster);
    if (settings.prefillPool.gpus != 0)
        return resolveDisaggregated(model, cluster, settings, formats, shape);
    ResolvedDeployment out;
    PerfRequest &r = out.request;
    InferenceRequest &d = r.deployment;
    if (const std::optional<Message> missing = missingMemoryFigure(*cluster.gpu))
        out.problems.push_back({"missing-figure", *missing, "gpu"});
    // Apple GPUs run models through Metal: llama.cpp (or MLX, not modelled);
    // vLLM, SGLang and TensorRT-LLM need CUDA or ROCm.
    if (cluster.gpu->vendor == "Apple" && formats.engine.id != "llama.cpp" && formats.engine.id != "transformers")
        out.problems.push_back(
            {"apple-engine",
             {QT_TRANSLATE_NOOP("Core", "%1 does not run on Apple GPUs; choose llama.cpp"), {formats.engine.name}},
             "engine"});
    if (cluster.cpuOnly && formats.engine.id != "llama.cpp")
        out.problems.push_back({"cpu-engine",
                                {QT_TRANSLATE_NOOP("Core", "a server without GPUs runs the model on its CPU with "
                                                           "llama.cpp; %1 needs a GPU"),
                                 {formats.engine.name}},
                                "engine"});
    if (shape.inputTokens < 0 || shape.outputTokens < 0
        || std::max(shape.contextTokens, shape.inputTokens + shape.outputTokens) < 1)
        out.problems.push_back({"bad-length",
                                {QT_TRANSLATE_NOOP("Core", "a sequence must hold at least 1 token"), {}},
                                shape.inputTokens < 0    ? "input"
                                : shape.outputTokens < 0 ? "output"
                                                         : "context"});
    std::optional<SpeculativeDecoding> speculative = SpeculativeDecoding{};
    if (!settings.speculative.empty()) {
        std::string error;
        speculative = parseSpeculative(settings.speculative, error);
        if (!speculative)
            out.problems.push_back({"unknown-speculative",
                                    {QT_TRANSLATE_NOOP("Core", "unknown speculative draft: %1"), {error}},
                                    "speculative"});
        else if (speculative->kind == DraftKind::Mtp && model.mtpLayers < 1)
            out.problems.push_back(
                {"no-mtp-module",
                 {QT_TRANSLATE_NOOP("Core", "%1 has no multi-token-prediction module to draft with; choose EAGLE or "
                                            "n-gram"),
                  {model.displayName}},
                 "speculative"});
    }
    if (!out.problems.empty())
        return out;

    d.model = model;
    r.speculative = *speculative;
    d.weights = formats.weights;
    d.kvCache = formats.kvCache;
    d.engine = formats.engine;
    if (settings.maxRunningSequences > 0) {
        d.engine.maxRunningSequences = settings.maxRunningSequences;
        d.engine.largeGpuRunningSequences = 0;
    }
    if (settings.tokenBudget > 0)
        d.engine.maxBatchedTokens = settings.tokenBudget;
    d.gpu = *cluster.gpu;
    d.gpuCount = cluster.gpuCount;
    d.context = std::max(shape.contextTokens, shape.inputTokens + shape.outputTokens);
    d.concurrency = 1;
    d.offloadLayers = settings.offloadLayers;
    d.autoOffload = settings.autoOffload;
    d.loadMtp = settings.loadMtp || r.speculative.kind == DraftKind::Mtp;
    d.parallel = parallelismFor(d, cluster, settings);
    r.inputTokens = shape.inputTokens;
    r.outputTokens = shape.outputTokens;
    r.concurrency = 1;
    r.links = linksFor(cluster, d.parallel);
    out.dataParallel = cluster.dataParallel;

    const std::int64_t perCopy = static_cast<std::int64_t>(d.parallel.tensor) * d.parallel.pipeline;
    if (perCopy > d.gpuCount) {
        out.problems.push_back({"layout-too-large",
                                {QT_TRANSLATE_NOOP("Core", "TP %1 x PP %2 needs %3 GPUs; the cluster has %4"),
                                 {std::to_string(d.parallel.tensor), std::to_string(d.parallel.pipeline),
                                  std::to_string(perCopy), std::to_string(d.gpuCount)}},
                                settings.tensorParallel > 0 ? "tp" : "pp"});
        return out;
    }
    if (cluster.fleet && perCopy > cluster.gpusPerServer) {
        out.problems.push_back(
            {"fleet-replica-too-large",
             {QT_TRANSLATE_NOOP("Core", "TP %1 x PP %2 needs %3 GPUs, and each unlinked server is a replica of its "
                                        "own with %4: link the servers to spread a replica over them"),
              {std::to_string(d.parallel.tensor), std::to_string(d.parallel.pipeline), std::to_string(perCopy),
               std::to_string(cluster.gpusPerServer)}},
             settings.pipelineParallel > 0 || settings.tensorParallel == 0 ? "pp" : "tp"});
        return out;
    }
    if (cluster.fleet && r.links.expertParallelServers > 1) {
        out.problems.push_back({"fleet-expert-span",
                                {QT_TRANSLATE_NOOP("Core", "EP %1 spans servers that are not linked: link them, or "
                                                           "keep expert parallelism inside one server"),
                                 {std::to_string(d.parallel.expert)}},
                                "ep"});
        return out;
    }
    out.replicas = static_cast<int>(d.gpuCount / std::max<std::int64_t>(perCopy, 1));
    std::vector<Problem> invalid = validate(d);
    out.problems.insert(out.problems.end(), invalid.begin(), invalid.end());
    if (const std::optional<Message> missing = missingSpeedFigure(d.gpu, d.weights.compute))
        out.speedUnknown = Problem{"missing-figure", *missing, "gpu"};
    return out;
}

} // namespace planner
