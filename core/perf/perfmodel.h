#pragma once
// Analytical serving performance: rooflines per forward step.
//
// One step on the most loaded GPU costs, for each kind of work — the dense
// linear layers, the routed experts, attention — the larger of its compute
// time (FLOPs / achievable FLOP/s) and its memory time (bytes read /
// achievable bandwidth), summed; plus the communication that cannot overlap
// (tensor-parallel all-reduces, expert-parallel all-to-all, pipeline
// hand-offs), the time of layers offloaded to the host, and the engine's host
// time (per step, per sequence, per layer). Pipeline stages work on up to pp
// micro-batches at once. The result says which bound won.
//
// - FLOPs: 2 x the parameters a token passes through on this GPU, plus
//   attention over the cached context (MLA with its absorbed latent shapes).
// - Bytes: the weights a step touches (for MoE, only the experts the batch
//   routes to: see expectedDistinctExperts) plus the KV cache it reads.
// - Expert-parallel traffic: each rank's share of the expert group's tokens
//   (a group wider than the replica takes every replica's), dispatched in the
//   experts' input precision and combined in BF16, one copy per remote server
//   across the network (see expertAllToAllSeconds in perfmodel.cpp).
// - Achievable fractions of peak and host times (Efficiency) come from the
//   speed table (core/perf/speedtable.h), fitted to published measurements by
//   `planner-accuracy --fit`; every result also comes as a range, the spread
//   of those measurements around the fit.
//
// TTFT is the engine's time per request, the prefill of one request's prompt
// and the decode step it joins; TPOT is one decode step at the given
// concurrency and the mean context, with the other sequences' prefills that
// interleave with it (and a speculative draft's verification over the tokens
// it emits); throughput assumes each of `concurrency` slots alternates prefill
// and decode. One side of a disaggregated pair (ServingPhases) runs only its
// phase; a request with a prefill pool gets the pair's figures. A prefix-cache
// hit leaves that share of each prompt uncomputed.

#include "core/memory/inferencememory.h"
#include "core/units/units.h"
#include "core/util/problem.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace planner {

enum class Bound { Compute, Memory, Communication, Host };

// Achievable fractions of the datasheet peaks, and the engine's host costs
// (see core/perf/speedtable.h for where each comes from).
struct Efficiency {
    double compute = 0.6;  // dense matmul FLOP/s of large GEMMs
    double memory = 0.8;   // HBM/GDDR bandwidth
    double network = 0.75; // link bandwidth in collectives
    // A GEMM of T rows (tokens; per expert for MoE) reaches
    // compute x T / (T + gemmHalfTokens) of its peak.
    double gemmHalfTokens = 0;
    double attention = 0.5; // attention kernels: share of the 16-bit peak
    // Routed experts' weights stream at this share of `memory` (fused MoE
    // kernels read scattered experts less efficiently than a dense GEMM).
    double expertMemory = 1;
    double fp8Share = 1;        // share of `compute` an FP8/INT8 GEMM keeps of its own peak
    double fp4Share = 1;        // the same for FP4
    double stepSeconds = 0;     // host time per forward step
    double sequenceSeconds = 0; // host time per sequence in a step
    double layerSeconds = 0;    // host time per layer and step (eager launches)
    double requestSeconds = 0;  // per request before its prefill (API, tokenising, admission)

    // The smallest factor taken. The lowest any engine profiled here reaches
    // is about 0.05 (decode matmuls at batch 1); a hundredth already means a
    // misconfigured run, and smaller values only make times without meaning
    // (1e-320 divides to infinity).
    static constexpr double kMinimum = 0.01;
    bool plausible() const
    {
        return compute >= kMinimum && compute <= 1 && memory >= kMinimum && memory <= 1 && network >= kMinimum
               && network <= 1 && attention >= kMinimum && attention <= 1;
    }
};

struct EfficiencyRange {
    Efficiency pessimistic;
    Efficiency nominal;
    Efficiency optimistic;
    std::string source;
    // Where set (above 0), the range of an estimate is its nominal time
    // times these factors (the spread of the calibration cases, see
    // speedtable.h), never faster than the roofline at every peak; the
    // bound efficiencies above stand for the same spread where a step cost
    // is needed. 0: the bound efficiencies give the range (CPU devices).
    double fasterBound = 0;
    double slowerBound = 0;
};

