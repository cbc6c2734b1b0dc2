#include "core/memory/inferencememory.h"
#include "core/model/weightbytes.h"

#include <algorithm>
#include <cmath>

namespace planner {

namespace {

constexpr double kActivationBytes = 2.0; // BF16/FP16 activations
constexpr double kLogitBytes = 4.0;      // logits are upcast to FP32 for sampling

std::int64_t ceilDiv(std::int64_t a, std::int64_t b)
{
    return (a + b - 1) / b;
}

// One token's cache in one layer of each kind: full-attention layers may
// have their own head shape (Gemma 4).
struct KvBytesPerTokenLayer {
    double full = 0;
    double local = 0; // a sliding-window or chunked layer, and DeepSeek-V4's window
    // DeepSeek-V4's compressed layers: one entry per compress ratio tokens,
    // and at 4:1 one index key beside it.
    double compressedEntry = 0;
    double indexEntry = 0;
};

// Everything about a request that does not depend on context or concurrency,
// worked out once so the max-context / max-concurrency searches stay cheap.
struct Layout {
    int replicas = 1;                        // data-parallel copies of the model
    int attentionTp = 1;                     // ranks one sequence's attention is split over
    int sequenceGroups = 1;                  // groups the concurrent sequences are spread over
    std::int64_t gpuLayers = 0;              // decoder layers held by GPUs (not offloaded)
    std::int64_t stageLayers = 0;            // layers per pipeline stage (the last may hold fewer)
    LayerComposition stage;                  // the layers of the stage with the most weight bytes
    LayerAttentionCounts offloadedAttention; // the offloaded layers by attention kind
    double weightBytes = 0;                  // per GPU, largest stage
    double hostBytes = 0;                    // offloaded weights
    KvBytesPerTokenLayer kvPerGpu;           // per GPU
    KvBytesPerTokenLayer kvWholeLayer;       // one whole layer, for offloaded layers
    double indexerBytesPerTokenLayer = 0;    // DSA index keys, part of the full layers' figures
    double statePerSequence = 0;             // per GPU: the stage's linear-attention and Mamba states
    double offloadedStatePerSequence = 0;    // the offloaded layers' states
    double activationPerToken = 0;           // bytes per batched token
    double logitsPerSequence = 0;
    double samplerBytes = 0; // the start-up sampler run's peak, where the engine sizes one (vLLM)
    double runtime = 0;
    double capacity = 0;
};

// The precision of linear-attention and Mamba states: the model's own
// request (Qwen3.5's mamba_ssm_dtype) where it states one, else the engine's.
double recurrentStateBits(const ModelSpec &spec, const EngineProfile &engine)
{
    return spec.recurrentStateBits > 0 ? spec.recurrentStateBits : engine.recurrentStateBits;
}

// Bytes one sequence's fixed state takes in the given layers, split over
// `ranks` (heads are tensor-parallel): the recurrent state at the engine's
// state precision and the short convolution's last kernel - 1 inputs at the
// engine's (the activation dtype, or llama.cpp's F32).
double recurrentStateBytes(const ModelSpec &spec, const LayerAttentionCounts &layers, double stateBits,
                           const EngineProfile &engine, int ranks)
{
    const double kConvBytes = engine.convStateBits / 8.0;
    double bytes = 0;
    if (layers.linear > 0 && spec.linearAttention)
        bytes += static_cast<double>(layers.linear)
                 * (static_cast<double>(spec.linearAttention->stateElements()) * stateBits / 8.0
                    + static_cast<double>(spec.linearAttention->convStateElements()) * kConvBytes);
    if (layers.stateSpace > 0 && spec.stateSpace)
        bytes += static_cast<double>(layers.stateSpace)
                 * (static_cast<double>(spec.stateSpace->stateElements()) * stateBits / 8.0
                    + static_cast<double>(spec.stateSpace->convStateElements()) * kConvBytes);
    return bytes / ranks;
}

double kvElementsPerTokenLayer(const ModelSpec &spec, const EngineProfile &engine, int attentionTp, bool fullLayer)
{
    if (spec.mla) {
        const MlaSpec &m = *spec.mla;
        if (engine.mlaCache == MlaCacheLayout::CompressedLatent)
            return static_cast<double>(m.kvLoraRank + m.qkRopeHeadDim); // same on every rank
        const double headsPerRank = static_cast<double>(spec.numHeads) / attentionTp;
        return headsPerRank * (m.qkNopeHeadDim + m.qkRopeHeadDim + m.vHeadDim);
    }
    // With fewer KV heads than ranks, each rank keeps a replica of one head.
    // Gemma 4's values-are-keys layers still cache both (Transformers' cache
    // and vLLM's attention layer store whatever K and V they are given).
    const AttentionHeads heads = spec.attentionHeads(fullLayer);
    const double kvHeadsPerRank = std::max<double>(1.0, static_cast<double>(heads.keyValueHeads) / attentionTp);
    return 2.0 * kvHeadsPerRank * static_cast<double>(heads.headDim);
}

// DeepSeek Sparse Attention's index key per token and layer, whole on every
// rank. vLLM (DeepseekV32IndexerCache) and SGLang (NSATokenToKVPool) store
// it as FP8 with one FP32 scale per 128 values, whatever the KV-cache dtype:
// 132 bytes at index_head_dim 128. Other engines keep it in BF16.
double indexerBytesPerTokenLayer(const ModelSpec &spec, const EngineProfile &engine)
{
    if (!spec.sparseAttention)
        return 0;
    const double dim = static_cast<double>(spec.sparseAttention->indexHeadDim);
    return engine.fp8IndexerKeys ? dim + std::ceil(dim / 128.0) * 4.0 : 2.0 * dim;
}

// One cached DeepSeek-V4 entry: a single key-value head of head_dim. See
// EngineProfile::bf16RopeInCache for DeepSeek's layout (vLLM, SGLang).
double compressedEntryBytes(const ModelSpec &spec, const EngineProfile &engine, double kvBits)
{
    const double width = static_cast<double>(spec.headDim);
    if (!engine.bf16RopeInCache)
        return width * kvBits / 8.0;
    const double rope = static_cast<double>(spec.compressedAttention->ropeHeadDim);
    const double rest = width - rope;
    const double scales = kvBits <= 8 ? std::ceil(std::ceil(rest / 64.0) / 8.0) * 8.0 : 0.0;
    return rest * kvBits / 8.0 + 2.0 * rope + scales;
}

// What DeepSeek-V4's compressors hold per sequence between steps, in FP32
// whatever the cache format (model.py Compressor kv_state and score_state,
// [heads x ratio, heads x width] each; vLLM's CompressorStateCache holds the
// same): the tokens of the entry being pooled. Whole on every rank.
double compressorStateBytes(const ModelSpec &spec, const LayerAttentionCounts &layers)
{
    if (!spec.compressedAttention)
        return 0;
    const auto state = [](double ratio, double heads, double width) {
        return 2.0 * (heads * ratio) * (heads * width) * 4.0;
    };
    const double sparse = static_cast<double>(CompressedAttentionSpec::kSparseRatio);
    const double width = static_cast<double>(spec.headDim);
    double perSparseLayer = state(sparse, 2, width);
    if (spec.sparseAttention)
        perSparseLayer += state(sparse, 2, static_cast<double>(spec.sparseAttention->indexHeadDim));
    return static_cast<double>(layers.compressedSparse) * perSparseLayer
           + static_cast<double>(layers.heavilyCompressed)
                 * state(static_cast<double>(spec.compressedAttention->heavyRatio), 1, width);
}

} // namespace

int denseTensorParallel(const Parallelism &parallel, const ModelSpec &model)
{
    const bool dpAttention = parallel.dataParallelAttention && model.hasLatentCache();
    return dpAttention && model.isMoe() && parallel.expert >= parallel.tensor ? 1 : parallel.tensor;
}

namespace {

Layout makeLayout(const InferenceRequest &r, int offloadLayers)
{
    const ModelSpec &spec = r.model;
    const ParameterBreakdown params = countParameters(spec);
    Layout l;
    const int tp = r.parallel.tensor;
    const int pp = r.parallel.pipeline;
    const int ep = r.parallel.expert;
    const bool dpAttention = r.parallel.dataParallelAttention && spec.hasLatentCache();
    l.replicas = std::max(1, r.gpuCount / (tp * pp));
    l.attentionTp = dpAttention ? 1 : tp;
    // With data-parallel attention and the experts spread over every rank
    // (vLLM's DP + EP, SGLang's large-scale EP with --moe-dense-tp-size 1),
    // the dense MLPs and shared experts run data-parallel too: whole on each
    // GPU. With fewer expert ranks the feed-forward blocks stay tensor-parallel.
    const int denseTp = denseTensorParallel(r.parallel, spec);
    l.sequenceGroups = l.replicas * (dpAttention ? tp : 1);
    l.capacity = units::inBytes(r.gpu.usableMemory);
    l.runtime = units::inBytes(r.engine.runtimeOverhead);
    if (tp > 1 && r.gpu.interconnect.find("NVLink") != std::string::npos)
        l.runtime += units::inBytes(r.engine.tensorParallelOverhead);

    const double linearBits = r.weights.linearBits(spec);
    const auto stageBytes = [&](const LayerComposition &layers) {
        return layers.layers > 0 ? layerWeightBytes(spec, params.over(layers), r.weights, denseTp, l.attentionTp, ep)
                                 : 0.0;
    };

    // Offloaded layers are the last ones (llama.cpp keeps the first n_gpu_layers).
    l.gpuLayers = spec.numLayers - offloadLayers;
    l.stageLayers = ceilDiv(std::max<std::int64_t>(l.gpuLayers, 0), pp);
    double largestStage = 0;
    for (int stage = 0; stage < pp; ++stage) {
        const std::int64_t first = stage * l.stageLayers;
        const std::int64_t last = std::min(l.gpuLayers, first + l.stageLayers);
        const LayerComposition layers = spec.layersIn(first, std::max(first, last));
        double bytes = stageBytes(layers);
        if (stage == 0) {
            bytes += params.embedding * r.weights.embeddingBits / 8.0 / tp; // vocab-parallel
            // vLLM builds vision encoders from tensor-parallel layers, in 16 bits.
            bytes += params.vision * 2.0 / tp;
        }
        if (stage == pp - 1) {
            // A tied head is the embedding itself unless pipeline stages separate them.
            const std::int64_t head = spec.tiedEmbeddings ? (pp > 1 ? params.embedding : 0) : params.head;
            bytes += head * r.weights.headBits / 8.0 / tp + params.finalNorm * r.weights.otherBits / 8.0;
            if (r.loadMtp && params.mtpModules > 0) {
                // vLLM's MTP draft shares embedding and head with the main model.
                const double h = static_cast<double>(spec.hiddenSize);
                bytes += params.mtpModules
                         * (layerWeightBytes(spec, layerParameters(spec, spec.isMoe()), r.weights, denseTp,
                                             l.attentionTp, ep)
                            + 2 * h * h * linearBits / 8.0 / tp + 3 * h * r.weights.otherBits / 8.0);
            }
        }
        if (stage == 0 || bytes > largestStage) {
            largestStage = bytes;
            l.stage = layers;
        }
    }
    l.weightBytes = largestStage;

    const LayerComposition offloaded = spec.layersIn(l.gpuLayers, spec.numLayers);
    l.offloadedAttention = offloaded.mixers;
    l.hostBytes = offloaded.layers > 0 ? layerWeightBytes(spec, params.over(offloaded), r.weights, 1, 1, 1) : 0.0;

    const double kvBytes = r.kvCache.bitsPerElement / 8.0;
    l.indexerBytesPerTokenLayer = indexerBytesPerTokenLayer(spec, r.engine);
    const auto perLayer = [&](int ranks) {
        if (spec.compressedAttention) { // one head: whole on every rank
            const double entry = compressedEntryBytes(spec, r.engine, r.kvCache.bitsPerElement);
            return KvBytesPerTokenLayer{0, entry, entry, l.indexerBytesPerTokenLayer};
        }
        return KvBytesPerTokenLayer{kvElementsPerTokenLayer(spec, r.engine, ranks, true) * kvBytes
                                        + l.indexerBytesPerTokenLayer,
                                    kvElementsPerTokenLayer(spec, r.engine, ranks, false) * kvBytes};
    };
    // An encoder's keys and values live only within its one forward pass
    // (activations); nothing is cached between steps.
    if (!spec.encoder) {
        l.kvPerGpu = perLayer(l.attentionTp);
        l.kvWholeLayer = perLayer(1);
    }
    const double stateBits = recurrentStateBits(spec, r.engine);
    l.statePerSequence = recurrentStateBytes(spec, l.stage.mixers, stateBits, r.engine, l.attentionTp)
                         + compressorStateBytes(spec, l.stage.mixers);
    l.offloadedStatePerSequence = recurrentStateBytes(spec, l.offloadedAttention, stateBits, r.engine, 1)
                                  + compressorStateBytes(spec, l.offloadedAttention);

    // Activation peak of one layer, per batched token (see the header).
    double qkvWidth = 0; // q plus k and v, over all heads
    if (spec.mla) {
        qkvWidth = static_cast<double>(spec.numHeads)
                   * (spec.mla->qkNopeHeadDim + spec.mla->qkRopeHeadDim + spec.mla->qkNopeHeadDim + spec.mla->vHeadDim);
    } else {
        // The wider of the two head shapes (Gemma 4's full layers).
        for (const bool fullLayer : {false, true}) {
            const AttentionHeads heads = spec.attentionHeads(fullLayer);
            qkvWidth = std::max(qkvWidth, static_cast<double>(heads.headDim)
                                              * static_cast<double>(spec.numHeads + 2 * heads.keyValueHeads));
        }
    }
    double mlpWidth = static_cast<double>(spec.intermediateSize) / tp;
    if (spec.isMoe()) {
        const double split = std::max(ep, tp); // MoE-TP x EP splits each expert tp / ep ways
        const double routed = static_cast<double>(spec.moe->expertsPerToken) * spec.moe->expertIntermediateSize / split;
        const double shared = static_cast<double>(spec.moe->sharedWidth()) / tp;
        const double beside = spec.moe->denseBesideExperts ? mlpWidth : 0.0;
        mlpWidth = std::max(params.layers.feedForward.dense > 0 ? mlpWidth : 0.0, routed + shared + beside);
    }
    l.activationPerToken = (2.0 * spec.hiddenSize + qkvWidth / l.attentionTp + 3.0 * mlpWidth) * kActivationBytes;
    l.logitsPerSequence = spec.encoder ? 0.0 : static_cast<double>(spec.vocabSize) / tp * kLogitBytes;
    if (r.engine.samplerBytesPerLogit > 0 && !spec.encoder)
        l.samplerBytes = static_cast<double>(runningSequenceLimit(r.engine, r.gpu))
                         * static_cast<double>(spec.vocabSize) * r.engine.samplerBytesPerLogit;
    return l;
}

std::int64_t roundUpTokens(std::int64_t tokens, int block)
{
    return block > 1 ? ceilDiv(tokens, block) * block : tokens;
}

// Bytes of one sequence's KV cache at `context` tokens over layers of the
// given kinds. A sliding-window layer keeps its last window and a chunked
// layer its current chunk: every engine profiled here frees the rest (vLLM's
// hybrid KV cache manager, SGLang's SWA pool, TensorRT-LLM's cyclic cache,
// llama.cpp's SWA cache without --swa-full, Transformers'
// DynamicSlidingWindowLayer). DeepSeek-V4's layers all keep their window;
// the compressed ones add an entry per ratio tokens (and at 4:1 an index
// key), as vLLM's DeepseekV4 caches and SGLang's DSv4 pool hold them.
double kvBytesPerSequence(const LayerAttentionCounts &layers, const ModelSpec &spec, std::int64_t context,
                          const EngineProfile &engine, const KvBytesPerTokenLayer &perLayer)
{
    const int block = engine.kvBlockTokens;
    // A local layer keeps its window (plus what the engine adds), never more than the context.
    const auto localTokens = [&](std::int64_t window) {
        return static_cast<double>(
            roundUpTokens(std::min<std::int64_t>(context, window + engine.windowExtraTokens), block));
    };
    double local = 0;
    if (layers.slidingWindow > 0)
        local += static_cast<double>(layers.slidingWindow) * localTokens(spec.slidingWindow);
    if (layers.chunked > 0)
        local += static_cast<double>(layers.chunked) * localTokens(spec.attentionChunk);
    double compressed = 0;
    if (layers.compressed() > 0 && spec.compressedAttention) {
        local += static_cast<double>(layers.compressed()) * localTokens(spec.slidingWindow);
        const std::int64_t held = roundUpTokens(context, block);
        compressed = static_cast<double>(layers.compressedSparse)
                         * static_cast<double>(ceilDiv(held, CompressedAttentionSpec::kSparseRatio))
                         * (perLayer.compressedEntry + perLayer.indexEntry)
                     + static_cast<double>(layers.heavilyCompressed)
                           * static_cast<double>(ceilDiv(held, spec.compressedAttention->heavyRatio))
                           * perLayer.compressedEntry;
    }
    return static_cast<double>(layers.full) * static_cast<double>(roundUpTokens(context, block)) * perLayer.full
           + local * perLayer.local + compressed;
}

struct Usage {
    double kv = 0;
    double activations = 0;
    double reserve = 0;
    double total = 0;
    std::int64_t sequencesPerGpu = 0;
};

Usage usageAt(const InferenceRequest &r, const Layout &l, std::int64_t context, std::int64_t concurrency)
{
    Usage u;
    u.sequencesPerGpu = ceilDiv(concurrency, l.sequenceGroups);
    u.kv = static_cast<double>(u.sequencesPerGpu)
           * (kvBytesPerSequence(l.stage.mixers, r.model, context, r.engine, l.kvPerGpu) + l.statePerSequence);

    const double wanted = static_cast<double>(u.sequencesPerGpu) * static_cast<double>(context);
    // An encoder runs its whole batch in one pass: no prefill chunking.
    const double batched = r.engine.maxBatchedTokens > 0 && !r.model.encoder
                               ? std::min(wanted, static_cast<double>(r.engine.maxBatchedTokens))
                               : wanted;
    u.activations = batched * l.activationPerToken
                    + (l.samplerBytes > 0 ? l.samplerBytes
                                          : static_cast<double>(u.sequencesPerGpu) * l.logitsPerSequence);

    const double share = r.engine.memoryShare;
    switch (r.engine.reserveRule) {
    case ReserveRule::ShareOfTotal: u.reserve = (1.0 - share) * l.capacity; break;
    case ReserveRule::StaticPoolShare:
        // Activations and the runtime live in the part outside the static pool.
        u.reserve = std::max(0.0, (1.0 - share) * l.capacity - u.activations - l.runtime);
        break;
    case ReserveRule::ShareOfFree:
        u.reserve = std::max(0.0, (1.0 - share) * (l.capacity - l.weightBytes - u.activations - l.runtime));
        break;
    case ReserveRule::None: u.reserve = 0; break;
    }
    u.total = l.weightBytes + u.kv + u.activations + l.runtime + u.reserve;
    return u;
}

bool fitsAt(const InferenceRequest &r, const Layout &l, std::int64_t context, std::int64_t concurrency)
{
    return usageAt(r, l, context, concurrency).total <= l.capacity;
}

// Largest n in [0, limit] with fits(n), for a monotone predicate: an estimate
// from the linear KV term, then a galloping correction, so a search costs a
// handful of evaluations rather than a scan.
template <typename Fits>
std::int64_t largestFitting(std::int64_t guess, std::int64_t limit, Fits fits)
{
    guess = std::clamp<std::int64_t>(guess, 0, limit);
    if (guess > 0 && !fits(guess)) {
        std::int64_t hi = guess; // fails
        std::int64_t lo = 0;     // treated as fitting (0 is the floor)
        while (hi - lo > 1) {
            const std::int64_t mid = lo + (hi - lo) / 2;
            (fits(mid) ? lo : hi) = mid;
        }
        return lo;
    }
    std::int64_t lo = guess; // fits
    std::int64_t step = 1;
    while (lo < limit && fits(std::min(limit, lo + step))) {
        lo = std::min(limit, lo + step);
        step *= 2;
    }
    std::int64_t hi = std::min(limit, lo + step);
    if (hi == lo)
        return lo;
    while (hi - lo > 1) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        (fits(mid) ? lo : hi) = mid;
    }
    return lo;
}

InferenceMemoryEstimate evaluate(const InferenceRequest &r, int offloadLayers)
{
    const Layout l = makeLayout(r, offloadLayers);
    const Usage u = usageAt(r, l, r.context, r.concurrency);

    InferenceMemoryEstimate e;
    e.capacity = r.gpu.usableMemory;
    e.perGpu.weights = units::bytes(l.weightBytes);
    e.perGpu.kvCache = units::bytes(u.kv);
    e.perGpu.activations = units::bytes(u.activations);
    e.perGpu.overhead = units::bytes(l.runtime + u.reserve);
    e.runtimeOverhead = units::bytes(l.runtime);
    e.engineReserve = units::bytes(u.reserve);
    const LayerAttentionCounts &mixers = l.stage.mixers;
    const double windowed = static_cast<double>(mixers.slidingWindow + mixers.chunked + mixers.compressed());
    // DeepSeek-V4: what a token of context adds to the compressed entries and index keys.
    const double sparseShare = 1.0 / static_cast<double>(CompressedAttentionSpec::kSparseRatio);
    const double compressedGrowth = r.model.compressedAttention
                                        ? static_cast<double>(mixers.compressedSparse) * sparseShare
                                                  * (l.kvPerGpu.compressedEntry + l.kvPerGpu.indexEntry)
                                              + static_cast<double>(mixers.heavilyCompressed)
                                                    * l.kvPerGpu.compressedEntry
                                                    / static_cast<double>(r.model.compressedAttention->heavyRatio)
                                        : 0.0;
    e.kvPerTokenFullLayers = units::bytes(static_cast<double>(mixers.full) * l.kvPerGpu.full + compressedGrowth);
    e.kvPerToken = e.kvPerTokenFullLayers + units::bytes(windowed * l.kvPerGpu.local);
    e.indexerPerToken = units::bytes(static_cast<double>(mixers.full) * l.indexerBytesPerTokenLayer
                                     + static_cast<double>(mixers.compressedSparse) * sparseShare
                                           * l.kvPerGpu.indexEntry);
    e.indexerKeyBytes = units::bytes(l.indexerBytesPerTokenLayer);
    e.cacheEntryBytes = units::bytes(static_cast<double>(mixers.full) * (l.kvPerGpu.full - l.indexerBytesPerTokenLayer)
                                     + windowed * l.kvPerGpu.local);
    e.statePerSequence = units::bytes(l.statePerSequence);
    e.offloadedLayers = offloadLayers;
    e.hostWeights = units::bytes(l.hostBytes);
    e.stage = l.stage;
    e.dataParallelReplicas = l.replicas;
    e.sequencesPerGpu = u.sequencesPerGpu;
    const double offloadedKv = (kvBytesPerSequence(l.offloadedAttention, r.model, r.context, r.engine, l.kvWholeLayer)
                                + l.offloadedStatePerSequence)
                               * static_cast<double>(r.concurrency);
    e.hostMemory = units::bytes(l.hostBytes + offloadedKv);
    e.fits = u.total <= l.capacity;
    e.shortfall = units::bytes(std::max(0.0, u.total - l.capacity));

    // Max concurrency at this context: KV grows by one sequence's worth per
    // sequence group step.
    const double perSequence = kvBytesPerSequence(l.stage.mixers, r.model, r.context, r.engine, l.kvPerGpu)
                               + l.statePerSequence + l.logitsPerSequence;
    const double free0 = l.capacity - usageAt(r, l, r.context, 0).total;
    constexpr std::int64_t kConcurrencyLimit = 1'000'000;
    const std::int64_t concurrencyGuess = perSequence > 0
                                              ? static_cast<std::int64_t>(std::max(0.0, free0 / perSequence))
                                                    * l.sequenceGroups
                                              : kConcurrencyLimit;
    e.maxConcurrency = largestFitting(concurrencyGuess, kConcurrencyLimit,
                                      [&](std::int64_t c) { return fitsAt(r, l, r.context, c); });

    // Max context at this concurrency, capped by the model's position limit.
    const std::int64_t sequences = ceilDiv(r.concurrency, l.sequenceGroups);
    // Only full-attention layers (and DeepSeek-V4's compressed entries) grow
    // without bound; the search corrects the guess.
    const double perToken = static_cast<double>(sequences) * units::inBytes(e.kvPerTokenFullLayers);
    const double freeAtMinimum = l.capacity - usageAt(r, l, 1, r.concurrency).total;
    const std::int64_t contextGuess = perToken > 0 ? static_cast<std::int64_t>(std::max(0.0, freeAtMinimum / perToken))
                                                   : r.model.maxContext;
    e.maxContext = largestFitting(contextGuess, r.model.maxContext,
                                  [&](std::int64_t t) { return fitsAt(r, l, t, r.concurrency); });
    return e;
}

} // namespace

