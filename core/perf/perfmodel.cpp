#include "core/perf/perfmodel.h"

#include "core/memory/engineprofile.h"
#include "core/perf/encoderperf.h"
#include "core/perf/speedtable.h"

#include "core/model/parametercount.h"
#include "core/model/weightbytes.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace planner {

namespace {

constexpr double kActivationBytes = 2.0; // BF16 activations cross the links

std::int64_t ceilDiv(std::int64_t a, std::int64_t b)
{
    return (a + b - 1) / b;
}

StepShape makeShape(const PerfRequest &r, std::int64_t context, std::int64_t concurrency)
{
    const InferenceRequest &d = r.deployment;
    const ModelSpec &m = d.model;
    StepShape s;
    InferenceRequest sized = d;
    sized.context = context;
    sized.concurrency = concurrency;
    s.memory = estimateInferenceMemory(sized);
    s.tp = d.parallel.tensor;
    s.pp = d.parallel.pipeline;
    s.ep = d.parallel.expert;
    s.dataParallelAttention = d.parallel.dataParallelAttention && m.hasLatentCache();
    s.attentionTp = s.dataParallelAttention ? 1 : s.tp;
    s.replicas = s.memory.dataParallelReplicas;
    s.hidden = static_cast<double>(m.hiddenSize);
    const GpuSpec &gpu = d.gpu;
    const units::FlopsPerSecond path = gpu.throughput(d.weights.compute);
    s.weightPeak = units::inTeraflopsPerSecond(path) * units::kTera;
    s.bf16Peak = units::inTeraflopsPerSecond(gpu.throughput(ComputePrecision::Bf16)) * units::kTera;
    s.memoryBandwidth = units::inGBPerSecond(gpu.memoryBandwidth) * units::kGB;
    if (path != gpu.bf16 && path != gpu.fp32)
        s.lowPrecision = d.weights.compute == ComputePrecision::Fp4 ? StepShape::LowPrecision::Fp4
                                                                    : StepShape::LowPrecision::Fp8;

    const ParameterBreakdown p = countParameters(m);
    const LayerComposition &stage = s.memory.stage;
    const LayerParameters stageParameters = p.over(stage);
    s.attentionParameters = static_cast<double>(stageParameters.attentionSharded) / s.attentionTp
                            + static_cast<double>(stageParameters.attentionReplicated
                                                  + stageParameters.attentionReplicatedOther);
    const int denseTp = denseTensorParallel(d.parallel, m);
    s.denseDataParallel = s.dataParallelAttention && denseTp == 1;
    s.mlpParameters = static_cast<double>(stageParameters.denseMlp) / denseTp;
    if (m.isMoe()) {
        s.experts = m.moe->routedExperts;
        s.expertsPerToken = static_cast<double>(m.moe->expertsPerToken);
        s.mlpParameters += static_cast<double>(stageParameters.sharedExperts) / denseTp
                           + static_cast<double>(stageParameters.router);
        // Per token of this replica, a GPU computes 1 / tp of its routed
        // experts' work: MoE-TP x EP (ep < tp) splits each expert tp / ep ways
        // over a group holding all experts; an expert group wider than the
        // replica (ep > tp) holds 1 / ep of the experts but receives the
        // tokens of ep / tp replicas.
        s.expertGroupReplicas = std::max(1.0, static_cast<double>(s.ep) / s.tp);
        s.expertParameters = static_cast<double>(stage.feedForward.experts) * s.expertsPerToken
                             * static_cast<double>(p.expertParameters) / s.tp;
        LayerParameters routedOnly;
        routedOnly.routedExperts = stageParameters.routedExperts;
        s.routedExpertBytes = layerWeightBytes(m, routedOnly, d.weights, s.tp, s.attentionTp, s.ep);
    }
    // An encoder's head is its pooler (one token per sequence), not logits over the vocabulary.
    s.headParameters = m.encoder ? s.hidden * s.hidden : static_cast<double>(m.vocabSize) * s.hidden / s.tp;
    const double kvPerToken = units::inBytes(s.memory.kvPerToken);
    s.attention = AttentionMix::of(stage.mixers, m,
                                   kvPerToken > 0 ? units::inBytes(s.memory.kvPerTokenFullLayers) / kvPerToken : -1);
    s.layers = static_cast<double>(stage.layers);
    s.attentionLayers = static_cast<double>(stage.mixers.softmax());
    s.moeLayers = static_cast<double>(stage.feedForward.experts);
    // Tensor parallelism reduces the output of every token mixer and every
    // feed-forward block (two per layer, one in Nemotron-H's single-part
    // layers). Data-parallel attention needs none for attention; its
    // feed-forward blocks gather every rank's tokens and scatter them back
    // (an all-reduce's traffic) unless they run data-parallel too.
    const double mixerReduces = static_cast<double>(stage.layers - stage.mixers.none);
    const double feedForwardReduces = static_cast<double>(stage.layers - stage.feedForward.none);
    if (!s.dataParallelAttention)
        s.allReduces = mixerReduces + feedForwardReduces;
    else
        s.allReduces = denseTp > 1 ? feedForwardReduces : 0.0;
    // A recurrent layer's update and read-out touch every state element a few
    // times per token: Gated DeltaNet's S k, rank-one update and S q are
    // 6 FLOPs per element; Mamba-2's decay, update and C h about as many.
    constexpr double kRecurrentFlopsPerStateElement = 6.0;
    double stateElements = 0;
    if (m.linearAttention)
        stateElements += static_cast<double>(stage.mixers.linear)
                         * static_cast<double>(m.linearAttention->stateElements());
    if (m.stateSpace)
        stateElements += static_cast<double>(stage.mixers.stateSpace)
                         * static_cast<double>(m.stateSpace->stateElements());
    s.recurrentFlopsPerToken = kRecurrentFlopsPerStateElement * stateElements / s.attentionTp;
    if (m.sparseAttention) // replicated on every rank: each scores its own sequences' keys
        s.indexerWidth = static_cast<double>(m.sparseAttention->indexHeads * m.sparseAttention->indexHeadDim);

    const double heads = static_cast<double>(m.numHeads) / s.attentionTp;
    if (m.mla) {
        const MlaSpec &a = *m.mla;
        s.attentionWidthPrefill = heads * static_cast<double>(a.qkNopeHeadDim + a.qkRopeHeadDim + a.vHeadDim);
        s.attentionWidthDecode = heads * static_cast<double>(2 * a.kvLoraRank + a.qkRopeHeadDim);
    } else {
        // The layers' mean head width (Gemma 4's full layers are wider);
        // AttentionMix weights each layer kind's pairs by its own width.
        const double softmaxLayers = static_cast<double>(stage.mixers.softmax());
        const double meanHeadDim = softmaxLayers > 0
                                       ? (static_cast<double>(stage.mixers.full) * m.attentionHeads(true).headDim
                                          + (softmaxLayers - static_cast<double>(stage.mixers.full)) * m.headDim)
                                             / softmaxLayers
                                       : static_cast<double>(m.headDim);
        s.attentionWidthPrefill = heads * 2.0 * meanHeadDim;
        s.attentionWidthDecode = s.attentionWidthPrefill;
    }
    return s;
}

// A ring's bandwidth term; for the latency, the 2 log2(n) hops of the tree
// (or NVLink SHARP, or the engines' one-shot kernels) that NCCL and the
// engines pick for the small messages of a decode step, not the ring's 2 (n - 1).
double ringAllReduceSeconds(double bytes, int ranks, const LinkPath &link, double efficiency)
{
    if (ranks <= 1 || bytes <= 0)
        return 0;
    const double bandwidth = units::inBytes(link.bandwidth * units::seconds(1)) * efficiency;
    const double steps = 2.0 * (ranks - 1);
    return steps / ranks * bytes / bandwidth
           + 2.0 * std::log2(static_cast<double>(ranks)) * units::inSeconds(link.latency);
}

double allToAllSeconds(double bytes, int ranks, const LinkPath &link, double efficiency)
{
    if (ranks <= 1 || bytes <= 0)
        return 0;
    const double bandwidth = units::inBytes(link.bandwidth * units::seconds(1)) * efficiency;
    return (ranks - 1.0) / ranks * bytes / bandwidth + units::inSeconds(link.latency);
}

// One MoE layer's dispatch and combine on one rank, which sends its share of
// the expert group's tokens. Dispatch travels in the experts' input precision
// (FP8 or NVFP4 with its scales where the weights run in them: DeepSeek-V3
// report section 3.3.2, DeepEP), combine in BF16. Inside one fabric a token
// goes to each of the k ranks holding its experts; across servers DeepEP
// sends one copy per remote server and forwards it over NVLink inside, so
// the network carries the distinct remote servers among a token's k experts
// (uniform routing: n (1 - (1 - 1/n)^k) servers, (n - 1) / n of them remote).
double expertAllToAllSeconds(const PerfLinks &links, const StepShape &s, double tokens, double efficiency)
{
    const double sent = tokens * s.expertGroupReplicas / s.ep;
    const double dispatchBytes = s.lowPrecision == StepShape::LowPrecision::Fp4   ? 0.5 + 1.0 / 16
                                 : s.lowPrecision == StepShape::LowPrecision::Fp8 ? 1.0 + 4.0 / 128
                                                                                  : kActivationBytes;
    const double perCopy = sent * s.hidden * (dispatchBytes + kActivationBytes);
    const int servers = links.expertParallelServers;
    if (servers <= 1)
        return allToAllSeconds(perCopy * s.expertsPerToken, s.ep, links.expertParallel, efficiency)
               + units::inSeconds(links.expertParallel.latency); // dispatch and combine, each with its latency
    const double n = servers;
    const double remoteServers = n * (1.0 - std::pow(1.0 - 1.0 / n, s.expertsPerToken)) * (n - 1.0) / n;
    const double bandwidth = units::inBytes(links.expertParallel.bandwidth * units::seconds(1)) * efficiency;
    return perCopy * remoteServers / bandwidth + 2.0 * units::inSeconds(links.expertParallel.latency);
}

// The share of a GEMM's compute fraction it reaches with `rows` tokens.
double gemmSaturation(double rows, const Efficiency &e)
{
    return e.gemmHalfTokens > 0 ? rows / (rows + e.gemmHalfTokens) : 1.0;
}

// Time of one kind of work on one GPU: the slower of its FLOPs at the
// achievable rate and its bytes at the achievable bandwidth.
double rooflineSeconds(double flops, double rate, double bytes, double bandwidth)
{
    const double compute = rate > 0 ? flops / rate : 0;
    const double memory = bandwidth > 0 ? bytes / bandwidth : 0;
    return std::max(compute, memory);
}

// The peak of the path the weights' precision runs on, less what its kernels
// keep: an FP8 or FP4 share only where the chip has those tensor cores (on
// others the GEMMs run in BF16, see GpuSpec::throughput).
double weightPeak(const StepShape &s, const Efficiency &e)
{
    switch (s.lowPrecision) {
    case StepShape::LowPrecision::Fp8: return s.weightPeak * e.fp8Share;
    case StepShape::LowPrecision::Fp4: return s.weightPeak * e.fp4Share;
    case StepShape::LowPrecision::None: break;
    }
    return s.weightPeak;
}

// Everything a step does on the most loaded GPU (see the header). The linear
// layers, the routed experts and attention are each timed by their own
// roofline, since one can be compute-bound while another reads memory.
StepLoad scaledLoad(const StepLoad &load, double factor)
{
    return {load.newTokens * factor,        load.sampledSequences * factor, load.promptAttention * factor,
            load.cachedTokensRead * factor, load.cachedTokenBytes * factor, load.indexerPairs * factor,
            load.indexerKeysRead * factor};
}

StepCost step(const PerfRequest &r, const StepShape &s, const StepLoad &whole, const Efficiency &e)
{
    // Pipeline stages work on different micro-batches at once: engines split
    // a step's sequences into up to pp micro-batches, so each stage reads its
    // weights once per micro-batch but its share of the KV cache and of the
    // FLOPs only once per step. A step takes max(micro-batches, pp) stage
    // times of one micro-batch; one sequence cannot be split.
    const double microBatches = s.pp > 1
                                    ? std::clamp(std::floor(whole.sampledSequences), 1.0, static_cast<double>(s.pp))
                                    : 1.0;
    const double rounds = std::max(microBatches, static_cast<double>(s.pp));
    const StepLoad load = scaledLoad(whole, 1.0 / microBatches);
    // Tokens this GPU's attention and MLP see: data-parallel attention splits
    // a replica's sequences over the TP ranks, the experts see them all.
    const double attentionShare = s.dataParallelAttention ? 1.0 / s.tp : 1.0;
    const double tokens = load.newTokens;

    const double mlpShare = s.denseDataParallel ? attentionShare : 1.0;
    const double linearFlops = 2.0 * tokens * (s.attentionParameters * attentionShare + s.mlpParameters * mlpShare)
                               + 2.0 * load.sampledSequences * s.headParameters; // logits of the sampled positions
    const double expertFlops = 2.0 * tokens * s.expertParameters;
    double attentionFlops = 2.0
                            * (load.promptAttention * s.attentionWidthPrefill
                               + load.cachedTokensRead * s.attentionWidthDecode)
                            * s.attentionLayers * attentionShare;
    attentionFlops += tokens * s.recurrentFlopsPerToken * attentionShare;
    attentionFlops += 2.0 * (load.indexerPairs + load.indexerKeysRead) * s.indexerWidth * s.attentionLayers
                      * attentionShare;

    double touchedExperts = 1.0;
    double tokensPerExpert = tokens;
    if (s.experts > 0) {
        // The rows of each expert's GEMM: the routed tokens of the expert
        // group over the experts that receive any (one each at batch 1, not a
        // fraction).
        const double routed = tokens * s.expertGroupReplicas;
        const double distinct = expectedDistinctExperts(s.experts, static_cast<std::int64_t>(s.expertsPerToken),
                                                        routed);
        touchedExperts = distinct / static_cast<double>(s.experts);
        tokensPerExpert = distinct > 0 ? routed * s.expertsPerToken / distinct : routed;
    }
    const double denseWeights = units::inBytes(s.memory.perGpu.weights) - s.routedExpertBytes;
    const double expertWeights = touchedExperts * s.routedExpertBytes;
    // A prefill longer than the engine's batch budget runs in chunks, each
    // reading the weights again.
    const long long chunk = r.deployment.engine.maxBatchedTokens;
    const double passes = chunk > 0 ? std::max(1.0, std::ceil(tokens / static_cast<double>(chunk))) : 1.0;
    // Each sequence that samples a token reads and writes its fixed state once.
    // Attention reads the entries it attends to; the indexer reads every
    // index key (both per layer on average, see AttentionMix).
    const double kv = load.cachedTokenBytes * attentionShare * units::inBytes(s.memory.cacheEntryBytes)
                      + load.indexerKeysRead * s.attentionLayers * attentionShare
                            * units::inBytes(s.memory.indexerKeyBytes)
                      + 2.0 * load.sampledSequences * attentionShare * units::inBytes(s.memory.statePerSequence);

    StepCost c;
    c.flops = units::flops(microBatches * (linearFlops + expertFlops + attentionFlops));
    c.bytes = units::bytes(microBatches * (passes * (denseWeights + expertWeights) + kv));
    const double peak = weightPeak(s, e);
    const double bf16 = s.bf16Peak;
    const double bandwidth = s.memoryBandwidth * e.memory;
    const double linearRate = peak * e.compute * gemmSaturation(tokens / passes, e);
    const double expertRate = peak * e.compute * gemmSaturation(tokensPerExpert / passes, e);
    const double attentionRate = (bf16 > 0 ? bf16 : peak) * e.attention;
    const double linearSeconds = rooflineSeconds(linearFlops, linearRate, passes * denseWeights, bandwidth);
    const double expertBandwidth = s.memoryBandwidth * std::min(1.0, e.memory * e.expertMemory);
    const double expertSeconds = rooflineSeconds(expertFlops, expertRate, passes * expertWeights, expertBandwidth);
    const double attentionSeconds = rooflineSeconds(attentionFlops, attentionRate, kv, bandwidth);
    const double computeSeconds = (linearRate > 0 ? linearFlops / linearRate : 0)
                                  + (expertRate > 0 ? expertFlops / expertRate : 0)
                                  + (attentionRate > 0 ? attentionFlops / attentionRate : 0);
    const double memorySeconds = bandwidth > 0 ? (passes * (denseWeights + expertWeights) + kv) / bandwidth : 0;
    const double kernels = linearSeconds + expertSeconds + attentionSeconds;

    // An all-reduce after each token mixer and feed-forward block, over the
    // activations of the tokens in the step.
    const double activation = tokens * s.hidden * kActivationBytes;
    double communication = s.allReduces * ringAllReduceSeconds(activation, s.tp, r.links.tensorParallel, e.network);
    if (s.ep > 1 && s.experts > 0)
        communication += s.moeLayers * expertAllToAllSeconds(r.links, s, tokens, e.network);
    double offloaded = 0;
    const double hostBandwidth = units::inGBPerSecond(r.links.hostMemory) * units::kGB;
    if (units::inBytes(s.memory.hostWeights) > 0 && hostBandwidth > 0)
        offloaded = passes * units::inBytes(s.memory.hostWeights) / (hostBandwidth * e.memory);
    // The engine's host work: per step, per sequence it schedules and
    // samples, and per layer where kernels are launched one by one. With
    // data-parallel attention every rank runs its own scheduler over its own
    // sequences, side by side.
    const double schedulers = s.dataParallelAttention ? s.tp : 1.0;
    const double sequences = std::max(whole.sampledSequences / schedulers, 1.0);
    const double overhead = e.stepSeconds + e.sequenceSeconds * sequences + e.layerSeconds * s.layers * s.pp;

    // A micro-batch crosses every pipeline stage in turn.
    const double stage = kernels + communication;
    double handOff = 0;
    if (s.pp > 1) {
        const double link = units::inBytes(r.links.pipeline.bandwidth * units::seconds(1)) * e.network;
        handOff = (s.pp - 1) * (activation / link + units::inSeconds(r.links.pipeline.latency));
    }
    c.compute = units::seconds(computeSeconds * rounds);
    c.memory = units::seconds(memorySeconds * rounds);
    c.communication = units::seconds(communication * rounds + handOff);
    c.host = units::seconds(offloaded + overhead);
    c.time = units::seconds(stage * rounds + handOff + offloaded + overhead);

    const double parts[] = {computeSeconds * rounds, memorySeconds * rounds, communication * rounds + handOff,
                            offloaded + overhead};
    const auto largest = std::max_element(std::begin(parts), std::end(parts)) - std::begin(parts);
    c.bound = static_cast<Bound>(largest);
    return c;
}

// `sequences` prompts of `prompt` tokens, of which the first `cached` are
// already in the prefix cache: only the rest are computed, attending to all.
StepLoad promptLoad(const AttentionMix &mix, double sequences, std::int64_t prompt, std::int64_t cached = 0)
{
    const double n = static_cast<double>(prompt - cached);
    StepLoad load{sequences * n, sequences, 0, 0};
    mix.addPrompt(load, sequences, static_cast<double>(cached), n);
    return load;
}

// A decode step at `context` tokens. Over a generation the chunked layers'
// keys cycle through their chunk, so the context stands for the position.
StepLoad decodeLoad(const AttentionMix &mix, double sequences, std::int64_t context)
{
    StepLoad load{sequences, sequences, 0, 0};
    mix.addDecode(load, sequences, static_cast<double>(context));
    return load;
}

// A decode step with a speculative draft, per emitted token: the
// verification of draft + 1 positions per sequence (each attends to the
// cache, which is read once) and the draft's own passes, over the tokens the
// step emits on average.
// What a draft adds to a step whose plain decode (one position per
// sequence) costs `plainDecode`: an MTP module or EAGLE head runs one block
// per draft token, one after another, each a decode step's share of one
// layer; an n-gram draft runs no GPU work.
double draftSeconds(const SpeculativeDecoding &spec, const StepShape &s, double plainDecode)
{
    if (spec.kind != DraftKind::Mtp && spec.kind != DraftKind::Eagle)
        return 0;
    return plainDecode * spec.draftTokens / std::max(1.0, s.layers * s.pp);
}

StepCost speculativeDecode(const PerfRequest &r, const StepShape &s, double sequences, std::int64_t context,
                           const Efficiency &e)
{
    const SpeculativeDecoding &spec = r.speculative;
    StepLoad load;
    addVerification(s.attention, load, sequences, static_cast<double>(context), spec.draftTokens + 1);
    StepCost c = step(r, s, load, e);
    if (spec.kind == DraftKind::Mtp || spec.kind == DraftKind::Eagle) {
        const StepCost plain = step(r, s, decodeLoad(s.attention, sequences, context), e);
        c.time += units::seconds(draftSeconds(spec, s, units::inSeconds(plain.time)));
    }
    const double accepted = std::max(1.0, spec.acceptedTokens);
    c.time = c.time / accepted;
    c.compute = c.compute / accepted;
    c.memory = c.memory / accepted;
    c.communication = c.communication / accepted;
    c.host = c.host / accepted;
    return c;
}

StepCost prefillFor(const PerfRequest &r, const StepShape &s, double sequences, std::int64_t prompt,
                    const Efficiency &e)
{
    return step(r, s, promptLoad(s.attention, sequences, prompt, cachedPromptTokens(r.prefixCacheHitRate, prompt)), e);
}

StepCost decodeFor(const StepShape &s, const PerfRequest &r, double sequences, std::int64_t context,
                   const Efficiency &e)
{
    if (r.speculative.kind != DraftKind::None)
        return speculativeDecode(r, s, sequences, context, e);
    return step(r, s, decodeLoad(s.attention, sequences, context), e);
}

// The point at `concurrency`; the lone prompt's prefill and the decode step
// it was computed from go to `steps` when given (what estimatePerformance
// reports beside the point).
struct PointSteps {
    StepCost prefill;
    StepCost decode;
};

// A prefill pool alone: each slot computes its prompt and samples the first
// token, then hands the cache on. Its rate is requests (one token each).
PerfPoint prefillOnlyPoint(const PerfRequest &r, const StepShape &s, std::int64_t concurrency, const Efficiency &e,
                           PointSteps *steps)
{
    const double perReplica = static_cast<double>(ceilDiv(concurrency, s.replicas));
    const StepCost prefillOne = prefillFor(r, s, 1, r.inputTokens, e);
    const StepCost prefillAll = perReplica == 1 ? prefillOne : prefillFor(r, s, perReplica, r.inputTokens, e);
    if (steps)
        *steps = {prefillOne, StepCost{}};
    PerfPoint p;
    p.ttft = units::seconds(e.requestSeconds) + prefillOne.time;
    const double batch = units::inSeconds(prefillAll.time);
    if (batch > 0) {
        const double requests = static_cast<double>(concurrency) / batch;
        p.outputTokensPerSecond = requests;
        p.inputTokensPerSecond = requests * static_cast<double>(r.inputTokens);
    }
    return p;
}

// A decode pool alone: caches arrive computed, so no prompt interleaves with
// its steps; its first token is the first step after a cache arrives.
PerfPoint decodeOnlyPoint(const PerfRequest &r, const StepShape &s, std::int64_t concurrency, const Efficiency &e,
                          PointSteps *steps)
{
    const double perReplica = static_cast<double>(ceilDiv(concurrency, s.replicas));
    const StepCost decode = decodeFor(s, r, perReplica, r.inputTokens + r.outputTokens / 2, e);
    if (steps)
        *steps = {StepCost{}, decode};
    PerfPoint p;
    p.ttft = decode.time;
    p.tpot = decode.time;
    const double step = units::inSeconds(decode.time);
    if (step > 0) {
        p.outputTokensPerSecond = static_cast<double>(concurrency) / step;
        p.inputTokensPerSecond = p.outputTokensPerSecond * static_cast<double>(r.inputTokens)
                                 / static_cast<double>(std::max<std::int64_t>(1, r.outputTokens));
    }
    return p;
}

PerfPoint pointAt(const PerfRequest &r, const StepShape &s, std::int64_t concurrency, const Efficiency &e,
                  PointSteps *steps = nullptr)
{
    if (r.phases == ServingPhases::PrefillOnly)
        return prefillOnlyPoint(r, s, concurrency, e, steps);
    if (r.phases == ServingPhases::DecodeOnly)
        return decodeOnlyPoint(r, s, concurrency, e, steps);
    const double perReplica = static_cast<double>(ceilDiv(concurrency, s.replicas));
    const std::int64_t meanContext = r.inputTokens + r.outputTokens / 2;
    const StepCost prefillOne = prefillFor(r, s, 1, r.inputTokens, e);
    const StepCost decode = decodeFor(s, r, perReplica, meanContext, e);
    const StepCost prefillAll = perReplica == 1 ? prefillOne : prefillFor(r, s, perReplica, r.inputTokens, e);
    if (steps)
        *steps = {prefillOne, decode};

    PerfPoint p;
    p.ttft = units::seconds(e.requestSeconds) + prefillOne.time + (concurrency > 1 ? decode.time : units::seconds(0));
    // Each slot alternates its prompt's prefill and its output's decode
    // steps; the other slots' prefills interleave with a sequence's decode
    // steps, so its time per token carries their share.
    const double cycle = units::inSeconds(prefillAll.time)
                         + static_cast<double>(r.outputTokens) * units::inSeconds(decode.time);
    const double othersPrefill = std::max(0.0, units::inSeconds(prefillAll.time) - units::inSeconds(prefillOne.time));
    p.tpot = decode.time
             + units::seconds(othersPrefill / static_cast<double>(std::max<std::int64_t>(1, r.outputTokens)));
    if (cycle > 0) {
        p.outputTokensPerSecond = static_cast<double>(concurrency) * static_cast<double>(r.outputTokens) / cycle;
        p.inputTokensPerSecond = static_cast<double>(concurrency) * static_cast<double>(r.inputTokens) / cycle;
    }
    return p;
}

// A point with its times multiplied by `factor` (its rates divided).
PerfPoint timesScaled(const PerfPoint &p, double factor)
{
    PerfPoint scaled = p;
    scaled.ttft = p.ttft * factor;
    scaled.tpot = p.tpot * factor;
    scaled.outputTokensPerSecond = p.outputTokensPerSecond / factor;
    scaled.inputTokensPerSecond = p.inputTokensPerSecond / factor;
    return scaled;
}

// Each figure at the slower of the two.
PerfPoint slowerOf(const PerfPoint &a, const PerfPoint &b)
{
    PerfPoint p;
    p.ttft = std::max(a.ttft, b.ttft);
    p.tpot = std::max(a.tpot, b.tpot);
    p.outputTokensPerSecond = std::min(a.outputTokensPerSecond, b.outputTokensPerSecond);
    p.inputTokensPerSecond = std::min(a.inputTokensPerSecond, b.inputTokensPerSecond);
    return p;
}

} // namespace

