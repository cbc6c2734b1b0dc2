#include "core/model/builtinmodels.h"
#include "core/util/text.h"

#include <algorithm>

namespace planner {

namespace {

struct DenseShape {
    std::int64_t vocab, hidden, intermediate, layers, heads, kvHeads, maxContext;
    bool qkvBias = false;
    bool tied = false;
};

ModelSpec dense(std::string id, std::string family, std::string name, const DenseShape &s, std::string source)
{
    ModelSpec m;
    m.id = std::move(id);
    m.family = std::move(family);
    m.displayName = std::move(name);
    m.source = std::move(source);
    m.vocabSize = s.vocab;
    m.hiddenSize = s.hidden;
    m.intermediateSize = s.intermediate;
    m.numLayers = s.layers;
    m.numHeads = s.heads;
    m.numKeyValueHeads = s.kvHeads;
    m.headDim = s.hidden / s.heads;
    m.maxContext = s.maxContext;
    m.attentionQkvBias = s.qkvBias;
    m.tiedEmbeddings = s.tied;
    return m;
}

// DeepSeek-V3 and DeepSeek-R1 share one architecture (config.json of either).
ModelSpec deepseekV3Architecture(std::string id, std::string family, std::string name, std::string source)
{
    ModelSpec m = dense(std::move(id), std::move(family), std::move(name), {129280, 7168, 18432, 61, 128, 128, 163840},
                        std::move(source));
    m.headDim = 0; // MLA has no single head_dim
    m.mla = MlaSpec{1536, 512, 64, 128, 128};
    m.moe = MoeSpec{256, 1, 8, 2048, 3, 1, true};
    m.mtpLayers = 1;
    m.checkpointFormat = "fp8-block";
    return m;
}

// Qwen3 (dense and MoE): explicit head_dim (128, not hidden / heads), QK-norm,
// no q/k/v bias; the MoE versions have no shared expert and no dense layer.
ModelSpec qwen3(std::string id, std::string name, const DenseShape &s, std::int64_t headDim, std::string source)
{
    ModelSpec m = dense(std::move(id), "Qwen3", std::move(name), s, std::move(source));
    m.headDim = headDim;
    m.qkNorm = true;
    return m;
}

ModelSpec qwen3Moe(std::string id, std::string name, const DenseShape &s, const MoeSpec &moe, std::string source)
{
    ModelSpec m = qwen3(std::move(id), std::move(name), s, 128, std::move(source));
    m.intermediateSize = 0;
    m.moe = moe;
    return m;
}

// gpt-oss: every layer MoE (biased experts and router), q/k/v/o biases,
// attention sinks, head_dim 64, sliding window 128 and full attention
// alternating (layer_types), MXFP4 experts in the published checkpoint.
ModelSpec gptOss(std::string id, std::string name, std::int64_t layers, std::int64_t experts, std::string source)
{
    ModelSpec m = dense(std::move(id), "gpt-oss", std::move(name), {201088, 2880, 0, layers, 64, 8, 131072},
                        std::move(source));
    m.headDim = 64;
    m.attentionQkvBias = true;
    m.attentionOutputBias = true;
    m.attentionSinks = true;
    m.layerPattern = "SF";
    m.slidingWindow = 128;
    m.moe = MoeSpec{experts, 0, 4, 2880, 0, 1, true, true};
    m.checkpointFormat = "mxfp4-experts";
    return m;
}

std::vector<ModelSpec> makeModels()
{
    const std::string hf = "https://huggingface.co/";
    const char *r1 = "DeepSeek-R1";
    const char *llama = "Llama 3.1";
    const char *qwen = "Qwen2.5";
    const char *coder = "DeepSeek-Coder";

    std::vector<ModelSpec> models;
    models.push_back(deepseekV3Architecture("deepseek-r1", r1, "DeepSeek-R1 671B",
                                            hf + "deepseek-ai/DeepSeek-R1/blob/main/config.json"));
    // R1 distills: Qwen2.5-Math-1.5B/7B, Qwen2.5-14B/32B and Llama-3.1-8B /
    // Llama-3.3-70B-Instruct bases, with untied heads.
    models.push_back(dense("deepseek-r1-distill-qwen-1.5b", r1, "DeepSeek-R1-Distill-Qwen-1.5B",
                           {151936, 1536, 8960, 28, 12, 2, 131072, true},
                           hf + "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B/blob/main/config.json"));
    models.push_back(dense("deepseek-r1-distill-qwen-7b", r1, "DeepSeek-R1-Distill-Qwen-7B",
                           {152064, 3584, 18944, 28, 28, 4, 131072, true},
                           hf + "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B/blob/main/config.json"));
    models.push_back(dense("deepseek-r1-distill-llama-8b", r1, "DeepSeek-R1-Distill-Llama-8B",
                           {128256, 4096, 14336, 32, 32, 8, 131072},
                           hf + "deepseek-ai/DeepSeek-R1-Distill-Llama-8B/blob/main/config.json"));
    models.push_back(dense("deepseek-r1-distill-qwen-14b", r1, "DeepSeek-R1-Distill-Qwen-14B",
                           {152064, 5120, 13824, 48, 40, 8, 131072, true},
                           hf + "deepseek-ai/DeepSeek-R1-Distill-Qwen-14B/blob/main/config.json"));
    models.push_back(dense("deepseek-r1-distill-qwen-32b", r1, "DeepSeek-R1-Distill-Qwen-32B",
                           {152064, 5120, 27648, 64, 40, 8, 131072, true},
                           hf + "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B/blob/main/config.json"));
    models.push_back(dense("deepseek-r1-distill-llama-70b", r1, "DeepSeek-R1-Distill-Llama-70B",
                           {128256, 8192, 28672, 80, 64, 8, 131072},
                           hf + "deepseek-ai/DeepSeek-R1-Distill-Llama-70B/blob/main/config.json"));

    models.push_back(deepseekV3Architecture("deepseek-v3", "DeepSeek-V3", "DeepSeek-V3 671B",
                                            hf + "deepseek-ai/DeepSeek-V3/blob/main/config.json"));

    // DeepSeek-Coder: Llama architecture, MHA for 1.3B/6.7B, GQA for 33B; 16k
    // context through linear RoPE scaling (factor 4 over 4096).
    models.push_back(dense("deepseek-coder-1.3b", coder, "DeepSeek-Coder 1.3B", {32256, 2048, 5504, 24, 16, 16, 16384},
                           hf + "deepseek-ai/deepseek-coder-1.3b-base/blob/main/config.json"));
    models.push_back(dense("deepseek-coder-6.7b", coder, "DeepSeek-Coder 6.7B", {32256, 4096, 11008, 32, 32, 32, 16384},
                           hf + "deepseek-ai/deepseek-coder-6.7b-base/blob/main/config.json"));
    models.push_back(dense("deepseek-coder-33b", coder, "DeepSeek-Coder 33B", {32256, 7168, 19200, 62, 56, 8, 16384},
                           hf + "deepseek-ai/deepseek-coder-33b-base/blob/main/config.json"));

    models.push_back(dense("llama-3.1-8b", llama, "Llama 3.1 8B", {128256, 4096, 14336, 32, 32, 8, 131072},
                           hf + "meta-llama/Llama-3.1-8B/blob/main/config.json"));
    models.push_back(dense("llama-3.1-70b", llama, "Llama 3.1 70B", {128256, 8192, 28672, 80, 64, 8, 131072},
                           hf + "meta-llama/Llama-3.1-70B/blob/main/config.json"));
    models.push_back(dense("llama-3.1-405b", llama, "Llama 3.1 405B", {128256, 16384, 53248, 126, 128, 8, 131072},
                           hf + "meta-llama/Llama-3.1-405B/blob/main/config.json"));

    models.push_back(dense("qwen2.5-7b", qwen, "Qwen2.5 7B", {152064, 3584, 18944, 28, 28, 4, 131072, true},
                           hf + "Qwen/Qwen2.5-7B/blob/main/config.json"));
    models.push_back(dense("qwen2.5-72b", qwen, "Qwen2.5 72B", {152064, 8192, 29568, 80, 64, 8, 131072, true},
                           hf + "Qwen/Qwen2.5-72B/blob/main/config.json"));

    ModelSpec mixtral = dense("mixtral-8x7b", "Mixtral", "Mixtral 8x7B", {32000, 4096, 0, 32, 32, 8, 32768},
                              hf + "mistralai/Mixtral-8x7B-v0.1/blob/main/config.json");
    mixtral.moe = MoeSpec{8, 0, 2, 14336, 0, 1, false};
    models.push_back(mixtral);

    // Qwen3 (April 2025) and Qwen3-Coder (July 2025): 32k native context
    // (40,960 positions in config.json), Coder 256k.
    models.push_back(qwen3("qwen3-8b", "Qwen3 8B", {151936, 4096, 12288, 36, 32, 8, 40960}, 128,
                           hf + "Qwen/Qwen3-8B/blob/main/config.json"));
    models.push_back(qwen3("qwen3-32b", "Qwen3 32B", {151936, 5120, 25600, 64, 64, 8, 40960}, 128,
                           hf + "Qwen/Qwen3-32B/blob/main/config.json"));
    models.push_back(qwen3Moe("qwen3-30b-a3b", "Qwen3 30B-A3B", {151936, 2048, 0, 48, 32, 4, 40960},
                              MoeSpec{128, 0, 8, 768, 0, 1, false}, hf + "Qwen/Qwen3-30B-A3B/blob/main/config.json"));
    models.push_back(qwen3Moe("qwen3-235b-a22b", "Qwen3 235B-A22B", {151936, 4096, 0, 94, 64, 4, 40960},
                              MoeSpec{128, 0, 8, 1536, 0, 1, false},
                              hf + "Qwen/Qwen3-235B-A22B/blob/main/config.json"));
    models.push_back(qwen3Moe("qwen3-coder-480b-a35b", "Qwen3-Coder 480B-A35B", {151936, 6144, 0, 62, 96, 8, 262144},
                              MoeSpec{160, 0, 8, 2560, 0, 1, false},
                              hf + "Qwen/Qwen3-Coder-480B-A35B-Instruct/blob/main/config.json"));

    // gpt-oss (August 2025).
    models.push_back(gptOss("gpt-oss-20b", "gpt-oss-20b", 24, 32, hf + "openai/gpt-oss-20b/blob/main/config.json"));
    models.push_back(gptOss("gpt-oss-120b", "gpt-oss-120b", 36, 128, hf + "openai/gpt-oss-120b/blob/main/config.json"));

    // Kimi K2 (July 2025): DeepSeek-V3's architecture (MLA, noaux_tc router)
    // with 384 experts, one dense layer, 64 heads and no MTP module; FP8 block
    // weights as published.
    ModelSpec kimi = deepseekV3Architecture("kimi-k2", "Kimi K2", "Kimi K2 1T-A32B",
                                            hf + "moonshotai/Kimi-K2-Instruct/blob/main/config.json");
    kimi.vocabSize = 163840;
    kimi.numHeads = 64;
    kimi.numKeyValueHeads = 64;
    kimi.maxContext = 131072;
    kimi.moe = MoeSpec{384, 1, 8, 2048, 1, 1, true};
    kimi.mtpLayers = 0;
    models.push_back(kimi);
    return models;
}

} // namespace

const std::vector<ModelSpec> &builtinModels()
{
    static const std::vector<ModelSpec> models = makeModels();
    return models;
}

std::optional<ModelSpec> findBuiltinModel(std::string_view id)
{
    const std::string key = toLower(id);
    for (const ModelSpec &m : builtinModels())
        if (m.id == key)
            return m;
    return std::nullopt;
}

std::vector<std::string> builtinFamilies()
{
    std::vector<std::string> families;
    for (const ModelSpec &m : builtinModels())
        if (std::find(families.begin(), families.end(), m.family) == families.end())
            families.push_back(m.family);
    return families;
}

} // namespace planner
