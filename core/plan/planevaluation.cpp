#include "core/plan/planevaluation.h"

#include "core/perf/encoderperf.h"
#include "core/plan/networkbill.h"

#include "core/memory/cacheexplanation.h"
#include "core/memory/engineprofile.h"
#include "core/util/text.h"

#include <algorithm>
#include <cmath>

namespace planner {

WorkloadShape shapeOf(const PlanWorkload &w)
{
    return {w.inputTokens, w.outputTokens, w.contextTokens};
}

namespace {

ServingTarget targetOf(const PlanWorkload &w)
{
    return {w.byRequestRate, w.requestsPerSecond, w.concurrency, w.ttftSloSeconds, w.tpotSloSeconds};
}

// The on-prem GPUs without a price: the capital without them says nothing.
std::vector<std::string> unpricedGpus(const Topology &t, const PartSnapshot &parts)
{
    std::vector<std::string> names;
    const PartsByServer partsIn(t);
    for (const TopologyNode *server : t.servers()) {
        if (!server->cloudInstanceId.empty())
            continue;
        for (const TopologyNode *part : partsIn.of(server->id)) {
            const GpuSpec *gpu = part->kind == NodeKind::Gpu ? parts.gpu(part->catalogueId) : nullptr;
            if (gpu && !gpu->price && std::find(names.begin(), names.end(), gpu->name) == names.end())
                names.push_back(gpu->name);
        }
    }
    return names;
}

Verdict unknownVerdict(const Problem &problem, Answer fits = Answer::Unknown)
{
    return {fits, Answer::Unknown, problem.code == "missing-figure" ? "missing-figure" : "cannot-estimate",
            problem.message};
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

VersionEstimate estimateVersion(const ModelSpec &model, const Cluster &cluster, const DeploymentSettings &settings,
                                const PlanWorkload &workload)
{
    VersionEstimate v;
    v.modelId = model.id;
    v.modelName = model.displayName;
    v.layers = describeLayers(model);
    if (model.encoder) {
        // A plan's verdict is a generating model's (TTFT and TPOT under load);
        // an encoder's requests per second come from its own estimate.
        v.verdict = unknownVerdict(Problem("cannot-estimate", encoderOnlyMessage(model), "model"));
        v.problemField = "model";
        return v;
    }
    const ResolvedDeployment resolved = resolveDeployment(model, cluster, settings, shapeOf(workload));
    if (!resolved.ok()) {
        v.verdict = unknownVerdict(resolved.problems.front());
        v.problemField = resolved.problems.front().field;
        return v;
    }
    PerfRequest r = resolved.request;
    r.prefixCacheHitRate = workload.prefixCacheHitRate;
    v.capacityNote = gpuMemoryShareNote(r.deployment.gpu);
    v.parallel = r.deployment.parallel;
    v.replicas = resolved.replicas;
    if (r.prefillPool) {
        v.prefillGpus = r.prefillPool->deployment.gpuCount;
        v.prefillParallel = r.prefillPool->deployment.parallel;
    }

    // Fit: the weights and one sequence of the longest context.
    v.memory = estimateInferenceMemory(r.deployment);
    v.cacheNotes = explainCache(model, v.memory);
    if (!v.memory.fits) {
        // What the load asks for, for the launch export's offload (which may still run it).
        v.concurrency = workload.byRequestRate ? 1 : std::max<std::int64_t>(workload.concurrency, 1);
        v.verdict = {Answer::No,
                     Answer::No,
                     "does-not-fit",
                     {QT_TRANSLATE_NOOP("Core", "does not fit: %1 GB short per GPU"),
                      {plainNumber(std::round(units::inGB(v.memory.shortfall) * 100) / 100)}}};
        return v;
    }
    if (r.prefillPool) {
        // The pool holds each prompt until its first token: one must fit.
        InferenceMemoryEstimate pool = estimateInferenceMemory(r.prefillPool->deployment);
        if (!pool.fits) {
            v.verdict = {Answer::No,
                         Answer::No,
                         "prefill-does-not-fit",
                         {QT_TRANSLATE_NOOP("Core", "the prefill pool does not fit one prompt: %1 GB short per GPU"),
                          {plainNumber(std::round(units::inGB(pool.shortfall) * 100) / 100)}}};
            v.problemField = "prefill-gpus";
            v.memory = std::move(pool); // what does not fit
            v.cacheNotes = explainCache(model, v.memory);
            return v;
        }
    }
    if (resolved.speedUnknown) {
        v.verdict = unknownVerdict(*resolved.speedUnknown, Answer::Yes);
        return v;
    }

    // The offload is fixed at launch (llama.cpp --n-gpu-layers): what the
    // longest context needed stays offloaded while serving shorter requests.
    r.deployment.offloadLayers = v.memory.offloadedLayers;
    r.deployment.autoOffload = false;
    // Serving: sequences hold one request's input and output (paged KV cache).
    r.deployment.context = r.inputTokens + r.outputTokens;
    const ServingJudgement judged = judgeServing(r, estimateInferenceMemory(r.deployment), targetOf(workload));
    v.verdict = judged.verdict;
    v.neededConcurrency = judged.needed;
    v.sequencesHeld = judged.held.sequences;
    v.concurrency = judged.operatingConcurrency;
    r.concurrency = v.concurrency;
    r.deployment.concurrency = v.concurrency;
    v.memory = estimateInferenceMemory(r.deployment);
    v.cacheNotes = explainCache(model, v.memory);
    v.speed = estimatePerformance(r);
    v.request = r;
    v.requestsPerSecond = v.speed->nominal.outputTokensPerSecond / static_cast<double>(workload.outputTokens);
    return v;
}

VersionEstimate estimateTrainingVersion(const ModelSpec &model, const Cluster &cluster,
                                        const TrainingSettings &settings)
{
    VersionEstimate v;
    v.modelId = model.id;
    v.modelName = model.displayName;
    v.layers = describeLayers(model);
    const TrainingRunRequest run = trainingRunFor(model, cluster, settings);
    const std::vector<Problem> problems = trainingProblems(run, cluster, settings.deadlineDays);
    if (!problems.empty()) {
        v.verdict = unknownVerdict(problems.front());
        v.problemField = problems.front().field;
        return v;
    }
    TrainingOutcome outcome = estimateTraining(run, cluster, settings.deadlineDays);
    v.parallel = run.setup.parallel;
    v.replicas = outcome.memory.dataParallelRanks;
    v.capacityNote = gpuMemoryShareNote(run.setup.gpu);
    if (!outcome.memory.fits) {
        v.verdict = {Answer::No,
                     Answer::No,
                     "does-not-fit",
                     {QT_TRANSLATE_NOOP("Core", "does not fit: %1 GB short per GPU"),
                      {plainNumber(std::round(units::inGB(outcome.memory.shortfall) * 100) / 100)}}};
    } else if (settings.deadlineDays > 0 && outcome.time->nominal.seconds > settings.deadlineDays * 86400.0) {
        v.verdict = {Answer::Yes,
                     Answer::No,
                     "training-deadline",
                     {QT_TRANSLATE_NOOP("Core", "takes %1 days, more than the %2 days asked"),
                      {plainNumber(std::round(outcome.time->nominal.seconds / 86400.0 * 10) / 10),
                       plainNumber(settings.deadlineDays)}}};
    } else {
        v.verdict = {Answer::Yes, Answer::Yes, "", {}};
    }
    v.training = std::move(outcome);
    return v;
}

namespace {

// The most servers a fleet is sized up to (a cloud-scale service beyond it).
constexpr int kMostFleetServers = 4096;

// A fleet like `drawn` with `servers` servers.
Cluster fleetOf(const Cluster &drawn, int servers)
{
    Cluster c = drawn;
    c.servers = servers;
    c.gpuCount = servers * drawn.gpusPerServer;
    return c;
}

// The fewest servers like the fleet's that serve the workload at its peak,
// plus the spares; nullopt when no count does. Serving is monotone in the
// servers (each adds a replica's worth), so doubling then bisecting finds it
// in a few estimates.
std::optional<int> fleetServersNeeded(const ModelSpec &model, const Cluster &drawn, const DeploymentSettings &settings,
                                      const PlanWorkload &workload)
{
    PlanWorkload peak = workload;
    const double factor = std::max(workload.peakFactor, 1.0);
    peak.requestsPerSecond *= factor;
    peak.concurrency = static_cast<std::int64_t>(std::ceil(static_cast<double>(workload.concurrency) * factor));
    const auto serves = [&](int servers) {
        return estimateVersion(model, fleetOf(drawn, servers), settings, peak).verdict.serves == Answer::Yes;
    };
    int high = 1;
    while (high < kMostFleetServers && !serves(high))
        high = std::min(high * 2, kMostFleetServers);
    if (!serves(high))
        return std::nullopt;
    int low = high / 2; // does not serve (or 0)
    while (high - low > 1) {
        const int middle = (low + high) / 2;
        (serves(middle) ? high : low) = middle;
    }
    return high + std::max(settings.spareServers, 0);
}

// Sizes a fleet's version for the peak and its spares; a drawn fleet smaller
// than that does not serve, and says how many servers would.
void sizeFleet(VersionEstimate &v, const ModelSpec &model, const Cluster &cluster, const DeploymentSettings &settings,
               const PlanWorkload &workload)
{
    if (v.verdict.fits != Answer::Yes || v.verdict.serves == Answer::Unknown)
        return;
    v.fleetServersNeeded = fleetServersNeeded(model, cluster, settings, workload);
    if (!v.fleetServersNeeded || *v.fleetServersNeeded <= cluster.servers || v.verdict.serves == Answer::No)
        return;
    v.verdict = {Answer::Yes,
                 Answer::No,
                 "fleet-size",
                 {QT_TRANSLATE_NOOP("Core", "the load at its peak (x%1) needs %2 servers like these with %3 spare; "
                                            "%4 are drawn"),
                  {plainNumber(std::max(workload.peakFactor, 1.0)), std::to_string(*v.fleetServersNeeded),
                   std::to_string(std::max(settings.spareServers, 0)), std::to_string(cluster.servers)}}};
}

} // namespace

std::optional<double> usdPerMillionTokens(const VersionEstimate &v)
{
    return v.training ? v.training->usdPerMillionTokens : v.usdPerMillionOutputTokens;
}

OnPremBuild onPremBuildOf(const Topology &t, const PartSnapshot &parts)
{
    OnPremBuild build;
    build.servers = 0;
    double ratedWatts = 0;
    bool everyServerRated = true;
    const PartsByServer partsIn(t);
    MergedBomLines lines(build.lines);
    const auto count = [&lines](const auto *part, std::int64_t n, double watts) {
        if (part)
            lines.add(part, "part", n, [&] { return bomLine(*part, 0, watts); });
    };
    for (const TopologyNode *server : t.servers()) {
        if (!server->cloudInstanceId.empty())
            continue;
        ++build.servers;
        const ServerTemplate *made = parts.server(server->catalogueId);
        // A unified-memory machine (Mac Studio, DGX Spark) is its chip: the
        // chip's price is the machine's, and there is no chassis to add.
        const GpuSpec *chip = made ? parts.gpu(made->gpu.id) : nullptr;
        const bool chipIsTheMachine = made && !made->chassisPrice && chip && chip->gpuMemoryShare;
        if (made && !chipIsTheMachine)
            lines.add(made, "chassis", 1, [made] { return chassisLine(*made, 0); });
        if (made)
            ratedWatts += units::inWatts(made->systemPower);
        everyServerRated = everyServerRated && made && made->systemPower > units::watts(0);
        for (const TopologyNode *part : partsIn.of(server->id)) {
            const int n = part->count;
            switch (part->kind) {
            case NodeKind::Gpu: {
                const GpuSpec *gpu = parts.gpu(part->catalogueId);
                count(gpu, n, gpu ? units::inWatts(gpu->tdp) : 0);
                break;
            }
            case NodeKind::Cpu: {
                const CpuSpec *cpu = parts.cpu(part->catalogueId);
                count(cpu, n, cpu ? units::inWatts(cpu->tdp) : 0);
                break;
            }
            case NodeKind::Memory: count(parts.memoryModule(part->catalogueId), n, 0); break;
            case NodeKind::Storage: count(parts.storageDevice(part->catalogueId), n, 0); break;
            default: break;
            }
        }
    }
    const std::vector<BomLine> network = networkBill(t, parts);
    build.lines.insert(build.lines.end(), network.begin(), network.end());
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
    // The catalogue's prices, with the user's in their place; without any,
    // the plan's snapshot itself (no copy on every edit).
    const PartSnapshot priced = plan.userPrices.empty() ? PartSnapshot{} : withUserPrices(plan.parts, plan.userPrices);
    const PartSnapshot &parts = plan.userPrices.empty() ? plan.parts : priced;
    ScenarioEstimate e;
    e.name = scenario.name;
    e.issues = checkTopology(scenario.topology, parts);
    e.cluster = reduceToCluster(scenario.topology, parts);

    const OnPremBuild build = onPremBuildOf(scenario.topology, parts);
    if (build.servers > 0)
        e.cost = onPremCost(build, scenario.costs, {});
    const double onPremMonthlyUsd = e.cost.monthlyTotalUsd;
    std::vector<std::string> unpricedInstances;
    const double hourly = cloudHourlyUsd(scenario.topology, parts, scenario.cloudTier, &unpricedInstances);
    if (hourly > 0 || !unpricedInstances.empty()) {
        CostEstimate cloud = cloudCost(hourly, 1, scenario.cloudTier, scenario.costs, {});
        cloud.unpricedParts = unpricedInstances;
        if (build.servers > 0)
            add(e.cost, cloud);
        else
            e.cost = cloud;
    }
    e.unpricedGpusOrInstances = unpricedGpus(scenario.topology, parts);
    e.unpricedGpusOrInstances.insert(e.unpricedGpusOrInstances.end(), unpricedInstances.begin(),
                                     unpricedInstances.end());
    const bool anythingPriced = build.servers > 0 || hourly > 0 || !unpricedInstances.empty();
    e.costCompleteness = !anythingPriced || !e.unpricedGpusOrInstances.empty() ? CostCompleteness::Unknown
                         : e.cost.unpricedParts.empty()                        ? CostCompleteness::Complete
                                                                               : CostCompleteness::LowerBound;

    e.training = scenario.training.has_value();
    for (const std::string &id : plan.modelIds) {
        const ModelSpec *model = plan.parts.model(id);
        if (!model)
            continue;
        if (scenario.training) {
            VersionEstimate v = estimateTrainingVersion(*model, e.cluster, *scenario.training);
            if (v.training && v.training->time && e.costCompleteness != CostCompleteness::Unknown) {
                // The run holds the on-prem build for its hours (its share of
                // the monthly cost of ownership) and rents the instances for them.
                constexpr double kHoursPerMonth = 8760.0 / 12;
                const double hours = v.training->time->nominal.seconds / 3600.0;
                v.training->runCostUsd = hours * (onPremMonthlyUsd / kHoursPerMonth + hourly);
                v.training->usdPerMillionTokens = *v.training->runCostUsd / scenario.training->tokens * 1e6;
                v.training->costIsLowerBound = e.costCompleteness == CostCompleteness::LowerBound;
            }
            e.versions.push_back(std::move(v));
            continue;
        }
        VersionEstimate v = estimateVersion(*model, e.cluster, scenario.deployment, plan.workload);
        if (e.cluster.fleet)
            sizeFleet(v, *model, e.cluster, scenario.deployment, plan.workload);
        if (v.speed && e.costCompleteness != CostCompleteness::Unknown) {
            const PlanWorkload &w = plan.workload;
            const double output = v.speed->nominal.outputTokensPerSecond;
            const double served = w.byRequestRate
                                      ? std::min(output, w.requestsPerSecond * static_cast<double>(w.outputTokens))
                                      : output;
            if (served > 0) {
                v.usdPerMillionOutputTokens = usdPerMillionTokens(e.cost.monthlyTotalUsd, served);
                v.costIsLowerBound = e.costCompleteness == CostCompleteness::LowerBound;
            }
        }
        e.versions.push_back(std::move(v));
    }
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