EfficiencyRange efficiencyFor(const EngineProfile &engine, const GpuSpec &gpu)
{
    return efficiencyFor(engine, gpu, shippedSpeedTable());
}

EfficiencyRange efficiencyFor(const EngineProfile &engine, const GpuSpec &gpu, const SpeedTable &table)
{
    const EngineSpeedTerms &terms = table.engine(engine.id);
    EfficiencyRange range;
    range.nominal = tableEfficiency(table, engine, gpu);
    range.source = table.source;
    // A CPU running llama.cpp (no GPU): decode reaches 32-71 % of the DDR
    // peak and prompt processing 29-55 % of the cores' FP32 vector rate; the
    // nominal factors are the medians of the published runs in
    // tests/fixtures/measurements/llamacpp-cpu.csv ("fit" rows; the
    // "held-out" rows check them in tests/core/test_currenthardware).
    if (gpu.runsOnCpu) {
        range.nominal.compute = range.nominal.attention = 0.30;
        range.nominal.memory = 0.61;
        range.nominal.gemmHalfTokens = 0;
        range.pessimistic = range.optimistic = range.nominal;
        range.pessimistic.compute = range.pessimistic.attention = 0.29;
        range.optimistic.compute = range.optimistic.attention = 0.55;
        range.pessimistic.memory = 0.32;
        range.optimistic.memory = 0.71;
        range.source = "llama.cpp on a CPU: memory 32-71 % of the DDR peak, compute 29-55 % of the FP32 vector rate "
                       "(published llama-bench runs, tests/fixtures/measurements/llamacpp-cpu.csv)";
        return range;
    }
    range.pessimistic = scaledForTime(range.nominal, terms.slowerBound);
    range.optimistic = scaledForTime(range.nominal, terms.fasterBound);
    range.fasterBound = terms.fasterBound;
    range.slowerBound = terms.slowerBound;
    // TPUs and Trainium run models through their own compilers (vLLM's TPU
    // backend on JAX/XLA; the AWS Neuron SDK); no measurement of either is
    // fitted, so the GPU factors stand and the estimate says so.
    if (gpu.vendor == "Google" || gpu.vendor == "AWS")
        range.source += "; " + gpu.name + " is not a GPU: it runs through "
                        + (gpu.vendor == "Google" ? "vLLM's TPU backend (JAX/XLA)" : "the AWS Neuron SDK")
                        + ", and no measurement of it is fitted here, so these GPU factors are an assumption";
    return range;
}