// The calibrated range for an engine on a GPU (see perfmodel.cpp for the
// measurements behind each).
EfficiencyRange efficiencyFor(const EngineProfile &engine, const GpuSpec &gpu);
struct SpeedTable;
// The same under another table (what the fit tries).
EfficiencyRange efficiencyFor(const EngineProfile &engine, const GpuSpec &gpu, const SpeedTable &table);

struct LinkPath {
    units::BytesPerSecond bandwidth = units::gigabytesPerSecond(0); // per direction
    units::Seconds latency = units::seconds(0);
};

struct PerfLinks {
    LinkPath tensorParallel; // among the GPUs of one tensor-parallel group
    LinkPath pipeline;       // between pipeline stages
    LinkPath expertParallel; // among expert-parallel ranks
    // The servers an expert-parallel group spans over the scale-out network
    // (1 when its ranks share one NVLink or NVSwitch fabric).
    int expertParallelServers = 1;
    // Offloaded layers run from host RAM (llama.cpp computes them on the CPU):
    // their weights stream at this bandwidth.
    units::BytesPerSecond hostMemory = units::gigabytesPerSecond(0);
};

// Links of a single server of this GPU: NVLink where the GPU has it, else its
// PCIe; dual-channel DDR5 host memory. Multi-server links come from the
// topology (or the catalogue's link table).
PerfLinks singleServerLinks(const GpuSpec &gpu);
// One x16 PCIe path of the GPU's generation, per direction, with a collective's
// small-message latency over PCIe.
LinkPath pcieLink(const GpuSpec &gpu);
// Dual-channel DDR5-4800, the host memory assumed when no CPU is known.
units::BytesPerSecond defaultHostMemoryBandwidth();

// Speculative decoding: a cheap draft proposes tokens that one pass of the
// model verifies. A step then costs the verification of draftTokens + 1
// positions per sequence (the weights and the KV cache read once, the FLOPs
// for every position) plus the draft, and emits acceptedTokens per sequence
// on average (the accepted drafts and the verifier's own token).
enum class DraftKind {
    None,
    Mtp,   // the model's multi-token-prediction module: one transformer block per draft token
    Eagle, // an EAGLE head: one decoder layer per draft token
    Ngram  // tokens matched in the context: no GPU work
};

struct SpeculativeDecoding {
    DraftKind kind = DraftKind::None;
    int draftTokens = 0;
    double acceptedTokens = 1;
    // DeepSeek-V3 technical report (arXiv:2412.19437, section 5.4.3): with one
    // MTP module the second token is accepted 85-90 % of the time, so a step
    // emits 1.875 tokens on average.
    static constexpr double kMtpOneDraftAccepted = 1.875;
    static constexpr int kMostDraftTokens = 16;
    static constexpr SpeculativeDecoding mtpDefault() { return {DraftKind::Mtp, 1, kMtpOneDraftAccepted}; }
    // EAGLE-3, a chain of 3 draft tokens: 2.60 tokens a step (positions
    // accepted 73 %, 52 %, 35 %) for Llama-3.1-8B-Instruct with
    // RedHatAI/Llama-3.1-8B-Instruct-speculator.eagle3 on MT-Bench at
    // temperature 0, vLLM's regression baseline
    // (vllm-project/vllm tests/v1/spec_decode/test_acceptance_length.py, PR
    // #32030, 2026-01-09); Qwen3-8B's draft reaches 2.26, gpt-oss-20b's 2.56.
    static constexpr SpeculativeDecoding eagle3Default() { return {DraftKind::Eagle, 3, 2.60}; }
    // N-gram prompt lookup, 3 draft tokens, on chat: 1.40 tokens a step for
    // Llama-3.1-8B-Instruct on ShareGPT under vLLM 0.10.1, counted from the
    // per-token acceptance data SpecDecode-Bench released with arXiv
    // 2601.11580 (SpecDecode-Bench/simulator data/llama3.1-8B, 2025-12-31);
    // the same data gives 2.04 on code editing (InstructCoder), where the
    // output copies the input.
    static constexpr SpeculativeDecoding ngramDefault() { return {DraftKind::Ngram, 3, 1.40}; }
};
std::string_view toString(DraftKind kind);
// "mtp", "eagle", "ngram" (each at its published default above), or with
// the draft length and the tokens a step emits, "eagle:5:3.1"; a length
// other than the default's needs its acceptance, which depends on the draft
// head and the workload. nullopt with `error` set when the text says neither.
std::optional<SpeculativeDecoding> parseSpeculative(std::string_view text, std::string &error);

