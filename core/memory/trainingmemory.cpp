#include "core/memory/trainingmemory.h"
#include "core/model/parametercount.h"

#include <algorithm>

namespace planner {

namespace {

constexpr double kHalf = 2.0;            // BF16 weights, gradients, activations
constexpr double kLogitBytes = 2.0;      // BF16 logits
constexpr double kLossUpcastBytes = 4.0; // the FP32 copy an unchunked loss makes

struct Widths {
    double q = 0;   // query width (all heads)
    double kv = 0;  // key (= value, for the formula) width
    double mlp = 0; // intermediate width one token passes through
};

Widths widths(const ModelSpec &spec)
{
    Widths w;
    if (spec.mla) {
        const MlaSpec &m = *spec.mla;
        w.q = static_cast<double>(spec.numHeads) * (m.qkNopeHeadDim + m.qkRopeHeadDim);
        w.kv = static_cast<double>(spec.numHeads) * (m.qkNopeHeadDim + m.qkRopeHeadDim + m.vHeadDim) / 2.0;
    } else {
        w.q = static_cast<double>(spec.numHeads) * spec.headDim;
        w.kv = static_cast<double>(spec.numKeyValueHeads) * spec.headDim;
    }
    w.mlp = static_cast<double>(spec.intermediateSize);
    if (spec.isMoe())
        w.mlp = std::max(spec.denseLayerCount() > 0 ? w.mlp : 0.0,
                         static_cast<double>(spec.moe->expertsPerToken * spec.moe->expertIntermediateSize
                                             + spec.moe->sharedWidth()));
    return w;
}

// Bytes of activations one layer keeps for backward, per token (see header).
double layerActivationPerToken(const ModelSpec &spec)
{
    const Widths w = widths(spec);
    const double h = static_cast<double>(spec.hiddenSize);
    const double attention = 2 * h + 4 * w.q + 4 * w.kv + 2 * h;
    const double mlp = 2 * h + (spec.gatedMlp ? 8 : 4) * w.mlp;
    const double norms = 4 * h;
    return attention + mlp + norms;
}

std::int64_t loraPair(std::int64_t in, std::int64_t out, int rank)
{
    return static_cast<std::int64_t>(rank) * (in + out);
}

} // namespace

double optimizerStateBytes(Optimizer optimizer)
{
    switch (optimizer) {
    case Optimizer::AdamW: return 4 + 4 + 4;    // master, first and second moment
    case Optimizer::Adam8bit: return 4 + 1 + 1; // bitsandbytes 8-bit moments
    case Optimizer::Lion: return 4 + 4;         // master, momentum
    case Optimizer::SgdMomentum: return 4 + 4;  // master, momentum
    }
    return 12;
}

std::int64_t loraParameters(const ModelSpec &spec, int rank, LoraTargets targets)
{
    const std::int64_t h = spec.hiddenSize;
    std::int64_t attention = 0;
    if (spec.mla) {
        const MlaSpec &m = *spec.mla;
        const std::int64_t qHead = spec.numHeads * (m.qkNopeHeadDim + m.qkRopeHeadDim);
        attention += m.qLoraRank > 0 ? loraPair(h, m.qLoraRank, rank) + loraPair(m.qLoraRank, qHead, rank)
                                     : loraPair(h, qHead, rank);
        attention += loraPair(h, m.kvLoraRank + m.qkRopeHeadDim, rank);
        attention += loraPair(m.kvLoraRank, spec.numHeads * (m.qkNopeHeadDim + m.vHeadDim), rank);
        attention += loraPair(spec.numHeads * m.vHeadDim, h, rank);
    } else {
        const std::int64_t q = spec.numHeads * spec.headDim;
        const std::int64_t kv = spec.numKeyValueHeads * spec.headDim;
        attention = loraPair(h, q, rank) + 2 * loraPair(h, kv, rank) + loraPair(q, h, rank);
    }
    std::int64_t total = attention * spec.numLayers;
    if (targets == LoraTargets::AllLinear) {
        const std::int64_t matrices = spec.gatedMlp ? 3 : 2;
        const auto mlp = [&](std::int64_t width) { return matrices * loraPair(h, width, rank); };
        total += spec.denseLayerCount() * mlp(spec.intermediateSize);
        if (spec.isMoe()) {
            const MoeSpec &moe = *spec.moe;
            const std::int64_t expert = matrices * loraPair(moe.expertInputWidth(h), moe.expertIntermediateSize, rank);
            total += spec.moeLayerCount() * (moe.routedExperts * expert + mlp(moe.sharedWidth()));
        }
    }
    return total;
}

int dataParallelRanks(const TrainingRequest &r)
{
    const std::int64_t modelRanks = static_cast<std::int64_t>(std::max(r.parallel.tensor, 1))
                                    * std::max(r.parallel.pipeline, 1) * std::max(r.contextParallel, 1);
    return static_cast<int>(std::max<std::int64_t>(1, r.gpuCount / modelRanks));
}

std::vector<Problem> validate(const TrainingRequest &r)
{
    ProblemList problems("invalid-training");
    problems.addAll(validate(r.model));
    const int tp = r.parallel.tensor;
    const int pp = r.parallel.pipeline;
    const int cp = r.contextParallel;
    const int ep = r.parallel.expert;
    if (r.gpuCount < 1)
        problems.add("gpus", QT_TRANSLATE_NOOP("Core", "the number of GPUs must be at least 1, got %1"),
                     {std::to_string(r.gpuCount)});
    else if (tp < 1 || pp < 1 || cp < 1 || r.gpuCount % (static_cast<std::int64_t>(tp) * pp * cp) != 0)
        problems.add(cp > 1 ? "cp" : "tp",
                     QT_TRANSLATE_NOOP("Core", "tensor x pipeline x context parallel size must divide the number of "
                                               "GPUs"));
    // Megatron balances causal attention over context-parallel ranks by
    // cutting each sequence into 2 x CP chunks.
    if (cp > 1 && r.sequenceLength % (2 * static_cast<std::int64_t>(cp)) != 0)
        problems.add("cp",
                     QT_TRANSLATE_NOOP("Core", "with context parallelism the sequence length must be a multiple of "
                                               "2 x CP (%1)"),
                     {std::to_string(2 * cp)});
    // Layers need not split evenly: Megatron can count the embedding and the
    // loss as layers, or give the first and last stages fewer.
    if (r.virtualStages < 1 || (r.virtualStages > 1 && pp < 2))
        problems.add("vpp", QT_TRANSLATE_NOOP("Core", "interleaved virtual stages need at least 2 pipeline stages"));
    if (r.schedule == PipelineSchedule::DualPipe && (pp < 2 || pp % 2 != 0 || r.virtualStages > 1))
        problems.add("pipeline-schedule",
                     QT_TRANSLATE_NOOP("Core", "DualPipe needs an even number of pipeline stages and no virtual "
                                               "stages"));
    if (ep > 1) {
        if (!r.model.isMoe())
            problems.add("ep", QT_TRANSLATE_NOOP("Core", "expert parallelism needs a mixture-of-experts model"));
        else if (r.model.moe->routedExperts % ep != 0 || (pp > 0 && (r.gpuCount / pp) % ep != 0))
            problems.add("ep",
                         QT_TRANSLATE_NOOP("Core", "EP %1 must divide the %2 routed experts and the GPUs of a "
                                                   "pipeline stage"),
                         {std::to_string(ep), std::to_string(r.model.moe->routedExperts)});
    } else if (ep < 1) {
        problems.add("ep", QT_TRANSLATE_NOOP("Core", "expert parallel size must be at least 1"));
    }
    // The upper bounds lie beyond any run (16M-token sequences, 65,536
    // sequences a pass) and keep the products of sizes within 64 bits.
    constexpr std::int64_t kMostSequenceTokens = 1 << 24;
    constexpr std::int64_t kMostMicroBatch = 1 << 16;
    if (r.sequenceLength < 1 || r.sequenceLength > kMostSequenceTokens)
        problems.add("seq-len",
                     QT_TRANSLATE_NOOP("Core", "sequence length must be between 1 and 16,777,216 tokens, got %1"),
                     {std::to_string(r.sequenceLength)});
    if (r.microBatch < 1 || r.microBatch > kMostMicroBatch)
        problems.add("micro-batch", QT_TRANSLATE_NOOP("Core", "micro-batch size must be between 1 and 65,536, got %1"),
                     {std::to_string(r.microBatch)});
    if (r.method != TrainingMethod::Full && (r.loraRank < 1 || r.loraRank > 4096))
        problems.add("lora-rank", QT_TRANSLATE_NOOP("Core", "LoRA rank must be between 1 and 4096, got %1"),
                     {std::to_string(r.loraRank)});
    if (r.gpu.usableMemory <= units::bytes(0))
        problems.add("gpu", QT_TRANSLATE_NOOP("Core", "GPU memory capacity must be positive"));
    return problems.take();
}

TrainingMemoryEstimate estimateTrainingMemory(const TrainingRequest &r)
{
    TrainingMemoryEstimate e;
    e.capacity = r.gpu.usableMemory;
    if (!validate(r).empty())
        return e;

    const ModelSpec &spec = r.model;
    const ParameterBreakdown params = countParameters(spec);
    const double tp = r.parallel.tensor;
    const double pp = r.parallel.pipeline;
    const double cp = r.contextParallel;
    const double ep = std::max(r.parallel.expert, 1);
    e.dataParallelRanks = dataParallelRanks(r);
    const double total = static_cast<double>(params.total());
    // A rank holds its tensor-parallel slice of each layer of its stage; with
    // EP > 1 the routed experts are whole on one of ep ranks instead.
    const double experts = static_cast<double>(params.experts());
    const double expertShare = r.method == TrainingMethod::Full && total > 0 ? experts / total : 0.0;
    const double expertShards = ep > 1 ? ep * pp : tp * pp;
    // The ranks that hold the same slice of the states, over which ZeRO shards
    // them: data x context ranks for dense weights; for routed experts the
    // ranks of a stage holding the same experts.
    const double denseReplicas = e.dataParallelRanks * cp;
    const double expertReplicas = ep > 1 ? std::max(1.0, r.gpuCount / (pp * ep)) : denseReplicas;
    const int stage = zeroStageOf(r.sharding);
    const auto sharded = [&](int from) {
        const double dense = (1.0 - expertShare) / (tp * pp) / (stage >= from ? denseReplicas : 1.0);
        const double routed = expertShare / expertShards / (stage >= from ? expertReplicas : 1.0);
        return dense + routed;
    };

    // Frozen base weights are partitioned only by ZeRO-3; trained parameters
    // carry their gradient and optimizer state.
    double baseWeightBytes = 0;
    double trainable = total;
    if (r.method == TrainingMethod::Full) {
        baseWeightBytes = total * kHalf;
    } else {
        trainable = static_cast<double>(loraParameters(spec, r.loraRank, r.loraTargets));
        if (r.method == TrainingMethod::Lora) {
            baseWeightBytes = total * kHalf;
        } else {
            // QLoRA: linear weights in NF4, embedding, head and norms in BF16.
            const WeightFormat nf4 = *findWeightFormat("nf4");
            const double linear = static_cast<double>(params.total() - params.embedding - params.head - params.norms()
                                                      - params.routers());
            baseWeightBytes = linear * nf4.linearBits(spec) / 8.0 + (total - linear) * kHalf;
        }
    }
    e.trainableParameters = static_cast<std::int64_t>(trainable);
    // Trained parameters: 16-bit working copy (adapters are added to the base).
    const double trainedWeightBytes = r.method == TrainingMethod::Full ? 0.0 : trainable * kHalf;
    // The share of the trained parameters a rank holds the states of, sharded
    // from ZeRO stage `from` on. Adapters (LoRA, QLoRA) sit on every layer
    // slice; the frozen base weights follow the same split.
    const auto adapterShare = [&](int from) { return 1.0 / (tp * pp) / (stage >= from ? denseReplicas : 1.0); };
    const auto trainedShare = [&](int from) {
        return r.method == TrainingMethod::Full ? sharded(from) : adapterShare(from);
    };
    // DualPipe keeps two copies of a stage's parameters (one per direction).
    const double copies = r.schedule == PipelineSchedule::DualPipe ? 2.0 : 1.0;
    e.weights = units::bytes((baseWeightBytes + trainedWeightBytes) * trainedShare(3) * copies);
    e.gradients = units::bytes(trainable * trainedShare(2) * kHalf);
    e.optimizerStates = units::bytes(trainable * trainedShare(1) * optimizerStateBytes(r.optimizer));

    // A rank keeps its context-parallel share of each sequence's tokens.
    const double tokens = static_cast<double>(r.sequenceLength) / cp;
    const double perLayer = layerActivationPerToken(spec);
    const double h = static_cast<double>(spec.hiddenSize);
    // 1F1B: the first stage holds p micro-batches of L/p layers, more with
    // interleaving (see the header).
    const double interleave = r.schedule == PipelineSchedule::DualPipe ? (pp + 1.0) / pp
                              : r.virtualStages > 1                    ? 1.0 + (pp - 1.0) / (pp * r.virtualStages)
                                                                       : 1.0;
    const double layersHeld = static_cast<double>(spec.numLayers) * interleave;
    const double perSequence = r.recompute == Recompute::Full ? tokens * (layersHeld * kHalf * h + perLayer)
                                                              : tokens * layersHeld * perLayer;
    const double logitBytes = kLogitBytes + (r.chunkedCrossEntropy ? 0.0 : kLossUpcastBytes);
    const double logits = tokens * static_cast<double>(spec.vocabSize) * logitBytes;
    const double perMicroBatch = (perSequence + logits) / tp;
    e.activations = units::bytes(perMicroBatch * static_cast<double>(r.microBatch));
    e.overhead = r.runtimeOverhead;

    const double fixed = units::inBytes(e.weights + e.gradients + e.optimizerStates + e.overhead);
    const double capacity = units::inBytes(e.capacity);
    const double used = units::inBytes(e.total());
    e.fits = used <= capacity;
    e.shortfall = units::bytes(std::max(0.0, used - capacity));
    const double room = std::max(0.0, capacity - fixed);
    e.maxMicroBatch = static_cast<std::int64_t>(room / perMicroBatch);
    // Activations and logits are linear in the sequence length (flash attention).
    const double perToken = perMicroBatch / tokens * static_cast<double>(r.microBatch);
    e.maxSequenceLength = std::min<std::int64_t>(spec.maxContext, static_cast<std::int64_t>(room / perToken));
    return e;
}

std::string_view toString(TrainingMethod method)
{
    switch (method) {
    case TrainingMethod::Full: return "full";
    case TrainingMethod::Lora: return "lora";
    case TrainingMethod::Qlora: return "qlora";
    }
    return "?";
}

int zeroStageOf(OptimizerSharding sharding)
{
    switch (sharding) {
    case OptimizerSharding::None: return 0;
    case OptimizerSharding::Zero1: return 1;
    case OptimizerSharding::Zero2: return 2;
    case OptimizerSharding::Zero3:
    case OptimizerSharding::Fsdp: return 3;
    }
    return 0;
}

std::string_view toString(Recompute recompute)
{
    switch (recompute) {
    case Recompute::None: return "none";
    case Recompute::Selective: return "selective";
    case Recompute::Full: return "full";
    }
    return "?";
}

std::string_view toString(OptimizerSharding sharding)
{
    switch (sharding) {
    case OptimizerSharding::None: return "none";
    case OptimizerSharding::Zero1: return "zero1";
    case OptimizerSharding::Zero2: return "zero2";
    case OptimizerSharding::Zero3: return "zero3";
    case OptimizerSharding::Fsdp: return "fsdp";
    }
    return "?";
}

std::string_view toString(PipelineSchedule schedule)
{
    return schedule == PipelineSchedule::DualPipe ? "dualpipe" : "1f1b";
}

std::string_view toString(TrainingPrecision precision)
{
    return precision == TrainingPrecision::Fp8 ? "fp8" : "bf16";
}

std::string_view toString(LoraTargets targets)
{
    return targets == LoraTargets::Attention ? "attention" : "all";
}

std::string_view toString(Optimizer optimizer)
{
    switch (optimizer) {
    case Optimizer::AdamW: return "adamw";
    case Optimizer::Adam8bit: return "adam8bit";
    case Optimizer::Lion: return "lion";
    case Optimizer::SgdMomentum: return "sgd";
    }
    return "?";
}

} // namespace planner