LinkPath pcieLink(const GpuSpec &gpu)
{
    // PCIe x16 per direction: 15.75 (Gen3), 31.5 (Gen4), 63 (Gen5) GB/s.
    const int generation = gpu.pcieGeneration > 0 ? gpu.pcieGeneration : 4;
    return LinkPath{units::gigabytesPerSecond(15.75 * std::pow(2.0, std::clamp(generation, 3, 6) - 3)),
                    units::seconds(10e-6)};
}

units::BytesPerSecond defaultHostMemoryBandwidth()
{
    // 2 channels x 4800 MT/s x 8 bytes.
    return units::gigabytesPerSecond(2 * 4800 * 8 / 1000.0);
}

PerfLinks singleServerLinks(const GpuSpec &gpu)
{
    PerfLinks links;
    // NVLink figures in the catalogue are per GPU, both directions together.
    const double nvlink = units::inGBPerSecond(gpu.nvlinkBandwidth) / 2;
    // Small-message latency of a collective step, NCCL over NVLink vs over PCIe.
    const LinkPath inside = nvlink > 0 ? LinkPath{units::gigabytesPerSecond(nvlink), units::seconds(3e-6)}
                                       : pcieLink(gpu);
    links.tensorParallel = inside;
    links.pipeline = inside;
    links.expertParallel = inside;
    links.hostMemory = defaultHostMemoryBandwidth();
    return links;
}

