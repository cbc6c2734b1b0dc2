#include "core/model/modelspec.h"

#include "core/model/modelbounds.h"

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

AttentionHeads ModelSpec::attentionHeads(bool fullLayer) const
{
    if (fullLayer && fullAttentionHeads)
        return {fullAttentionHeads->headDim, fullAttentionHeads->keyValueHeads, fullAttentionHeads->valuesAreKeys};
    return {headDim, numKeyValueHeads, false};
}

namespace {

// Calls add(letter, n) with how often each letter of a pattern repeating from
// layer 0 occurs among layers [first, last): whole periods at once, then the
// partial period at each end, because this runs inside every memory evaluation.
template <typename Add>
void countPattern(const std::string &pattern, std::int64_t first, std::int64_t last, Add add)
{
    const auto period = static_cast<std::int64_t>(pattern.size());
    const auto letterOf = [&pattern, period](std::int64_t layer) {
        return pattern[static_cast<size_t>(layer % period)];
    };
    const std::int64_t firstWhole = std::min(last, (first + period - 1) / period * period);
    const std::int64_t lastWhole = std::max(firstWhole, last / period * period);
    for (std::int64_t layer = first; layer < firstWhole; ++layer)
        add(letterOf(layer), 1);
    if (const std::int64_t periods = (lastWhole - firstWhole) / period; periods > 0)
        for (char letter : pattern)
            add(letter, periods);
    for (std::int64_t layer = lastWhole; layer < last; ++layer)
        add(letterOf(layer), 1);
}

} // namespace

LayerFeedForward ModelSpec::layerFeedForward(std::int64_t layer) const
{
    if (!ffnPattern.empty() && layer >= 0)
        return static_cast<LayerFeedForward>(ffnPattern[static_cast<size_t>(layer) % ffnPattern.size()]);
    if (!isMoe() || layer < moe->firstDenseLayers)
        return LayerFeedForward::Dense;
    const std::int64_t frequency = moe->layerFrequency > 0 ? moe->layerFrequency : 1;
    return layer % frequency == 0 ? LayerFeedForward::Experts : LayerFeedForward::Dense;
}

LayerFeedForwardCounts ModelSpec::layerFeedForwardIn(std::int64_t first, std::int64_t last) const
{
    LayerFeedForwardCounts counts;
    first = std::max<std::int64_t>(first, 0);
    if (last <= first)
        return counts;
    if (!ffnPattern.empty()) {
        countPattern(ffnPattern, first, last, [&counts](char letter, std::int64_t n) {
            switch (static_cast<LayerFeedForward>(letter)) {
            case LayerFeedForward::Experts: counts.experts += n; break;
            case LayerFeedForward::None: counts.none += n; break;
            case LayerFeedForward::Dense: counts.dense += n; break;
            }
        });
        if (!isMoe()) { // an 'E' without experts to route to is a dense block
            counts.dense += counts.experts;
            counts.experts = 0;
        }
        return counts;
    }
    if (isMoe()) {
        // Multiples of the frequency in [max(first, firstDense), last).
        const std::int64_t from = std::max(first, moe->firstDenseLayers);
        const std::int64_t frequency = moe->layerFrequency > 0 ? moe->layerFrequency : 1;
        const auto multiplesBelow = [frequency](std::int64_t n) { return (n + frequency - 1) / frequency; };
        if (last > from)
            counts.experts = multiplesBelow(last) - multiplesBelow(from);
    }
    counts.dense = last - first - counts.experts;
    return counts;
}

LayerComposition ModelSpec::layersIn(std::int64_t first, std::int64_t last) const
{
    LayerComposition c;
    c.mixers = layerAttentionIn(first, last);
    c.feedForward = layerFeedForwardIn(first, last);
    c.layers = std::max<std::int64_t>(0, last - std::max<std::int64_t>(first, 0));
    return c;
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
    countPattern(layerPattern, first, last, [&counts](char letter, std::int64_t n) {
        switch (static_cast<LayerAttention>(letter)) {
        case LayerAttention::SlidingWindow: counts.slidingWindow += n; break;
        case LayerAttention::Chunked: counts.chunked += n; break;
        case LayerAttention::LinearAttention: counts.linear += n; break;
        case LayerAttention::StateSpace: counts.stateSpace += n; break;
        case LayerAttention::None: counts.none += n; break;
        case LayerAttention::CompressedSparse: counts.compressedSparse += n; break;
        case LayerAttention::HeavilyCompressed: counts.heavilyCompressed += n; break;
        case LayerAttention::Full: counts.full += n; break;
        }
    });
    return counts;
}

std::string LayerDescription::text() const
{
    std::string out = count.text();
    for (size_t i = 0; i < kinds.size(); ++i)
        out += (i == 0 ? ": " : ", ") + kinds[i].text();
    return out;
}

