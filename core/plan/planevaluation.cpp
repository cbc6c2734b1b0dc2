#include "core/plan/planevaluation.h"

#include "core/memory/engineprofile.h"
#include "core/util/text.h"

#include <algorithm>
#include <cmath>

namespace planner {

namespace {

// The largest tensor-parallel size up to `limit` that divides it and the
// model's heads (and its KV heads, or is a multiple of them).
int automaticTensorParallel(const ModelSpec &model, int limit)
{
    for (int tp = limit; tp > 1; --tp) {
        InferenceRequest probe;
        probe.model = model;
        probe.gpuCount = tp;
        probe.parallel.tensor = tp;
        probe.gpu.usableMemory = units::gibibytes(1);
        if (limit % tp == 0 && validate(probe).empty())
            return tp;
    }
    return 1;
}

Parallelism parallelismFor(const ModelSpec &model, const Cluster &cluster, const DeploymentSettings &settings)
{
    Parallelism p;
    p.tensor = settings.tensorParallel > 0 ? settings.tensorParallel
                                           : automaticTensorParallel(model, std::max(cluster.gpusPerServer, 1));
    p.pipeline = settings.pipelineParallel > 0 ? settings.pipelineParallel : std::max(cluster.servers, 1);
    if (p.pipeline > 1 && cluster.servers > 1 && settings.tensorParallel == 0)
        p.tensor = automaticTensorParallel(model, cluster.gpusPerServer);
    return p;
}

PerfLinks linksFor(const Cluster &cluster, const Parallelism &p)
{
    PerfLinks links = cluster.links;
    // Groups that fit inside one server keep the server's path.
    if (p.tensor * p.pipeline <= cluster.gpusPerServer) {
        links.pipeline = cluster.links.tensorParallel;
        links.expertParallel = cluster.links.tensorParallel;
    } else if (p.expert <= p.tensor) {
        links.expertParallel = cluster.links.tensorParallel;
    }
    return links;
}

// The smallest concurrency serving `rate` requests per second, or nullopt when
// even the most memory allows falls short.
std::optional<std::int64_t> concurrencyForRate(PerfRequest r, double rate, std::int64_t maximum)
{
    const StepCostModel model(r, efficiencyRange(r).nominal, r.inputTokens + r.outputTokens, 1);
    const auto serves = [&](std::int64_t c) {
        return model.point(c).outputTokensPerSecond / static_cast<double>(r.outputTokens) >= rate;
    };
    if (maximum < 1 || !serves(maximum))
        return std::nullopt;
    std::int64_t low = 1;
    std::int64_t high = maximum;
    while (low < high) {
        const std::int64_t middle = low + (high - low) / 2;
        if (serves(middle))
            high = middle;
        else
            low = middle + 1;
    }
    return low;
}

VersionEstimate estimateVersion(const Plan &plan, const Scenario &scenario, const Cluster &cluster,
                                const ModelSpec &model, double monthlyUsd)
{
    VersionEstimate v;
    v.modelId = model.id;
    v.modelName = model.displayName;
    const PlanWorkload &w = plan.workload;
    const DeploymentSettings &settings = scenario.deployment;
    if (!cluster.problem.empty() || !cluster.gpu) {
        v.problem = cluster.problem;
        return v;
    }
    PerfRequest r;
    InferenceRequest &d = r.deployment;
    d.model = model;
    d.gpu = *cluster.gpu;
    d.gpuCount = cluster.gpuCount;
    d.parallel = parallelismFor(model, cluster, settings);
    const std::optional<WeightFormat> weights =
        findWeightFormat(settings.weightFormat.empty() ? model.checkpointFormat : settings.weightFormat);
    const std::optional<KvCacheFormat> kv = findKvCacheFormat(settings.kvFormat);
    const std::optional<EngineProfile> engine = findEngineProfile(settings.engineId);
    if (!weights || !kv || !engine) {
        v.problem = !weights ? Message{QT_TRANSLATE_NOOP("Core", "unknown weight format '%1'"), {settings.weightFormat}}
                  : !kv      ? Message{QT_TRANSLATE_NOOP("Core", "unknown KV-cache format '%1'"), {settings.kvFormat}}
                             : Message{QT_TRANSLATE_NOOP("Core", "unknown engine '%1'"), {settings.engineId}};
        return v;
    }
    d.weights = *weights;
    d.kvCache = *kv;
    d.engine = *engine;
    d.context = w.contextTokens;
    r.links = linksFor(cluster, d.parallel);
    r.inputTokens = w.inputTokens;
    r.outputTokens = w.outputTokens;
    v.parallel = d.parallel;
    v.replicas = d.gpuCount / std::max(1, d.parallel.tensor * d.parallel.pipeline);

    // Sequences held at once: the workload's, or what the rate needs.
    d.concurrency = 1;
    if (const std::vector<std::string> errors = validate(d); !errors.empty()) {
        v.problem = {errors.front(), {}};  // the request's own check, in English
        return v;
    }
    v.memory = estimateInferenceMemory(d);
    std::int64_t concurrency = w.concurrency;
    if (w.byRequestRate) {
        r.concurrency = 1;
        const std::optional<std::int64_t> needed =
            v.memory.fits ? concurrencyForRate(r, w.requestsPerSecond, v.memory.maxConcurrency) : std::nullopt;
        concurrency = needed.value_or(std::max<std::int64_t>(v.memory.maxConcurrency, 1));
        v.servesLoad = needed.has_value();
        if (v.memory.fits && !needed)
            v.problem = {QT_TRANSLATE_NOOP("Core", "cannot serve %1 requests/s: memory holds %2 sequences"),
                         {plainNumber(w.requestsPerSecond), std::to_string(v.memory.maxConcurrency)}};
    }
    d.concurrency = concurrency;
    r.concurrency = concurrency;
    v.concurrency = concurrency;
    v.memory = estimateInferenceMemory(d);
    if (!v.memory.fits) {
        if (v.problem.empty())
            v.problem = {QT_TRANSLATE_NOOP("Core", "does not fit: %1 GB short per GPU"), {plainNumber(units::inGB(v.memory.shortfall))}};
        return v;
    }
    v.speed = estimatePerformance(r);
    v.request = r;
    const PerfPoint &p = v.speed->nominal;
    v.requestsPerSecond = p.outputTokensPerSecond / static_cast<double>(w.outputTokens);
    v.meetsSlo = units::inSeconds(p.ttft) <= w.ttftSloSeconds && units::inSeconds(p.tpot) <= w.tpotSloSeconds;
    const double servedOutput = w.byRequestRate ? std::min(p.outputTokensPerSecond, w.requestsPerSecond * w.outputTokens)
                                                : p.outputTokensPerSecond;
    v.usdPerMillionOutputTokens = usdPerMillionTokens(monthlyUsd, servedOutput);
    return v;
}

void add(CostEstimate &sum, const CostEstimate &part)
{
    sum.capexUsd += part.capexUsd;
    sum.monthlyAmortisationUsd += part.monthlyAmortisationUsd;
    sum.monthlyPowerUsd += part.monthlyPowerUsd;
    sum.monthlyMaintenanceUsd += part.monthlyMaintenanceUsd;
    sum.monthlyColocationUsd += part.monthlyColocationUsd;
    sum.monthlyCloudUsd += part.monthlyCloudUsd;
    sum.monthlyOpexUsd += part.monthlyOpexUsd;
    sum.monthlyTotalUsd += part.monthlyTotalUsd;
    sum.averagePowerKw += part.averagePowerKw;
    sum.totalOverHorizonUsd += part.totalOverHorizonUsd;
    sum.cumulativeUsdByMonth.resize(std::max(sum.cumulativeUsdByMonth.size(), part.cumulativeUsdByMonth.size()));
    for (size_t i = 0; i < part.cumulativeUsdByMonth.size(); ++i)
        sum.cumulativeUsdByMonth[i] += part.cumulativeUsdByMonth[i];
    sum.unpricedParts.insert(sum.unpricedParts.end(), part.unpricedParts.begin(), part.unpricedParts.end());
}

} // namespace

OnPremBuild onPremBuildOf(const Topology &t, const PartSnapshot &parts)
{
    OnPremBuild build;
    build.servers = 0;
    double ratedWatts = 0;
    bool everyServerRated = true;
    for (const TopologyNode *server : t.servers()) {
        if (!server->cloudInstanceId.empty())
            continue;
        ++build.servers;
        const ServerTemplate *made = parts.server(server->catalogueId);
        if (made) {
            build.lines.push_back(chassisLine(*made, 1));
            ratedWatts += units::inWatts(made->systemPower);
        }
        everyServerRated = everyServerRated && made && made->systemPower > units::watts(0);
        for (const TopologyNode *part : t.partsOf(server->id)) {
            const int n = part->count;
            if (const GpuSpec *gpu = part->kind == NodeKind::Gpu ? parts.gpu(part->catalogueId) : nullptr)
                build.lines.push_back(bomLine(*gpu, n, units::inWatts(gpu->tdp)));
            else if (const CpuSpec *cpu = part->kind == NodeKind::Cpu ? parts.cpu(part->catalogueId) : nullptr)
                build.lines.push_back(bomLine(*cpu, n, units::inWatts(cpu->tdp)));
            else if (const MemoryModuleSpec *m = part->kind == NodeKind::Memory ? parts.memoryModule(part->catalogueId) : nullptr)
                build.lines.push_back(bomLine(*m, n, 0));
            else if (const StorageSpec *s = part->kind == NodeKind::Storage ? parts.storageDevice(part->catalogueId) : nullptr)
                build.lines.push_back(bomLine(*s, n, 0));
        }
    }
    // The templates' rated draw replaces the parts' TDP only when every server has one.
    if (build.servers > 0 && everyServerRated)
        build.serverWatts = ratedWatts / build.servers;
    return build;
}

double cloudHourlyUsd(const Topology &t, const PartSnapshot &parts, CloudTier tier, std::vector<std::string> *unpriced)
{
    double hourly = 0;
    for (const TopologyNode *server : t.servers()) {
        if (server->cloudInstanceId.empty())
            continue;
        const CloudInstance *instance = parts.instance(server->cloudInstanceId);
        const std::optional<double> price = instance ? hourlyPrice(*instance, tier) : std::nullopt;
        if (price)
            hourly += *price;
        else if (unpriced)
            unpriced->push_back(server->cloudInstanceId + " (no " + toString(tier) + " price)");
    }
    return hourly;
}

ScenarioEstimate evaluateScenario(const Plan &plan, const Scenario &scenario)
{
    ScenarioEstimate e;
    e.name = scenario.name;
    e.issues = checkTopology(scenario.topology, plan.parts);
    e.cluster = reduceToCluster(scenario.topology, plan.parts);

    const OnPremBuild build = onPremBuildOf(scenario.topology, plan.parts);
    if (build.servers > 0)
        e.cost = onPremCost(build, scenario.costs, {});
    std::vector<std::string> unpriced;
    const double hourly = cloudHourlyUsd(scenario.topology, plan.parts, scenario.cloudTier, &unpriced);
    if (hourly > 0 || !unpriced.empty()) {
        CostEstimate cloud = cloudCost(hourly, 1, scenario.cloudTier, scenario.costs, {});
        cloud.unpricedParts = unpriced;
        if (build.servers > 0)
            add(e.cost, cloud);
        else
            e.cost = cloud;
    }
    for (const std::string &id : plan.modelIds)
        if (const ModelSpec *model = plan.parts.model(id))
            e.versions.push_back(estimateVersion(plan, scenario, e.cluster, *model, e.cost.monthlyTotalUsd));
    return e;
}

std::vector<ScenarioEstimate> evaluatePlan(const Plan &plan)
{
    std::vector<ScenarioEstimate> estimates;
    for (const Scenario &scenario : plan.scenarios)
        estimates.push_back(evaluateScenario(plan, scenario));
    return estimates;
}

} // namespace planner