double expectedDistinctExperts(std::int64_t experts, std::int64_t perToken, double tokens)
{
    if (experts <= 0 || perToken <= 0 || tokens <= 0)
        return 0;
    const double n = static_cast<double>(experts);
    const double missed = std::pow(1.0 - static_cast<double>(perToken) / n, tokens);
    return n * (1.0 - missed);
}

StepCost prefillStep(const PerfRequest &request, std::int64_t tokens, const Efficiency &efficiency)
{
    const StepShape s = makeShape(request, std::max<std::int64_t>(tokens, 1), 1);
    return prefillFor(request, s, 1, tokens, efficiency);
}

StepCost decodeStep(const PerfRequest &request, std::int64_t sequences, std::int64_t context,
                    const Efficiency &efficiency)
{
    const StepShape s = makeShape(request, std::max<std::int64_t>(context, 1), std::max<std::int64_t>(sequences, 1));
    return decodeFor(s, request, static_cast<double>(ceilDiv(sequences, s.replicas)), context, efficiency);
}

namespace {

void validatePrefillPool(ProblemList &problems, const PerfRequest &r)
{
    const PrefillPool &pool = *r.prefillPool;
    if (r.phases != ServingPhases::DecodeOnly)
        problems.add("phases", QT_TRANSLATE_NOOP("Core", "with a prefill pool the deployment is the decode pool, "
                                                         "so it runs the decode phase only"));
    if (pool.deployment.model.id != r.deployment.model.id)
        problems.add("model", QT_TRANSLATE_NOOP("Core", "the prefill and decode pools must serve the same model"));
    const double bandwidth = units::inBytes(pool.kvTransfer.bandwidth * units::seconds(1));
    const double latency = units::inSeconds(pool.kvTransfer.latency);
    if (!std::isfinite(bandwidth) || bandwidth <= 0 || !std::isfinite(latency) || latency < 0)
        problems.add("network", QT_TRANSLATE_NOOP("Core", "the KV transfer link between the pools needs a positive "
                                                          "bandwidth and a non-negative latency"));
    PerfRequest probe = prefillPoolRequest(r);
    probe.concurrency = 1;
    problems.addAll(validate(probe), "prefill pool");
}

} // namespace

