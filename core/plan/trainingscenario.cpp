#include "core/plan/trainingscenario.h"

#include "core/resolve/deployment.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

namespace planner {

void placeTrainingLinks(TrainingRunRequest &run, const Cluster &cluster)
{
    const PerfLinks links = linksFor(cluster, run.setup.parallel);
    run.tensorParallelLink = links.tensorParallel;
    run.expertParallelLink = links.expertParallel;
    // Context-parallel ranks sit next to the tensor-parallel ones (Megatron's
    // rank order), so a TP x CP group spans what TP x CP GPUs span.
    run.contextParallelLink = linksFor(cluster,
                                       Parallelism{run.setup.parallel.tensor * run.setup.contextParallel, 1, 1, false})
                                  .tensorParallel;
    run.pipelineLink = links.pipeline;
    run.dataParallelLink = cluster.dataParallel;
}

TrainingRunRequest trainingRunFor(const ModelSpec &model, const Cluster &cluster, const TrainingSettings &s)
{
    TrainingRunRequest run;
    TrainingRequest &r = run.setup;
    r.model = model;
    if (cluster.gpu)
        r.gpu = *cluster.gpu;
    r.gpuCount = cluster.gpuCount;
    r.parallel = {s.tensorParallel, s.pipelineParallel, s.expertParallel, false};
    r.contextParallel = s.contextParallel;
    r.virtualStages = s.virtualStages;
    r.schedule = s.schedule;
    r.sharding = s.sharding;
    r.precision = s.precision;
    r.method = s.method;
    r.optimizer = s.optimizer;
    r.sequenceLength = s.sequenceLength;
    r.microBatch = s.microBatch;
    r.recompute = s.recompute;
    r.loraRank = s.loraRank;
    r.loraTargets = s.loraTargets;
    run.globalBatchSequences = s.globalBatch;
    run.tokens = s.tokens;
    placeTrainingLinks(run, cluster);
    return run;
}

std::vector<Problem> trainingProblems(const TrainingRunRequest &run, const Cluster &cluster, double deadlineDays)
{
    if (!(deadlineDays >= 0) || !std::isfinite(deadlineDays))
        return {{"invalid-request",
                 {QT_TRANSLATE_NOOP("Core", "the deadline must be a number of days, or 0 for none"), {}},
                 "deadline",
                 {}}};
    if (!cluster.gpu || cluster.gpuCount < 1 || !cluster.problem.empty())
        return {{"no-cluster",
                 cluster.problem.empty()
                     ? Message{QT_TRANSLATE_NOOP("Core", "no GPUs: drop a GPU or a server onto the canvas"), {}}
                     : cluster.problem,
                 "",
                 {}}};
    if (cluster.fleet)
        return {{"cannot-estimate",
                 {QT_TRANSLATE_NOOP("Core", "a training run spans its servers, and they are not linked: link them "
                                            "(InfiniBand or Ethernet)"),
                  {}},
                 "",
                 {}}};
    if (cluster.cpuOnly)
        return {{"cannot-estimate",
                 {QT_TRANSLATE_NOOP("Core", "training needs GPUs: the canvas has only a CPU and its memory"), {}},
                 "",
                 {}}};
    if (const std::optional<Message> missing = missingSpeedFigure(run.setup.gpu, ComputePrecision::Bf16))
        return {{"missing-figure", *missing, "gpu", {}}};
    return validate(run);
}

namespace {

// The server counts worth trying, ascending: with a fixed global batch only
// those whose data-parallel ranks divide its micro-batches; otherwise every
// count around the one the drawn size's time suggests (time falls about as
// the GPUs grow), from half of it to four times it.
std::vector<int> candidateServerCounts(const TrainingRunRequest &drawn, int perServer, double guess)
{
    const int maxServers = std::max(2, kMaxDeadlineSearchGpus / perServer);
    std::vector<int> counts;
    if (drawn.globalBatchSequences > 0) {
        const TrainingRequest &r = drawn.setup;
        const std::int64_t modelRanks = static_cast<std::int64_t>(r.parallel.tensor) * r.parallel.pipeline
                                        * r.contextParallel;
        const std::int64_t microBatches = drawn.globalBatchSequences / std::max<std::int64_t>(r.microBatch, 1);
        for (std::int64_t ranks = 1; ranks <= microBatches && ranks * modelRanks <= kMaxDeadlineSearchGpus; ++ranks)
            if (microBatches % ranks == 0 && (ranks * modelRanks) % perServer == 0)
                counts.push_back(static_cast<int>(ranks * modelRanks / perServer));
        return counts;
    }
    const int first = std::clamp(static_cast<int>(std::floor(guess / 2)), 1, maxServers);
    const int last = std::clamp(static_cast<int>(std::ceil(guess * 4)) + 1, first, maxServers);
    for (int servers = first; servers <= last; ++servers)
        counts.push_back(servers);
    return counts;
}

// The fewest servers like the drawn ones that finish the run within the
// deadline. Counts are tried coarsely (at most 256 steps), then one by one
// below the first coarse count that makes it, so the search stays well under
// a millisecond per version while an edit re-evaluates the plan.
std::optional<int> serversForDeadline(const TrainingRunRequest &drawn, const Cluster &cluster,
                                      const TrainingRunEstimate &atDrawnSize, double deadlineDays)
{
    if (!(atDrawnSize.nominal.seconds > 0))
        return std::nullopt;
    const int perServer = std::max(cluster.gpusPerServer, 1);
    const double guess = cluster.servers * atDrawnSize.nominal.seconds / (deadlineDays * 86400.0);
    const std::vector<int> counts = candidateServerCounts(drawn, perServer, guess);
    const auto meets = [&](int servers) {
        const std::optional<TrainingRunEstimate> e = runOnServers(drawn, cluster, servers);
        return e && e->fits && e->nominal.seconds <= deadlineDays * 86400.0;
    };
    const std::size_t step = std::max<std::size_t>(1, counts.size() / 256);
    // Every step-th count, and the last one.
    const auto next = [&](std::size_t i) {
        return i + 1 == counts.size() ? counts.size() : std::min(i + step, counts.size() - 1);
    };
    std::size_t tried = 0; // the counts below this index do not make it
    for (std::size_t i = 0; i < counts.size(); i = next(i)) {
        if (!meets(counts[i])) {
            tried = i + 1;
            continue;
        }
        for (std::size_t j = tried; j < i; ++j)
            if (meets(counts[j]))
                return counts[j];
        return counts[i];
    }
    return std::nullopt;
}

} // namespace

std::optional<TrainingRunEstimate> runOnServers(const TrainingRunRequest &drawn, const Cluster &cluster, int servers)
{
    if (!cluster.gpu || servers < 1)
        return std::nullopt;
    const int perServer = std::max(cluster.gpusPerServer, 1);
    const Cluster scaled = clusterOfServers(*cluster.gpu, servers * perServer, perServer, cluster.links,
                                            cluster.links.pipeline);
    TrainingRunRequest run = drawn;
    run.setup.gpuCount = scaled.gpuCount;
    placeTrainingLinks(run, scaled);
    if (!validate(run).empty())
        return std::nullopt;
    return estimateTrainingRun(run);
}

std::vector<TrainingScalePoint> trainingScaling(const TrainingOutcome &drawn, const Cluster &cluster, int maxPoints)
{
    std::vector<TrainingScalePoint> points;
    if (!drawn.time || !cluster.gpu || maxPoints < 1)
        return points;
    const double drawnServerHours = drawn.time->nominal.seconds / 3600.0 * std::max(cluster.servers, 1);
    const int perServer = std::max(cluster.gpusPerServer, 1);
    const auto point = [&](int servers, const TrainingRunEstimate &e) {
        TrainingScalePoint p{
            servers, servers * perServer, e.nominal.seconds / 86400.0, e.nominal.gpuHours, std::nullopt, e.fits};
        if (drawn.runCostUsd && drawnServerHours > 0)
            p.runCostUsd = *drawn.runCostUsd / drawnServerHours * servers * e.nominal.seconds / 3600.0;
        return p;
    };
    const bool network = cluster.servers >= 2 && cluster.links.pipeline.bandwidth > units::gigabytesPerSecond(0);
    if (!network) {
        points.push_back(point(std::max(cluster.servers, 1), *drawn.time));
        return points;
    }
    const int most = std::min(std::max({4 * cluster.servers, drawn.serversForDeadline * 5 / 4, 2}),
                              std::max(2, kMaxDeadlineSearchGpus / perServer));
    // Counts spaced evenly on a log scale from 1 to `most`, and the drawn one.
    std::vector<int> counts{cluster.servers};
    for (int i = 0; i < maxPoints; ++i)
        counts.push_back(static_cast<int>(std::lround(std::pow(most, i / std::max(1.0, maxPoints - 1.0)))));
    std::sort(counts.begin(), counts.end());
    counts.erase(std::unique(counts.begin(), counts.end()), counts.end());
    for (int servers : counts)
        if (const std::optional<TrainingRunEstimate> e = runOnServers(drawn.run, cluster, servers))
            points.push_back(point(servers, *e));
    return points;
}

TrainingOutcome estimateTraining(const TrainingRunRequest &run, const Cluster &cluster, double deadlineDays)
{
    TrainingOutcome out;
    out.run = run;
    out.gpusPerServer = cluster.gpusPerServer;
    out.memory = estimateTrainingMemory(run.setup);
    if (!out.memory.fits)
        return out;
    out.time = estimateTrainingRun(run);
    out.deadlineDays = deadlineDays;
    if (!(deadlineDays > 0))
        return out;
    if (cluster.servers < 2 || !(cluster.links.pipeline.bandwidth > units::gigabytesPerSecond(0))) {
        out.deadlineSizing = DeadlineSizing::NoPathBetweenServers;
        return out;
    }
    const std::optional<int> servers = serversForDeadline(run, cluster, *out.time, deadlineDays);
    out.deadlineSizing = servers ? DeadlineSizing::Found : DeadlineSizing::NoneFinishes;
    out.serversForDeadline = servers.value_or(0);
    return out;
}

std::string_view toString(DeadlineSizing sizing)
{
    switch (sizing) {
    case DeadlineSizing::NotAsked: return "not_asked";
    case DeadlineSizing::Found: return "found";
    case DeadlineSizing::NoneFinishes: return "none_finishes";
    case DeadlineSizing::NoPathBetweenServers: return "no_path_between_servers";
    }
    return "not_asked";
}

std::vector<Message> trainingSetupParts(const TrainingRequest &r)
{
    std::vector<Message> parts;
    if (r.contextParallel > 1)
        parts.push_back({QT_TRANSLATE_NOOP("Core", "CP %1"), {std::to_string(r.contextParallel)}});
    if (r.virtualStages > 1)
        parts.push_back({QT_TRANSLATE_NOOP("Core", "VPP %1"), {std::to_string(r.virtualStages)}});
    if (r.schedule == PipelineSchedule::DualPipe)
        parts.push_back({QT_TRANSLATE_NOOP("Core", "DualPipe"), {}});
    if (r.parallel.expert > 1)
        parts.push_back({QT_TRANSLATE_NOOP("Core", "EP %1"), {std::to_string(r.parallel.expert)}});
    if (r.method != TrainingMethod::Full)
        parts.push_back({QT_TRANSLATE_NOOP("Core", "LoRA rank %1"), {std::to_string(r.loraRank)}});
    parts.push_back(r.precision == TrainingPrecision::Fp8 ? Message{QT_TRANSLATE_NOOP("Core", "FP8 matmuls"), {}}
                                                          : Message{QT_TRANSLATE_NOOP("Core", "BF16"), {}});
    switch (r.recompute) {
    case Recompute::None: break;
    case Recompute::Selective: parts.push_back({QT_TRANSLATE_NOOP("Core", "selective recomputation"), {}}); break;
    case Recompute::Full: parts.push_back({QT_TRANSLATE_NOOP("Core", "full recomputation"), {}}); break;
    }
    switch (r.sharding) {
    case OptimizerSharding::None: parts.push_back({QT_TRANSLATE_NOOP("Core", "no state sharding"), {}}); break;
    case OptimizerSharding::Zero1:
        parts.push_back({QT_TRANSLATE_NOOP("Core", "ZeRO-1 (distributed optimizer)"), {}});
        break;
    case OptimizerSharding::Zero2: parts.push_back({QT_TRANSLATE_NOOP("Core", "ZeRO-2"), {}}); break;
    case OptimizerSharding::Zero3: parts.push_back({QT_TRANSLATE_NOOP("Core", "ZeRO-3"), {}}); break;
    case OptimizerSharding::Fsdp: parts.push_back({QT_TRANSLATE_NOOP("Core", "FSDP"), {}}); break;
    }
    return parts;
}

} // namespace planner
