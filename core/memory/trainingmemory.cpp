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

std::vector<Problem> validate(const TrainingRequest &r)
{
    ProblemList problems("invalid-training");
    problems.addAll(validate(r.model));
    const int tp = r.parallel.tensor;
    const int pp = r.parallel.pipeline;
    if (r.gpuCount < 1)
        problems.add("gpus", QT_TRANSLATE_NOOP("Core", "the number of GPUs must be at least 1, got %1"),
                     {std::to_string(r.gpuCount)});
    else if (tp < 1 || pp < 1 || r.gpuCount % (tp * pp) != 0)
        problems.add("tp", QT_TRANSLATE_NOOP("Core", "tensor x pipeline parallel size must divide the number of GPUs"));
    if (r.zeroStage < 0 || r.zeroStage > 3)
        problems.add("zero", QT_TRANSLATE_NOOP("Core", "ZeRO stage must be 0, 1, 2 or 3, got %1"),
                     {std::to_string(r.zeroStage)});
    if (r.sequenceLength < 1)
        problems.add("seq-len", QT_TRANSLATE_NOOP("Core", "sequence length must be at least 1 token, got %1"),
                     {std::to_string(r.sequenceLength)});
    if (r.microBatch < 1)
        problems.add("micro-batch", QT_TRANSLATE_NOOP("Core", "micro-batch size must be at least 1, got %1"),
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
    const double modelShards = static_cast<double>(r.parallel.tensor) * r.parallel.pipeline;
    e.dataParallelRanks = r.gpuCount / (r.parallel.tensor * r.parallel.pipeline);
    const double dp = e.dataParallelRanks;
    const double total = static_cast<double>(params.total());
    const auto zeroShare = [&](int stage) { return r.zeroStage >= stage ? dp : 1.0; };

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
    e.weights = units::bytes((baseWeightBytes + trainedWeightBytes) / modelShards / zeroShare(3));
    e.gradients = units::bytes(trainable * kHalf / modelShards / zeroShare(2));
    e.optimizerStates = units::bytes(trainable * optimizerStateBytes(r.optimizer) / modelShards / zeroShare(1));

    const double tokens = static_cast<double>(r.sequenceLength);
    const double perLayer = layerActivationPerToken(spec);
    const double h = static_cast<double>(spec.hiddenSize);
    const double layersHeld = static_cast<double>(spec.numLayers); // 1F1B: p stages x L/p layers
    const double perSequence = r.activationCheckpointing ? tokens * (layersHeld * kHalf * h + perLayer)
                                                         : tokens * layersHeld * perLayer;
    const double logitBytes = kLogitBytes + (r.chunkedCrossEntropy ? 0.0 : kLossUpcastBytes);
    const double logits = tokens * static_cast<double>(spec.vocabSize) * logitBytes;
    const double perMicroBatch = (perSequence + logits) / r.parallel.tensor;
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
