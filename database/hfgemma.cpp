#include "database/hfgemma.h"
#include "database/hfhybridlayers.h"

#include <QJsonValue>

namespace planner {

namespace {

// Gemma3TextConfig: sliding_window_pattern (default 6) makes every sixth
// layer full and the rest sliding, when layer_types is not given.
std::string gemmaLayerPattern(ConfigReader &text, std::int64_t layers)
{
    if (text.has("layer_types"))
        return readLayerTypes(text, layers);
    const std::int64_t period = text.optionalCount("sliding_window_pattern").value_or(6);
    return std::string(static_cast<size_t>(period - 1), 'S') + 'F';
}

void refuse(ConfigReader &text, const char *key, const char *what)
{
    text.fail(key, QStringLiteral("is set; %1 is not modelled, so the import is refused").arg(QLatin1StringView(what)));
}

void readGemma4Options(ConfigReader &text, ModelSpec &spec)
{
    // Gemma 4 E2B / E4B: per-layer input embeddings and layers that reuse an
    // earlier layer's KV cache change both the count and the cache.
    if (text.optionalCount("hidden_size_per_layer_input", 0).value_or(0) > 0)
        refuse(text, "hidden_size_per_layer_input", "Gemma's per-layer input embedding");
    if (text.optionalCount("num_kv_shared_layers", 0).value_or(0) > 0)
        refuse(text, "num_kv_shared_layers", "sharing one layer's KV cache with later layers");
    if (text.flag("use_double_wide_mlp", false))
        refuse(text, "use_double_wide_mlp", "the double-wide MLP of shared-KV layers");
    spec.layerScalar = true; // Gemma4TextDecoderLayer.layer_scalar, a persistent buffer
    if (text.has("global_head_dim") || text.has("num_global_key_value_heads")) {
        FullAttentionHeads full;
        full.headDim = text.count("global_head_dim");
        full.keyValueHeads = text.count("num_global_key_value_heads");
        full.valuesAreKeys = text.flag("attention_k_eq_v", false);
        spec.fullAttentionHeads = full;
    } else if (text.flag("attention_k_eq_v", false)) {
        text.fail("attention_k_eq_v", QStringLiteral("is true without global_head_dim and "
                                                     "num_global_key_value_heads; the full layers' heads are unknown"));
    }
    if (text.flag("enable_moe_block", false)) {
        MoeSpec moe;
        moe.routedExperts = text.count("num_experts");
        moe.expertsPerToken = text.count("top_k_experts");
        moe.expertIntermediateSize = text.count("moe_intermediate_size");
        moe.denseBesideExperts = true;
        spec.moe = moe;
    }
}

} // namespace

void applyGemma3Defaults(ConfigReader &text, bool multimodal)
{
    // Gemma3TextConfig.__init__: vocab_size 262_208 (262_144 tokens plus the
    // image tokens of the multimodal checkpoints; the text-only 1B states
    // 262_144), head_dim 256, max_position_embeddings 131_072, sliding_window
    // 4096, tie_word_embeddings true.
    if (multimodal)
        text.useDefault("vocab_size", 262208);
    text.useDefault("head_dim", 256);
    text.useDefault("max_position_embeddings", 131072);
    text.useDefault("sliding_window", 4096);
}

void readGemmaText(ConfigReader &text, bool gemma4, ModelSpec &spec)
{
    spec.numKeyValueHeads = text.count("num_key_value_heads");
    spec.headDim = text.count("head_dim");
    if (text.flag("attention_bias", false))
        text.fail("attention_bias", QStringLiteral("is true; biased Gemma projections cannot be represented"));
    // Gemma's hidden_activation is GELU (tanh); the MLP is gated either way.
    const QString activation = text.text("hidden_activation", false);
    if (!activation.isEmpty() && !activation.startsWith(QLatin1StringView("gelu")))
        text.fail("hidden_activation",
                  QStringLiteral("'%1' is not supported; supported: gelu_pytorch_tanh").arg(activation));
    spec.qkNorm = true;        // q_norm and k_norm of head_dim weights
    spec.sandwichNorms = true; // post_attention_layernorm, post_feedforward_layernorm
    spec.intermediateSize = text.count("intermediate_size");
    spec.layerPattern = gemmaLayerPattern(text, spec.numLayers);
    if (spec.layerPattern.find('S') != std::string::npos)
        spec.slidingWindow = text.count("sliding_window");
    if (gemma4)
        readGemma4Options(text, spec);
}

} // namespace planner
