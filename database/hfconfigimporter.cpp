#include "database/hfconfigimporter.h"
#include "database/hfconfigreader.h"
#include "database/hfdeepseekv4.h"
#include "database/hfgemma.h"
#include "database/hfhybridlayers.h"
#include "database/hfquantization.h"
#include "database/hfvisionencoder.h"
#include "database/jsonvaluetext.h"

#include "core/model/precision.h"
#include "database/wholefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace planner {

namespace {

// A config.json is a few kilobytes; a large file is a weight file picked by mistake
// and must not be read into memory.
constexpr qint64 kMaxConfigBytes = 16 * 1024 * 1024;

enum class Arch {
    Llama,
    Mistral,
    Qwen2,
    Mixtral,
    DeepseekV2,
    DeepseekV3,
    DeepseekV32,
    GlmMoeDsa,
    Qwen2Moe,
    Qwen3,
    Qwen3Moe,
    Qwen3Next,
    Qwen35,
    Qwen35Moe,
    GptOss,
    MiniMaxM1,
    NemotronH,
    Glm4Moe,
    Bloom,
    Phi3,
    MiniMaxM2,
    Llama4,
    Gemma3,
    Gemma3Text,
    Gemma4,
    Mistral3,
    KimiK25, // a DeepSeek-V3 language model (text_config kimi_k2) beside MoonViT
    DeepseekV4,
    Bert, // encoder-only
};

struct ArchInfo {
    const char *modelType;
    const char *architecture; // the *ForCausalLM class transformers loads for it
    Arch arch;
};

constexpr ArchInfo kArchitectures[] = {
    {"llama", "LlamaForCausalLM", Arch::Llama},
    {"mistral", "MistralForCausalLM", Arch::Mistral},
    {"qwen2", "Qwen2ForCausalLM", Arch::Qwen2},
    {"mixtral", "MixtralForCausalLM", Arch::Mixtral},
    {"deepseek_v2", "DeepseekV2ForCausalLM", Arch::DeepseekV2},
    {"deepseek_v3", "DeepseekV3ForCausalLM", Arch::DeepseekV3},
    {"qwen3", "Qwen3ForCausalLM", Arch::Qwen3},
    {"qwen3_moe", "Qwen3MoeForCausalLM", Arch::Qwen3Moe},
    {"gpt_oss", "GptOssForCausalLM", Arch::GptOss},
    {"qwen2_moe", "Qwen2MoeForCausalLM", Arch::Qwen2Moe},
    {"qwen3_next", "Qwen3NextForCausalLM", Arch::Qwen3Next},
    {"qwen3_5", "Qwen3_5ForConditionalGeneration", Arch::Qwen35},
    {"qwen3_5_moe", "Qwen3_5MoeForConditionalGeneration", Arch::Qwen35Moe},
    {"deepseek_v32", "DeepseekV32ForCausalLM", Arch::DeepseekV32},
    {"glm_moe_dsa", "GlmMoeDsaForCausalLM", Arch::GlmMoeDsa},
    {"minimax_m1", "MiniMaxM1ForCausalLM", Arch::MiniMaxM1},
    {"minimax", "MiniMaxForCausalLM", Arch::MiniMaxM1},
    {"nemotron_h", "NemotronHForCausalLM", Arch::NemotronH},
    {"glm4_moe", "Glm4MoeForCausalLM", Arch::Glm4Moe},
    {"bloom", "BloomForCausalLM", Arch::Bloom},
    {"phi3", "Phi3ForCausalLM", Arch::Phi3},
    {"minimax_m2", "MiniMaxM2ForCausalLM", Arch::MiniMaxM2},
    {"llama4", "Llama4ForConditionalGeneration", Arch::Llama4},
    {"gemma3", "Gemma3ForConditionalGeneration", Arch::Gemma3},
    {"gemma3_text", "Gemma3ForCausalLM", Arch::Gemma3Text},
    {"gemma4", "Gemma4ForConditionalGeneration", Arch::Gemma4},
    {"mistral3", "Mistral3ForConditionalGeneration", Arch::Mistral3},
    {"kimi_k25", "KimiK25ForConditionalGeneration", Arch::KimiK25},
    {"deepseek_v4", "DeepseekV4ForCausalLM", Arch::DeepseekV4},
    {"bert", "BertForPreTraining", Arch::Bert}, // readBert checks the class itself
};

bool usesMla(Arch arch)
{
    return arch == Arch::DeepseekV2 || arch == Arch::DeepseekV3 || arch == Arch::DeepseekV32 || arch == Arch::GlmMoeDsa;
}

// Vision-language containers keep the language model's keys in text_config.
bool nestsTextConfig(Arch arch)
{
    switch (arch) {
    case Arch::Qwen35:
    case Arch::Qwen35Moe:
    case Arch::Llama4:
    case Arch::Gemma3:
    case Arch::Gemma4:
    case Arch::Mistral3:
    case Arch::KimiK25: return true;
    default: return false;
    }
}

bool isGemma(Arch arch)
{
    return arch == Arch::Gemma3 || arch == Arch::Gemma3Text || arch == Arch::Gemma4;
}

// tie_word_embeddings when the file leaves it out: the config class's
// default (Gemma's configs tie; see readCommon for the others).
bool tiesByDefault(Arch arch)
{
    return isGemma(arch);
}

QString supportedModelTypes()
{
    QStringList types;
    for (const ArchInfo &info : kArchitectures)
        types << QLatin1StringView(info.modelType);
    return types.join(QStringLiteral(", "));
}

// "architectures" is optional, but when present every class it names must be
// the one transformers uses for model_type: a config whose two keys disagree
// (or name a head such as *ForSequenceClassification) is not one we can size.
void checkArchitectures(ConfigReader &reader, const ArchInfo &info)
{
    if (!reader.has("architectures"))
        return;
    const QJsonValue value = reader.value("architectures");
    if (!value.isArray() || value.toArray().isEmpty()) {
        reader.fail("architectures",
                    QStringLiteral("must be a non-empty array of class names, got %1").arg(describeJsonValue(value)));
        return;
    }
    for (const QJsonValue &entry : value.toArray()) {
        if (entry.toString() != QLatin1StringView(info.architecture))
            reader.fail("architectures",
                        QStringLiteral("names %1, which is not supported for model_type '%2'; "
                                       "supported: %3")
                            .arg(entry.isString() ? entry.toString() : describeJsonValue(entry),
                                 QLatin1StringView(info.modelType), QLatin1StringView(info.architecture)));
    }
}

// The architecture class a config names, when it names exactly one.
QString namedArchitecture(const ConfigReader &reader)
{
    const QJsonArray classes = reader.value("architectures").toArray();
    return classes.size() == 1 ? classes.first().toString() : QString();
}

std::optional<ArchInfo> readArchitecture(ConfigReader &reader)
{
    const QString modelType = reader.text("model_type");
    if (modelType.isEmpty())
        return std::nullopt;
    for (const ArchInfo &info : kArchitectures) {
        if (modelType == QLatin1StringView(info.modelType)) {
            if (info.arch != Arch::Bert) // BERT's several head classes: readBert
                checkArchitectures(reader, info);
            return info;
        }
    }
    // A model published under its own model_type with a known architecture's
    // code (Kimi K2: kimi_k2 running DeepseekV3ForCausalLM) is that architecture.
    const QString named = namedArchitecture(reader);
    for (const ArchInfo &info : kArchitectures)
        if (!named.isEmpty() && named == QLatin1StringView(info.architecture))
            return info;
    reader.fail("model_type",
                QStringLiteral("'%1' is not supported (architectures: %2); supported: %3")
                    .arg(modelType, named.isEmpty() ? QStringLiteral("none named") : named, supportedModelTypes()));
    return std::nullopt;
}

void readActivation(ConfigReader &reader)
{
    // Every supported architecture has a gated MLP (gate_proj, up_proj, down_proj)
    // whatever its activation; only these activations are seen in those families,
    // so another value means a config we have not understood.
    const QString act = reader.text("hidden_act", false);
    static const QStringList known = {QStringLiteral("silu"), QStringLiteral("swish"), QStringLiteral("gelu"),
                                      QStringLiteral("gelu_new"), QStringLiteral("gelu_pytorch_tanh")};
    if (!act.isEmpty() && !known.contains(act))
        reader.fail("hidden_act",
                    QStringLiteral("'%1' is not supported; supported: %2").arg(act, known.join(QStringLiteral(", "))));
}

// BERT (BertConfig): an encoder read whole here, like BLOOM. Which tensors a
// checkpoint stores follows its class: BertModel the encoder and pooler;
// BertForPreTraining and BertForMaskedLM, as the published google-bert files
// name themselves, also the pre-training heads those files store
// (derivations/bert.md); BertForSequenceClassification a classifier over the
// pooled token. A safetensors header beside the config counts exactly.
void readBert(ConfigReader &reader, ModelSpec &spec)
{
    EncoderSpec encoder;
    const QString named = namedArchitecture(reader);
    if (named == QLatin1StringView("BertForPreTraining") || named == QLatin1StringView("BertForMaskedLM"))
        encoder.pretrainingHeads = true;
    else if (named == QLatin1StringView("BertForSequenceClassification"))
        encoder.classifierOutputs = reader.has("id2label") ? reader.value("id2label").toObject().size() : 2;
    else if (!named.isEmpty() && named != QLatin1StringView("BertModel"))
        reader.fail("architectures", QStringLiteral("names %1; supported for model_type 'bert': BertModel, "
                                                    "BertForPreTraining, BertForMaskedLM, "
                                                    "BertForSequenceClassification")
                                         .arg(named));
    else if (reader.value("architectures").toArray().size() > 1)
        reader.fail("architectures", QStringLiteral("names several classes; a checkpoint stores one"));
    encoder.tokenTypes = reader.count("type_vocab_size", 0);
    if (const QString positions = reader.text("position_embedding_type", false);
        !positions.isEmpty() && positions != QLatin1StringView("absolute"))
        reader.fail("position_embedding_type", QStringLiteral("is '%1'; relative position embeddings are not "
                                                              "counted, so the import is refused")
                                                   .arg(positions));
    const QString act = reader.text("hidden_act", false);
    if (!act.isEmpty() && act != QLatin1StringView("gelu") && act != QLatin1StringView("gelu_new"))
        reader.fail("hidden_act", QStringLiteral("'%1' is not supported; supported: gelu, gelu_new").arg(act));
    spec.vocabSize = reader.count("vocab_size");
    spec.hiddenSize = reader.count("hidden_size");
    spec.numLayers = reader.count("num_hidden_layers");
    spec.numHeads = reader.count("num_attention_heads");
    spec.numKeyValueHeads = spec.numHeads;
    spec.headDim = spec.numHeads > 0 ? spec.hiddenSize / spec.numHeads : 0;
    spec.intermediateSize = reader.count("intermediate_size");
    spec.maxContext = reader.count("max_position_embeddings", 1, kMaxModelContext);
    spec.tiedEmbeddings = true; // the masked-LM decoder is the word embedding matrix
    useBiasedLayerNormBlocks(spec);
    spec.encoder = encoder;
}

// BLOOM: BloomConfig's own key names (n_embed, n_layer, n_head), ALiBi
// positions without a table, fused biased qkv and dense projections, a 4h
// GELU MLP with biases, LayerNorms with biases, one after the embedding.
void readBloom(ConfigReader &reader, ModelSpec &spec)
{
    const auto key = [&reader](const char *name, const char *alias) { return reader.contains(alias) ? alias : name; };
    spec.vocabSize = reader.count("vocab_size");
    spec.hiddenSize = reader.count(key("hidden_size", "n_embed"));
    spec.numLayers = reader.count(key("num_hidden_layers", "n_layer"));
    spec.numHeads = reader.count(key("num_attention_heads", "n_head"));
    spec.numKeyValueHeads = spec.numHeads;
    spec.headDim = spec.numHeads > 0 ? spec.hiddenSize / spec.numHeads : 0;
    spec.intermediateSize = 4 * spec.hiddenSize;
    // ALiBi has no position limit in the config; every BLOOM release was
    // trained on 2,048-token sequences (the model cards), used as the maximum.
    spec.maxContext = 2048;
    spec.tiedEmbeddings = reader.flag("tie_word_embeddings", true);
    useBiasedLayerNormBlocks(spec);
}

void readCommon(ConfigReader &reader, Arch arch, ModelSpec &spec)
{
    spec.vocabSize = reader.count("vocab_size");
    spec.hiddenSize = reader.count("hidden_size");
    spec.numLayers = reader.count("num_hidden_layers");
    spec.numHeads = reader.count("num_attention_heads");
    // RoPE scaling (llama3, linear, yarn) is already folded into
    // max_position_embeddings in every supported family's config, so it is the
    // usable context as it stands.
    spec.maxContext = reader.count("max_position_embeddings", 1, kMaxModelContext);
    // LlamaConfig, MistralConfig, MixtralConfig, Qwen2Config, Qwen2MoeConfig and
    // DeepSeek's V2/V3 configs all declare tie_word_embeddings=False. For Qwen2
    // this overrides PretrainedConfig's default (True), so a Qwen2 config without
    // the key is untied; tied Qwen2.5 checkpoints state "true" explicitly.
    spec.tiedEmbeddings = reader.flag("tie_word_embeddings", tiesByDefault(arch));
    readActivation(reader);
    spec.gatedMlp = true;
}

// num_key_value_heads, following each Hugging Face config class:
// - an explicit null always means num_attention_heads (the "backward
//   compatibility" branch every class has);
// - an absent key takes the class's __init__ default. That default is None
//   (-> num_attention_heads) only in LlamaConfig; Qwen2Config (32),
//   MistralConfig and MixtralConfig (8) and Qwen2MoeConfig (16) default to a
//   fixed number describing their reference model, not this one, so an absent
//   key is an error there rather than a guess.
std::int64_t readKeyValueHeads(ConfigReader &reader, Arch arch, std::int64_t numHeads)
{
    const char *key = "num_key_value_heads";
    if (reader.contains(key) && !reader.has(key))
        return numHeads;
    if (!reader.contains(key) && arch == Arch::Llama)
        return numHeads;
    return reader.count(key);
}

std::int64_t readHeadDim(ConfigReader &reader, const ModelSpec &spec)
{
    if (const auto headDim = reader.optionalCount("head_dim"))
        return *headDim;
    if (const auto headDim = reader.optionalCount("attention_head_dim")) // Nemotron-H's name for it
        return *headDim;
    if (spec.numHeads <= 0)
        return 0; // already reported
    if (spec.hiddenSize % spec.numHeads != 0) {
        // transformers would floor the division; the real head width is unknown.
        reader.fail("head_dim", QStringLiteral("is absent and hidden_size (%1) is not a multiple of "
                                               "num_attention_heads (%2), so the head width is unknown")
                                    .arg(spec.hiddenSize)
                                    .arg(spec.numHeads));
        return 0;
    }
    return spec.hiddenSize / spec.numHeads;
}

// Returns whether q/k/v carry a bias; reports biases ModelSpec cannot represent.
bool readAttentionBias(ConfigReader &reader, Arch arch)
{
    switch (arch) {
    case Arch::Qwen2:
    case Arch::Qwen2Moe:
        // Qwen2Attention always builds q/k/v_proj with bias=True (o_proj without);
        // there is no config key for it.
        return true;
    case Arch::Llama:
        if (reader.flag("mlp_bias", false))
            reader.fail("mlp_bias", QStringLiteral("is true; biases on gate/up/down_proj cannot be represented"));
        // attention_bias=true also biases o_proj (hidden_size values per layer,
        // about a millionth of the model). ModelSpec only has q/k/v biases, so the
        // o_proj bias is left out of the count; every other tensor is exact.
        return reader.flag("attention_bias", false);
    case Arch::DeepseekV2:
    case Arch::DeepseekV3:
    case Arch::KimiK25: // its text_config, a DeepSeek-V3 (mapSpec's textArch)
    case Arch::DeepseekV32:
    case Arch::GlmMoeDsa:
        if (reader.flag("attention_bias", false))
            reader.fail("attention_bias", QStringLiteral("is true; biased MLA projections cannot be represented"));
        return false;
    case Arch::Qwen3:
    case Arch::Qwen3Moe:
    case Arch::Qwen3Next:
    case Arch::Qwen35:
    case Arch::Qwen35Moe:
    case Arch::NemotronH:
        // Qwen3Attention (and its Next / 3.5 / Nemotron-H kin): attention_bias
        // (default false) biases q/k/v and o_proj alike; no release has one.
        if (reader.flag("attention_bias", false))
            reader.fail("attention_bias", QStringLiteral("is true; a biased o_proj cannot be represented"));
        return false;
    case Arch::GptOss:
        // GptOssAttention builds q/k/v/o_proj with bias=attention_bias (true in
        // both released configs); the o_proj bias is set in readGptOss.
        return reader.flag("attention_bias", true);
    case Arch::Glm4Moe:
        // Glm4MoeAttention: attention_bias (true in GLM-4.5) biases q/k/v;
        // o_proj never has one.
        return reader.flag("attention_bias", false);
    case Arch::DeepseekV4: return false; // readDeepseekV4Attention reports a bias
    case Arch::Bloom: return true;       // fused query_key_value always has a bias (readBloom)
    case Arch::Bert: return true;        // readBert
    case Arch::Phi3:
    case Arch::Llama4:
        if (reader.flag("attention_bias", false))
            reader.fail("attention_bias", QStringLiteral("is true; biased projections cannot be represented for "
                                                         "this architecture"));
        return false;
    case Arch::Gemma3:
    case Arch::Gemma3Text:
    case Arch::Gemma4: return false; // readGemmaText reports a bias
    case Arch::Mistral:
    case Arch::Mistral3:
    case Arch::Mixtral:
    case Arch::MiniMaxM1:
    case Arch::MiniMaxM2: break; // no bias in these attention blocks, and no key for one
    }
    return false;
}

// Qwen2 and Qwen3 can attend through a sliding window on the layers from
// max_window_layers on; no released checkpoint turns it on, and the planner
// does not guess which layers would, so a config that does is refused.
void refuseQwenSlidingWindow(ConfigReader &reader)
{
    if (reader.flag("use_sliding_window", false))
        reader.fail("use_sliding_window", QStringLiteral("is true; Qwen's windowed layers (from max_window_layers "
                                                         "on) are not modelled, so the import is refused"));
}

// Mistral and Phi-3 apply sliding_window to every layer (Mistral 7B v0.1:
// 4,096 of 32,768). Phi-4 states a window as long as its context (16,384),
// and Mistral Small 3 none, so those layers are full: a window only counts
// when it is shorter than max_position_embeddings.
void readUniformSlidingWindow(ConfigReader &reader, ModelSpec &spec)
{
    const std::optional<std::int64_t> window = reader.optionalCount("sliding_window");
    if (window && *window < spec.maxContext) {
        spec.layerPattern = "S";
        spec.slidingWindow = *window;
    }
}

// MiniMax-M2: every layer softmax attention (attn_type_list all 1), q_norm
// and k_norm over all heads at once (qk_norm_type "per_layer") or per head.
void readMiniMaxM2Attention(ConfigReader &reader, ModelSpec &spec)
{
    for (const QJsonValue &type : reader.value("attn_type_list").toArray())
        if (type.toInt(1) != 1) {
            reader.fail("attn_type_list", QStringLiteral("lists a lightning-attention layer; MiniMax-M2 layers are "
                                                         "all softmax attention, so the file is not understood"));
            break;
        }
    if (reader.flag("use_qk_norm", false)) {
        const QString type = reader.text("qk_norm_type", false);
        if (type == QLatin1StringView("per_layer"))
            spec.qkNormAcrossHeads = true;
        else if (type.isEmpty() || type == QLatin1StringView("per_head"))
            spec.qkNorm = true;
        else
            reader.fail("qk_norm_type",
                        QStringLiteral("'%1' is not supported; supported: per_layer, per_head").arg(type));
    }
    if (reader.has("sliding_window"))
        reader.fail("sliding_window", QStringLiteral("is set; MiniMax-M2's released layers have no window, so the "
                                                     "file is not understood"));
}

void readGroupedAttention(ConfigReader &reader, Arch arch, ModelSpec &spec)
{
    spec.numKeyValueHeads = readKeyValueHeads(reader, arch, spec.numHeads);
    spec.headDim = readHeadDim(reader, spec);
    spec.attentionQkvBias = readAttentionBias(reader, arch);
    switch (arch) {
    case Arch::Qwen2:
    case Arch::Qwen2Moe: refuseQwenSlidingWindow(reader); break;
    case Arch::Qwen3:
    case Arch::Qwen3Moe:
        spec.qkNorm = true; // Qwen3Attention's q_norm and k_norm (no config key)
        refuseQwenSlidingWindow(reader);
        break;
    case Arch::Qwen3Next:
    case Arch::Qwen35:
    case Arch::Qwen35Moe:
        spec.qkNorm = true;
        // Gated attention: q_proj also yields a sigmoid gate (Qwen3-Next has no
        // key for it; Qwen3.5 states attn_output_gate).
        spec.attentionOutputGate = reader.flag("attn_output_gate", true);
        refuseQwenSlidingWindow(reader);
        readGatedDeltaNetLayers(reader, spec);
        spec.recurrentStateBits = readStateDtypeBits(reader, "mamba_ssm_dtype", 0);
        break;
    case Arch::MiniMaxM1: readLightningLayers(reader, spec); break;
    case Arch::Glm4Moe: spec.qkNorm = reader.flag("use_qk_norm", false); break;
    case Arch::NemotronH: readNemotronHLayers(reader, spec); break;

    case Arch::MiniMaxM2: readMiniMaxM2Attention(reader, spec); break;
    case Arch::Llama4: readLlama4Layers(reader, spec); break;
    case Arch::Mistral:
    case Arch::Mistral3:
    case Arch::Phi3: readUniformSlidingWindow(reader, spec); break;
    case Arch::GptOss:
        spec.attentionOutputBias = spec.attentionQkvBias;
        spec.attentionSinks = true; // GptOssAttention.sinks (no config key)
        spec.layerPattern = readLayerTypes(reader, spec.numLayers);
        if (!reader.has("layer_types"))
            spec.layerPattern = "SF"; // GptOssConfig's default: sliding on even layers, full on odd
        if (spec.layerPattern.find('S') != std::string::npos)
            spec.slidingWindow = reader.count("sliding_window");
        break;
    default: break;
    }
}

void readLatentAttention(ConfigReader &reader, Arch arch, ModelSpec &spec)
{
    MlaSpec mla;
    mla.qLoraRank = reader.nullableCount("q_lora_rank", 1); // null: direct q_proj (DeepSeek-V2-Lite)
    mla.kvLoraRank = reader.count("kv_lora_rank");
    mla.qkRopeHeadDim = reader.count("qk_rope_head_dim");
    mla.qkNopeHeadDim = reader.count("qk_nope_head_dim");
    mla.vHeadDim = reader.count("v_head_dim");
    spec.mla = mla;
    // MLA expands K/V to one head per query head and caches the latent, so
    // num_key_value_heads changes no count; absent, it is num_attention_heads.
    spec.numKeyValueHeads = reader.optionalCount("num_key_value_heads").value_or(spec.numHeads);
    // MLA has no single head width. Newer transformers write head_dim (set to
    // qk_rope_head_dim); it is ignored for the same reason.
    spec.headDim = 0;
    readAttentionBias(reader, arch); // MLA has no q/k/v bias field: only reports a biased config
    if (arch == Arch::DeepseekV32 || arch == Arch::GlmMoeDsa)
        readSparseAttention(reader, spec);
}

// Mixtral: every layer is MoE, no shared expert, and intermediate_size is the
// width of each expert (there is no dense MLP at all).
void readMixtralMoe(ConfigReader &reader, ModelSpec &spec)
{
    MoeSpec moe;
    moe.routedExperts = reader.count("num_local_experts");
    moe.expertsPerToken = reader.count("num_experts_per_tok");
    moe.expertIntermediateSize = reader.count("intermediate_size");
    spec.intermediateSize = 0;
    spec.moe = moe;
}

// DeepSeek-V3's modeling code creates e_score_correction_bias only for
// topk_method "noaux_tc"; V2's "greedy" / "group_limited_greedy" have none.
// Absent, each config class's default applies: "noaux_tc" for V3, "gready"
// (sic, i.e. greedy) for V2.
bool readRouterScoreBias(ConfigReader &reader, Arch arch)
{
    if (!reader.contains("topk_method"))
        return arch != Arch::DeepseekV2;
    const QString method = reader.text("topk_method");
    if (method == QLatin1StringView("noaux_tc"))
        return true;
    static const QStringList withoutBias = {QStringLiteral("greedy"), QStringLiteral("gready"),
                                            QStringLiteral("group_limited_greedy")};
    if (!method.isEmpty() && !withoutBias.contains(method))
        reader.fail("topk_method", QStringLiteral("'%1' is not supported; supported: noaux_tc, greedy, "
                                                  "group_limited_greedy")
                                       .arg(method));
    return false;
}

void readDeepseekMoe(ConfigReader &reader, Arch arch, ModelSpec &spec)
{
    spec.intermediateSize = reader.count("intermediate_size"); // the first_k_dense_replace dense layers
    MoeSpec moe;
    moe.routedExperts = reader.count("n_routed_experts");
    moe.sharedExperts = reader.nullableCount("n_shared_experts", 0); // null: no shared expert
    moe.expertsPerToken = reader.count("num_experts_per_tok");
    moe.expertIntermediateSize = reader.count("moe_intermediate_size");
    moe.firstDenseLayers = reader.count("first_k_dense_replace", 0);
    // Both DeepSeek config classes default moe_layer_freq to 1, and every
    // released DeepSeek MoE uses 1.
    moe.layerFrequency = reader.optionalCount("moe_layer_freq").value_or(1);
    moe.routerScoreBias = readRouterScoreBias(reader, arch);
    spec.moe = moe;
    // MTP modules are counted apart from the main model; a config without the key
    // ships none that transformers would load.
    spec.mtpLayers = reader.optionalCount("num_nextn_predict_layers", 0).value_or(0);
}

// Qwen MoE blocks (qwen2_moe, qwen3_moe, qwen3_next, qwen3_5_moe): every
// decoder_sparse_step-th layer routes to num_experts_per_tok of num_experts
// unless listed in mlp_only_layers; Qwen2-MoE, Qwen3-Next and Qwen3.5 add one
// shared expert of shared_expert_intermediate_size behind a sigmoid gate
// (shared_expert_gate, hidden_size weights). Every release uses step 1 with no
// dense layer, the only layout represented exactly here, and a shared width
// that is a whole number of routed experts' (stored as that many shared experts).
void readQwenMoe(ConfigReader &reader, ModelSpec &spec)
{
    MoeSpec moe;
    moe.routedExperts = reader.count("num_experts");
    moe.expertsPerToken = reader.count("num_experts_per_tok");
    moe.expertIntermediateSize = reader.count("moe_intermediate_size");
    if (reader.optionalCount("decoder_sparse_step").value_or(1) != 1)
        reader.fail("decoder_sparse_step", QStringLiteral("is not 1; interleaved dense layers are not modelled, so "
                                                          "the import is refused"));
    if (!reader.value("mlp_only_layers").toArray().isEmpty())
        reader.fail("mlp_only_layers", QStringLiteral("lists dense layers; they are not modelled for Qwen MoE "
                                                      "models, so the import is refused"));
    if (reader.contains("shared_expert_intermediate_size")) {
        const std::int64_t shared = reader.count("shared_expert_intermediate_size", 0);
        const std::int64_t width = moe.expertIntermediateSize;
        if (width > 0 && shared % width != 0)
            reader.fail("shared_expert_intermediate_size",
                        QStringLiteral("(%1) is not a whole number of moe_intermediate_size (%2); the planner "
                                       "stores the shared expert as copies of a routed one, so the import is "
                                       "refused rather than approximated")
                            .arg(shared)
                            .arg(width));
        else if (width > 0)
            moe.sharedExperts = shared / width;
        moe.sharedExpertGate = moe.sharedExperts > 0;
    }
    spec.intermediateSize = 0; // no dense MLP (intermediate_size describes none of the layers)
    spec.moe = moe;
}

// MiniMax-M1: Mixtral's MoE (intermediate_size per expert); MiniMax-Text-01's
// optional shared MLP (shared_intermediate_size) is absent from every release.
void readMiniMaxMoe(ConfigReader &reader, ModelSpec &spec)
{
    readMixtralMoe(reader, spec);
    if (reader.optionalCount("shared_intermediate_size", 0).value_or(0) != 0)
        reader.fail("shared_intermediate_size", QStringLiteral("is not 0; MiniMax's shared MLP with its coefficient "
                                                               "gate is not modelled, so the import is refused"));
}

// MiniMax-M2: Mixtral's experts behind a sigmoid router with a score
// correction bias (use_routing_bias). The config declares MTP modules
// (num_mtp_modules) that the published checkpoint does not store: its
// 228,689,764,864 parameters are the main model alone
// (tests/fixtures/hf/derivations/minimax-m2.md), so none are counted.
void readMiniMaxM2Moe(ConfigReader &reader, ModelSpec &spec)
{
    readMiniMaxMoe(reader, spec);
    if (spec.moe)
        spec.moe->routerScoreBias = reader.flag("use_routing_bias", false);
}

// Nemotron-H's MLP layers: up_proj and down_proj with a squared ReLU, no gate.
// Nemotron-H's feed-forward layers: '-' a squared-ReLU MLP (up, down), 'E'
// NemotronHMoE: a router with e_score_correction_bias over routed experts
// of the same two-matrix shape, one shared expert of its own width, and in
// the latent versions (Nemotron 3 Super / Ultra) the projections to and
// from moe_latent_size; derivations/nemotron-3-nano.md.
void readNemotronHMlp(ConfigReader &reader, ModelSpec &spec)
{
    const bool hasMlp = spec.ffnPattern.find('D') != std::string::npos || spec.ffnPattern.empty();
    const bool hasExperts = spec.ffnPattern.find('E') != std::string::npos;
    spec.intermediateSize = hasMlp ? reader.count("intermediate_size") : 0;
    spec.gatedMlp = false;
    const QString act = reader.text("mlp_hidden_act", false);
    if (!act.isEmpty() && act != QLatin1StringView("relu2"))
        reader.fail("mlp_hidden_act", QStringLiteral("'%1' is not supported; supported: relu2").arg(act));
    if (reader.flag("mlp_bias", false))
        reader.fail("mlp_bias", QStringLiteral("is true; biased MLP projections cannot be represented"));
    if (!hasExperts)
        return;
    MoeSpec moe;
    moe.routedExperts = reader.count("n_routed_experts");
    moe.expertsPerToken = reader.count("num_experts_per_tok");
    moe.expertIntermediateSize = reader.count("moe_intermediate_size");
    moe.routerScoreBias = true; // e_score_correction_bias, stored (in float32) beside the router
    // transformers builds one shared MLP of moe_shared_expert_intermediate_size
    // whatever n_shared_experts says; vLLM multiplies the width by it. Every
    // release has 1, where both agree.
    if (const std::int64_t shared = reader.optionalCount("n_shared_experts").value_or(1); shared != 1)
        reader.fail("n_shared_experts", QStringLiteral("is %1; Hugging Face and vLLM build a different shared expert "
                                                       "for any value but 1, so the import is refused")
                                            .arg(shared));
    moe.sharedExperts = 1;
    moe.sharedExpertIntermediateSize = reader.count("moe_shared_expert_intermediate_size");
    moe.latentSize = reader.optionalCount("moe_latent_size").value_or(0);
    spec.moe = moe;
    // MTP modules (Nemotron 3 Super / Ultra): an attention and an expert block
    // each, beside the fusion projection and three norms, on the main
    // embedding and head; transformers skips them, the checkpoint stores them.
    const std::int64_t mtp = reader.optionalCount("num_nextn_predict_layers", 0).value_or(0);
    if (mtp > 0) {
        const QString pattern = reader.text("mtp_hybrid_override_pattern", false);
        if (pattern != QLatin1StringView("*E"))
            reader.fail("mtp_hybrid_override_pattern",
                        QStringLiteral("is '%1'; only '*E' MTP modules (attention, then experts) are counted, so the "
                                       "import is refused")
                            .arg(pattern));
        spec.mtpLayers = mtp;
        spec.mtpSharesEmbeddings = true;
    }
}

// gpt-oss: every layer is MoE (num_local_experts, top num_experts_per_tok),
// each expert a SwiGLU MLP of intermediate_size with biases, behind a router
// with a bias; no shared expert.
void readGptOssMoe(ConfigReader &reader, ModelSpec &spec)
{
    MoeSpec moe;
    moe.routedExperts = reader.count("num_local_experts");
    moe.expertsPerToken = reader.count("num_experts_per_tok");
    moe.expertIntermediateSize = reader.count("intermediate_size");
    moe.routerScoreBias = true; // GptOssTopKRouter.bias
    moe.expertBias = true;      // gate_up_proj_bias, down_proj_bias
    spec.intermediateSize = 0;
    spec.moe = moe;
}

// Multi-token-prediction modules the checkpoint stores beside the main model.
void readMtp(ConfigReader &reader, Arch arch, ModelSpec &spec)
{
    switch (arch) {
    case Arch::Qwen35:
    case Arch::Qwen35Moe:
        // mtp_num_hidden_layers decoder layers reading the main model's
        // embedding and head unless mtp_use_dedicated_embeddings.
        spec.mtpLayers = reader.optionalCount("mtp_num_hidden_layers", 0).value_or(0);
        spec.mtpSharesEmbeddings = !reader.flag("mtp_use_dedicated_embeddings", false);
        break;
    case Arch::Qwen3Next:
        // The checkpoints store one mtp.* module the config does not mention;
        // vLLM's qwen3_next_mtp.py reads num_nextn_predict_layers, default 1.
        // It shares the main embedding and head (81,324,862,720 parameters in
        // all = 79,674,391,296 + 1,650,471,424, see the importer tests).
        spec.mtpLayers = reader.optionalCount("num_nextn_predict_layers", 0).value_or(1);
        spec.mtpSharesEmbeddings = true;
        break;
    case Arch::GlmMoeDsa:
        // GLM-5's MTP layer (model.layers.78) stores no embedding or head of
        // its own: the checkpoint's 753,864,139,008 parameters are the main
        // model plus one MoE layer, eh_proj and three norms, nothing more.
        spec.mtpSharesEmbeddings = true;
        break;
    default: break; // DeepSeek's num_nextn_predict_layers is read with its MoE keys
    }
}

void readMlp(ConfigReader &reader, Arch arch, ModelSpec &spec)
{
    switch (arch) {
    case Arch::Llama:
    case Arch::Mistral:
    case Arch::Mistral3:
    case Arch::Phi3:
    case Arch::Qwen2:
    case Arch::Qwen3:
    case Arch::Qwen35: spec.intermediateSize = reader.count("intermediate_size"); break;
    case Arch::Llama4: break; // readLlama4Layers
    case Arch::Gemma3:
    case Arch::Gemma3Text:
    case Arch::Gemma4: break; // readGemmaText
    case Arch::MiniMaxM2: readMiniMaxM2Moe(reader, spec); break;
    case Arch::Qwen2Moe:
    case Arch::Qwen3Moe:
    case Arch::Qwen3Next:
    case Arch::Qwen35Moe: readQwenMoe(reader, spec); break;
    case Arch::MiniMaxM1: readMiniMaxMoe(reader, spec); break;
    case Arch::NemotronH: readNemotronHMlp(reader, spec); break;
    case Arch::Bloom: break; // readBloom
    case Arch::Bert: break;  // readBert
    case Arch::GptOss: readGptOssMoe(reader, spec); break;
    case Arch::Mixtral: readMixtralMoe(reader, spec); break;
    case Arch::DeepseekV2:
    case Arch::DeepseekV3:
    case Arch::KimiK25: // its text_config, a DeepSeek-V3 (mapSpec's textArch)
    case Arch::DeepseekV32:
    case Arch::GlmMoeDsa:
    case Arch::Glm4Moe: readDeepseekMoe(reader, arch, spec); break;
    case Arch::DeepseekV4: readDeepseekV4Moe(reader, spec); break;
    }
    readMtp(reader, arch, spec);
}

QString folderName(const QString &sourceName)
{
    const QFileInfo info(sourceName);
    if (info.fileName() != QLatin1StringView("config.json"))
        return info.completeBaseName();
    // A Hub cache snapshot, models--<org>--<name>/snapshots/<commit>/, is
    // named by its repository, not by the commit.
    const QStringList folders = info.absolutePath().split(u'/', Qt::SkipEmptyParts);
    const qsizetype n = folders.size();
    if (n >= 3 && folders[n - 2] == QLatin1StringView("snapshots")
        && folders[n - 3].startsWith(QLatin1String("models--")))
        return folders[n - 3].section(QStringLiteral("--"), 2);
    return n > 0 ? folders.back() : QString();
}

// The repository name is the most recognisable id ("deepseek-ai/DeepSeek-R1" ->
// "deepseek-r1"). A Hub cache snapshot ("…/snapshots/<40-hex commit>") names
// nothing, so the folder name is used then, and when _name_or_path is absent.
QString deriveId(ConfigReader &reader, const QString &folder)
{
    QString path = reader.text("_name_or_path", false);
    path.replace(u'\\', u'/');
    const QString last = path.section(u'/', -1, -1, QString::SectionSkipEmpty);
    static const QRegularExpression commit(QStringLiteral("^[0-9a-f]{40}$"));
    if (!last.isEmpty() && !commit.match(last).hasMatch() && !safeModelId(last).isEmpty())
        return safeModelId(last);
    return safeModelId(folder);
}

void setIdentity(ConfigReader &reader, const QString &modelType, ModelSpec &spec)
{
    const QString folder = folderName(reader.source());
    const QString id = deriveId(reader, folder);
    if (id.isEmpty())
        reader.fail("_name_or_path", QStringLiteral("is absent and the source names no folder, so the model "
                                                    "has no id"));
    spec.id = id.toStdString();
    spec.family = modelType.toStdString();
    spec.displayName = (folder.isEmpty() ? id : folder).toStdString();
    spec.source = reader.source().toStdString();
}

void checkPlausible(ConfigReader &reader, const ModelSpec &spec)
{
    if (parameterUpperBound(spec) > kMaxModelParameters)
        reader.fail("hidden_size",
                    QStringLiteral("together with num_hidden_layers, vocab_size, the MLP widths and the expert "
                                   "counts implies more than 1e15 parameters (the largest models have ~2e12); "
                                   "the config is corrupt"));
    if (recurrentStateUpperBound(spec) > kMaxLayerStateElements)
        reader.fail(spec.stateSpace ? "ssm_state_size" : "linear_value_head_dim",
                    QStringLiteral("makes one layer's recurrent state larger than 1e12 elements (released models "
                                   "hold a few million); the config is corrupt"));
}

// planner::validate() names the config.json key of each problem as its field.
void addValidationErrors(const ModelSpec &spec, const QString &source, std::vector<ImportError> &errors)
{
    for (const Problem &problem : validate(spec))
        errors.push_back({QString::fromStdString(problem.field),
                          QStringLiteral("%1: %2.").arg(source, QString::fromStdString(problem.text()))});
}

// The checks every mapped spec passes before it is returned.
std::optional<ModelSpec> finish(ConfigReader &reader, const ModelSpec &spec, std::vector<ImportError> &errors)
{
    if (!errors.empty())
        return std::nullopt;
    checkPlausible(reader, spec);
    if (errors.empty())
        addValidationErrors(spec, reader.source(), errors);
    if (!errors.empty())
        return std::nullopt;
    return spec;
}

// The image encoder of a vision-language container, with its projector to
// the language model; 0 when the config has none (or after reporting).
std::int64_t readVisionEncoder(ConfigReader &reader, Arch arch, std::int64_t textHidden)
{
    if (arch == Arch::Gemma4 && reader.has("audio_config"))
        reader.fail("audio_config", QStringLiteral("is set; Gemma 4's audio encoder is not counted, so the import "
                                                   "is refused"));
    if (!reader.has("vision_config"))
        return 0;
    std::optional<ConfigReader> vision = reader.child("vision_config");
    if (!vision)
        return 0;
    switch (arch) {
    case Arch::Gemma3: return readSiglipVisionEncoder(*vision, textHidden);
    case Arch::Gemma4: return readGemma4VisionEncoder(*vision, textHidden);
    case Arch::Llama4: return readLlama4VisionEncoder(*vision, textHidden);
    case Arch::KimiK25: return readMoonVitEncoder(*vision, textHidden);
    case Arch::Mistral3: {
        if (reader.flag("multimodal_projector_bias", false))
            reader.fail("multimodal_projector_bias", QStringLiteral("is true; a biased projector is not counted, so "
                                                                    "the import is refused"));
        if (reader.has("vision_feature_layer") && !reader.value("vision_feature_layer").isDouble())
            reader.fail("vision_feature_layer", QStringLiteral("lists several layers; a projector over several "
                                                               "feature layers is not counted, so the import is "
                                                               "refused"));
        return readPixtralVisionEncoder(*vision, reader.count("spatial_merge_size"), textHidden);
    }
    default: return readQwenVisionEncoder(*vision);
    }
}

std::optional<ModelSpec> mapSpec(ConfigReader &reader, std::vector<ImportError> &errors)
{
    const std::optional<ArchInfo> info = readArchitecture(reader);
    if (!info)
        return std::nullopt;
    ModelSpec spec;
    // A vision-language container's language model lives in text_config; its
    // identity, quantization and (when text_config lacks them) dtype and
    // tie_word_embeddings stay at the top.
    std::optional<ConfigReader> text = nestsTextConfig(info->arch) ? reader.child("text_config") : std::nullopt;
    if (nestsTextConfig(info->arch) && !text)
        return std::nullopt;
    ConfigReader &model = text ? *text : reader;
    // The language model's own architecture, where the container names another.
    const Arch textArch = info->arch == Arch::KimiK25 ? Arch::DeepseekV3 : info->arch;
    if (info->arch == Arch::Bert) {
        readBert(reader, spec);
        // BERT configs predate torch_dtype; transformers then loads float32,
        // the precision every google-bert checkpoint stores.
        if (!reader.contains("dtype"))
            reader.useDefault("torch_dtype", QStringLiteral("float32"));
        spec.checkpointFormat = readCheckpointFormat(reader);
        setIdentity(reader, reader.value("model_type").toString(), spec);
        return finish(reader, spec, errors);
    }
    if (info->arch == Arch::Bloom) {
        readBloom(reader, spec);
        spec.checkpointFormat = readCheckpointFormat(reader);
        setIdentity(reader, reader.value("model_type").toString(), spec);
        return finish(reader, spec, errors);
    }
    if (info->arch == Arch::Gemma3 || info->arch == Arch::Gemma3Text)
        applyGemma3Defaults(model, info->arch == Arch::Gemma3);
    readCommon(model, textArch, spec);
    if (text && !text->contains("tie_word_embeddings"))
        spec.tiedEmbeddings = reader.flag("tie_word_embeddings", tiesByDefault(textArch));
    if (usesMla(textArch))
        readLatentAttention(model, textArch, spec);
    else if (textArch == Arch::DeepseekV4)
        readDeepseekV4Attention(model, spec);
    else if (isGemma(textArch))
        readGemmaText(model, textArch == Arch::Gemma4, spec);
    else
        readGroupedAttention(model, textArch, spec);
    readMlp(model, textArch, spec);
    if (text)
        spec.visionParameters = readVisionEncoder(reader, info->arch, spec.hiddenSize);
    const bool dtypeInText = text && (text->contains("dtype") || text->contains("torch_dtype"));
    spec.checkpointFormat = readCheckpointFormat(reader.has("quantization_config") || !dtypeInText ? reader : model);
    if (textArch == Arch::DeepseekV4)
        spec.checkpointFormat = readDeepseekV4CheckpointFormat(reader, spec.checkpointFormat);
    setIdentity(reader, reader.value("model_type").toString(), spec);
    return finish(reader, spec, errors);
}

// Python's json module writes the non-standard tokens Infinity, -Infinity and
// NaN (Nemotron-H's time_step_limit holds Infinity). No key the planner reads
// can take them, so outside strings each becomes null, which a key that
// matters then reports as missing or wrong.
QByteArray pythonConstantsAsNull(const QByteArray &json)
{
    QByteArray out;
    out.reserve(json.size());
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < json.size())
                out += json[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out += c;
            continue;
        }
        bool replaced = false;
        for (const char *token : {"-Infinity", "Infinity", "NaN"}) {
            const qsizetype length = static_cast<qsizetype>(std::strlen(token));
            if (json.mid(i, length) == token) {
                out += "null";
                i += length - 1;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out += c;
    }
    return out;
}

ModelImportResult failure(const QString &field, const QString &message)
{
    ModelImportResult result;
    result.errors.push_back({field, message});
    return result;
}

} // namespace