std::vector<Problem> validate(const InferenceRequest &r)
{
    ProblemList problems("invalid-request");
    problems.addAll(validate(r.model));
    const Parallelism &p = r.parallel;
    const auto n = [](std::int64_t v) { return std::to_string(v); };
    if (r.gpuCount < 1)
        problems.add("gpus", QT_TRANSLATE_NOOP("Core", "the number of GPUs must be at least 1, got %1"),
                     {n(r.gpuCount)});
    if (p.tensor < 1 || p.pipeline < 1 || p.expert < 1)
        problems.add(p.tensor < 1     ? "tp"
                     : p.pipeline < 1 ? "pp"
                                      : "ep",
                     QT_TRANSLATE_NOOP("Core", "tensor, pipeline and expert parallel sizes must be at least 1"));
    if (!problems.empty())
        return problems.take();
    if (r.gpuCount % (p.tensor * p.pipeline) != 0)
        problems.add(
            "tp", QT_TRANSLATE_NOOP("Core", "tensor x pipeline parallel size (%1) must divide the number of GPUs (%2)"),
            {n(p.tensor * p.pipeline), n(r.gpuCount)});
    if (!r.model.mla && r.model.numKeyValueHeads > 0 && r.model.numKeyValueHeads % p.tensor != 0
        && p.tensor % r.model.numKeyValueHeads != 0)
        problems.add("tp",
                     QT_TRANSLATE_NOOP("Core", "tensor parallel size %1 must divide or be a multiple of the model's %2 "
                                               "key/value heads"),
                     {n(p.tensor), n(r.model.numKeyValueHeads)});
    if (const auto &linear = r.model.linearAttention;
        linear && (linear->keyHeads % p.tensor != 0 || linear->valueHeads % p.tensor != 0))
        problems.add("tp",
                     QT_TRANSLATE_NOOP("Core", "tensor parallel size %1 must divide the model's %2 linear-attention "
                                               "key heads and %3 value heads"),
                     {n(p.tensor), n(linear->keyHeads), n(linear->valueHeads)});
    if (r.model.stateSpace && r.model.stateSpace->heads % p.tensor != 0)
        problems.add("tp", QT_TRANSLATE_NOOP("Core", "tensor parallel size %1 must divide the model's %2 Mamba heads"),
                     {n(p.tensor), n(r.model.stateSpace->heads)});
    if (r.model.numHeads % p.tensor != 0)
        problems.add("tp",
                     QT_TRANSLATE_NOOP("Core", "tensor parallel size %1 must divide the model's %2 attention heads"),
                     {n(p.tensor), n(r.model.numHeads)});
    if (p.pipeline > r.model.numLayers)
        problems.add("pp", QT_TRANSLATE_NOOP("Core", "pipeline parallel size %1 exceeds the model's %2 layers"),
                     {n(p.pipeline), n(r.model.numLayers)});
    if (p.expert > 1) {
        if (!r.model.isMoe())
            problems.add("ep", QT_TRANSLATE_NOOP("Core", "expert parallelism needs a mixture-of-experts model"));
        else if (p.expert > r.model.moe->routedExperts)
            problems.add("ep",
                         QT_TRANSLATE_NOOP("Core", "expert parallel size %1 exceeds the model's %2 routed experts: "
                                                   "some GPUs would hold none"),
                         {n(p.expert), n(r.model.moe->routedExperts)});
        else if (r.gpuCount % p.expert != 0 || p.expert > r.gpuCount / p.pipeline)
            problems.add(
                "ep",
                QT_TRANSLATE_NOOP("Core", "expert parallel size %1 must divide the GPUs of one pipeline stage (%2)"),
                {n(p.expert), n(r.gpuCount / p.pipeline)});
        else if (p.expert < p.tensor && p.tensor % p.expert != 0)
            problems.add("ep",
                         QT_TRANSLATE_NOOP("Core", "expert parallel size %1 must divide the tensor-parallel size %2, "
                                                   "which splits each expert over the rest"),
                         {n(p.expert), n(p.tensor)});
    }
    if (p.dataParallelAttention && !r.model.hasLatentCache())
        problems.add("dp-attention",
                     QT_TRANSLATE_NOOP("Core", "data-parallel attention applies to MLA models (DeepSeek-V2/V3/R1) "
                                               "and DeepSeek-V4 only"));
    if (p.dataParallelAttention && !r.engine.supportsDataParallelAttention)
        problems.add("dp-attention", QT_TRANSLATE_NOOP("Core", "%1 has no data-parallel attention"), {r.engine.name});
    if (r.context < 1)
        problems.add("context", QT_TRANSLATE_NOOP("Core", "context length must be at least 1 token, got %1"),
                     {n(r.context)});
    else if (r.context > r.model.maxContext)
        problems.add("context", QT_TRANSLATE_NOOP("Core", "context length %1 exceeds the model's maximum of %2 tokens"),
                     {n(r.context), n(r.model.maxContext)});
    if (r.concurrency < 1)
        problems.add("concurrency", QT_TRANSLATE_NOOP("Core", "concurrency must be at least 1 sequence, got %1"),
                     {n(r.concurrency)});
    if (r.offloadLayers < 0 || r.offloadLayers > r.model.numLayers)
        problems.add("offload", QT_TRANSLATE_NOOP("Core", "offloaded layers must be between 0 and %1"),
                     {n(r.model.numLayers)});
    if (r.gpu.usableMemory <= units::bytes(0))
        problems.add("gpu", QT_TRANSLATE_NOOP("Core", "GPU memory capacity must be positive"));
    return problems.take();
}

InferenceMemoryEstimate estimateInferenceMemory(const InferenceRequest &request)
{
    if (!validate(request).empty()) {
        InferenceMemoryEstimate invalid;
        invalid.capacity = request.gpu.usableMemory;
        return invalid;
    }
    if (!request.autoOffload)
        return evaluate(request, request.offloadLayers);
    // The fewest offloaded layers that fit; with every layer on the host the
    // GPU still holds the embedding, head and runtime.
    InferenceMemoryEstimate best = evaluate(request, request.offloadLayers);
    for (int layers = request.offloadLayers + 1; !best.fits && layers <= request.model.numLayers; ++layers)
        best = evaluate(request, layers);
    return best;
}

} // namespace planner
