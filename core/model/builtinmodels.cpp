#include "core/model/builtinmodels.h"
#include "core/model/hybridpattern.h"
#include "core/model/visionencoder.h"
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

// Qwen3-Next and Qwen3.5: Gated DeltaNet (16 key heads of 128, 128-wide
// value heads, kernel 4) on three layers of four, gated full attention with
// QK-norm (head_dim 256) on every fourth; every layer MoE with one gated
// shared expert as wide as a routed one; one MTP layer on the main embedding.
ModelSpec qwenHybrid(std::string id, std::string family, std::string name, const DenseShape &s, std::int64_t valueHeads,
                     const MoeSpec &moe, std::string source)
{
    ModelSpec m = dense(std::move(id), std::move(family), std::move(name), s, std::move(source));
    m.headDim = 256;
    m.qkNorm = true;
    m.attentionOutputGate = true;
    m.layerPattern = "LLLF";
    m.linearAttention = LinearAttentionSpec{LinearAttentionKind::GatedDeltaNet, 16, valueHeads, 128, 128, 4};
    m.moe = moe;
    m.moe->sharedExpertGate = true;
    m.mtpLayers = 1;
    m.mtpSharesEmbeddings = true;
    return m;
}

// Qwen3.5's vision tower (vision_config of both releases: 27 blocks of 1152,
// MLP 4304, 16-pixel patches over 2 frames, 2304 positions, 2x2 merge).
std::int64_t qwen35Vision(std::int64_t outHidden)
{
    return qwenVisionParameters(QwenVisionShape{27, 1152, 4304, 3, 16, 2, 2304, 2, outHidden});
}

// GLM-4.5 / 4.6 (glm4_moe): GQA with head_dim 128 and q/k/v biases,
// DeepSeek-style MoE (sigmoid router with a score-correction bias, one
// shared expert, dense first layers), one MTP layer.
ModelSpec glm45(std::string id, std::string name, const DenseShape &s, const MoeSpec &moe, bool qkNorm,
                std::string source)
{
    ModelSpec m = dense(std::move(id), "GLM", std::move(name), s, std::move(source));
    m.headDim = 128;
    m.attentionQkvBias = true;
    m.qkNorm = qkNorm;
    m.moe = moe;
    m.mtpLayers = 1;
    return m;
}

// BLOOM 176B (BigScience, 2022): ALiBi positions (no table), MHA with
// biased fused qkv and dense projections, a 4h GELU MLP with biases,
// LayerNorms with biases including one after the word embeddings, tied head.
// DeepSeek-V4 (April 2026; config.json and inference/model.py of each
// release): every layer attends to a 128-token window through one 512-wide
// key-value head, the compressed layers add 4:1 entries picked by the
// indexer (64 heads of 128) or 128:1 entries; mHC keeps 4 residual copies;
// every layer is MoE (top-6 plus one shared expert), the first 3 routed by
// token id; one MTP block shares the embedding and head. `leading` layers
// before the alternating 4:1 / 128:1 stack keep ratio `leadingRatio`.
ModelSpec deepseekV4(std::string id, std::string name, const DenseShape &s, std::int64_t leading,
                     LayerAttention leadingKind, const CompressedAttentionSpec &attention, const MoeSpec &moe,
                     std::int64_t topK, std::string source)
{
    ModelSpec m = dense(std::move(id), "DeepSeek-V4", std::move(name), s, std::move(source));
    m.headDim = 512;
    m.intermediateSize = 0;
    m.slidingWindow = 128;
    m.hyperConnections = 4;
    m.compressedAttention = attention;
    m.sparseAttention = SparseAttentionSpec{64, 128, topK};
    m.moe = moe;
    m.mtpLayers = 1;
    m.mtpSharesEmbeddings = true;
    std::string letters(static_cast<size_t>(leading), static_cast<char>(leadingKind));
    for (std::int64_t layer = leading; layer < s.layers; ++layer)
        letters += static_cast<char>((layer - leading) % 2 == 0 ? LayerAttention::CompressedSparse
                                                                : LayerAttention::HeavilyCompressed);
    m.layerPattern = shortestPeriod(letters);
    m.checkpointFormat = "fp8-block-fp4-experts";
    return m;
}

ModelSpec bloom(std::string source)
{
    ModelSpec m = dense("bloom-176b", "BLOOM", "BLOOM 176B", {250880, 14336, 4 * 14336, 70, 112, 112, 2048, true, true},
                        std::move(source));
    useBiasedLayerNormBlocks(m);
    return m;
}

