#include "core/perf/trainingtime.h"

#include "core/model/parametercount.h"

#include <algorithm>
#include <cmath>

namespace planner {

namespace {

constexpr double kGradientBytes = 2.0;   // BF16 gradients are reduced
constexpr double kActivationBytes = 2.0; // BF16 activations cross TP links

double bandwidthOf(const LinkPath &link, double efficiency)
{
    return units::inBytes(link.bandwidth * units::seconds(1)) * efficiency;
}

double ringAllReduce(double bytes, int ranks, const LinkPath &link, double efficiency)
{
    if (ranks <= 1 || bytes <= 0)
        return 0;
    const double steps = 2.0 * (ranks - 1);
    return steps / ranks * bytes / bandwidthOf(link, efficiency) + steps * units::inSeconds(link.latency);
}

// Forward passes' worth of compute a method runs per token.
double passes(const TrainingRequest &r)
{
    const double backward = r.method == TrainingMethod::Full ? 2.0 : 1.0;
    return 1.0 + backward + (r.recompute == Recompute::Full ? 1.0 : 0.0);
}

// FLOPs of one forward pass per token: 2 x active parameters (embedding
// look-ups excluded) + causal attention over half the sequence on average.
double forwardFlopsPerToken(const ModelSpec &m, std::int64_t sequence)
{
    const ParameterBreakdown p = countParameters(m);
    const double matmul = 2.0 * static_cast<double>(p.active() - p.embedding);
    double width = 0;
    if (m.mla)
        width = static_cast<double>(m.numHeads) * (m.mla->qkNopeHeadDim + m.mla->qkRopeHeadDim + m.mla->vHeadDim);
    else
        width = 2.0 * static_cast<double>(m.numHeads) * static_cast<double>(m.headDim);
    const double attention = 2.0 * (static_cast<double>(sequence) / 2.0) * width * static_cast<double>(m.numLayers);
    return matmul + attention;
}

struct StepTimes {
    double compute = 0;
    double tensorParallel = 0;
    double dataParallel = 0;
    double bubble = 0;
    double total = 0;
};

StepTimes stepTimes(const TrainingRunRequest &r, double hardwareFlopsPerStep, std::int64_t microBatches,
                    const Efficiency &e, int dp)
{
    const TrainingRequest &t = r.setup;
    const ModelSpec &m = t.model;
    const int tp = t.parallel.tensor;
    const int pp = t.parallel.pipeline;
    StepTimes s;
    const double peak = units::inTeraflopsPerSecond(t.gpu.throughput(ComputePrecision::Bf16)) * units::kTera;
    s.compute = hardwareFlopsPerStep / t.gpuCount / (peak * e.compute);

    // 4 all-reduces per layer per micro-batch (2 forward, 2 backward), over a
    // micro-batch's activations; each stage runs its layers.
    const double activation = static_cast<double>(t.microBatch) * static_cast<double>(t.sequenceLength)
                              * static_cast<double>(m.hiddenSize) * kActivationBytes;
    const double stageLayers = std::ceil(static_cast<double>(m.numLayers) / pp);
    s.tensorParallel = 4.0 * stageLayers * static_cast<double>(microBatches)
                       * ringAllReduce(activation, tp, r.tensorParallelLink, e.network);

    // Gradients of this GPU's parameter shard, reduced over the replicas;
    // ZeRO-3 also gathers parameters (1.5x the volume).
    const double trainable = t.method == TrainingMethod::Full
                                 ? static_cast<double>(countParameters(m).total())
                                 : static_cast<double>(loraParameters(m, t.loraRank, t.loraTargets));
    const double volume = trainable * kGradientBytes / (tp * pp) * (zeroStageOf(t.sharding) >= 3 ? 1.5 : 1.0);
    const double reduce = ringAllReduce(volume, dp, r.dataParallelLink, e.network);
    const double lastBackward = s.compute / static_cast<double>(microBatches) * (passes(t) - 1.0) / passes(t);
    s.dataParallel = std::max(0.0, reduce - lastBackward);

    const double busy = s.compute + s.tensorParallel;
    s.bubble = busy * (pp - 1.0) / static_cast<double>(microBatches);
    s.total = busy + s.bubble + s.dataParallel;
    return s;
}

TrainingRunPoint pointFor(const TrainingRunRequest &r, double modelFlopsPerToken, double hardwareFlopsPerStep,
                          double tokensPerStep, std::int64_t microBatches, const Efficiency &e, int dp)
{
    const double hardwareFlopsPerToken = hardwareFlopsPerStep / tokensPerStep;
    const StepTimes s = stepTimes(r, hardwareFlopsPerStep, microBatches, e, dp);
    TrainingRunPoint p;
    if (s.total <= 0)
        return p;
    p.tokensPerSecond = tokensPerStep / s.total;
    const double peak = units::inTeraflopsPerSecond(r.setup.gpu.throughput(ComputePrecision::Bf16)) * units::kTera;
    p.mfu = modelFlopsPerToken * p.tokensPerSecond / (r.setup.gpuCount * peak);
    p.hardwareTflopsPerGpu = hardwareFlopsPerToken * p.tokensPerSecond / r.setup.gpuCount / units::kTera;
    p.seconds = r.tokens / p.tokensPerSecond;
    p.gpuHours = p.seconds / 3600.0 * r.setup.gpuCount;
    return p;
}

} // namespace

const EfficiencyRange &trainingEfficiency()
{
    // Dense BF16 GEMMs reach 80-87 % of peak (stas00/ml-engineering); whole
    // training steps keep less (kernels that are not GEMMs, memory-bound
    // layers). Calibrated in tests/core/test_trainingtime against Llama 3 405B
    // (38-43 % MFU on H100), OPT-175B (147 TFLOPS/GPU on A100) and Megatron-LM
    // GPT-3 175B (138 TFLOPS/GPU on A100).
    static const EfficiencyRange range{{0.42, 0.60, 0.60},
                                       {0.52, 0.75, 0.75},
                                       {0.62, 0.85, 0.90},
                                       "training compute 42-62 % of BF16 peak before communication and bubbles; "
                                       "calibrated on Llama 3 405B, OPT-175B and Megatron-LM GPT-3 175B"};
    return range;
}

std::vector<Problem> validate(const TrainingRunRequest &r)
{
    ProblemList problems("invalid-training");
    problems.addAll(validate(r.setup));
    if (!(r.tokens > 0) || !std::isfinite(r.tokens))
        problems.add("tokens", QT_TRANSLATE_NOOP("Core", "the number of tokens to train on must be positive"));
    if (!problems.empty())
        return problems.take();
    const int dp = dataParallelRanks(r.setup);
    if (r.globalBatchSequences < 0)
        problems.add("global-batch", QT_TRANSLATE_NOOP("Core", "the global batch must not be negative"));
    else if (r.globalBatchSequences > 0
             && r.globalBatchSequences % (static_cast<std::int64_t>(dp) * r.setup.microBatch) != 0)
        problems.add("global-batch",
                     QT_TRANSLATE_NOOP("Core", "the global batch (%1 sequences) must be a multiple of data-parallel "
                                               "ranks x micro-batch (%2)"),
                     {std::to_string(r.globalBatchSequences),
                      std::to_string(static_cast<std::int64_t>(dp) * r.setup.microBatch)});
    const bool multiGpu = r.setup.parallel.tensor > 1 || r.setup.parallel.pipeline > 1 || dp > 1;
    if (multiGpu
        && (r.tensorParallelLink.bandwidth <= units::gigabytesPerSecond(0)
            || r.pipelineLink.bandwidth <= units::gigabytesPerSecond(0)
            || r.dataParallelLink.bandwidth <= units::gigabytesPerSecond(0)))
        problems.add("network", QT_TRANSLATE_NOOP("Core", "a multi-GPU run needs links with positive bandwidth"));
    if (r.setup.gpu.throughput(ComputePrecision::Bf16) <= units::teraflopsPerSecond(0))
        problems.add("gpu", QT_TRANSLATE_NOOP("Core", "the GPU has no 16-bit throughput figure"));
    return problems.take();
}

TrainingRunEstimate estimateTrainingRun(const TrainingRunRequest &r)
{
    TrainingRunEstimate estimate;
    if (!validate(r).empty())
        return estimate;
    const TrainingRequest &t = r.setup;
    estimate.fits = estimateTrainingMemory(t).fits;
    if (!estimate.fits)
        return estimate;

    const int dp = dataParallelRanks(t);
    estimate.dataParallelRanks = dp;
    const std::int64_t perReplica = r.globalBatchSequences > 0 ? r.globalBatchSequences / dp : t.microBatch;
    estimate.microBatchesPerStep = perReplica / t.microBatch;
    const double tokensPerStep = static_cast<double>(perReplica) * dp * static_cast<double>(t.sequenceLength);

    const double forward = forwardFlopsPerToken(t.model, t.sequenceLength);
    estimate.modelFlopsPerToken = 3.0 * forward;
    estimate.hardwareFlopsPerToken = passes(t) * forward;
    const double hardwarePerStep = estimate.hardwareFlopsPerToken * tokensPerStep;

    const EfficiencyRange &range = trainingEfficiency();
    const auto point = [&](const Efficiency &e) {
        return pointFor(r, estimate.modelFlopsPerToken, hardwarePerStep, tokensPerStep, estimate.microBatchesPerStep, e,
                        dp);
    };
    estimate.nominal = point(range.nominal);
    estimate.pessimistic = point(range.pessimistic);
    estimate.optimistic = point(range.optimistic);

    const StepTimes s = stepTimes(r, hardwarePerStep, estimate.microBatchesPerStep, range.nominal, dp);
    estimate.stepSeconds = s.total;
    estimate.computeSeconds = s.compute;
    estimate.tensorParallelSeconds = s.tensorParallel;
    estimate.dataParallelSeconds = s.dataParallel;
    estimate.bubbleFraction = s.total > 0 ? s.bubble / s.total : 0;
    return estimate;
}

} // namespace planner