QString safeModelId(const QString &name)
{
    QString id;
    for (const QChar c : name.toLower()) {
        const bool kept = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'_' || c == u'-';
        if (kept)
            id += c;
        else if (!id.isEmpty() && !id.endsWith(u'-'))
            id += u'-';
    }
    while (id.endsWith(u'-'))
        id.chop(1);
    return id;
}

ModelImportResult importHuggingFaceConfigJson(const QByteArray &json, const QString &sourceName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(pythonConstantsAsNull(json), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(QStringLiteral("json"), QStringLiteral("%1: the file is not valid JSON: %2 at offset %3.")
                                                   .arg(sourceName, parseError.errorString())
                                                   .arg(parseError.offset));
    if (!document.isObject())
        return failure(QStringLiteral("json"),
                       QStringLiteral("%1: the file holds a JSON %2, but a config.json holds one object.")
                           .arg(sourceName, document.isArray() ? QStringLiteral("array") : QStringLiteral("value")));

    ModelImportResult result;
    ConfigReader reader(document.object(), sourceName, result.errors);
    result.spec = mapSpec(reader, result.errors);
    return result;
}

ModelImportResult importHuggingFaceConfig(const QString &path)
{
    QFileInfo info(path);
    if (!info.exists())
        return failure(QStringLiteral("path"), QStringLiteral("%1: no such file or folder.").arg(path));
    if (info.isDir()) {
        info = QFileInfo(QDir(path).filePath(QStringLiteral("config.json")));
        if (!info.isFile())
            return failure(QStringLiteral("config.json"),
                           QStringLiteral("%1: the folder holds no config.json file.").arg(QDir(path).absolutePath()));
    }
    const QString file = info.absoluteFilePath();
    if (info.size() > kMaxConfigBytes)
        return failure(QStringLiteral("path"), QStringLiteral("%1: the file is %2 bytes, far larger than a "
                                                              "config.json; is it a weight file?")
                                                   .arg(file)
                                                   .arg(info.size()));
    // Bounded again while reading: a device or pipe reports no size.
    const WholeFileRead read = readWholeFile(file, kMaxConfigBytes);
    if (!read.ok())
        return failure(QStringLiteral("path"), read.error);
    return importHuggingFaceConfigJson(read.bytes, file);
}

} // namespace planner