// Nemotron-H: a hybrid_override_pattern of single-block layers (M Mamba-2,
// * attention, - squared-ReLU MLP, E experts), 128-wide attention heads,
// float32 SSM state (NemotronHConfig.mamba_ssm_cache_dtype).
ModelSpec nemotronH(std::string id, std::string name, const DenseShape &s, std::string_view pattern,
                    const StateSpaceSpec &mamba, std::string source)
{
    ModelSpec m = dense(std::move(id), "Nemotron-H", std::move(name), s, std::move(source));
    m.headDim = 128;
    m.gatedMlp = false;
    const std::optional<HybridLayerPatterns> layers = hybridLayerPatterns(pattern);
    m.layerPattern = layers->layerPattern;
    m.ffnPattern = layers->ffnPattern;
    m.stateSpace = mamba;
    m.recurrentStateBits = 32;
    return m;
}

// BERT (Devlin et al., 2018): an encoder with biased attention and GELU MLP,
// LayerNorms with biases after each sublayer and after the embeddings,
// 512 learned positions, two token types, WordPiece vocabulary of 30,522,
// the decoder tied to the embeddings; the published checkpoints are
// BertForPreTraining dumps (pooler, masked-LM and next-sentence heads), in FP32.
ModelSpec bert(std::string id, std::string name, const DenseShape &s, std::string source)
{
    ModelSpec m = dense(std::move(id), "BERT", std::move(name), s, std::move(source));
    useBiasedLayerNormBlocks(m);
    m.tiedEmbeddings = true;
    m.encoder = EncoderSpec{2, true, 0};
    m.checkpointFormat = "fp32";
    return m;
}

// Gemma 3 (March 2025): q/k norms, norms around both halves of every layer,
// five sliding-window layers to one full, head_dim stated (not hidden /
// heads), tied head; the 4B-27B checkpoints carry a SigLIP encoder
// (27 blocks of 1152, MLP 4304, 14-pixel patches of 896-pixel images).
ModelSpec gemma3(std::string id, std::string name, const DenseShape &s, std::int64_t headDim, std::int64_t window,
                 bool vision, std::string source)
{
    ModelSpec m = dense(std::move(id), "Gemma 3", std::move(name), s, std::move(source));
    m.headDim = headDim;
    m.qkNorm = true;
    m.sandwichNorms = true;
    m.tiedEmbeddings = true;
    m.layerPattern = "SSSSSF";
    m.slidingWindow = window;
    if (vision)
        m.visionParameters = siglipVisionParameters(SiglipVisionShape{27, 1152, 4304, 3, 14, 896, s.hidden});
    return m;
}

// Gemma 4 (2026): Gemma 3's layer with a stored layer scale, 1,024-token
// windows on five layers of six and full layers with their own heads (512
// wide, fewer KV heads, values equal to keys); its encoder has 27 blocks of
// 1152 with 72-wide heads, 16-pixel patches and a 10,240-entry position table.
ModelSpec gemma4(std::string id, std::string name, const DenseShape &s, std::int64_t fullKvHeads, std::string source)
{
    ModelSpec m = gemma3(std::move(id), std::move(name), s, 256, 1024, false, std::move(source));
    m.family = "Gemma 4";
    m.layerScalar = true;
    m.fullAttentionHeads = FullAttentionHeads{512, fullKvHeads, true};
    m.visionParameters = gemma4VisionParameters(Gemma4VisionShape{27, 1152, 4304, 72, 16, 10240, true, s.hidden});
    return m;
}