// Prefill/decode disaggregation (DistServe, OSDI 2024; SGLang's and vLLM's
// PD modes; DeepSeek's production setup): a pool of its own computes each
// prompt and its first token and sends the KV cache to the decode pool, each
// GPU its own share over its own link. The decode pool's steps then carry no
// prompt, and a slow prefill pool caps the request rate.
struct PrefillPool {
    InferenceRequest deployment; // the pool's GPUs, layout, formats and engine (the same model)
    PerfLinks links;             // inside the pool
    LinkPath kvTransfer;         // from a prefill GPU to a decode GPU, per direction
};

// Which phases of a request a deployment runs: both (the usual), or one side
// of a disaggregated pair measured or planned alone.
enum class ServingPhases {
    Both,
    PrefillOnly, // prompts and their first token; the cache leaves, nothing decodes here
    DecodeOnly   // caches arrive computed; every step decodes
};

std::string_view toString(ServingPhases phases); // "both", "prefill", "decode"

struct PerfRequest {
    InferenceRequest deployment; // model, formats, engine, GPU, counts, parallelism
    PerfLinks links;
    std::int64_t inputTokens = 1024;
    std::int64_t outputTokens = 256;
    std::int64_t concurrency = 1; // sequences decoding together (all replicas)
    // The user's own efficiency (from `calibrate`); the default range is
    // scaled around it.
    std::optional<Efficiency> efficiency;
    SpeculativeDecoding speculative;
    ServingPhases phases = ServingPhases::Both;
    // With a prefill pool this deployment is the decode pool (phases must be
    // DecodeOnly) and the figures are the pair's. Shared and immutable: a
    // request is copied in the build search's inner loops.
    std::shared_ptr<const PrefillPool> prefillPool;
    // The share of each prompt's tokens found in the engine's prefix cache
    // (a shared system prompt, earlier turns of a chat): they are not
    // computed again, though the new tokens attend to them. DeepSeek reports
    // 56 % of its API's input tokens served from its cache.
    double prefixCacheHitRate = 0;
};

// The prefill pool of a disaggregated request as a deployment of its own:
// PrefillOnly, one output token, the same prompts and prefix cache; the
// user's calibrated efficiency only where it is the same engine and GPU.
PerfRequest prefillPoolRequest(const PerfRequest &request);

struct StepCost {
    units::Seconds time = units::seconds(0);
    units::Seconds compute = units::seconds(0);
    units::Seconds memory = units::seconds(0);
    units::Seconds communication = units::seconds(0);
    units::Seconds host = units::seconds(0);
    units::Flops flops = units::flops(0); // on the most loaded GPU
    units::Bytes bytes = units::bytes(0); // read from its memory
    Bound bound = Bound::Memory;
};

struct PerfPoint {
    units::Seconds ttft = units::seconds(0);
    units::Seconds tpot = units::seconds(0);
    double outputTokensPerSecond = 0; // all replicas
    double inputTokensPerSecond = 0;
};

struct PerfEstimate {
    bool fits = false; // from the memory engine; no timing when false
    PerfPoint nominal;
    PerfPoint pessimistic;           // slowest plausible
    PerfPoint optimistic;            // fastest plausible
    StepCost prefill;                // one request's prompt
    StepCost decode;                 // one decode step at the concurrency
    std::int64_t maxConcurrency = 0; // at input + output tokens, from the memory engine
    // Of the request's concurrency, the sequences that run at once (the
    // engine's limit and the memory hold the rest back, whose wait is in
    // the TTFT).
    std::int64_t runningSequences = 0;
    // With a prefill pool: one prompt's KV cache crossing to the decode pool
    // (part of the TTFT), and the prompts the pool computes at once.
    units::Seconds kvTransfer = units::seconds(0);
    std::int64_t prefillPoolConcurrency = 0;
};

