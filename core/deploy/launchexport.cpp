#include "core/deploy/launchexport.h"

#include "core/deploy/deploymentlayout.h"
#include "core/deploy/deploytext.h"
#include "core/deploy/enginecommand.h"
#include "core/deploy/kubernetesmanifest.h"
#include "core/deploy/launchscript.h"
#include "core/memory/engineprofile.h"
#include "core/plan/planevaluation.h"

#include <algorithm>
#include <cmath>

namespace planner {

namespace {

// One line whatever the plan's names hold: control characters (a shared
// plan's scenario name may carry line breaks) become spaces.
LaunchExportResult failure(std::string message)
{
    for (char &c : message)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    LaunchExportResult result;
    result.error = std::move(message);
    return result;
}

int ceilDiv(std::int64_t a, std::int64_t b)
{
    return static_cast<int>((a + b - 1) / std::max<std::int64_t>(b, 1));
}

std::string supportedEngines()
{
    return "vllm, sglang and llama.cpp";
}

// Where the copies sit: a copy within one server (several may share it), or
// one copy over as many servers as its GPUs need.
void placeCopies(DeploymentLayout &l, const Cluster &cluster)
{
    const int perReplica = std::max(l.gpusPerReplica(), 1);
    const int perServer = std::max(cluster.gpusPerServer, 1);
    if (perReplica <= perServer) {
        l.serversPerReplica = 1;
        l.gpusPerServer = perReplica;
        l.replicasPerServer = std::clamp(perServer / perReplica, 1, std::max(l.replicas, 1));
        l.servers = ceilDiv(l.replicas, l.replicasPerServer);
    } else {
        l.serversPerReplica = ceilDiv(perReplica, perServer);
        l.gpusPerServer = ceilDiv(perReplica, l.serversPerReplica);
        l.replicasPerServer = 1;
        l.servers = l.replicas * l.serversPerReplica;
    }
}

// llama.cpp keeps layers in host RAM when the GPUs cannot hold them: the
// scenario's request again, with the fewest offloaded layers that fit.
InferenceMemoryEstimate withOffload(const ResolvedDeployment &resolved, const VersionEstimate &v)
{
    InferenceRequest d = resolved.request.deployment;
    d.concurrency = std::max<std::int64_t>(v.concurrency, 1);
    d.autoOffload = true;
    return estimateInferenceMemory(d);
}

std::string speedNote(const Plan &plan, const VersionEstimate &v)
{
    if (!v.speed)
        return {};
    const std::string verdict = v.verdict.serves == Answer::Yes ? "The planner's verdict: it serves this load."
                                                                : "The planner's verdict: it does not serve this load: "
                                                                      + v.verdict.reason.text() + ".";
    const PerfPoint &p = v.speed->nominal;
    const PlanWorkload &w = plan.workload;
    return "Estimated at this load: TTFT " + plainNumber(std::round(units::inSeconds(p.ttft) * 1000) / 1000)
           + " s, TPOT " + plainNumber(std::round(units::inSeconds(p.tpot) * 10000) / 10) + " ms, "
           + deploytext::groupedCount(static_cast<std::int64_t>(std::lround(p.outputTokensPerSecond)))
           + " output tokens/s over all copies; targets TTFT " + plainNumber(w.ttftSloSeconds) + " s and TPOT "
           + plainNumber(w.tpotSloSeconds * 1000) + " ms. " + verdict;
}

// With a request rate, sequences per copy is the fewest that serve it; the
// engine's cap can go up to what memory holds, trading TPOT for bursts.
std::string rateNote(const Plan &plan, const DeploymentLayout &l, const VersionEstimate &v)
{
    const std::string flag = l.launchEngine == LaunchEngine::Vllm     ? "--max-num-seqs"
                             : l.launchEngine == LaunchEngine::Sglang ? "--max-running-requests"
                                                                      : "-np";
    return flag + " " + std::to_string(l.sequencesPerReplica) + " is the concurrency that serves the planned "
           + plainNumber(plan.workload.requestsPerSecond) + " requests/s; memory holds up to "
           + std::to_string(v.sequencesHeld / std::max(l.replicas, 1))
           + " per copy, so a higher value absorbs bursts at some cost in TPOT.";
}

// Caveats that depend on the layout rather than on one flag.
void addLayoutNotes(DeploymentLayout &l, const Cluster &cluster)
{
    if (l.parallel.tensor > std::max(cluster.gpusPerServer, 1))
        l.notes.push_back("Tensor parallelism crosses servers (TP " + std::to_string(l.parallel.tensor) + " over "
                          + std::to_string(cluster.gpusPerServer)
                          + "-GPU servers): every layer's all-reduce goes "
                            "over the network.");
    if (l.launchEngine == LaunchEngine::Vllm && l.model.isMoe() && l.parallel.expert > 1
        && l.parallel.expert != l.parallel.tensor)
        l.notes.push_back("vLLM sets the expert-parallel size to TP x DP = " + std::to_string(l.parallel.tensor)
                          + " per copy; the plan's EP is " + std::to_string(l.parallel.expert) + ".");
    // SGLang server_arguments.md: on GPUs without peer access it stops with
    // "peer access is not supported between these two devices".
    if (l.launchEngine == LaunchEngine::Sglang && l.parallel.tensor > 1
        && l.gpu.nvlinkBandwidth <= units::gigabytesPerSecond(0))
        l.notes.push_back("These GPUs talk over PCIe: if SGLang reports that peer access is not supported between "
                          "two devices, add --enable-p2p-check.");
    if (l.launchEngine == LaunchEngine::LlamaCpp && l.gpusPerReplica() > 1)
        l.notes.push_back("llama.cpp splits the layers over the copy's " + std::to_string(l.gpusPerReplica())
                          + " GPUs (--split-mode layer, its default) in equal shares (--tensor-split) rather than "
                            "each matrix; the weights per GPU are about the planned share.");
}

// The prefill pool of a pair as a layout of its own: its layout, copies and
// the prompts it computes at once, on its share of the cluster.
DeploymentLayout prefillLayout(const DeploymentLayout &decode, const PrefillPool &pool, const VersionEstimate &v,
                               const Cluster &cluster)
{
    DeploymentLayout p = decode;
    p.role = DeploymentLayout::Role::Prefill;
    p.baseGpu = 0;
    p.notes.clear();
    p.speculative = {};
    p.parallel = pool.deployment.parallel;
    p.replicas = std::max<int>(1, static_cast<int>(pool.deployment.gpuCount / std::max(p.gpusPerReplica(), 1)));
    const std::int64_t prompts = v.speed ? std::max<std::int64_t>(v.speed->prefillPoolConcurrency, 1) : 1;
    p.sequencesPerReplica = ceilDiv(prompts, p.replicas);
    InferenceRequest d = pool.deployment;
    d.concurrency = prompts;
    p.memory = estimateInferenceMemory(d);
    placeCopies(p, cluster);
    return p;
}

// What the pair's script cannot express: a copy over several servers, or
// copies sharing a server in separate processes.
std::string pairProblem(const DeploymentLayout &prefill, const DeploymentLayout &decode)
{
    for (const DeploymentLayout *l : {&prefill, &decode}) {
        const std::string pool = l == &prefill ? "prefill" : "decode";
        if (l->multiNode())
            return "the " + pool + " pool's copies span servers (TP " + std::to_string(l->parallel.tensor) + " x PP "
                   + std::to_string(l->parallel.pipeline)
                   + "); the launch export writes prefill/decode pairs whose copies each fit one server";
        if (l->replicasPerServer > 1 && !sharesProcessAcrossReplicas(*l))
            return "the " + pool + " pool runs " + std::to_string(l->replicasPerServer)
                   + " copies per server as separate processes; the launch export writes prefill/decode pairs with "
                     "one process per server";
    }
    return {};
}

} // namespace

const std::vector<std::string> &launchExportEngines()
{
    return launchEngineIds();
}

LaunchExportResult exportLaunch(const Plan &plan, std::size_t scenarioIndex, std::string_view modelId,
                                std::string_view engineId)
{
    if (scenarioIndex >= plan.scenarios.size())
        return failure("no scenario " + std::to_string(scenarioIndex + 1) + ": the plan has "
                       + std::to_string(plan.scenarios.size()) + " scenario" + (plan.scenarios.size() == 1 ? "" : "s"));
    if (plan.modelIds.empty())
        return failure("the plan has no model versions");
    const std::string model = modelId.empty() ? plan.modelIds.front() : std::string(modelId);
    if (std::find(plan.modelIds.begin(), plan.modelIds.end(), model) == plan.modelIds.end())
        return failure("model '" + model
                       + "' is not in this plan (its models: " + deploytext::joined(plan.modelIds, ", ") + ")");

    Scenario scenario = plan.scenarios[scenarioIndex];
    if (scenario.training)
        return failure("scenario '" + scenario.name
                       + "' trains the model versions; the launch export writes serving commands: choose a serving "
                         "scenario");
    const std::string requested = engineId.empty() ? scenario.deployment.engineId : std::string(engineId);
    const std::optional<EngineProfile> engine = findEngineProfile(requested);
    if (!engine)
        return failure("unknown engine '" + requested + "' (the launch export supports " + supportedEngines() + ")");
    const std::optional<LaunchEngine> launchEngine = launchEngineFor(engine->id);
    if (!launchEngine)
        return failure("the launch export supports " + supportedEngines() + ", not " + engine->name + " ('" + engine->id
                       + "'); choose one of those engines for scenario '" + scenario.name + "'");
    scenario.deployment.engineId = engine->id;

    const ScenarioEstimate estimate = evaluateScenario(plan, scenario);
    if (!estimate.cluster.problem.empty() || !estimate.cluster.gpu)
        return failure("scenario '" + scenario.name + "' cannot be estimated: " + estimate.cluster.problem.text());
    const auto version = std::find_if(estimate.versions.begin(), estimate.versions.end(),
                                      [&](const VersionEstimate &v) { return v.modelId == model; });
    const ModelSpec *spec = plan.parts.model(model);
    if (version == estimate.versions.end() || !spec)
        return failure("model '" + model + "' has no architecture in the plan's parts");
    const VersionEstimate &v = *version;
    const ResolvedDeployment resolved = resolveDeployment(*spec, estimate.cluster, scenario.deployment,
                                                          shapeOf(plan.workload));
    if (!resolved.ok())
        return failure(spec->displayName + " cannot be estimated in scenario '" + scenario.name
                       + "': " + resolved.problems.front().message.text());

    // Each pool of a prefill/decode pair is a deployment of its own, paired by
    // SGLang's router; vLLM's and llama.cpp's have no router of their own.
    const std::shared_ptr<const PrefillPool> &pool = resolved.request.prefillPool;
    if (pool && *launchEngine != LaunchEngine::Sglang)
        return failure("scenario '" + scenario.name + "' serves disaggregated (a prefill pool of "
                       + std::to_string(pool->deployment.gpuCount) + " GPUs and a decode pool of "
                       + std::to_string(resolved.request.deployment.gpuCount)
                       + "): the launch export writes such a pair for SGLang, whose router pairs the pools; choose "
                         "--engine sglang");

    DeploymentLayout l;
    l.planName = plan.name;
    l.scenarioName = scenario.name;
    l.launchEngine = *launchEngine;
    l.engine = *engine;
    l.model = *spec;
    const std::optional<std::string> repo = deploytext::huggingFaceRepo(spec->source);
    l.modelRepo = repo.value_or(spec->id);
    l.repoFromSource = repo.has_value();
    l.speculative = resolved.request.speculative;
    l.weights = resolved.request.deployment.weights;
    l.kvCache = resolved.request.deployment.kvCache;
    l.gpu = *estimate.cluster.gpu;
    l.parallel = v.parallel;
    l.replicas = std::max(v.replicas, 1);
    l.contextTokens = plan.workload.contextTokens;
    l.sequencesPerReplica = ceilDiv(std::max<std::int64_t>(v.concurrency, 1), l.replicas);
    l.memory = v.memory;
    const ClusterPools pools = pool ? splitCluster(estimate.cluster, static_cast<int>(pool->deployment.gpuCount))
                                    : ClusterPools{};
    placeCopies(l, pool ? pools.decode : estimate.cluster);

    if (const std::string problem = formatProblem(l); !problem.empty())
        return failure(problem);
    if (l.launchEngine == LaunchEngine::LlamaCpp && l.multiNode())
        return failure("llama.cpp serves a model from one server, and a copy in scenario '" + scenario.name + "' spans "
                       + std::to_string(l.serversPerReplica) + " servers (TP " + std::to_string(l.parallel.tensor)
                       + " x PP " + std::to_string(l.parallel.pipeline) + ")");
    if (v.verdict.fits == Answer::Unknown)
        return failure(spec->displayName + " cannot be estimated in scenario '" + scenario.name
                       + "': " + v.verdict.reason.text());
    if (v.verdict.fits == Answer::No) {
        const std::string shortBy = deploytext::gigabytes(units::inBytes(v.memory.shortfall)) + " short per GPU";
        if (l.launchEngine != LaunchEngine::LlamaCpp)
            return failure(spec->displayName + " does not fit scenario '" + scenario.name + "' with " + engine->name
                           + ": " + shortBy);
        const InferenceMemoryEstimate offloaded = withOffload(resolved, v);
        if (!offloaded.fits)
            return failure(spec->displayName + " does not fit scenario '" + scenario.name
                           + "' with llama.cpp even with every layer in host RAM: "
                           + deploytext::gigabytes(units::inBytes(offloaded.shortfall)) + " short per GPU");
        l.memory = offloaded;
        l.offloadedLayers = offloaded.offloadedLayers;
        l.notes.push_back("The scenario's estimate holds every layer on the GPUs and does not fit (" + shortBy
                          + "); llama.cpp keeps " + std::to_string(l.offloadedLayers) + " of "
                          + std::to_string(spec->numLayers) + " decoder layers and the output layer in host RAM ("
                          + deploytext::gigabytes(units::inBytes(offloaded.hostMemory)) + " with their KV cache): -ngl "
                          + std::to_string(llamaCppGpuLayers(l)) + ". Expect it to run far slower than on the GPUs.");
    } else if (v.verdict.serves == Answer::Unknown) {
        l.notes.push_back("Planner: " + v.verdict.reason.text() + ".");
    }
    if (const std::string speed = speedNote(plan, v); !speed.empty())
        l.notes.push_back(speed);
    if (plan.workload.byRequestRate && v.verdict.fits == Answer::Yes)
        l.notes.push_back(rateNote(plan, l, v));
    addLayoutNotes(l, estimate.cluster);
    for (std::string &note : speculativeNotes(l))
        l.notes.push_back(std::move(note));

    LaunchExport out;
    out.scenarioName = scenario.name;
    out.modelId = spec->id;
    out.engineId = engine->id;
    out.modelRepo = l.modelRepo;
    out.parallel = l.parallel;
    out.replicas = l.replicas;
    out.serversPerReplica = l.serversPerReplica;
    out.gpusPerServer = l.gpusPerServer;
    out.contextTokens = l.contextTokens;
    out.sequencesPerReplica = l.sequencesPerReplica;
    out.offloadedLayers = l.offloadedLayers;
    ServeOptions first;
    first.dataParallel = l.replicasPerServer > 1 && sharesProcessAcrossReplicas(l) ? l.replicasPerServer : 1;
    if (l.multiNode())
        first.placement = NodePlacement{"$HEAD_NODE_IP", "0"};
    out.command = serveCommand(l, first).words();
    if (pool) {
        DeploymentLayout prefill = prefillLayout(l, *pool, v, pools.prefill);
        l.role = DeploymentLayout::Role::Decode;
        // Both pools on one server: the decode pool takes the GPUs after the prefill pool's.
        if (estimate.cluster.servers <= 1)
            l.baseGpu = static_cast<int>(pool->deployment.gpuCount);
        if (const std::string problem = pairProblem(prefill, l); !problem.empty())
            return failure(problem);
        out.command = serveCommand(l, first).words();
        out.script = disaggregatedScript(prefill, l);
        l.notes.push_back("No Kubernetes manifest is written for a prefill/decode pair: deploy each pool's command "
                          "(the script's prefill and decode roles) and SGLang's router, or use a PD-aware stack such "
                          "as llm-d or NVIDIA Dynamo.");
    } else {
        out.script = launchScript(l);
        out.kubernetesManifest = kubernetesManifest(l);
    }
    out.notes = loadingNotes(l);
    out.notes.insert(out.notes.end(), l.notes.begin(), l.notes.end());
    LaunchExportResult result;
    result.launch = std::move(out);
    return result;
}

} // namespace planner
