#include "database/hfhybridlayers.h"

#include "core/model/hybridpattern.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>

namespace planner {

namespace {

// A list with one entry per layer, or an empty array after reporting.
QJsonArray perLayerList(ConfigReader &reader, const char *key, std::int64_t layers)
{
    const QJsonValue value = reader.value(key);
    const QJsonArray list = value.toArray();
    if (!value.isArray() || list.size() != layers) {
        reader.fail(
            key,
            QStringLiteral("must list one entry per layer (%1), got %2").arg(layers).arg(describeJsonValue(value)));
        return {};
    }
    return list;
}

} // namespace

std::string readLayerTypes(ConfigReader &reader, std::int64_t layers)
{
    if (!reader.has("layer_types"))
        return {};
    static const std::pair<const char *, char> kTypes[] = {
        {"full_attention", 'F'}, {"sliding_attention", 'S'}, {"chunked_attention", 'C'}, {"linear_attention", 'L'}};
    std::string letters;
    for (const QJsonValue &entry : perLayerList(reader, "layer_types", layers)) {
        const QString type = entry.toString();
        char letter = 0;
        for (const auto &[name, kind] : kTypes)
            if (type == QLatin1StringView(name))
                letter = kind;
        if (letter == 0) {
            reader.fail("layer_types", QStringLiteral("names %1; supported: full_attention, sliding_attention, "
                                                      "chunked_attention, linear_attention")
                                           .arg(entry.isString() ? type : describeJsonValue(entry)));
            return {};
        }
        letters += letter;
    }
    return shortestPeriod(letters);
}

namespace {

// Llama4TextConfig: no_rope_layers[i] == 1 is a RoPE layer, attending within
// its chunk; 0 is a NoPE layer attending to everything. Absent, every
// no_rope_layer_interval-th layer (default 4) is NoPE.
std::string llama4LayerPattern(ConfigReader &text, std::int64_t layers)
{
    if (text.has("layer_types"))
        return readLayerTypes(text, layers);
    std::string letters;
    if (text.has("no_rope_layers")) {
        for (const QJsonValue &entry : perLayerList(text, "no_rope_layers", layers)) {
            if (entry.toInt(-1) != 0 && entry.toInt(-1) != 1) {
                text.fail("no_rope_layers",
                          QStringLiteral("must hold 0 or 1 per layer, got %1").arg(describeJsonValue(entry)));
                return {};
            }
            letters += entry.toInt() == 1 ? 'C' : 'F';
        }
    } else {
        const std::int64_t interval = text.optionalCount("no_rope_layer_interval").value_or(4);
        for (std::int64_t layer = 0; layer < layers; ++layer)
            letters += (layer + 1) % interval != 0 ? 'C' : 'F';
    }
    return shortestPeriod(letters);
}

// The MoE layers as an ffnPattern; empty when every layer is MoE.
std::string llama4FeedForwardPattern(ConfigReader &text, std::int64_t layers)
{
    std::string letters(static_cast<size_t>(std::max<std::int64_t>(layers, 0)), 'D');
    if (text.has("moe_layers")) {
        const QJsonValue value = text.value("moe_layers");
        for (const QJsonValue &entry : value.toArray()) {
            const int layer = entry.toInt(-1);
            if (!entry.isDouble() || layer < 0 || layer >= layers) {
                text.fail("moe_layers", QStringLiteral("must list layer indices below num_hidden_layers (%1), got %2")
                                            .arg(layers)
                                            .arg(describeJsonValue(entry)));
                return {};
            }
            letters[static_cast<size_t>(layer)] = 'E';
        }
        if (!value.isArray())
            text.fail("moe_layers",
                      QStringLiteral("must be a list of layer indices, got %1").arg(describeJsonValue(value)));
    } else {
        const std::int64_t step = text.optionalCount("interleave_moe_layer_step").value_or(1);
        for (std::int64_t layer = step - 1; layer < layers; layer += step)
            letters[static_cast<size_t>(layer)] = 'E';
    }
    if (letters.find('D') == std::string::npos)
        return {};
    return shortestPeriod(letters);
}

} // namespace

void readLlama4Layers(ConfigReader &text, ModelSpec &spec)
{
    spec.layerPattern = llama4LayerPattern(text, spec.numLayers);
    // Without attention_chunk_size the RoPE layers attend to everything too.
    if (text.has("attention_chunk_size"))
        spec.attentionChunk = text.count("attention_chunk_size");
    else
        std::replace(spec.layerPattern.begin(), spec.layerPattern.end(), 'C', 'F');
    if (spec.layerPattern.find_first_not_of('F') == std::string::npos)
        spec.layerPattern.clear();
    MoeSpec moe;
    moe.routedExperts = text.count("num_local_experts");
    moe.expertsPerToken = text.count("num_experts_per_tok");
    moe.expertIntermediateSize = text.count("intermediate_size"); // each routed expert and the shared one
    moe.sharedExperts = 1;                                        // Llama4TextMoe.shared_expert (no config key)
    spec.moe = moe;
    spec.ffnPattern = llama4FeedForwardPattern(text, spec.numLayers);
    if (!spec.ffnPattern.empty())
        spec.intermediateSize = text.count("intermediate_size_mlp");
}

int readStateDtypeBits(ConfigReader &reader, const char *key, int fallback)
{
    if (!reader.has(key))
        return fallback;
    const QString dtype = reader.text(key);
    if (dtype == QLatin1StringView("float32"))
        return 32;
    if (dtype == QLatin1StringView("bfloat16") || dtype == QLatin1StringView("float16"))
        return 16;
    if (!dtype.isEmpty())
        reader.fail(key, QStringLiteral("'%1' is not supported; supported: float32, bfloat16, float16").arg(dtype));
    return fallback;
}

void readGatedDeltaNetLayers(ConfigReader &reader, ModelSpec &spec)
{
    if (reader.has("layer_types")) {
        spec.layerPattern = readLayerTypes(reader, spec.numLayers);
        if (spec.layerPattern.find_first_of("SC") != std::string::npos)
            reader.fail("layer_types", QStringLiteral("mixes sliding or chunked layers into a Gated DeltaNet stack; "
                                                      "only linear_attention and full_attention are modelled"));
    } else {
        // Qwen3NextConfig: layer i is full attention when (i + 1) is a multiple
        // of full_attention_interval (default 4), linear attention otherwise.
        const std::int64_t interval = reader.optionalCount("full_attention_interval").value_or(4);
        spec.layerPattern = std::string(static_cast<size_t>(interval > 0 ? interval - 1 : 0), 'L') + 'F';
    }
    LinearAttentionSpec linear;
    linear.kind = LinearAttentionKind::GatedDeltaNet;
    linear.keyHeads = reader.count("linear_num_key_heads");
    linear.valueHeads = reader.count("linear_num_value_heads");
    linear.keyHeadDim = reader.count("linear_key_head_dim");
    linear.valueHeadDim = reader.count("linear_value_head_dim");
    linear.convKernel = reader.count("linear_conv_kernel_dim");
    if (linear.keyHeads > 0 && linear.valueHeads % linear.keyHeads != 0)
        reader.fail("linear_num_value_heads", QStringLiteral("(%1) must be a multiple of linear_num_key_heads (%2)")
                                                  .arg(linear.valueHeads)
                                                  .arg(linear.keyHeads));
    spec.linearAttention = linear;
}

void readLightningLayers(ConfigReader &reader, ModelSpec &spec)
{
    std::string letters;
    if (reader.has("attn_type_list")) {
        for (const QJsonValue &entry : perLayerList(reader, "attn_type_list", spec.numLayers)) {
            if (entry.toInt(-1) != 0 && entry.toInt(-1) != 1) {
                reader.fail("attn_type_list",
                            QStringLiteral("holds %1; each entry is 0 (lightning attention) or 1 (softmax attention)")
                                .arg(describeJsonValue(entry)));
                return;
            }
            letters += entry.toInt() == 1 ? 'F' : 'L';
        }
        spec.layerPattern = shortestPeriod(letters);
    } else if (reader.has("layer_types")) {
        spec.layerPattern = readLayerTypes(reader, spec.numLayers);
    } else {
        reader.missing("attn_type_list");
    }
    // MiniMaxLightningAttention: num_attention_heads heads of head_dim for q, k
    // and v alike, no short convolution.
    const std::int64_t width = spec.headDim;
    spec.linearAttention = LinearAttentionSpec{
        LinearAttentionKind::Lightning, spec.numHeads, spec.numHeads, width, width, 0};
}

void readNemotronHLayers(ConfigReader &reader, ModelSpec &spec)
{
    const QString pattern = reader.text("hybrid_override_pattern");
    if (pattern.isEmpty())
        return;
    if (pattern.size() != spec.numLayers) {
        reader.fail(
            "hybrid_override_pattern",
            QStringLiteral("has %1 letters but num_hidden_layers is %2").arg(pattern.size()).arg(spec.numLayers));
        return;
    }
    char bad = 0;
    const std::optional<HybridLayerPatterns> patterns = hybridLayerPatterns(pattern.toStdString(), &bad);
    if (!patterns) {
        reader.fail("hybrid_override_pattern",
                    QStringLiteral("holds '%1'; supported letters: M (Mamba-2), * (attention), - (MLP), E (experts)")
                        .arg(QLatin1Char(bad)));
        return;
    }
    spec.layerPattern = patterns->layerPattern;
    spec.ffnPattern = patterns->ffnPattern;

    StateSpaceSpec mamba;
    mamba.heads = reader.count("mamba_num_heads");
    mamba.headDim = reader.count("mamba_head_dim");
    mamba.stateSize = reader.count("ssm_state_size");
    mamba.groups = reader.count("n_groups");
    mamba.convKernel = reader.count("conv_kernel");
    mamba.convBias = reader.flag("use_conv_bias", true); // NemotronHConfig defaults
    mamba.projectionBias = reader.flag("use_bias", false);
    spec.stateSpace = mamba;
    // NemotronHConfig.mamba_ssm_cache_dtype defaults to float32, which vLLM
    // adopts for the SSM state.
    spec.recurrentStateBits = readStateDtypeBits(reader, "mamba_ssm_cache_dtype", 32);
}

void readSparseAttention(ConfigReader &reader, ModelSpec &spec)
{
    SparseAttentionSpec dsa;
    dsa.indexHeads = reader.count("index_n_heads");
    dsa.indexHeadDim = reader.count("index_head_dim");
    dsa.topK = reader.count("index_topk");
    spec.sparseAttention = dsa;
}

} // namespace planner
