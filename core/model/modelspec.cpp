#include "core/model/modelspec.h"

#include <algorithm>

namespace planner {

AttentionKind ModelSpec::attentionKind() const
{
    if (mla)
        return AttentionKind::MultiHeadLatent;
    if (numKeyValueHeads == 1 && numHeads > 1)
        return AttentionKind::MultiQuery;
    if (numKeyValueHeads < numHeads)
        return AttentionKind::GroupedQuery;
    return AttentionKind::MultiHead;
}

bool ModelSpec::isMoeLayer(std::int64_t layer) const
{
    if (!isMoe() || layer < moe->firstDenseLayers)
        return false;
    const std::int64_t frequency = moe->layerFrequency > 0 ? moe->layerFrequency : 1;
    return layer % frequency == 0;
}

std::int64_t ModelSpec::moeLayersIn(std::int64_t first, std::int64_t last) const
{
    if (!isMoe())
        return 0;
    first = std::max(first, moe->firstDenseLayers);
    if (last <= first)
        return 0;
    // Multiples of the frequency in [first, last), without walking the layers:
    // this runs inside every memory evaluation.
    const std::int64_t frequency = moe->layerFrequency > 0 ? moe->layerFrequency : 1;
    const auto multiplesBelow = [frequency](std::int64_t n) { return (n + frequency - 1) / frequency; };
    return multiplesBelow(last) - multiplesBelow(first);
}

std::vector<Problem> validate(const ModelSpec &spec)
{
    std::vector<Problem> problems;
    // Every config.json key is an argument, so an importer of another format
    // can name its own key instead (the GGUF importer does).
    const auto add = [&problems](const char *field, const char *pattern, std::vector<std::string> args) {
        problems.push_back({"invalid-model", {pattern, std::move(args)}, field});
    };
    const auto requirePositive = [&add](std::int64_t value, const char *key) {
        if (value <= 0)
            add(key, QT_TRANSLATE_NOOP("Core", "%1 must be a positive integer, got %2"), {key, std::to_string(value)});
    };
    const auto notNegative = [&add](std::int64_t value, const char *key) {
        if (value < 0)
            add(key, QT_TRANSLATE_NOOP("Core", "%1 must not be negative"), {key});
    };
    requirePositive(spec.vocabSize, "vocab_size");
    requirePositive(spec.hiddenSize, "hidden_size");
    requirePositive(spec.numLayers, "num_hidden_layers");
    requirePositive(spec.numHeads, "num_attention_heads");
    requirePositive(spec.maxContext, "max_position_embeddings");
    if (spec.numLayers > 0 && spec.denseLayerCount() > 0)
        requirePositive(spec.intermediateSize, "intermediate_size");

    if (spec.mla) {
        requirePositive(spec.mla->kvLoraRank, "kv_lora_rank");
        requirePositive(spec.mla->qkRopeHeadDim, "qk_rope_head_dim");
        requirePositive(spec.mla->qkNopeHeadDim, "qk_nope_head_dim");
        requirePositive(spec.mla->vHeadDim, "v_head_dim");
        notNegative(spec.mla->qLoraRank, "q_lora_rank");
    } else {
        requirePositive(spec.numKeyValueHeads, "num_key_value_heads");
        requirePositive(spec.headDim, "head_dim");
        if (spec.numKeyValueHeads > 0 && spec.numHeads % spec.numKeyValueHeads != 0)
            add("num_attention_heads", QT_TRANSLATE_NOOP("Core", "%1 (%2) must be a multiple of %3 (%4)"),
                {"num_attention_heads", std::to_string(spec.numHeads), "num_key_value_heads",
                 std::to_string(spec.numKeyValueHeads)});
    }

    if (spec.moe) {
        requirePositive(spec.moe->routedExperts, "n_routed_experts");
        requirePositive(spec.moe->expertsPerToken, "num_experts_per_tok");
        requirePositive(spec.moe->expertIntermediateSize, "moe_intermediate_size");
        if (spec.moe->expertsPerToken > spec.moe->routedExperts)
            add("num_experts_per_tok", QT_TRANSLATE_NOOP("Core", "%1 must not exceed %2"),
                {"num_experts_per_tok", "n_routed_experts"});
        if (spec.moe->firstDenseLayers < 0 || spec.moe->firstDenseLayers > spec.numLayers)
            add("first_k_dense_replace", QT_TRANSLATE_NOOP("Core", "%1 must be between 0 and %2"),
                {"first_k_dense_replace", "num_hidden_layers"});
        notNegative(spec.moe->sharedExperts, "n_shared_experts");
        if (spec.moe->layerFrequency <= 0)
            add("moe_layer_freq", QT_TRANSLATE_NOOP("Core", "%1 must be a positive integer"), {"moe_layer_freq"});
    }
    notNegative(spec.mtpLayers, "num_nextn_predict_layers");
    return problems;
}

} // namespace planner