// How the softmax-attention layers of a stage attend, averaged over them:
// turns token positions into the (query, key) pairs and cached keys one such
// layer computes and reads. Linear-attention and Mamba layers read no keys.
// A full layer attends to every earlier token, a sliding-window layer to its
// last window, a chunked layer to the tokens of its own chunk so far.
struct StepLoad;

// With DeepSeek Sparse Attention a full layer attends to at most topK keys,
// while its indexer scores every earlier one.
//
// Where full layers have their own head shape (Gemma 4), a full layer's share
// of the attention work (heads x head width) differs from its share of the
// cache bytes, so each is kept: work shares weight the (query, key) pairs
// that set the FLOPs, cache shares the keys that set the bytes read.
struct AttentionMix {
    double full = 1; // work shares of the stage's softmax-attention layers
    double slidingWindow = 0;
    double chunked = 0;
    double cacheFull = 1; // shares of one token's cache bytes in the stage
    double cacheSlidingWindow = 0;
    double cacheChunked = 0;
    std::int64_t windowTokens = 0;
    std::int64_t chunkTokens = 0;
    std::int64_t sparseTopK = 0; // DSA's index_topk; 0 = dense attention
    bool bidirectional = false;  // an encoder: each token attends to every input token, not only earlier ones
    // DeepSeek-V4: every layer reads its window (slidingWindow = 1) and these
    // shares of the layers add their compressed entries, 4:1 capped at
    // sparseTopK or heavyRatio:1 all read.
    double compressedSparse = 0;
    double heavilyCompressed = 0;
    std::int64_t heavyRatio = 0;
    // The share of layers with an indexer, and the tokens per index key
    // (DeepSeek-V3.2: the full layers, 1; DeepSeek-V4: the 4:1 layers, 4).
    double indexed = 0;
    std::int64_t indexRatio = 1;

    // fullCacheShare: the full layers' part of one token's cache bytes, as
    // the memory estimate holds it (kvPerTokenFullLayers / kvPerToken); below
    // 0 it is taken from the layer counts and head shapes alone.
    static AttentionMix of(const LayerAttentionCounts &layers, const ModelSpec &model, double fullCacheShare = -1);
    // Pairs of n new tokens after `cached` earlier ones, per layer on average (work-weighted).
    double promptPairs(double cached, double n) const;
    // Keys a decoding token at `position` (1-based, itself included) reads,
    // per layer on average: weighted by work, or by cache bytes.
    double keysAt(double position) const;
    double cachedKeysAt(double position) const;
    // What `sequences` prompts of n tokens after `cached`, or one decoding
    // token at `position` each, add to a step (attention and indexer work).
    void addPrompt(StepLoad &load, double sequences, double cached, double n) const;
    void addDecode(StepLoad &load, double sequences, double position) const;

private:
    double keysAt(double position, double fullShare, double windowShare, double chunkShare) const;
};

// What one forward step computes, for one replica. Attention work is per
// layer on average (AttentionMix), so windowed layers count what they read.
struct StepLoad {
    double newTokens = 0;        // prompt tokens plus one per decoding sequence
    double sampledSequences = 0; // sequences whose next token is sampled (logits)
    double promptAttention = 0;  // (query, key) pairs of the prompt tokens (causal)
    double cachedTokensRead = 0; // KV-cache tokens the decoding sequences attend to (work-weighted)
    double cachedTokenBytes = 0; // the same weighted by cache bytes: times kvPerToken, the bytes read
    // DeepSeek Sparse Attention's indexer, per layer on average: (query, key)
    // pairs it scores for prompt tokens and the cached index keys decoding reads.
    double indexerPairs = 0;
    double indexerKeysRead = 0;
};

// Inline: the serving simulation calls these for each decoding sequence at
// every step (a call across files each time was a tenth of a simulation).
inline void AttentionMix::addDecode(StepLoad &load, double sequences, double position) const
{
    load.cachedTokensRead += sequences * keysAt(position);
    load.cachedTokenBytes += sequences * cachedKeysAt(position);
    if (indexed > 0)
        load.indexerKeysRead += sequences * indexed * position / static_cast<double>(indexRatio);
}