std::vector<Problem> validate(const PerfRequest &r)
{
    InferenceRequest sized = r.deployment;
    sized.context = r.inputTokens + r.outputTokens;
    sized.concurrency = r.concurrency;
    ProblemList problems("invalid-request");
    if (r.inputTokens < 1)
        problems.add("input-len", QT_TRANSLATE_NOOP("Core", "input length must be at least 1 token, got %1"),
                     {std::to_string(r.inputTokens)});
    const ModelSpec &model = r.deployment.model;
    if (model.encoder && r.outputTokens != 0)
        problems.addAll({Problem("invalid-request", encoderOnlyMessage(model), "model")});
    else if (!model.encoder && r.outputTokens < 1)
        problems.add("output-len", QT_TRANSLATE_NOOP("Core", "output length must be at least 1 token, got %1"),
                     {std::to_string(r.outputTokens)});
    if (r.concurrency < 1)
        problems.add("concurrency", QT_TRANSLATE_NOOP("Core", "concurrency must be at least 1, got %1"),
                     {std::to_string(r.concurrency)});
    if (r.efficiency && !r.efficiency->plausible())
        problems.add("efficiency", QT_TRANSLATE_NOOP("Core", "efficiency factors must lie between 0.01 and 1"));
    const SpeculativeDecoding &spec = r.speculative;
    if (spec.kind == DraftKind::Mtp && (model.mtpLayers < 1 || !r.deployment.loadMtp))
        problems.add("speculative",
                     QT_TRANSLATE_NOOP("Core", "an MTP draft needs a model with a multi-token-prediction module, "
                                               "loaded beside the model"));
    if (spec.kind != DraftKind::None
        && (spec.draftTokens < 1 || spec.draftTokens > SpeculativeDecoding::kMostDraftTokens
            || !(spec.acceptedTokens >= 1) || spec.acceptedTokens > spec.draftTokens + 1.0))
        problems.add("speculative",
                     QT_TRANSLATE_NOOP("Core", "a speculative draft proposes 1 to 16 tokens a step and a step emits "
                                               "at least 1 and at most draft + 1 tokens, got %1 and %2"),
                     {std::to_string(spec.draftTokens), std::to_string(spec.acceptedTokens)});
    if (!(r.prefixCacheHitRate >= 0 && r.prefixCacheHitRate < 1))
        problems.add("prefix-hit",
                     QT_TRANSLATE_NOOP("Core", "the prefix-cache hit rate is a share of each prompt's tokens, at "
                                               "least 0 and below 1, got %1"),
                     {std::to_string(r.prefixCacheHitRate)});
    if (r.phases == ServingPhases::PrefillOnly && spec.kind != DraftKind::None)
        problems.add("speculative",
                     QT_TRANSLATE_NOOP("Core", "a prefill pool does not decode, so it runs no speculative draft"));
    if (r.prefillPool)
        validatePrefillPool(problems, r);
    if (!problems.empty())
        return problems.take();
    problems.addAll(validate(sized));
    if (r.deployment.gpu.memoryBandwidth <= units::gigabytesPerSecond(0))
        problems.add("gpu", QT_TRANSLATE_NOOP("Core", "the GPU's memory bandwidth must be positive"));
    if (r.deployment.gpu.throughput(r.deployment.weights.compute) <= units::teraflopsPerSecond(0))
        problems.add("gpu", QT_TRANSLATE_NOOP("Core", "the GPU has no throughput figure for %1"),
                     {std::string(toString(r.deployment.weights.compute))});
    const bool needsLinks = r.deployment.parallel.tensor > 1 || r.deployment.parallel.pipeline > 1
                            || r.deployment.parallel.expert > 1;
    if (needsLinks
        && (r.links.tensorParallel.bandwidth <= units::gigabytesPerSecond(0)
            || r.links.pipeline.bandwidth <= units::gigabytesPerSecond(0)
            || r.links.expertParallel.bandwidth <= units::gigabytesPerSecond(0)))
        problems.add(
            "network",
            QT_TRANSLATE_NOOP("Core", "a parallel deployment needs links with positive bandwidth between its GPUs"));
    return problems.take();
}

std::int64_t saturatedConcurrency(const PerfRequest &r)
{
    PerfRequest one = r;
    one.concurrency = 1;
    if (!validate(one).empty())
        return 0;
    const StepShape s = makeShape(one, r.inputTokens + r.outputTokens, 1);
    if (!s.memory.fits)
        return 0;
    const std::int64_t limit = runningSequenceLimit(r.deployment.engine, r.deployment.gpu);
    return limit > 0 ? std::min(s.memory.maxConcurrency, limit * s.replicas) : s.memory.maxConcurrency;
}

