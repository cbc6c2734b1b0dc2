#include "core/memory/engineprofile.h"
#include "core/util/text.h"

namespace planner {

namespace {

std::vector<EngineProfile> makeProfiles()
{
    using namespace units;
    std::vector<EngineProfile> profiles;

    EngineProfile vllm;
    vllm.id = "vllm";
    vllm.name = "vLLM";
    vllm.memoryShare = 0.92;
    vllm.reserveRule = ReserveRule::ShareOfTotal;
    // Non-torch memory in vLLM 0.19's start-up logs on H100 (llm-d-planner
    // accuracy logs, tests/fixtures/measurements/vllm-kv-pool.csv): 0.24-0.27
    // GiB alone, 2.07-2.10 GiB per GPU at TP 2 over NVLink.
    vllm.runtimeOverhead = gibibytes(0.25);
    vllm.tensorParallelOverhead = gibibytes(1.84);
    vllm.kvBlockTokens = 16;
    vllm.maxBatchedTokens = 8192;
    // gpu_model_runner's _dummy_sampler_run: FP32 logits and their
    // probabilities for max_num_seqs sequences over the whole vocabulary.
    vllm.samplerBytesPerLogit = 8;
    vllm.maxRunningSequences = 256;
    vllm.largeGpuRunningSequences = 1024;
    vllm.largeGpuMemory = gibibytes(70);
    vllm.mlaCache = MlaCacheLayout::CompressedLatent;
    vllm.recurrentStateBits = 16; // mamba_ssm_cache_dtype "auto": the model dtype
    // Data parallelism for MLA attention beside expert- or tensor-parallel experts
    // (docs/serving/data_parallel_deployment.md).
    vllm.supportsDataParallelAttention = true;
    vllm.fp8IndexerKeys = true;  // DeepseekV32IndexerCache: uint8 rows of FP8 keys + FP32 scales
    vllm.bf16RopeInCache = true; // DeepSeek-V4 fp8_ds_mla entries, 584 B (v1/kv_cache_interface.py)
    vllm.source = "vLLM vllm/config/cache.py: gpu_memory_utilization 0.92 (0.9 up to v0.11), "
                  "block_size 16; arg_utils.py: max_num_batched_tokens 8192, max_num_seqs 256 (1024 on "
                  ">= 70 GiB GPUs other than A100); "
                  "MLA latent cache duplicated on every TP rank "
                  "(docs/serving/context_parallel_deployment.md), data-parallel attention for MLA "
                  "(docs/serving/data_parallel_deployment.md); linear-attention and Mamba states in "
                  "the model dtype unless the config sets mamba_ssm_dtype (mamba_utils.py, models/config.py)";
    profiles.push_back(vllm);

    EngineProfile sglang;
    sglang.id = "sglang";
    sglang.name = "SGLang";
    sglang.memoryShare = 0.88;
    sglang.reserveRule = ReserveRule::StaticPoolShare;
    sglang.runtimeOverhead = gibibytes(0.5);
    sglang.kvBlockTokens = 1;
    sglang.maxBatchedTokens = 8192;
    sglang.mlaCache = MlaCacheLayout::CompressedLatent;
    sglang.supportsDataParallelAttention = true;
    sglang.recurrentStateBits = 32; // mamba2_state_dtype(): float32 unless the config sets mamba_ssm_dtype
    sglang.fp8IndexerKeys = true;   // NSATokenToKVPool.index_k_with_scale_buffer
    sglang.bf16RopeInCache = true;  // DSv4MemoryCalculator: 584 B per DeepSeek-V4 entry
    sglang.source = "SGLang server_args.py: mem_fraction_static 0.88 (TP 1) for weights + KV "
                    "pool, activations outside it; page_size 1; chunked_prefill_size 8192; "
                    "--enable-dp-attention for MLA; configs/mamba_utils.py: recurrent state float32, "
                    "convolution state bfloat16";
    profiles.push_back(sglang);

    EngineProfile trt;
    trt.id = "tensorrt-llm";
    trt.name = "TensorRT-LLM";
    trt.memoryShare = 0.90;
    trt.reserveRule = ReserveRule::ShareOfFree;
    trt.runtimeOverhead = gibibytes(0.5);
    trt.kvBlockTokens = 32;
    trt.maxBatchedTokens = 8192;
    trt.mlaCache = MlaCacheLayout::CompressedLatent;
    trt.supportsDataParallelAttention = true;
    trt.recurrentStateBits = 16; // KvCacheConfig.mamba_ssm_cache_dtype "auto": the model dtype
    trt.source = "TensorRT-LLM KvCacheConfig reference: free_gpu_memory_fraction 0.9 of the "
                 "memory free after loading, tokens_per_block 32; max_num_tokens 8192";
    profiles.push_back(trt);

    EngineProfile llamacpp;
    llamacpp.id = "llama.cpp";
    llamacpp.name = "llama.cpp";
    llamacpp.memoryShare = 1.0;
    llamacpp.reserveRule = ReserveRule::None;
    llamacpp.runtimeOverhead = gibibytes(0.3);
    llamacpp.kvBlockTokens = 256;
    llamacpp.maxBatchedTokens = 512;
    llamacpp.mlaCache = MlaCacheLayout::CompressedLatent;
    llamacpp.recurrentStateBits = 32; // llama-memory-recurrent: r and s tensors in F32
    llamacpp.convStateBits = 32;
    llamacpp.windowExtraTokens = 512; // n_ubatch
    llamacpp.source = "llama.cpp src/llama-context.cpp: n_ctx = GGML_PAD(n_ctx, 256); n_ubatch "
                      "512 (llama_context_default_params); CUDA context ~0.3 GiB; src/llama-kv-cache-iswa.cpp: "
                      "sliding-window cells GGML_PAD(n_swa + n_ubatch, 256) (PR #13833); llama-memory-recurrent: "
                      "r (convolution) and s states in F32";
    profiles.push_back(llamacpp);

    EngineProfile transformers;
    transformers.id = "transformers";
    transformers.name = "Hugging Face Transformers";
    transformers.memoryShare = 1.0;
    transformers.reserveRule = ReserveRule::None;
    transformers.runtimeOverhead = gibibytes(0.5);
    transformers.kvBlockTokens = 1;
    transformers.maxBatchedTokens = 0;
    transformers.mlaCache = MlaCacheLayout::ExpandedKeyValue;
    transformers.recurrentStateBits = 32; // the torch Gated DeltaNet and Mamba-2 paths return float32 states
    // No published measurement calibrates Transformers' per-step cost here, so
    // none is added: its speed figures are a lower bound on the time taken.
    transformers.source = "Transformers generate(): DynamicCache without paging, the whole "
                          "prompt batch in one forward pass; modeling_deepseek_v3.py caches the "
                          "expanded per-head K (192) and V (128)";
    profiles.push_back(transformers);
    return profiles;
}

} // namespace

long long runningSequenceLimit(const EngineProfile &engine, const GpuSpec &gpu)
{
    const bool large = engine.largeGpuRunningSequences > 0 && gpu.memory >= engine.largeGpuMemory
                       && gpu.name.find("A100") == std::string::npos;
    return large ? engine.largeGpuRunningSequences : engine.maxRunningSequences;
}

const std::vector<EngineProfile> &engineProfiles()
{
    static const std::vector<EngineProfile> profiles = makeProfiles();
    return profiles;
}

std::optional<EngineProfile> findEngineProfile(std::string_view id)
{
    const std::string key = toLower(id);
    for (const EngineProfile &p : engineProfiles())
        if (p.id == key || (key == "llamacpp" && p.id == "llama.cpp") || (key == "trtllm" && p.id == "tensorrt-llm")
            || (key == "hf" && p.id == "transformers"))
            return p;
    return std::nullopt;
}

const EngineProfile &defaultEngineProfile()
{
    return engineProfiles().front();
}

} // namespace planner