// Llama 4 (April 2025): chunked attention (8,192 tokens) on three layers of
// four and full attention without RoPE on the fourth, 128-wide heads, top-1
// routing plus one shared expert as wide as a routed one (8,192), untied
// head; the encoder: 34 blocks of 1408, 14-pixel patches of 336-pixel images,
// a pixel-shuffle adapter to 4,096.
ModelSpec llama4(std::string id, std::string name, const DenseShape &s, std::int64_t experts, std::string source)
{
    ModelSpec m = dense(std::move(id), "Llama 4", std::move(name), s, std::move(source));
    m.headDim = 128;
    m.layerPattern = "CCCF";
    m.attentionChunk = 8192;
    m.moe = MoeSpec{experts, 1, 1, 8192, 0, 1, false};
    m.visionParameters = llama4VisionParameters(
        Llama4VisionShape{34, 1408, 5632, 3, 14, 336, 4096, 4096, 4096, s.hidden});
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

    // Llama 2 (July 2023) and Mistral 7B (September 2023): the shapes most
    // published serving benchmarks (MLPerf's llama2-70b, llama.cpp's Apple
    // silicon table) still measure. Mistral 7B v0.1 attends over a 4,096-token
    // sliding window on every layer.
    models.push_back(dense("llama-2-7b", "Llama 2", "Llama 2 7B", {32000, 4096, 11008, 32, 32, 32, 4096},
                           hf + "meta-llama/Llama-2-7b-hf/blob/main/config.json"));
    models.push_back(dense("llama-2-13b", "Llama 2", "Llama 2 13B", {32000, 5120, 13824, 40, 40, 40, 4096},
                           hf + "meta-llama/Llama-2-13b-hf/blob/main/config.json"));
    models.push_back(dense("llama-2-70b", "Llama 2", "Llama 2 70B", {32000, 8192, 28672, 80, 64, 8, 4096},
                           hf + "meta-llama/Llama-2-70b-hf/blob/main/config.json"));
    ModelSpec mistral7b = dense("mistral-7b", "Mistral", "Mistral 7B", {32000, 4096, 14336, 32, 32, 8, 32768},
                                hf + "mistralai/Mistral-7B-v0.1/blob/main/config.json");
    mistral7b.layerPattern = "S";
    mistral7b.slidingWindow = 4096;
    models.push_back(mistral7b);

    ModelSpec mixtral = dense("mixtral-8x7b", "Mixtral", "Mixtral 8x7B", {32000, 4096, 0, 32, 32, 8, 32768},
                              hf + "mistralai/Mixtral-8x7B-v0.1/blob/main/config.json");
    mixtral.moe = MoeSpec{8, 0, 2, 14336, 0, 1, false};
    models.push_back(mixtral);
    // Mixtral 8x22B (April 2024): 56 layers of 8 experts, top 2, 65,536-token context.
    ModelSpec mixtral22 = dense("mixtral-8x22b", "Mixtral", "Mixtral 8x22B", {32768, 6144, 0, 56, 48, 8, 65536},
                                hf + "mistral-community/Mixtral-8x22B-v0.1/blob/main/config.json");
    mixtral22.moe = MoeSpec{8, 0, 2, 16384, 0, 1, false};
    models.push_back(mixtral22);

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
    // Kimi K2.5 (January 2026): the same language model with a 262,144-token
    // context and INT4 (group 32) routed experts as published, beside the
    // MoonViT encoder (27 blocks of 1152, MLP 4304, 14-pixel patches, a 64 x 64
    // position table, 2 x 2 patch merger to 7168), stored in BF16.
    ModelSpec kimi25 = kimi;
    kimi25.id = "kimi-k2.5";
    kimi25.displayName = "Kimi K2.5 1T-A32B";
    kimi25.source = hf + "moonshotai/Kimi-K2.5/blob/main/config.json";
    kimi25.maxContext = 262144;
    kimi25.checkpointFormat = "int4-g32-experts";
    kimi25.visionParameters = moonVitParameters(MoonVitShape{27, 1152, 4304, 14, 64, 64, 4, 7168});
    models.push_back(kimi25);

    // Qwen3-Next (September 2025): 36 Gated DeltaNet + 12 full-attention layers,
    // 512 experts top-10 plus a shared one.
    models.push_back(qwenHybrid("qwen3-next-80b-a3b", "Qwen3-Next", "Qwen3-Next 80B-A3B",
                                {151936, 2048, 0, 48, 16, 2, 262144}, 32, MoeSpec{512, 1, 10, 512, 0, 1, false},
                                hf + "Qwen/Qwen3-Next-80B-A3B-Instruct/blob/main/config.json"));
    // Qwen3.5 (2026): the same layer stack in a vision-language checkpoint whose
    // config asks for a float32 recurrent state (mamba_ssm_dtype).
    ModelSpec small = qwenHybrid("qwen3.5-35b-a3b", "Qwen3.5", "Qwen3.5 35B-A3B", {248320, 2048, 0, 40, 16, 2, 262144},
                                 32, MoeSpec{256, 1, 8, 512, 0, 1, false},
                                 hf + "Qwen/Qwen3.5-35B-A3B/blob/main/config.json");
    small.recurrentStateBits = 32;
    small.visionParameters = qwen35Vision(2048);
    models.push_back(small);
    ModelSpec large = qwenHybrid("qwen3.5-397b-a17b", "Qwen3.5", "Qwen3.5 397B-A17B",
                                 {248320, 4096, 0, 60, 32, 2, 262144}, 64, MoeSpec{512, 1, 10, 1024, 0, 1, false},
                                 hf + "Qwen/Qwen3.5-397B-A17B/blob/main/config.json");
    large.recurrentStateBits = 32;
    large.visionParameters = qwen35Vision(4096);
    models.push_back(large);

    // MiniMax-M1 (June 2025): lightning attention on 7 layers of 8 (64 heads of
    // 128, state 64 x 128 x 128 per layer), 32 experts top-2; the
    // checkpoint's 80k-token release runs to 10,240,000 positions.
    ModelSpec minimax = dense("minimax-m1", "MiniMax", "MiniMax-M1 456B-A46B", {200064, 6144, 0, 80, 64, 8, 10240000},
                              "https://github.com/MiniMax-AI/MiniMax-M1/blob/main/config.json");
    minimax.headDim = 128;
    minimax.layerPattern = "LLLLLLLF";
    minimax.linearAttention = LinearAttentionSpec{LinearAttentionKind::Lightning, 64, 64, 128, 128, 0};
    minimax.moe = MoeSpec{32, 0, 2, 9216, 0, 1, false};
    models.push_back(minimax);

    // Nemotron-H 56B (April 2025): 54 Mamba-2, 10 attention and 54 squared-ReLU
    // MLP layers, each a single block.
    models.push_back(nemotronH("nemotron-h-56b", "Nemotron-H 56B", {131072, 8192, 32768, 118, 64, 8, 8192},
                               "M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-"
                               "M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M-",
                               StateSpaceSpec{256, 64, 256, 8, 4, true, false},
                               hf + "nvidia/Nemotron-H-56B-Base-8K/blob/main/config.json"));

    // Nemotron 3 Nano 30B-A3B (December 2025): 23 Mamba-2, 6 attention and 23
    // expert layers, each a single block; 128 squared-ReLU experts top-6 and a
    // shared expert of 3712 behind a biased sigmoid router.
    ModelSpec nano = nemotronH(
        "nemotron-3-nano-30b-a3b", "Nemotron 3 Nano 30B-A3B", {131072, 2688, 0, 52, 32, 2, 262144},
        "MEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEMEM*EMEMEMEME", StateSpaceSpec{64, 64, 128, 8, 4, true, false},
        hf + "nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16/blob/main/config.json");
    nano.moe = MoeSpec{128, 1, 6, 1856, 0, 1, true};
    nano.moe->sharedExpertIntermediateSize = 3712;
    models.push_back(nano);

    // DeepSeek-V3.2 (December 2025): V3's architecture with DeepSeek Sparse
    // Attention (64 index heads of 128, top 2048 tokens) on every layer.
    ModelSpec v32 = deepseekV3Architecture("deepseek-v3.2", "DeepSeek-V3", "DeepSeek-V3.2 685B",
                                           hf + "deepseek-ai/DeepSeek-V3.2/blob/main/config.json");
    v32.sparseAttention = SparseAttentionSpec{64, 128, 2048};
    models.push_back(v32);

    // DeepSeek-V4-Flash 284B-A13B and V4-Pro 1.6T-A49B (derivations/deepseek-v4.md).
    models.push_back(deepseekV4(
        "deepseek-v4-flash", "DeepSeek-V4-Flash 284B-A13B", {129280, 4096, 0, 43, 64, 1, 1048576}, 2,
        LayerAttention::SlidingWindow, CompressedAttentionSpec{1024, 64, 8, 1024, 128, 3},
        MoeSpec{256, 1, 6, 2048, 0, 1, true}, 512, hf + "deepseek-ai/DeepSeek-V4-Flash/blob/main/config.json"));
    models.push_back(deepseekV4(
        "deepseek-v4-pro", "DeepSeek-V4-Pro 1.6T-A49B", {129280, 7168, 0, 61, 128, 1, 1048576}, 2,
        LayerAttention::HeavilyCompressed, CompressedAttentionSpec{1536, 64, 16, 1024, 128, 3},
        MoeSpec{384, 1, 6, 3072, 0, 1, true}, 1024, hf + "deepseek-ai/DeepSeek-V4-Pro/blob/main/config.json"));

    // GLM-5 (2026): MLA (q_lora 2048, nope 192, rope 64, v 256) with sparse
    // attention (32 index heads), 3 dense then 75 MoE layers of 256 experts
    // top-8 plus one shared; its MTP layer reads the main embedding and head.
    ModelSpec glm = dense("glm-5", "GLM", "GLM-5 744B-A40B", {154880, 6144, 12288, 78, 64, 64, 202752},
                          hf + "zai-org/GLM-5/blob/main/config.json");
    glm.headDim = 0;
    glm.mla = MlaSpec{2048, 512, 64, 192, 256};
    glm.sparseAttention = SparseAttentionSpec{32, 128, 2048};
    glm.moe = MoeSpec{256, 1, 8, 2048, 3, 1, true};
    glm.mtpLayers = 1;
    glm.mtpSharesEmbeddings = true;
    models.push_back(glm);

    // GLM-4.5 (July 2025) and GLM-4.5-Air; GLM-4.6 (September 2025) is 4.5's
    // architecture at 200k positions whose MTP layer stores no embedding or
    // head copy (its checkpoint is exactly 4.5's less those two matrices).
    models.push_back(glm45("glm-4.5", "GLM-4.5 355B-A32B", {151552, 5120, 12288, 92, 96, 8, 131072},
                           MoeSpec{160, 1, 8, 1536, 3, 1, true}, true, hf + "zai-org/GLM-4.5/blob/main/config.json"));
    models.push_back(glm45("glm-4.5-air", "GLM-4.5-Air 106B-A12B", {151552, 4096, 10944, 46, 96, 8, 131072},
                           MoeSpec{128, 1, 8, 1408, 1, 1, true}, false,
                           hf + "zai-org/GLM-4.5-Air/blob/main/config.json"));
    ModelSpec glm46 = glm45("glm-4.6", "GLM-4.6 355B-A32B", {151552, 5120, 12288, 92, 96, 8, 202752},
                            MoeSpec{160, 1, 8, 1536, 3, 1, true}, true, hf + "zai-org/GLM-4.6/blob/main/config.json");
    glm46.mtpSharesEmbeddings = true;
    models.push_back(glm46);
    // GLM-4.7 (December 2025): 4.6's shape, its MTP layer stored with its own
    // embedding and head again, so its checkpoint equals GLM-4.5's to the parameter.
    models.push_back(glm45("glm-4.7", "GLM-4.7 355B-A32B", {151552, 5120, 12288, 92, 96, 8, 202752},
                           MoeSpec{160, 1, 8, 1536, 3, 1, true}, true, hf + "zai-org/GLM-4.7/blob/main/config.json"));

    // Gemma 3 (exact counts: tests/fixtures/hf/derivations/gemma-3.md). The 1B
    // is text-only with 262,144 tokens, 512-token windows and 32k positions.
    models.push_back(gemma3("gemma-3-1b", "Gemma 3 1B", {262144, 1152, 6912, 26, 4, 1, 32768}, 256, 512, false,
                            hf + "google/gemma-3-1b-it/blob/main/config.json"));
    models.push_back(gemma3("gemma-3-4b", "Gemma 3 4B", {262208, 2560, 10240, 34, 8, 4, 131072}, 256, 1024, true,
                            hf + "google/gemma-3-4b-it/blob/main/config.json"));
    models.push_back(gemma3("gemma-3-12b", "Gemma 3 12B", {262208, 3840, 15360, 48, 16, 8, 131072}, 256, 1024, true,
                            hf + "google/gemma-3-12b-it/blob/main/config.json"));
    models.push_back(gemma3("gemma-3-27b", "Gemma 3 27B", {262208, 5376, 21504, 62, 32, 16, 131072}, 128, 1024, true,
                            hf + "google/gemma-3-27b-it/blob/main/config.json"));
    // Gemma 4: the dense 31B and the 26B-A4B, whose layers run a dense MLP
    // (2,112) beside 128 experts of 704, top-8 (tests/fixtures/hf/gemma-4-*).
    models.push_back(gemma4("gemma-4-31b", "Gemma 4 31B", {262144, 5376, 21504, 60, 32, 16, 262144}, 4,
                            hf + "google/gemma-4-31B/blob/main/config.json"));
    ModelSpec gemma4Moe = gemma4("gemma-4-26b-a4b", "Gemma 4 26B-A4B", {262144, 2816, 2112, 30, 16, 8, 262144}, 2,
                                 hf + "google/gemma-4-26B-A4B/blob/main/config.json");
    gemma4Moe.moe = MoeSpec{128, 0, 8, 704, 0, 1, false};
    gemma4Moe.moe->denseBesideExperts = true;
    models.push_back(gemma4Moe);

    // Llama 4 Scout (16 experts on every layer, 10M positions) and Maverick
    // (128 experts on odd layers, dense 16,384-wide MLPs on even ones).
    models.push_back(llama4("llama-4-scout", "Llama 4 Scout 109B-A17B", {202048, 5120, 0, 48, 40, 8, 10485760}, 16,
                            hf + "meta-llama/Llama-4-Scout-17B-16E-Instruct/blob/main/config.json"));
    ModelSpec maverick = llama4("llama-4-maverick", "Llama 4 Maverick 400B-A17B",
                                {202048, 5120, 16384, 48, 40, 8, 1048576}, 128,
                                hf + "meta-llama/Llama-4-Maverick-17B-128E-Instruct/blob/main/config.json");
    maverick.ffnPattern = "DE";
    models.push_back(maverick);

    // MiniMax-M2 (October 2025): full attention on all 62 layers with q/k
    // norms across all heads, 256 experts top-8 behind a biased sigmoid
    // router; FP8 block weights as published.
    ModelSpec minimaxM2 = dense("minimax-m2", "MiniMax", "MiniMax-M2 230B-A10B", {200064, 3072, 0, 62, 48, 8, 196608},
                                hf + "MiniMaxAI/MiniMax-M2/blob/main/config.json");
    minimaxM2.headDim = 128;
    minimaxM2.qkNormAcrossHeads = true;
    minimaxM2.moe = MoeSpec{256, 0, 8, 1536, 0, 1, true};
    minimaxM2.checkpointFormat = "fp8-block";
    models.push_back(minimaxM2);

    // Phi-4 (December 2024): a dense 14B with fused qkv and gate_up projections
    // (the same counts as separate ones), 16k context.
    models.push_back(dense("phi-4", "Phi-4", "Phi-4 14B", {100352, 5120, 17920, 40, 40, 10, 16384},
                           hf + "microsoft/phi-4/blob/main/config.json"));

    // Mistral Small 3.2 (June 2025; 3.1's architecture): 128-wide heads, no
    // window, and a Pixtral encoder (24 blocks of 1024, 14-pixel patches, a
    // 2 x 2 patch merger).
    ModelSpec mistralSmall = dense("mistral-small-3.2-24b", "Mistral Small", "Mistral Small 3.2 24B",
                                   {131072, 5120, 32768, 40, 32, 8, 131072},
                                   hf + "mistralai/Mistral-Small-3.2-24B-Instruct-2506/blob/main/config.json");
    mistralSmall.headDim = 128;
    mistralSmall.visionParameters = pixtralVisionParameters(PixtralVisionShape{24, 1024, 4096, 3, 14, 2, 5120});
    models.push_back(mistralSmall);

    // The guides' generic sizes. LLaMA (Meta, February 2023; paper Table 2):
    // 13B and 65B, 2,048-token context, vocabulary 32,000, untied head.
    models.push_back(dense("llama-13b", "LLaMA", "LLaMA 13B", {32000, 5120, 13824, 40, 40, 40, 2048},
                           "Touvron et al., LLaMA (arXiv:2302.13971), Table 2; HF conversion config.json"));
    models.push_back(dense("llama-65b", "LLaMA", "LLaMA 65B", {32000, 8192, 22016, 80, 64, 64, 2048},
                           "Touvron et al., LLaMA (arXiv:2302.13971), Table 2; HF conversion config.json"));
    // The guides' encoder: "2x T4 with Triton, BERT-base 1,200 QPS".
    models.push_back(bert("bert-base-uncased", "BERT-base (uncased)", {30522, 768, 3072, 12, 12, 12, 512},
                          hf + "google-bert/bert-base-uncased/blob/main/config.json"));
    models.push_back(bert("bert-large-uncased", "BERT-large (uncased)", {30522, 1024, 4096, 24, 16, 16, 512},
                          hf + "google-bert/bert-large-uncased/blob/main/config.json"));
    models.push_back(bloom(hf
                           + "bigscience/bloom/blob/main/config.json (model card: 176,247,271,424 parameters, "
                             "trained on 2,048-token sequences)"));
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
