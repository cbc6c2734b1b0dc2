#pragma once
// Per-GPU memory of a model served for inference.
//
// The most loaded GPU decides whether a deployment fits, so every figure here
// is for that GPU: its pipeline stage's layers, its tensor-parallel share of
// each weight (with the tensors an engine replicates counted whole), its expert
// slice, its sequences' KV cache held the way the engine holds it, the
// activation peak of one prefill chunk, and the runtime's own overhead and
// reserve.
//
// Activation peak: one decoder layer's forward pass over a prefill chunk of T
// tokens in 16-bit, T x (2h + (q + 2kv)/tp + 3 x mlp_width/tp) x 2 bytes, plus
// FP32 logits of the sampled positions, S x vocab/tp x 4 bytes. This is what
// vLLM's profile_run measures with max_num_batched_tokens dummy tokens spread
// over max_num_seqs sequences (flash attention keeps no T x T score matrix).
// Llama-3-8B on vLLM: 1.00 GiB against the 1.26 GiB its log reports (PR #10511).

#include "core/hardware/gpuspec.h"
#include "core/memory/engineprofile.h"
#include "core/model/modelspec.h"
#include "core/model/parametercount.h"
#include "core/model/precision.h"
#include "core/units/units.h"
#include "core/util/problem.h"

#include <cstdint>
#include <string>
#include <vector>

namespace planner {

struct Parallelism {
    int tensor = 1;   // TP: splits each layer's matrices
    int pipeline = 1; // PP: splits the layers into stages
    int expert = 1;   // EP: splits the routed experts (1 = experts follow TP)
    // MLA models on SGLang / TensorRT-LLM: every rank runs attention for its own
    // requests (attention weights and latent cache whole on each), experts EP.
    bool dataParallelAttention = false;
};

// The ranks a layer's dense MLP and shared experts are split over: the
// tensor-parallel size, or 1 where data-parallel attention runs with the
// experts spread over every rank (vLLM's DP + EP, SGLang's large-scale EP
// with --moe-dense-tp-size 1), which keeps them whole on each GPU.
int denseTensorParallel(const Parallelism &parallel, const ModelSpec &model);

struct InferenceRequest {
    ModelSpec model;
    WeightFormat weights;
    KvCacheFormat kvCache;
    EngineProfile engine;
    GpuSpec gpu;
    int gpuCount = 1;
    Parallelism parallel;
    std::int64_t context = 4096;  // tokens per sequence (prompt + output)
    std::int64_t concurrency = 1; // sequences held at once
    int offloadLayers = 0;        // decoder layers kept in host RAM (llama.cpp -ngl)
    bool autoOffload = false;     // find the fewest offloaded layers that fit
    bool loadMtp = false;         // load DeepSeek's MTP module for speculative decoding
};

struct MemoryBreakdown {
    units::Bytes weights = units::bytes(0);
    units::Bytes kvCache = units::bytes(0);
    units::Bytes activations = units::bytes(0);
    units::Bytes overhead = units::bytes(0); // runtime context + engine reserve
    units::Bytes total() const { return weights + kvCache + activations + overhead; }
};

struct InferenceMemoryEstimate {
    MemoryBreakdown perGpu; // the most loaded GPU
    units::Bytes capacity = units::bytes(0);
    units::Bytes runtimeOverhead = units::bytes(0); // part of perGpu.overhead
    units::Bytes engineReserve = units::bytes(0);   // part of perGpu.overhead
    // Per GPU, one token of one sequence in every layer with a KV cache
    // (sliding-window and chunked layers included: what a paged pool spends).
    units::Bytes kvPerToken = units::bytes(0);
    // Of which what grows with the context without bound: the full-attention
    // layers', and DeepSeek-V4's compressed entries and index keys (a
    // token's share of one entry per compress ratio tokens).
    units::Bytes kvPerTokenFullLayers = units::bytes(0);
    // Of which DeepSeek Sparse Attention's index keys (every full layer, or
    // DeepSeek-V4's 4:1 layers at a quarter of a key per token).
    units::Bytes indexerPerToken = units::bytes(0);
    units::Bytes indexerKeyBytes = units::bytes(0); // one index key in one layer
    // One cached key (and value) in every layer of the stage with a cache,
    // index keys excluded: what attention reads for each key it attends to.
    units::Bytes cacheEntryBytes = units::bytes(0);
    // Per GPU, one sequence's fixed state in the stage's linear-attention and
    // Mamba layers and DeepSeek-V4's compressors, whatever its length (part
    // of perGpu.kvCache).
    units::Bytes statePerSequence = units::bytes(0);
    // The layers of the most loaded stage by kind: a sliding-window or chunked
    // layer holds (and reads) at most its window or chunk of each sequence, a
    // linear or Mamba layer its fixed state.
    LayerComposition stage;
    units::Bytes hostMemory = units::bytes(0); // offloaded weights and their KV cache
    int offloadedLayers = 0;
    units::Bytes hostWeights = units::bytes(0); // part of hostMemory
    int dataParallelReplicas = 1;
    std::int64_t sequencesPerGpu = 0;
    bool fits = false;
    units::Bytes shortfall = units::bytes(0); // how much is missing when it does not fit
    std::int64_t maxConcurrency = 0;          // at the requested context
    std::int64_t maxContext = 0;              // at the requested concurrency, capped by the model
};

// One message per problem with the request (empty when it can be evaluated).
std::vector<Problem> validate(const InferenceRequest &request);

// Assumes validate() passed; invalid input yields fits == false, never NaN.
InferenceMemoryEstimate estimateInferenceMemory(const InferenceRequest &request);

} // namespace planner