namespace {

// The sequences that run at once, and the step shape for them: all of the
// request's, unless the engine's running-sequence limit or the memory holds
// fewer (the rest wait for a slot); nullopt when not even one fits.
struct RunningShape {
    std::int64_t sequences = 0;
    StepShape shape;
};

std::optional<RunningShape> runningShape(const PerfRequest &r)
{
    const std::int64_t context = r.inputTokens + r.outputTokens;
    StepShape s = makeShape(r, context, r.concurrency);
    const std::int64_t perReplica = runningSequenceLimit(r.deployment.engine, r.deployment.gpu);
    const bool engineBound = perReplica > 0 && r.concurrency > perReplica * s.replicas;
    if (s.memory.fits && !engineBound)
        return RunningShape{r.concurrency, std::move(s)};
    const std::int64_t held = std::min(saturatedConcurrency(r), r.concurrency);
    if (held < 1)
        return std::nullopt;
    return RunningShape{held, makeShape(r, context, held)};
}

// Requests beyond those running wait for a slot, which frees when a running
// one ends: the last of them waits `queued` x output tokens at the
// throughput, which its first token comes after.
PerfPoint withQueue(PerfPoint p, std::int64_t queued, std::int64_t outputTokens)
{
    if (queued > 0 && p.outputTokensPerSecond > 0)
        p.ttft += units::seconds(static_cast<double>(queued) * static_cast<double>(outputTokens)
                                 / p.outputTokensPerSecond);
    return p;
}

// A disaggregated pair: a request's first token comes from the prefill pool
// (its prompt computed there), its cache crosses, and it joins the decode
// pool's next step; the pair serves no more requests per second than the
// slower pool. `prefill` is the pool's point at its saturated concurrency.
PerfPoint pairedPoint(const PerfRequest &r, const PerfPoint &prefill, double transferSeconds, const PerfPoint &decode)
{
    PerfPoint p;
    p.ttft = prefill.ttft + units::seconds(transferSeconds) + decode.ttft;
    p.tpot = decode.tpot;
    const double output = static_cast<double>(std::max<std::int64_t>(1, r.outputTokens));
    const double requests = std::min(decode.outputTokensPerSecond / output, prefill.outputTokensPerSecond);
    p.outputTokensPerSecond = requests * output;
    p.inputTokensPerSecond = requests * static_cast<double>(r.inputTokens);
    return p;
}

// The prefill pool's request at its saturated concurrency and its step model
// (for the transfer's bytes); nullopt when one prompt does not fit there.
struct PreparedPrefillPool {
    PerfRequest request;
    StepShape shape;
    double transferSeconds = 0;
};

std::optional<PreparedPrefillPool> preparePrefillPool(const PerfRequest &r)
{
    PerfRequest pool = prefillPoolRequest(r);
    pool.concurrency = saturatedConcurrency(pool);
    if (pool.concurrency < 1)
        return std::nullopt;
    const StepCostModel model(pool, Efficiency{}, pool.inputTokens + pool.outputTokens, pool.concurrency);
    return PreparedPrefillPool{pool, model.shape(), kvTransferSeconds(model, r.prefillPool->kvTransfer, r.inputTokens)};
}

} // namespace

PerfEstimate estimatePerformance(const PerfRequest &r)
{
    PerfEstimate estimate;
    if (!validate(r).empty())
        return estimate;
    if (r.prefillPool) {
        PerfRequest decode = r;
        decode.prefillPool.reset();
        estimate = estimatePerformance(decode);
        if (!estimate.fits)
            return estimate;
        const std::optional<PreparedPrefillPool> pool = preparePrefillPool(r);
        if (!pool) // not even one prompt fits on the prefill pool: no timing
            return PerfEstimate{};
        const PerfEstimate prefill = estimatePerformance(pool->request);
        const double transfer = pool->transferSeconds;
        estimate.nominal = pairedPoint(r, prefill.nominal, transfer, estimate.nominal);
        estimate.pessimistic = pairedPoint(r, prefill.pessimistic, transfer, estimate.pessimistic);
        estimate.optimistic = pairedPoint(r, prefill.optimistic, transfer, estimate.optimistic);
        estimate.prefill = prefill.prefill;
        estimate.kvTransfer = units::seconds(transfer);
        estimate.prefillPoolConcurrency = pool->request.concurrency;
        return estimate;
    }
    const std::optional<RunningShape> running = runningShape(r);
    if (!running)
        return estimate;
    const StepShape &s = running->shape;
    const std::int64_t n = running->sequences;
    estimate.fits = true;
    estimate.maxConcurrency = s.memory.maxConcurrency;
    estimate.runningSequences = n;
    const EfficiencyRange range = efficiencyRange(r);
    PointSteps steps;
    estimate.nominal = pointAt(r, s, n, range.nominal, &steps);
    if (range.fasterBound > 0 && range.slowerBound > 0) {
        Efficiency peak; // every share at 1 and no host time: nothing runs faster
        peak.compute = peak.memory = peak.network = peak.attention = 1;
        const PerfPoint roofline = pointAt(r, s, n, peak);
        estimate.pessimistic = timesScaled(estimate.nominal, range.slowerBound);
        estimate.optimistic = slowerOf(timesScaled(estimate.nominal, range.fasterBound), roofline);
    } else {
        estimate.pessimistic = pointAt(r, s, n, range.pessimistic);
        estimate.optimistic = pointAt(r, s, n, range.optimistic);
    }
    for (PerfPoint *p : {&estimate.nominal, &estimate.pessimistic, &estimate.optimistic})
        *p = withQueue(*p, r.concurrency - n, r.outputTokens);
    estimate.prefill = steps.prefill;
    estimate.decode = steps.decode;
    return estimate;
}

PerfPoint performanceAt(const PerfRequest &r, const Efficiency &efficiency)
{
    if (!validate(r).empty())
        return {};
    const std::optional<RunningShape> running = runningShape(r);
    if (!running)
        return {};
    const PerfPoint point = withQueue(pointAt(r, running->shape, running->sequences, efficiency),
                                      r.concurrency - running->sequences, r.outputTokens);
    if (!r.prefillPool)
        return point;
    const std::optional<PreparedPrefillPool> pool = preparePrefillPool(r);
    if (!pool)
        return {};
    const PerfPoint prefill = pointAt(pool->request, pool->shape, pool->request.concurrency, efficiency);
    return pairedPoint(r, prefill, pool->transferSeconds, point);
}

PerfRequest prefillPoolRequest(const PerfRequest &r)
{
    PerfRequest pool = r;
    pool.prefillPool.reset();
    pool.speculative = {};
    pool.phases = ServingPhases::PrefillOnly;
    pool.outputTokens = 1;
    if (!r.prefillPool)
        return pool;
    pool.deployment = r.prefillPool->deployment;
    pool.links = r.prefillPool->links;
    pool.deployment.context = std::max<std::int64_t>(pool.deployment.context, r.inputTokens + 1);
    const bool sameEngineAndGpu = pool.deployment.engine.id == r.deployment.engine.id
                                  && pool.deployment.gpu.id == r.deployment.gpu.id;
    if (!sameEngineAndGpu)
        pool.efficiency.reset();
    return pool;
}

