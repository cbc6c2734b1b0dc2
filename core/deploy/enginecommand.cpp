#include "core/deploy/enginecommand.h"

#include "core/deploy/deploytext.h"
#include "core/util/text.h"

#include <algorithm>
#include <array>

// Flag sources, checked against each engine's documentation:
//  vLLM     docs.vllm.ai engine arguments (`vllm serve --help`): --tensor-parallel-size,
//           --pipeline-parallel-size, --data-parallel-size, --enable-expert-parallel,
//           --distributed-executor-backend, --max-model-len, --gpu-memory-utilization,
//           --dtype, --quantization, --kv-cache-dtype {auto,fp8,...}, --max-num-seqs,
//           --host, --port (default 8000); docs/serving/parallelism_scaling.md (multi-node
//           on a Ray cluster); docs/serving/data_parallel_deployment.md (--max-num-seqs
//           applies per data-parallel rank; MoE expert layers span all DP ranks);
//           docs/features/quantization/bnb.md (pre-quantized checkpoints: the method is
//           read from config.json, no --quantization needed).
//  SGLang   docs/advanced_features/server_arguments.md: --model-path, --tp-size,
//           --pp-size, --dp-size, --ep-size, --enable-dp-attention, --context-length,
//           --mem-fraction-static, --dtype, --quantization, --kv-cache-dtype
//           {auto,fp8_e4m3,fp8_e5m2,...}, --max-running-requests, --dist-init-addr,
//           --nnodes, --node-rank, --host (default 127.0.0.1), --port (default 30000).
//           Its examples' --tp / --dp are argparse abbreviations of --tp-size / --dp-size;
//           the full names are written here. (--enable-ep-moe of older releases is
//           replaced by --ep-size.)
//  Drafts   vLLM docs/features/speculative_decoding/{mtp,n_gram,eagle}.md: --speculative-config
//           '{"method":"mtp"|"ngram"|"eagle3","num_speculative_tokens":K,...}' (n-gram with
//           prompt_lookup_max, EAGLE-3 with the head's "model"); SGLang
//           docs/advanced_features/speculative_decoding.md: MTP as --speculative-algorithm EAGLE
//           with --speculative-num-steps K --speculative-eagle-topk 1
//           --speculative-num-draft-tokens K+1, NGRAM with --speculative-num-draft-tokens K (not
//           with --enable-dp-attention), EAGLE3 with --speculative-draft-model-path.
//  PD pairs SGLang docs/advanced_features/pd_disaggregation.md: --disaggregation-mode
//           prefill|decode, --disaggregation-transfer-backend nixl (or mooncake with
//           --disaggregation-ib-device), --base-gpu-id for a pool sharing a server;
//           sglang_router.launch_router --pd-disaggregation --prefill URL --decode URL.
//  llama.cpp tools/server/README.md: -m, -ngl, --tensor-split, -c, -np, --cache-type-k,
//           --cache-type-v {f16,bf16,q8_0,q4_0,...}, --host (default 127.0.0.1), --port.

