#include "core/model/modelbounds.h"

#include <algorithm>
#include <string>

namespace planner {

double parameterUpperBound(const ModelSpec &spec)
{
    std::int64_t width = std::max({spec.hiddenSize, spec.intermediateSize, spec.numHeads * spec.headDim});
    double experts = 1;
    if (spec.mla)
        width = std::max({width, spec.mla->qLoraRank, spec.mla->kvLoraRank,
                          spec.numHeads * (spec.mla->qkNopeHeadDim + spec.mla->qkRopeHeadDim + spec.mla->vHeadDim)});
    if (spec.linearAttention)
        width = std::max({width, spec.linearAttention->convChannels(), spec.linearAttention->valueWidth()});
    if (spec.stateSpace)
        width = std::max({width, spec.stateSpace->convChannels() + spec.stateSpace->innerWidth()});
    if (spec.compressedAttention)
        width = std::max({width, spec.compressedAttention->queryRank,
                          spec.compressedAttention->outputGroups * spec.compressedAttention->outputRank});
    if (spec.moe) {
        width = std::max({width, spec.moe->expertIntermediateSize, spec.moe->sharedExpertIntermediateSize});
        experts += static_cast<double>(spec.moe->routedExperts) + static_cast<double>(spec.moe->sharedExperts);
    }
    const double w = static_cast<double>(width);
    const double layers = static_cast<double>(spec.numLayers) + static_cast<double>(spec.mtpLayers) + 1;
    const double embeddings = 3.0 * static_cast<double>(spec.vocabSize) * static_cast<double>(spec.hiddenSize)
                              * (1.0 + static_cast<double>(spec.mtpLayers));
    return layers * 8.0 * w * w * experts + embeddings + static_cast<double>(spec.visionParameters);
}

double recurrentStateUpperBound(const ModelSpec &spec)
{
    double elements = 0;
    if (const auto &a = spec.linearAttention)
        elements = std::max(elements, static_cast<double>(a->valueHeads) * static_cast<double>(a->keyHeadDim)
                                          * static_cast<double>(a->valueHeadDim));
    if (const auto &m = spec.stateSpace)
        elements = std::max(elements, static_cast<double>(m->heads) * static_cast<double>(m->headDim)
                                          * static_cast<double>(m->stateSize));
    return elements;
}

std::vector<Problem> implausibleSizes(const ModelSpec &spec)
{
    std::vector<Problem> problems;
    const auto tooLarge = [&problems](std::int64_t value, double limit, const char *key) {
        if (static_cast<double>(value) > limit)
            problems.push_back(
                {"implausible-model",
                 {QT_TRANSLATE_NOOP("Core", "%1 is %2, larger than any real model (limit %3); the value is corrupt"),
                  {key, std::to_string(value), std::to_string(static_cast<std::int64_t>(limit))}},
                 key});
    };
    const auto dimension = [&tooLarge](std::int64_t value, const char *key) {
        tooLarge(value, kMaxModelDimension, key);
    };
    dimension(spec.vocabSize, "vocab_size");
    dimension(spec.hiddenSize, "hidden_size");
    dimension(spec.intermediateSize, "intermediate_size");
    dimension(spec.numLayers, "num_hidden_layers");
    dimension(spec.numHeads, "num_attention_heads");
    dimension(spec.numKeyValueHeads, "num_key_value_heads");
    dimension(spec.headDim, "head_dim");
    dimension(spec.mtpLayers, "num_nextn_predict_layers");
    dimension(spec.hyperConnections, "hc_mult");
    tooLarge(spec.maxContext, kMaxModelContext, "max_position_embeddings");
    tooLarge(spec.slidingWindow, kMaxModelContext, "sliding_window");
    tooLarge(spec.attentionChunk, kMaxModelContext, "attention_chunk_size");
    tooLarge(spec.visionParameters, kMaxModelParameters, "vision_config");
    if (const auto &m = spec.mla) {
        dimension(m->qLoraRank, "q_lora_rank");
        dimension(m->kvLoraRank, "kv_lora_rank");
        dimension(m->qkRopeHeadDim, "qk_rope_head_dim");
        dimension(m->qkNopeHeadDim, "qk_nope_head_dim");
        dimension(m->vHeadDim, "v_head_dim");
    }
    if (const auto &m = spec.moe) {
        dimension(m->routedExperts, "n_routed_experts");
        dimension(m->sharedExperts, "n_shared_experts");
        dimension(m->expertIntermediateSize, "moe_intermediate_size");
        dimension(m->sharedExpertIntermediateSize, "moe_shared_expert_intermediate_size");
        dimension(m->latentSize, "moe_latent_size");
    }
    if (const auto &a = spec.linearAttention) {
        dimension(a->keyHeads, "linear_num_key_heads");
        dimension(a->valueHeads, "linear_num_value_heads");
        dimension(a->keyHeadDim, "linear_key_head_dim");
        dimension(a->valueHeadDim, "linear_value_head_dim");
        dimension(a->convKernel, "linear_conv_kernel_dim");
    }
    if (const auto &s = spec.stateSpace) {
        dimension(s->heads, "mamba_num_heads");
        dimension(s->headDim, "mamba_head_dim");
        dimension(s->stateSize, "ssm_state_size");
        dimension(s->groups, "n_groups");
        dimension(s->convKernel, "conv_kernel");
    }
    if (const auto &s = spec.sparseAttention) {
        dimension(s->indexHeads, "index_n_heads");
        dimension(s->indexHeadDim, "index_head_dim");
        tooLarge(s->topK, kMaxModelContext, "index_topk");
    }
    if (const auto &f = spec.fullAttentionHeads) {
        dimension(f->headDim, "global_head_dim");
        dimension(f->keyValueHeads, "num_global_key_value_heads");
    }
    if (const auto &c = spec.compressedAttention) {
        dimension(c->queryRank, "q_lora_rank");
        dimension(c->ropeHeadDim, "qk_rope_head_dim");
        dimension(c->outputGroups, "o_groups");
        dimension(c->outputRank, "o_lora_rank");
        dimension(c->heavyRatio, "compress_ratios");
        dimension(c->hashLayers, "num_hash_layers");
    }
    if (const auto &e = spec.encoder) {
        dimension(e->tokenTypes, "type_vocab_size");
        dimension(e->classifierOutputs, "num_labels");
    }
    if (!problems.empty())
        return problems; // the bounds below multiply these values
    if (parameterUpperBound(spec) > kMaxModelParameters)
        problems.push_back({"implausible-model",
                            {QT_TRANSLATE_NOOP("Core", "%1 together with %2, %3, the MLP widths and the expert "
                                                       "counts implies more than 1e15 parameters (the largest models "
                                                       "have ~2e12); the model is corrupt"),
                             {"hidden_size", "num_hidden_layers", "vocab_size"}},
                            "hidden_size"});
    if (recurrentStateUpperBound(spec) > kMaxLayerStateElements)
        problems.push_back({"implausible-model",
                            {QT_TRANSLATE_NOOP("Core", "%1 makes one layer's recurrent state larger than 1e12 "
                                                       "elements (released models hold a few million); the model is "
                                                       "corrupt"),
                             {spec.stateSpace ? "ssm_state_size" : "linear_value_head_dim"}},
                            spec.stateSpace ? "ssm_state_size" : "linear_value_head_dim"});
    return problems;
}

} // namespace planner