void addVerification(const AttentionMix &mix, StepLoad &load, double sequences, double position, int positions)
{
    StepLoad one;
    mix.addDecode(one, sequences, position);
    const double n = positions;
    load.newTokens += sequences * n;
    load.sampledSequences += sequences * n;
    load.cachedTokensRead += one.cachedTokensRead * n; // every position attends
    load.cachedTokenBytes += one.cachedTokenBytes;     // the cache is read once
    load.indexerKeysRead += one.indexerKeysRead;
}

double StepCostModel::draftSeconds(const StepLoad &plainDecodes) const
{
    if (plainDecodes.sampledSequences <= 0)
        return 0;
    return planner::draftSeconds(mRequest.speculative, mShape, units::inSeconds(cost(plainDecodes).time));
}

std::int64_t cachedPromptTokens(double hitRate, std::int64_t prompt)
{
    const auto cached = static_cast<std::int64_t>(std::floor(hitRate * static_cast<double>(prompt)));
    return std::clamp<std::int64_t>(cached, 0, std::max<std::int64_t>(prompt - 1, 0));
}

double kvTransferSeconds(const StepCostModel &prefillPool, const LinkPath &link, std::int64_t promptTokens)
{
    const InferenceMemoryEstimate &m = prefillPool.shape().memory;
    const double bytes = units::inBytes(m.kvPerToken) * static_cast<double>(promptTokens)
                         + units::inBytes(m.statePerSequence);
    const double bandwidth = units::inBytes(link.bandwidth * units::seconds(1));
    return (bandwidth > 0 ? bytes / bandwidth : 0) + units::inSeconds(link.latency);
}

EfficiencyRange efficiencyRange(const PerfRequest &r)
{
    EfficiencyRange range = efficiencyFor(r.deployment.engine, r.deployment.gpu);
    if (!r.efficiency)
        return range;
    // The user's three shares replace the default's; the engine's host costs
    // and the other shares stay.
    const Efficiency &mine = *r.efficiency;
    const auto scaled = [&mine](const Efficiency &bound, const Efficiency &nominal) {
        Efficiency e = bound;
        e.compute = std::min(1.0, mine.compute * bound.compute / nominal.compute);
        e.memory = std::min(1.0, mine.memory * bound.memory / nominal.memory);
        e.network = std::min(1.0, mine.network * bound.network / nominal.network);
        return e;
    };
    range.pessimistic = scaled(range.pessimistic, range.nominal);
    range.optimistic = scaled(range.optimistic, range.nominal);
    range.nominal.compute = mine.compute;
    range.nominal.memory = mine.memory;
    range.nominal.network = mine.network;
    range.source = "your calibration (llm-planner-cli calibrate), with the default's relative spread";
    return range;
}

std::vector<CurvePoint> concurrencyCurve(const PerfRequest &r)
{
    std::vector<CurvePoint> curve;
    if (!validate(r).empty())
        return curve;
    const std::int64_t maximum = saturatedConcurrency(r);
    const Efficiency nominal = efficiencyRange(r).nominal;
    PerfRequest at = r;
    for (std::int64_t c = 1; c <= maximum; c = (c * 2 > maximum && c < maximum) ? maximum : c * 2) {
        at.concurrency = c;
        curve.push_back({c, performanceAt(at, nominal)});
    }
    return curve;
}

std::vector<InputLengthPoint> inputLengthCurve(const PerfRequest &r, std::int64_t longestInput)
{
    std::vector<InputLengthPoint> curve;
    const Efficiency nominal = efficiencyRange(r).nominal;
    constexpr std::int64_t kShortestPrompt = 128;
    for (std::int64_t input = std::min(kShortestPrompt, longestInput); input >= 1 && input <= longestInput;
         input = (input * 2 > longestInput && input < longestInput) ? longestInput : input * 2) {
        PerfRequest at = r;
        at.inputTokens = input;
        at.deployment.context = std::max(r.deployment.context, input + r.outputTokens);
        if (!validate(at).empty())
            break;
        const StepShape s = makeShape(at, input + r.outputTokens, r.concurrency);
        if (!s.memory.fits)
            break; // longer prompts do not fit either
        curve.push_back({input, pointAt(at, s, r.concurrency, nominal)});
    }
    return curve;
}

StepCostModel::StepCostModel(const PerfRequest &request, const Efficiency &efficiency, std::int64_t context,
                             std::int64_t concurrency)
    : mRequest(request)
    , mEfficiency(efficiency)
    , mShape(makeShape(request, std::max<std::int64_t>(context, 1), std::max<std::int64_t>(concurrency, 1)))
{
    if (!request.prefillPool)
        return;
    mPrefill.emplace();
    if (const std::optional<PreparedPrefillPool> pool = preparePrefillPool(request)) {
        mPrefill->fits = true;
        mPrefill->point = pointAt(pool->request, pool->shape, pool->request.concurrency, efficiency);
        mPrefill->transferSeconds = pool->transferSeconds;
    }
}

StepCost StepCostModel::cost(const StepLoad &load) const
{
    return step(mRequest, mShape, load, mEfficiency);
}

StepCost StepCostModel::prefill(double sequences, std::int64_t promptTokens) const
{
    return prefillFor(mRequest, mShape, sequences, promptTokens, mEfficiency);
}

StepCost StepCostModel::decode(double sequences, std::int64_t context) const
{
    return cost(decodeLoad(mShape.attention, sequences, context));
}

PerfPoint StepCostModel::point(std::int64_t concurrency) const
{
    const PerfPoint own = pointAt(mRequest, mShape, std::max<std::int64_t>(concurrency, 1), mEfficiency);
    if (!mPrefill)
        return own;
    return mPrefill->fits ? pairedPoint(mRequest, mPrefill->point, mPrefill->transferSeconds, own) : PerfPoint{};
}

std::optional<double> StepCostModel::prefillPoolRequestsPerSecond() const
{
    if (!mPrefill)
        return std::nullopt;
    return mPrefill->fits ? mPrefill->point.outputTokensPerSecond : 0.0;
}

double StepCostModel::kvCapacityTokens() const
{
    const InferenceMemoryEstimate &m = mShape.memory;
    const double perToken = units::inBytes(m.kvPerToken);
    if (perToken <= 0)
        return 0;
    const double free = units::inBytes(m.capacity)
                        - (units::inBytes(m.perGpu.total()) - units::inBytes(m.perGpu.kvCache));
    const double pools = mShape.dataParallelAttention ? mShape.tp : 1;
    return std::max(0.0, free / perToken) * pools;
}

