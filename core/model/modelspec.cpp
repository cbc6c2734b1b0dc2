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

LayerAttention ModelSpec::layerAttention(std::int64_t layer) const
{
    if (layerPattern.empty() || layer < 0)
        return LayerAttention::Full;
    return static_cast<LayerAttention>(layerPattern[static_cast<size_t>(layer) % layerPattern.size()]);
}

LayerAttentionCounts ModelSpec::layerAttentionIn(std::int64_t first, std::int64_t last) const
{
    LayerAttentionCounts counts;
    first = std::max<std::int64_t>(first, 0);
    if (last <= first)
        return counts;
    if (layerPattern.empty()) {
        counts.full = last - first;
        return counts;
    }
    const auto add = [&counts](char letter, std::int64_t n) {
        switch (static_cast<LayerAttention>(letter)) {
        case LayerAttention::SlidingWindow: counts.slidingWindow += n; break;
        case LayerAttention::Chunked: counts.chunked += n; break;
        case LayerAttention::Full: counts.full += n; break;
        }
    };
    // Whole periods at once, then the partial period at each end.
    const auto period = static_cast<std::int64_t>(layerPattern.size());
    const std::int64_t firstWhole = (first + period - 1) / period * period;
    const std::int64_t lastWhole = last / period * period;
    if (firstWhole >= lastWhole) {
        for (std::int64_t layer = first; layer < last; ++layer)
            add(layerPattern[static_cast<size_t>(layer % period)], 1);
        return counts;
    }
    for (std::int64_t layer = first; layer < firstWhole; ++layer)
        add(layerPattern[static_cast<size_t>(layer % period)], 1);
    const std::int64_t periods = (lastWhole - firstWhole) / period;
    for (char letter : layerPattern)
        add(letter, periods);
    for (std::int64_t layer = lastWhole; layer < last; ++layer)
        add(layerPattern[static_cast<size_t>(layer % period)], 1);
    return counts;
}

Message describeLayers(const ModelSpec &spec)
{
    const LayerAttentionCounts c = spec.layerAttentionIn(0, spec.numLayers);
    const std::string layers = std::to_string(spec.numLayers);
    if (c.slidingWindow > 0 && c.chunked > 0)
        return {QT_TRANSLATE_NOOP("Core", "%1 layers: %2 sliding-window (%3 tokens), %4 chunked (%5 tokens), %6 full"),
                {layers, std::to_string(c.slidingWindow), std::to_string(spec.slidingWindow), std::to_string(c.chunked),
                 std::to_string(spec.attentionChunk), std::to_string(c.full)}};
    if (c.slidingWindow > 0)
        return {QT_TRANSLATE_NOOP("Core", "%1 layers: %2 sliding-window (%3 tokens), %4 full"),
                {layers, std::to_string(c.slidingWindow), std::to_string(spec.slidingWindow), std::to_string(c.full)}};
    if (c.chunked > 0)
        return {QT_TRANSLATE_NOOP("Core", "%1 layers: %2 chunked (%3 tokens), %4 full"),
                {layers, std::to_string(c.chunked), std::to_string(spec.attentionChunk), std::to_string(c.full)}};
    return {QT_TRANSLATE_NOOP("Core", "%1 layers"), {layers}};
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

    if (spec.layerPattern.find_first_not_of("FSC") != std::string::npos)
        add("layer_types", QT_TRANSLATE_NOOP("Core", "%1 names an attention kind other than full, sliding or chunked"),
            {"layer_types"});
    if (spec.layerPattern.find('S') != std::string::npos)
        requirePositive(spec.slidingWindow, "sliding_window");
    if (spec.layerPattern.find('C') != std::string::npos)
        requirePositive(spec.attentionChunk, "attention_chunk_size");
    return problems;
}

} // namespace planner