LayerDescription describeLayers(const ModelSpec &spec)
{
    const LayerAttentionCounts c = spec.layerAttentionIn(0, spec.numLayers);
    LayerDescription d{{QT_TRANSLATE_NOOP("Core", "%1 layers"), {std::to_string(spec.numLayers)}}, {}};
    if (c.full == c.total() && !spec.sparseAttention)
        return d;
    const auto add = [&d](std::int64_t n, const char *pattern, std::vector<std::string> more = {}) {
        if (n <= 0)
            return;
        more.insert(more.begin(), std::to_string(n));
        d.kinds.push_back({pattern, std::move(more)});
    };
    add(c.slidingWindow, QT_TRANSLATE_NOOP("Core", "%1 sliding-window (%2 tokens)"),
        {std::to_string(spec.slidingWindow)});
    add(c.chunked, QT_TRANSLATE_NOOP("Core", "%1 chunked (%2 tokens)"), {std::to_string(spec.attentionChunk)});
    if (spec.compressedAttention) {
        add(c.compressedSparse, QT_TRANSLATE_NOOP("Core", "%1 compressed %2:1, top %3"),
            {std::to_string(CompressedAttentionSpec::kSparseRatio),
             std::to_string(spec.sparseAttention ? spec.sparseAttention->topK : 0)});
        add(c.heavilyCompressed, QT_TRANSLATE_NOOP("Core", "%1 compressed %2:1"),
            {std::to_string(spec.compressedAttention->heavyRatio)});
    }
    add(c.linear, QT_TRANSLATE_NOOP("Core", "%1 linear attention"));
    add(c.stateSpace, QT_TRANSLATE_NOOP("Core", "%1 Mamba-2"));
    if (spec.sparseAttention && !spec.compressedAttention)
        add(c.full, QT_TRANSLATE_NOOP("Core", "%1 sparse (top %2 tokens)"),
            {std::to_string(spec.sparseAttention->topK)});
    else
        add(c.full, QT_TRANSLATE_NOOP("Core", "%1 full"));
    add(c.none, QT_TRANSLATE_NOOP("Core", "%1 feed-forward only"));
    return d;
}

