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

std::vector<std::string> validate(const ModelSpec &spec)
{
    std::vector<std::string> errors;
    auto requirePositive = [&errors](std::int64_t value, const char *key) {
        if (value <= 0)
            errors.push_back(std::string(key) + " must be a positive integer, got "
                             + std::to_string(value));
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
        if (spec.mla->qLoraRank < 0)
            errors.push_back("q_lora_rank must not be negative");
    } else {
        requirePositive(spec.numKeyValueHeads, "num_key_value_heads");
        requirePositive(spec.headDim, "head_dim");
        if (spec.numKeyValueHeads > 0 && spec.numHeads % spec.numKeyValueHeads != 0)
            errors.push_back("num_attention_heads (" + std::to_string(spec.numHeads)
                             + ") must be a multiple of num_key_value_heads ("
                             + std::to_string(spec.numKeyValueHeads) + ")");
    }

    if (spec.moe) {
        requirePositive(spec.moe->routedExperts, "n_routed_experts");
        requirePositive(spec.moe->expertsPerToken, "num_experts_per_tok");
        requirePositive(spec.moe->expertIntermediateSize, "moe_intermediate_size");
        if (spec.moe->expertsPerToken > spec.moe->routedExperts)
            errors.push_back("num_experts_per_tok must not exceed n_routed_experts");
        if (spec.moe->firstDenseLayers < 0 || spec.moe->firstDenseLayers > spec.numLayers)
            errors.push_back("first_k_dense_replace must be between 0 and num_hidden_layers");
        if (spec.moe->sharedExperts < 0)
            errors.push_back("n_shared_experts must not be negative");
        if (spec.moe->layerFrequency <= 0)
            errors.push_back("moe_layer_freq must be a positive integer");
    }
    if (spec.mtpLayers < 0)
        errors.push_back("num_nextn_predict_layers must not be negative");
    return errors;
}

} // namespace planner