inline double AttentionMix::keysAt(double position) const
{
    return keysAt(position, full, slidingWindow, chunked);
}

inline double AttentionMix::cachedKeysAt(double position) const
{
    return keysAt(position, cacheFull, cacheSlidingWindow, cacheChunked);
}

inline double AttentionMix::keysAt(double position, double fullShare, double windowShare, double chunkShare) const
{
    double keys = fullShare * (sparseTopK > 0 ? std::min(position, static_cast<double>(sparseTopK)) : position);
    if (windowShare > 0 && windowTokens > 0)
        keys += windowShare * std::min(position, static_cast<double>(windowTokens));
    if (chunkShare > 0 && chunkTokens > 0) {
        // Averaged over the positions of a chunk once the context passes one.
        const double c = static_cast<double>(chunkTokens);
        keys += chunkShare * (position <= c ? position : (c + 1) / 2);
    }
    // DeepSeek-V4's compressed entries, one size whether counted by work or bytes.
    if (compressedSparse > 0) {
        const double entries = position / static_cast<double>(CompressedAttentionSpec::kSparseRatio);
        keys += compressedSparse * (sparseTopK > 0 ? std::min(entries, static_cast<double>(sparseTopK)) : entries);
    }
    if (heavilyCompressed > 0 && heavyRatio > 0)
        keys += heavilyCompressed * position / static_cast<double>(heavyRatio);
    return keys;
}

// The figures of a deployment a step's cost depends on, prepared once.
struct StepShape {
    InferenceMemoryEstimate memory;
    int tp = 1;
    int pp = 1;
    int ep = 1;
    int attentionTp = 1;
    bool dataParallelAttention = false;
    bool denseDataParallel = false; // dense MLPs and shared experts whole on each rank, for its own sequences
    int replicas = 1;
    double attentionParameters = 0;   // this GPU's attention linear weights over the stage
    double mlpParameters = 0;         // dense MLP + shared experts + router
    double expertParameters = 0;      // the routed experts a token of this replica uses, on this GPU
    double expertGroupReplicas = 1;   // replicas whose tokens share the experts (ep / tp when ep > tp)
    double headParameters = 0;        // output projection (last stage)
    double routedExpertBytes = 0;     // all routed experts of the stage on this GPU
    double attentionWidthPrefill = 0; // q.k + p.v width over this GPU's heads, per layer
    double attentionWidthDecode = 0;  // the same for a decode token (MLA: the absorbed latent)
    double hidden = 0;
    double expertsPerToken = 0;
    std::int64_t experts = 0;
    AttentionMix attention;
    double layers = 0;                 // the stage's decoder layers
    double attentionLayers = 0;        // the stage's softmax-attention layers
    double moeLayers = 0;              // the stage's mixture-of-experts blocks
    double allReduces = 0;             // tensor-parallel all-reduces per forward pass of the stage
    double recurrentFlopsPerToken = 0; // linear-attention and Mamba state updates on this GPU
    double indexerWidth = 0;           // DSA indexer q.k width over its heads, per (query, key) pair
    // The GPU's peaks as a step reads them: FLOP/s of the weights' path and
    // of 16 bits, bytes/s of memory; which low-precision share applies.
    double weightPeak = 0;
    double bf16Peak = 0;
    double memoryBandwidth = 0;
    enum class LowPrecision { None, Fp8, Fp4 } lowPrecision = LowPrecision::None;
};

// The prefill pool's side of a disaggregated pair at one efficiency: its point
// at its saturated concurrency (fits false: not one prompt fits there) and one
// prompt's KV transfer.
struct PrefillPoolPoint {
    bool fits = false;
    PerfPoint point;
    double transferSeconds = 0;
};

// Step costs of one deployment at one efficiency: what the simulator and the
// build search call in their inner loops, without re-deriving the model.
class StepCostModel
{
public:
    // context and concurrency size the memory estimate (KV pool, activations).
    StepCostModel(const PerfRequest &request, const Efficiency &efficiency, std::int64_t context,
                  std::int64_t concurrency);