namespace planner {

namespace {

constexpr std::array<std::string_view, 3> kFloatFormats{"fp32", "bf16", "fp16"};
constexpr std::array<std::string_view, 8> kGgufFormats{"q8_0", "q6_k",   "q5_k_m", "q4_k_m",
                                                       "q4_0", "q3_k_m", "q2_k",   "mxfp4_moe"};

bool isFloat(std::string_view id)
{
    return std::find(kFloatFormats.begin(), kFloatFormats.end(), id) != kFloatFormats.end();
}

bool isGguf(std::string_view id)
{
    return std::find(kGgufFormats.begin(), kGgufFormats.end(), id) != kGgufFormats.end();
}

bool isFp8(std::string_view id)
{
    return id == "fp8" || id == "fp8-block";
}

// The checkpoint already holds the planned weights (an FP8 checkpoint with
// block scales serves an "FP8" plan as published).
bool checkpointHolds(const DeploymentLayout &l)
{
    const std::string &checkpoint = l.model.checkpointFormat;
    return l.weights.id == checkpoint || (isFp8(l.weights.id) && isFp8(checkpoint));
}

std::string torchDtype(std::string_view id)
{
    return id == "fp32" ? "float32" : id == "fp16" ? "float16" : "bfloat16";
}

std::string checkpointName(const DeploymentLayout &l)
{
    const std::optional<WeightFormat> f = findWeightFormat(l.model.checkpointFormat);
    return f ? f->name : l.model.checkpointFormat;
}

std::string engineName(LaunchEngine e)
{
    return e == LaunchEngine::Vllm ? "vLLM" : e == LaunchEngine::Sglang ? "SGLang" : "llama.cpp";
}

// The weight flags of vLLM and SGLang (both take --dtype and --quantization
// with these values) and, for what needs a checkpoint, nothing: both engines
// read a pre-quantized checkpoint's method from its config.json, and vLLM
// picks its faster Marlin kernels only when --quantization is not forced
// (vllm/model_executor/layers/quantization/awq_marlin.py).
std::vector<std::vector<std::string>> weightOptions(const DeploymentLayout &l)
{
    const std::string &id = l.weights.id;
    const bool floatCheckpoint = isFloat(l.model.checkpointFormat);
    if (checkpointHolds(l) || !floatCheckpoint)
        return {};
    if (isFloat(id))
        return {{"--dtype", torchDtype(id)}};
    if (isFp8(id)) // quantized while loading (vLLM FP8 W8A8 docs; SGLang server_arguments.md)
        return {{"--quantization", "fp8"}};
    if (id == "nf4" && l.launchEngine == LaunchEngine::Vllm) // vLLM in-flight bitsandbytes (bnb.md)
        return {{"--quantization", "bitsandbytes"}};
    return {};
}

std::string kvCacheDtype(const DeploymentLayout &l)
{
    const std::string &kv = l.kvCache.id;
    if (kv == "bf16" || kv == "fp16")
        return "auto"; // the model's own 16-bit type
    if (kv == "fp8")
        return l.launchEngine == LaunchEngine::Sglang ? "fp8_e4m3" : "fp8";
    return {};
}

// The GPUs of one copy in equal shares, one proportion per GPU (--tensor-split 1,1).
std::string equalSplit(int gpus)
{
    std::vector<std::string> shares(static_cast<std::size_t>(std::max(gpus, 1)), "1");
    return deploytext::joined(shares, ",");
}

// The draft's flags where the engine runs it from the model alone (MTP, n-gram);
// an EAGLE-3 head is a separate repository the plan does not name (speculativeNotes).
std::vector<std::vector<std::string>> speculativeOptions(const DeploymentLayout &l)
{
    const SpeculativeDecoding &d = l.speculative;
    const std::string tokens = std::to_string(d.draftTokens);
    if (l.launchEngine == LaunchEngine::Vllm) {
        if (d.kind == DraftKind::Mtp)
            return {{"--speculative-config", R"({"method":"mtp","num_speculative_tokens":)" + tokens + "}"}};
        if (d.kind == DraftKind::Ngram)
            return {{"--speculative-config",
                     R"({"method":"ngram","num_speculative_tokens":)" + tokens + R"(,"prompt_lookup_max":4})"}};
    }
    if (l.launchEngine == LaunchEngine::Sglang) {
        if (d.kind == DraftKind::Mtp)
            return {{"--speculative-algorithm", "EAGLE"},
                    {"--speculative-num-steps", tokens},
                    {"--speculative-eagle-topk", "1"},
                    {"--speculative-num-draft-tokens", std::to_string(d.draftTokens + 1)}};
        if (d.kind == DraftKind::Ngram)
            return {{"--speculative-algorithm", "NGRAM"}, {"--speculative-num-draft-tokens", tokens}};
    }
    return {};
}

CommandLine vllmCommand(const DeploymentLayout &l, const ServeOptions &o)
{
    CommandLine c;
    c.head = {"vllm", "serve", l.modelRepo};
    // Data-parallel attention is vLLM's data parallelism inside a copy: each
    // of its GPUs a DP rank with its own sequences, the experts shared
    // (data_parallel_deployment.md).
    const bool dpAttention = l.parallel.dataParallelAttention;
    const int ranksPerCopy = dpAttention ? l.parallel.tensor : 1;
    c.options = {
        {"--host", "0.0.0.0"},
        {"--port", std::to_string(o.port)},
        {"--tensor-parallel-size", std::to_string(dpAttention ? 1 : l.parallel.tensor)},
        {"--pipeline-parallel-size", std::to_string(l.parallel.pipeline)},
    };
    if (o.dataParallel * ranksPerCopy > 1)
        c.options.push_back({"--data-parallel-size", std::to_string(o.dataParallel * ranksPerCopy)});
    if (l.model.isMoe() && l.parallel.expert > 1)
        c.options.push_back({"--enable-expert-parallel"});
    if (o.placement)
        c.options.push_back({"--distributed-executor-backend", "ray"});
    c.options.push_back({"--max-model-len", std::to_string(l.contextTokens)});
    c.options.push_back({"--gpu-memory-utilization", plainNumber(l.engine.memoryShare)});
    for (auto &option : weightOptions(l))
        c.options.push_back(option);
    c.options.push_back({"--kv-cache-dtype", kvCacheDtype(l)});
    // Per data-parallel rank, i.e. per copy (data_parallel_deployment.md).
    c.options.push_back({"--max-num-seqs", std::to_string(l.sequencesPerReplica)});
    for (auto &option : speculativeOptions(l))
        c.options.push_back(option);
    return c;
}

CommandLine sglangCommand(const DeploymentLayout &l, const ServeOptions &o)
{
    CommandLine c;
    c.head = {"python3", "-m", "sglang.launch_server"};
    c.options = {
        {"--model-path", l.modelRepo},
        {"--host", "0.0.0.0"},
        {"--port", std::to_string(o.port)},
        {"--tp-size", std::to_string(l.parallel.tensor)},
    };
    if (l.parallel.pipeline > 1)
        c.options.push_back({"--pp-size", std::to_string(l.parallel.pipeline)});
    // Data-parallel attention: every TP rank attends for its own requests
    // (server_arguments.md; e.g. --tp 8 --dp 8 --enable-dp-attention for DeepSeek).
    if (l.parallel.dataParallelAttention) {
        c.options.push_back({"--dp-size", std::to_string(l.parallel.tensor)});
        c.options.push_back({"--enable-dp-attention"});
    } else if (o.dataParallel > 1) {
        c.options.push_back({"--dp-size", std::to_string(o.dataParallel)});
    }
    if (l.model.isMoe() && l.parallel.expert > 1)
        c.options.push_back({"--ep-size", std::to_string(l.parallel.expert)});
    c.options.push_back({"--context-length", std::to_string(l.contextTokens)});
    c.options.push_back({"--mem-fraction-static", plainNumber(l.engine.memoryShare)});
    for (auto &option : weightOptions(l))
        c.options.push_back(option);
    c.options.push_back({"--kv-cache-dtype", kvCacheDtype(l)});
    // Per data-parallel worker; with DP attention SGLang divides it among the
    // copy's attention ranks (scheduler: max_running_requests // dp_size), so
    // either way it is the copy's sequences.
    c.options.push_back({"--max-running-requests", std::to_string(l.sequencesPerReplica)});
    for (auto &option : speculativeOptions(l))
        c.options.push_back(option);
    if (l.role != DeploymentLayout::Role::Both) {
        c.options.push_back(
            {"--disaggregation-mode", l.role == DeploymentLayout::Role::Prefill ? "prefill" : "decode"});
        c.options.push_back({"--disaggregation-transfer-backend", "nixl"});
    }
    if (l.baseGpu > 0)
        c.options.push_back({"--base-gpu-id", std::to_string(l.baseGpu)});
    if (o.placement) {
        c.options.push_back({"--dist-init-addr", o.placement->headAddress + ":50000"});
        c.options.push_back({"--nnodes", std::to_string(l.serversPerReplica)});
        c.options.push_back({"--node-rank", o.placement->nodeRank});
    }
    return c;
}

CommandLine llamaCppCommand(const DeploymentLayout &l, const ServeOptions &o)
{
    CommandLine c;
    // The server image's entrypoint is /app/llama-server (llama.cpp docs/docker.md).
    c.head = {o.inContainer ? "/app/llama-server" : "llama-server"};
    const int slots = static_cast<int>(std::max<std::int64_t>(l.sequencesPerReplica, 1));
    c.options = {
        {"-m", ggufPath(l)},
        {"--host", "0.0.0.0"},
        {"--port", std::to_string(o.port)},
        {"-ngl", std::to_string(llamaCppGpuLayers(l))},
    };
    if (l.gpusPerReplica() > 1)
        c.options.push_back({"--tensor-split", equalSplit(l.gpusPerReplica())});
    // -c is the whole KV cache; llama-server gives each of the -np slots an
    // equal part of it (ggml-org/llama.cpp issue #11681), so it is the
    // planned context times the slots.
    c.options.push_back({"-c", std::to_string(l.contextTokens * slots)});
    c.options.push_back({"-np", std::to_string(slots)});
    if (l.kvCache.id == "q8_0" || l.kvCache.id == "q4_0") {
        c.options.push_back({"--cache-type-k", l.kvCache.id});
        c.options.push_back({"--cache-type-v", l.kvCache.id});
    }
    return c;
}

} // namespace

std::vector<std::string> CommandLine::words() const
{
    std::vector<std::string> all = head;
    for (const std::vector<std::string> &option : options)
        all.insert(all.end(), option.begin(), option.end());
    return all;
}

std::optional<LaunchEngine> launchEngineFor(std::string_view engineId)
{
    const std::string id = toLower(engineId);
    if (id == "vllm")
        return LaunchEngine::Vllm;
    if (id == "sglang")
        return LaunchEngine::Sglang;
    if (id == "llama.cpp" || id == "llamacpp")
        return LaunchEngine::LlamaCpp;
    return std::nullopt;
}

const std::vector<std::string> &launchEngineIds()
{
    static const std::vector<std::string> ids{"vllm", "sglang", "llama.cpp"};
    return ids;
}

int defaultPort(LaunchEngine engine)
{
    switch (engine) {
    case LaunchEngine::Vllm: return 8000;
    case LaunchEngine::Sglang: return 30000;
    case LaunchEngine::LlamaCpp: return 8080;
    }
    return 8000;
}

std::string_view healthPath(LaunchEngine)
{
    return "/health"; // all three serve GET /health (503 while llama.cpp loads)
}

std::string containerImage(LaunchEngine engine, const GpuSpec &gpu)
{
    const std::string vendor = toLower(gpu.vendor);
    const bool amd = vendor == "amd";
    if (vendor != "nvidia" && !amd)
        return {};
    switch (engine) {
    case LaunchEngine::Vllm: // vLLM docs/deployment/k8s.md; ROCm: the vllm/vllm-openai-rocm image
        return amd ? "vllm/vllm-openai-rocm:latest" : "vllm/vllm-openai:latest";
    case LaunchEngine::Sglang: // ROCm builds carry versioned tags only
        return amd ? std::string() : "lmsysorg/sglang:latest";
    case LaunchEngine::LlamaCpp: // llama.cpp docs/docker.md
        return amd ? "ghcr.io/ggml-org/llama.cpp:server-rocm" : "ghcr.io/ggml-org/llama.cpp:server-cuda";
    }
    return {};
}

std::string gpuResourceName(const GpuSpec &gpu)
{
    const std::string vendor = toLower(gpu.vendor);
    if (vendor == "nvidia")
        return "nvidia.com/gpu"; // NVIDIA device plugin
    if (vendor == "amd")
        return "amd.com/gpu"; // ROCm/k8s-device-plugin
    if (vendor == "intel")
        return "habana.ai/gaudi"; // Intel Gaudi device plugin (docs.habana.ai, Kubernetes quick start)
    return {};
}

std::string deviceVisibilityVariable(const GpuSpec &gpu)
{
    const std::string vendor = toLower(gpu.vendor);
    if (vendor == "amd")
        return "HIP_VISIBLE_DEVICES";
    if (vendor == "intel")
        return "HABANA_VISIBLE_MODULES";
    return "CUDA_VISIBLE_DEVICES";
}

std::string formatProblem(const DeploymentLayout &l)
{
    const std::string engine = engineName(l.launchEngine);
    if (l.launchEngine == LaunchEngine::LlamaCpp) {
        if (!isGguf(l.weights.id) && !isFloat(l.weights.id))
            return "llama.cpp loads GGUF files, and the scenario's weights are " + l.weights.name
                   + "; choose a GGUF format ("
                   + deploytext::joined(std::vector<std::string>(kGgufFormats.begin(), kGgufFormats.end()), ", ")
                   + ") or bf16";
        if (!(l.kvCache.id == "bf16" || l.kvCache.id == "fp16" || l.kvCache.id == "q8_0" || l.kvCache.id == "q4_0"))
            return "llama.cpp has no " + l.kvCache.name + " KV cache (it takes bf16, fp16, q8_0 or q4_0)";
        return {};
    }
    if (l.launchEngine == LaunchEngine::Sglang && l.speculative.kind == DraftKind::Ngram
        && l.parallel.dataParallelAttention)
        return "SGLang's n-gram drafting does not run with data-parallel attention "
               "(docs/advanced_features/speculative_decoding.md); drop one of them";
    if (isGguf(l.weights.id))
        return engine + " does not serve GGUF weights (" + l.weights.name + ") here; export them for llama.cpp";
    if (kvCacheDtype(l).empty())
        return engine + " has no " + l.kvCache.name + " KV cache (it takes bf16, fp16 or fp8)";
    return {};
}

std::vector<std::string> loadingNotes(const DeploymentLayout &l)
{
    const std::string &id = l.weights.id;
    const std::string engine = engineName(l.launchEngine);
    if (l.launchEngine == LaunchEngine::LlamaCpp) {
        const std::string source = l.repoFromSource ? l.modelRepo : "the model's weights";
        return {"Weights: " + l.weights.name + ", loaded from " + ggufPath(l) + ": make it from " + source
                + " with llama.cpp's convert_hf_to_gguf.py"
                + (isGguf(id) ? " and llama-quantize, or download a published GGUF of it." : std::string("."))};
    }
    if (checkpointHolds(l))
        return {"Weights: " + l.weights.name + ", the checkpoint's own format (" + engine
                + " reads it from its config.json)."};
    const std::vector<std::vector<std::string>> options = weightOptions(l);
    if (!options.empty()) {
        const std::string flag = options.front()[0] + " " + options.front()[1];
        std::string note = "Weights: " + l.weights.name + (isFloat(id) ? ", cast from the " : ", quantized from the ")
                           + checkpointName(l) + " checkpoint while loading (" + flag + ").";
        if (id == "fp8-block")
            note += " Online FP8 uses per-tensor scales, not the planned 128x128 blocks; a block-quantized "
                    "checkpoint loads as planned.";
        return {note};
    }
    // A method that needs a prepared checkpoint: the engine reads it from
    // that checkpoint's config.json, so only the model argument changes.
    return {"NOTE: the plan's weights are " + l.weights.name + ", but " + l.modelRepo + " holds the "
            + checkpointName(l) + " checkpoint: serve a " + l.weights.name + " copy of it instead (" + engine
            + " reads the method from its config.json); as written, the command loads weights the plan did not size."};
}

std::vector<std::string> speculativeNotes(const DeploymentLayout &l)
{
    const SpeculativeDecoding &d = l.speculative;
    if (d.kind == DraftKind::None)
        return {};
    const std::string kind = d.kind == DraftKind::Mtp ? "MTP" : d.kind == DraftKind::Eagle ? "EAGLE-3" : "n-gram";
    const std::string assumed = "The estimate assumes " + kind + " drafting of " + std::to_string(d.draftTokens)
                                + " token" + (d.draftTokens == 1 ? "" : "s") + " at " + plainNumber(d.acceptedTokens)
                                + " tokens a step";
    if (l.launchEngine == LaunchEngine::LlamaCpp)
        return {"NOTE: " + assumed
                + "; llama-server drafts only with a separate draft model (-md), so the command runs "
                  "without one and decodes slower than estimated."};
    if (d.kind != DraftKind::Eagle)
        return {assumed + " (the speculative flags below)."};
    const std::string tokens = std::to_string(d.draftTokens);
    const std::string flags =
        l.launchEngine == LaunchEngine::Vllm
            ? R"(--speculative-config '{"method":"eagle3","model":"HEAD","num_speculative_tokens":)" + tokens + "}'"
            : "--speculative-algorithm EAGLE3 --speculative-draft-model-path HEAD --speculative-num-steps " + tokens
                  + " --speculative-eagle-topk 1 --speculative-num-draft-tokens " + std::to_string(d.draftTokens + 1);
    return {"NOTE: " + assumed + "; an EAGLE-3 head is a repository of its own, trained for " + l.model.displayName
            + ", which the plan does not name: add " + flags + " with HEAD its repository."};
}

std::string ggufPath(const DeploymentLayout &l)
{
    std::string quant = isFloat(l.weights.id) ? (l.weights.id == "fp16"   ? "F16"
                                                 : l.weights.id == "fp32" ? "F32"
                                                                          : "BF16")
                                              : l.weights.id;
    std::transform(quant.begin(), quant.end(), quant.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return "/models/" + l.model.id + "-" + quant + ".gguf";
}

int llamaCppGpuLayers(const DeploymentLayout &l)
{
    // llama.cpp (src/llama-model.cpp) keeps the first n_layer - ngl layers on
    // the CPU and puts the output layer on a GPU only when ngl > n_layer.
    const int layers = static_cast<int>(l.model.numLayers);
    return l.offloadedLayers > 0 ? layers - l.offloadedLayers : layers + 1;
}

bool sharesProcessAcrossReplicas(const DeploymentLayout &l)
{
    switch (l.launchEngine) {
    case LaunchEngine::Vllm:
        // vLLM's data-parallel ranks of a MoE model share their expert layers
        // (data_parallel_deployment.md), unlike the planner's independent
        // copies: those run as separate processes.
        return !l.model.isMoe();
    case LaunchEngine::Sglang: return !l.parallel.dataParallelAttention;
    case LaunchEngine::LlamaCpp: return false;
    }
    return false;
}

CommandLine serveCommand(const DeploymentLayout &layout, const ServeOptions &options)
{
    ServeOptions o = options;
    if (o.port == 0)
        o.port = defaultPort(layout.launchEngine);
    switch (layout.launchEngine) {
    case LaunchEngine::Vllm: return vllmCommand(layout, o);
    case LaunchEngine::Sglang: return sglangCommand(layout, o);
    case LaunchEngine::LlamaCpp: return llamaCppCommand(layout, o);
    }
    return {};
}

} // namespace planner