AttentionMix AttentionMix::of(const LayerAttentionCounts &layers, const ModelSpec &model, double fullCacheShare)
{
    AttentionMix mix;
    mix.windowTokens = model.slidingWindow;
    mix.chunkTokens = model.attentionChunk;
    mix.sparseTopK = model.sparseAttention ? model.sparseAttention->topK : 0;
    mix.bidirectional = model.encoder.has_value();
    if (layers.softmax() <= 0)
        return mix;
    if (model.compressedAttention) {
        // Every DeepSeek-V4 layer reads its window; the compressed ones add
        // their entries, all of one size.
        const double n = static_cast<double>(layers.softmax());
        mix.full = mix.cacheFull = 0;
        mix.slidingWindow = mix.cacheSlidingWindow = 1;
        mix.compressedSparse = static_cast<double>(layers.compressedSparse) / n;
        mix.heavilyCompressed = static_cast<double>(layers.heavilyCompressed) / n;
        mix.heavyRatio = model.compressedAttention->heavyRatio;
        mix.indexed = mix.compressedSparse;
        mix.indexRatio = CompressedAttentionSpec::kSparseRatio;
        return mix;
    }
    const AttentionHeads fullHeads = model.attentionHeads(true);
    const AttentionHeads localHeads = model.attentionHeads(false);
    // Work per layer scales with its head width (every layer has all query
    // heads); cache bytes with key-value heads x head width.
    const auto shares = [&layers](double fullWeight, double localWeight, double &full, double &window, double &chunk) {
        const double f = static_cast<double>(layers.full) * fullWeight;
        const double w = static_cast<double>(layers.slidingWindow) * localWeight;
        const double c = static_cast<double>(layers.chunked) * localWeight;
        const double total = f + w + c;
        if (total <= 0)
            return;
        full = f / total;
        window = w / total;
        chunk = c / total;
    };
    shares(static_cast<double>(fullHeads.headDim), static_cast<double>(localHeads.headDim), mix.full, mix.slidingWindow,
           mix.chunked);
    shares(static_cast<double>(fullHeads.keyValueHeads * fullHeads.headDim),
           static_cast<double>(localHeads.keyValueHeads * localHeads.headDim), mix.cacheFull, mix.cacheSlidingWindow,
           mix.cacheChunked);
    if (model.mla) { // one head shape: MLA's headDim is not its width
        mix.full = mix.cacheFull = static_cast<double>(layers.full) / static_cast<double>(layers.softmax());
        mix.slidingWindow = mix.cacheSlidingWindow = 0;
        mix.chunked = mix.cacheChunked = 0;
    }
    if (mix.sparseTopK > 0)
        mix.indexed = mix.full; // DeepSeek Sparse Attention indexes every full layer
    if (fullCacheShare >= 0 && fullCacheShare <= 1) {
        const double local = mix.cacheSlidingWindow + mix.cacheChunked;
        mix.cacheFull = fullCacheShare;
        if (local > 0) {
            mix.cacheSlidingWindow *= (1 - fullCacheShare) / local;
            mix.cacheChunked *= (1 - fullCacheShare) / local;
        }
    }
    return mix;
}

namespace {

// Keys summed over positions 1..m, each position attending to:
double fullKeysUpTo(double m)
{
    return m * (m + 1) / 2; // every earlier token and itself
}

double windowKeysUpTo(double m, double window)
{
    if (m <= window)
        return fullKeysUpTo(m);
    return fullKeysUpTo(window) + (m - window) * window; // at most the last `window`
}

double chunkKeysUpTo(double m, double chunk)
{
    const double whole = std::floor(m / chunk);
    const double rest = m - whole * chunk;
    return whole * fullKeysUpTo(chunk) + fullKeysUpTo(rest); // the tokens of its chunk so far
}

} // namespace

double AttentionMix::promptPairs(double cached, double n) const
{
    const double end = cached + n;
    if (bidirectional)
        return full * n * end; // every token attends to the whole input (an encoder: no cache)
    double pairs = 0;
    if (sparseTopK > 0) {
        // Each query attends to the topK keys its indexer picks: a window's count.
        const double k = static_cast<double>(sparseTopK);
        pairs = full * (windowKeysUpTo(end, k) - windowKeysUpTo(cached, k));
    } else {
        pairs = full * (fullKeysUpTo(end) - fullKeysUpTo(cached));
    }
    if (slidingWindow > 0 && windowTokens > 0) {
        const double w = static_cast<double>(windowTokens);
        pairs += slidingWindow * (windowKeysUpTo(end, w) - windowKeysUpTo(cached, w));
    }
    if (chunked > 0 && chunkTokens > 0) {
        const double c = static_cast<double>(chunkTokens);
        pairs += chunked * (chunkKeysUpTo(end, c) - chunkKeysUpTo(cached, c));
    }
    // DeepSeek-V4: position p sees p / ratio entries, at 4:1 at most topK of them.
    if (compressedSparse > 0) {
        const double r = static_cast<double>(CompressedAttentionSpec::kSparseRatio);
        const double k = r * static_cast<double>(sparseTopK > 0 ? sparseTopK : 0);
        pairs += compressedSparse
                 * (k > 0 ? windowKeysUpTo(end, k) - windowKeysUpTo(cached, k)
                          : fullKeysUpTo(end) - fullKeysUpTo(cached))
                 / r;
    }
    if (heavilyCompressed > 0 && heavyRatio > 0)
        pairs += heavilyCompressed * (fullKeysUpTo(end) - fullKeysUpTo(cached)) / static_cast<double>(heavyRatio);
    return pairs;
}

void AttentionMix::addPrompt(StepLoad &load, double sequences, double cached, double n) const
{
    load.promptAttention += sequences * promptPairs(cached, n);
    if (indexed > 0)
        load.indexerPairs += sequences * indexed * (fullKeysUpTo(cached + n) - fullKeysUpTo(cached))
                             / static_cast<double>(indexRatio);
}

std::string_view toString(DraftKind kind)
{
    switch (kind) {
    case DraftKind::None: return "none";
    case DraftKind::Mtp: return "mtp";
    case DraftKind::Eagle: return "eagle";
    case DraftKind::Ngram: return "ngram";
    }
    return "?";
}

std::optional<SpeculativeDecoding> parseSpeculative(std::string_view text, std::string &error)
{
    std::vector<std::string> parts{""};
    for (const char c : text) {
        if (c == ':')
            parts.emplace_back();
        else
            parts.back() += c;
    }
    SpeculativeDecoding spec;
    const std::string &kind = parts.front();
    if (kind == "mtp")
        spec.kind = DraftKind::Mtp;
    else if (kind == "eagle")
        spec.kind = DraftKind::Eagle;
    else if (kind == "ngram")
        spec.kind = DraftKind::Ngram;
    const auto number = [](const std::string &part, double &value) {
        char *end = nullptr;
        value = std::strtod(part.c_str(), &end);
        return !part.empty() && end == part.c_str() + part.size() && std::isfinite(value);
    };
    // The published default of each kind: its draft length and the tokens a step emits.
    const SpeculativeDecoding published = spec.kind == DraftKind::Eagle   ? SpeculativeDecoding::eagle3Default()
                                          : spec.kind == DraftKind::Ngram ? SpeculativeDecoding::ngramDefault()
                                                                          : SpeculativeDecoding::mtpDefault();
    double draft = published.draftTokens;
    double accepted = published.acceptedTokens;
    const bool ok = spec.kind != DraftKind::None && parts.size() <= 3
                    && (parts.size() < 2 || (number(parts[1], draft) && draft == std::floor(draft)))
                    && (parts.size() < 3 || number(parts[2], accepted));
    // A draft length other than the published one needs its own acceptance.
    const bool acceptanceKnown = parts.size() == 3 || draft == published.draftTokens;
    if (!ok || !acceptanceKnown) {
        error = ok ? "give the tokens a step emits for this draft length, e.g. " + kind + ":"
                         + std::to_string(static_cast<int>(draft)) + ":2.5"
                   : "expected mtp, eagle or ngram, optionally with :DRAFT:ACCEPTED, got '" + std::string(text) + "'";
        return std::nullopt;
    }
    spec.draftTokens = static_cast<int>(std::clamp(draft, 0.0, 1000.0));
    spec.acceptedTokens = accepted;
    return spec;
}

std::string_view toString(ServingPhases phases)
{
    switch (phases) {
    case ServingPhases::Both: return "both";
    case ServingPhases::PrefillOnly: return "prefill";
    case ServingPhases::DecodeOnly: return "decode";
    }
    return "?";
}

std::string_view toString(Bound bound)
{
    switch (bound) {
    case Bound::Compute: return "compute";
    case Bound::Memory: return "memory";
    case Bound::Communication: return "communication";
    case Bound::Host: return "host";
    }
    return "?";
}

} // namespace planner