    StepCost cost(const StepLoad &load) const;
    const AttentionMix &attention() const { return mShape.attention; }
    // Prompts of promptTokens each, less what the request's prefix cache holds.
    StepCost prefill(double sequences, std::int64_t promptTokens) const;
    StepCost decode(double sequences, std::int64_t context) const;
    // What the request's speculative draft adds to a step whose decoding
    // sequences, one position each, make `plainDecodes` (0 without a draft
    // that runs on the GPU).
    double draftSeconds(const StepLoad &plainDecodes) const;
    // TTFT, TPOT and throughput at `concurrency` sequences (all replicas), for
    // the request's input and output lengths: what estimatePerformance reports,
    // without re-deriving the model (the build search calls it in a bisection).
    // With a prefill pool, the pair's (the pool at its saturated concurrency).
    PerfPoint point(std::int64_t concurrency) const;
    // With a prefill pool: the prompts per second it computes (0 when not one
    // prompt fits there); nullopt without one.
    std::optional<double> prefillPoolRequestsPerSecond() const;

    int replicas() const { return mShape.replicas; }
    // KV-cache tokens one replica holds beside its weights, activations and reserve.
    double kvCapacityTokens() const;
    const StepShape &shape() const { return mShape; }

private:
    PerfRequest mRequest;
    Efficiency mEfficiency;
    StepShape mShape;
    std::optional<PrefillPoolPoint> mPrefill;
};

// `sequences` decoding at `position`, each verifying `positions` tokens (a
// speculative draft and its own): every position's work, the cache read once.
void addVerification(const AttentionMix &mix, StepLoad &load, double sequences, double position, int positions);
// The tokens of a prompt found in the prefix cache at this hit rate; the
// last one is always computed, since the first output token is sampled from it.
std::int64_t cachedPromptTokens(double hitRate, std::int64_t prompt);
// Seconds to send one prompt's KV cache (and fixed state) from a prefill
// pool's GPUs to the decode pool's: each GPU its own share over its own link.
double kvTransferSeconds(const StepCostModel &prefillPool, const LinkPath &link, std::int64_t promptTokens);

// Distinct experts a step touches: with T tokens each routed to k of N experts,
// N x (1 - (1 - k/N)^T) (routing taken as uniform and independent).
double expectedDistinctExperts(std::int64_t experts, std::int64_t perToken, double tokens);

StepCost prefillStep(const PerfRequest &request, std::int64_t tokens, const Efficiency &efficiency);
StepCost decodeStep(const PerfRequest &request, std::int64_t sequences, std::int64_t context,
                    const Efficiency &efficiency);

std::vector<Problem> validate(const PerfRequest &request);
// The concurrency of a max-throughput run, where every request is queued at
// once: as many sequences of input + output tokens as the memory holds, within
// the engine's running-sequence limit, over all replicas; 0 when none fits.
std::int64_t saturatedConcurrency(const PerfRequest &request);
// Requests beyond what the engine's running limit and the memory hold wait
// for a slot: the figures are those of the sequences that run, with the
// wait in the TTFT. fits is false only when not even one sequence fits.
PerfEstimate estimatePerformance(const PerfRequest &request);
// One point at one efficiency (what calibration fits against).
PerfPoint performanceAt(const PerfRequest &request, const Efficiency &efficiency);
// The range estimatePerformance uses: the calibrated default, or the user's
// efficiency with the default's relative spread around it.
EfficiencyRange efficiencyRange(const PerfRequest &request);

// Throughput and latency at concurrency 1, 2, 4, ... up to what the engine
// runs at once (its running-sequence limit and the memory), a prefill pool's
// pair included.
struct CurvePoint {
    std::int64_t concurrency = 0;
    PerfPoint point;
};
std::vector<CurvePoint> concurrencyCurve(const PerfRequest &request);

// TTFT, TPOT and throughput at the request's concurrency for prompts of 128,
// 256, ... tokens up to `longestInput` (the last point is longestInput itself);
// each point at its own context, so the memory limit moves with the prompt.
struct InputLengthPoint {
    std::int64_t inputTokens = 0;
    PerfPoint point;
};
std::vector<InputLengthPoint> inputLengthCurve(const PerfRequest &request, std::int64_t longestInput);

std::string_view toString(Bound bound);

} // namespace planner
