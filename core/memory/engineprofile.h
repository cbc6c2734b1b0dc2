#pragma once
// EngineProfile: how a serving engine spends GPU memory.
//
// The same model on the same GPU fits under one engine and not another: vLLM
// keeps 10 % of the card back, SGLang reserves its activation space outside a
// static pool, TensorRT-LLM takes a share of what is free after loading,
// llama.cpp pads the context, and Transformers stores DeepSeek's MLA cache
// expanded per head. Every memory result names the profile it used.

#include "core/hardware/gpuspec.h"
#include "core/units/units.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

enum class MlaCacheLayout {
    CompressedLatent, // kv_lora_rank + qk_rope_head_dim values per token and layer
    ExpandedKeyValue  // full K (nope + rope) and V per head, as plain MHA
};

// Which memory the engine's fraction applies to.
enum class ReserveRule {
    ShareOfTotal,    // vLLM gpu_memory_utilization: everything lives inside share x capacity
    StaticPoolShare, // SGLang mem_fraction_static: weights + KV inside share x capacity,
                     // activations and context in the rest
    ShareOfFree,     // TensorRT-LLM kv_cache_free_gpu_mem_fraction of memory free after load
    None             // llama.cpp, Transformers: no reserve
};

struct EngineProfile {
    std::string id;
    std::string name;
    double memoryShare = 1.0; // the fraction ReserveRule applies
    ReserveRule reserveRule = ReserveRule::None;
    units::Bytes runtimeOverhead = units::bytes(0); // CUDA context and non-tensor allocations per GPU
    int kvBlockTokens = 1;                          // paged-attention block; sequences round up to it
    long long maxBatchedTokens = 0;                 // tokens per forward pass (prefill chunk); 0 = whole batch
    // Non-torch memory a GPU of a tensor-parallel group joined by NVLink adds
    // (vLLM's custom all-reduce and NCCL buffers).
    units::Bytes tensorParallelOverhead = units::bytes(0);
    // Bytes per vocabulary entry of each sequence the engine's start-up
    // sampler run holds over the whole vocabulary (vLLM: FP32 logits and
    // probabilities, over as many sequences as it runs at once); 0: the
    // FP32 logits of the TP rank's share of the vocabulary, per sequence in
    // the batch.
    double samplerBytesPerLogit = 0;
    // Sequences the scheduler runs at once per replica (vLLM max_num_seqs);
    // 0: as many as the KV cache holds. A GPU of at least
    // largeGpuMemory (other than an A100) gets largeGpuRunningSequences.
    long long maxRunningSequences = 0;
    long long largeGpuRunningSequences = 0;
    units::Bytes largeGpuMemory = units::bytes(0);
    MlaCacheLayout mlaCache = MlaCacheLayout::CompressedLatent;
    // Bits per element of a linear-attention or Mamba layer's recurrent state
    // when the model does not ask for a precision.
    int recurrentStateBits = 16;
    // Bits per element of the short convolution's last inputs beside that state.
    int convStateBits = 16;
    // Cells a sliding-window or chunked layer keeps beyond its window per
    // sequence: llama.cpp's SWA cache holds the window plus one micro-batch.
    long long windowExtraTokens = 0;
    // DeepSeek Sparse Attention's index keys in FP8 with FP32 scales (else BF16).
    bool fp8IndexerKeys = false;
    // DeepSeek-V4's cache entries in DeepSeek's layout: the RoPE part stays
    // BF16 and 8-bit values carry a UE8M0 scale per 64, padded to 8 bytes
    // (448 + 128 + 8 = 584 B); else head_dim values at the cache format's width.
    bool bf16RopeInCache = false;
    bool supportsDataParallelAttention = false;
    std::string source;
};

const std::vector<EngineProfile> &engineProfiles();
// Sequences one replica of the engine schedules at once on this GPU (its
// max_num_seqs rule); 0 when only the KV cache limits them.
long long runningSequenceLimit(const EngineProfile &engine, const GpuSpec &gpu);
std::optional<EngineProfile> findEngineProfile(std::string_view id);
const EngineProfile &defaultEngineProfile(); // vLLM

} // namespace planner