void useBiasedLayerNormBlocks(ModelSpec &spec)
{
    spec.attentionQkvBias = true;
    spec.attentionOutputBias = true;
    spec.gatedMlp = false;
    spec.normBias = true;
    spec.mlpBias = true;
    spec.embeddingNorm = true;
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

    if (spec.fullAttentionHeads) {
        requirePositive(spec.fullAttentionHeads->headDim, "global_head_dim");
        requirePositive(spec.fullAttentionHeads->keyValueHeads, "num_global_key_value_heads");
        const std::int64_t kv = spec.fullAttentionHeads->keyValueHeads;
        if (kv > 0 && spec.numHeads % kv != 0)
            add("num_global_key_value_heads", QT_TRANSLATE_NOOP("Core", "%1 (%2) must be a multiple of %3 (%4)"),
                {"num_attention_heads", std::to_string(spec.numHeads), "num_global_key_value_heads",
                 std::to_string(kv)});
        if (spec.mla)
            add("global_head_dim", QT_TRANSLATE_NOOP("Core", "%1 cannot be combined with MLA"), {"global_head_dim"});
    }
    if (spec.moe && spec.moe->denseBesideExperts)
        requirePositive(spec.intermediateSize, "intermediate_size");

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
        notNegative(spec.moe->sharedExpertIntermediateSize, "moe_shared_expert_intermediate_size");
        notNegative(spec.moe->latentSize, "moe_latent_size");
        if (spec.moe->layerFrequency <= 0)
            add("moe_layer_freq", QT_TRANSLATE_NOOP("Core", "%1 must be a positive integer"), {"moe_layer_freq"});
    }
    notNegative(spec.mtpLayers, "num_nextn_predict_layers");
    notNegative(spec.visionParameters, "vision_config");

    if (spec.layerPattern.find_first_not_of("FSCLM-XH") != std::string::npos)
        add("layer_types",
            QT_TRANSLATE_NOOP("Core", "%1 names a layer kind other than full, sliding, chunked, linear attention, "
                                      "Mamba, compressed or none"),
            {"layer_types"});
    const auto uses = [&spec](char letter) { return spec.layerPattern.find(letter) != std::string::npos; };
    if ((uses('X') || uses('H')) && !spec.compressedAttention)
        add("compress_ratios", QT_TRANSLATE_NOOP("Core", "%1 has compressed layers but %2 is missing"),
            {"layer_types", "o_lora_rank"});
    if (spec.compressedAttention) {
        const CompressedAttentionSpec &c = *spec.compressedAttention;
        requirePositive(c.queryRank, "q_lora_rank");
        requirePositive(c.ropeHeadDim, "qk_rope_head_dim");
        requirePositive(c.outputGroups, "o_groups");
        requirePositive(c.outputRank, "o_lora_rank");
        requirePositive(spec.slidingWindow, "sliding_window");
        notNegative(c.hashLayers, "num_hash_layers");
        if (uses('H'))
            requirePositive(c.heavyRatio, "compress_ratios");
        if (uses('X') && !spec.sparseAttention)
            add("index_topk", QT_TRANSLATE_NOOP("Core", "%1 has 4:1 compressed layers but %2 is missing"),
                {"compress_ratios", "index_topk"});
        if (c.ropeHeadDim >= spec.headDim)
            add("qk_rope_head_dim", QT_TRANSLATE_NOOP("Core", "%1 must be smaller than %2"),
                {"qk_rope_head_dim", "head_dim"});
        if (c.outputGroups > 0 && spec.numHeads % c.outputGroups != 0)
            add("o_groups", QT_TRANSLATE_NOOP("Core", "%1 (%2) must be a multiple of %3 (%4)"),
                {"num_attention_heads", std::to_string(spec.numHeads), "o_groups", std::to_string(c.outputGroups)});
        if (spec.mla)
            add("o_lora_rank", QT_TRANSLATE_NOOP("Core", "%1 cannot be combined with MLA"), {"o_lora_rank"});
    }
    notNegative(spec.hyperConnections, "hc_mult");
    if (uses('S'))
        requirePositive(spec.slidingWindow, "sliding_window");
    if (uses('C'))
        requirePositive(spec.attentionChunk, "attention_chunk_size");
    if (uses('L') && !spec.linearAttention)
        add("linear_num_value_heads", QT_TRANSLATE_NOOP("Core", "%1 has linear-attention layers but %2 is missing"),
            {"layer_types", "linear_num_value_heads"});
    if (spec.linearAttention) {
        requirePositive(spec.linearAttention->keyHeads, "linear_num_key_heads");
        requirePositive(spec.linearAttention->valueHeads, "linear_num_value_heads");
        requirePositive(spec.linearAttention->keyHeadDim, "linear_key_head_dim");
        requirePositive(spec.linearAttention->valueHeadDim, "linear_value_head_dim");
        notNegative(spec.linearAttention->convKernel, "linear_conv_kernel_dim");
    }
    if (uses('M') && !spec.stateSpace)
        add("mamba_num_heads", QT_TRANSLATE_NOOP("Core", "%1 has Mamba layers but %2 is missing"),
            {"layer_types", "mamba_num_heads"});
    if (spec.stateSpace) {
        requirePositive(spec.stateSpace->heads, "mamba_num_heads");
        requirePositive(spec.stateSpace->headDim, "mamba_head_dim");
        requirePositive(spec.stateSpace->stateSize, "ssm_state_size");
        requirePositive(spec.stateSpace->groups, "n_groups");
        notNegative(spec.stateSpace->convKernel, "conv_kernel");
        if (spec.stateSpace->groups > 0 && spec.stateSpace->heads % spec.stateSpace->groups != 0)
            add("n_groups", QT_TRANSLATE_NOOP("Core", "%1 (%2) must be a multiple of %3 (%4)"),
                {"mamba_num_heads", std::to_string(spec.stateSpace->heads), "n_groups",
                 std::to_string(spec.stateSpace->groups)});
    }
    if (spec.sparseAttention) {
        requirePositive(spec.sparseAttention->indexHeads, "index_n_heads");
        requirePositive(spec.sparseAttention->indexHeadDim, "index_head_dim");
        requirePositive(spec.sparseAttention->topK, "index_topk");
        if (!spec.compressedAttention && (!spec.mla || spec.mla->qLoraRank <= 0))
            add("index_topk", QT_TRANSLATE_NOOP("Core", "sparse attention's indexer needs MLA with %1"),
                {"q_lora_rank"});
    }
    if (spec.ffnPattern.find_first_not_of("DE-") != std::string::npos)
        add("hybrid_override_pattern",
            QT_TRANSLATE_NOOP("Core", "%1 names a feed-forward block other than dense, experts or none"),
            {"hybrid_override_pattern"});
    if (spec.ffnPattern.find('E') != std::string::npos && !spec.isMoe())
        add("num_experts", QT_TRANSLATE_NOOP("Core", "%1 has expert layers but %2 is missing"),
            {"hybrid_override_pattern", "num_experts"});
    for (Problem &problem : implausibleSizes(spec))
        problems.push_back(std::move(problem));
    return problems;
}

} // namespace planner
