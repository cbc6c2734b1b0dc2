#pragma once
// Exact parameter counts derived from a ModelSpec.
//
// Counts are split by the role a tensor plays, because quantized checkpoints
// treat roles differently: the linear projections of attention, MLP and experts
// are compressed, while embeddings, norms, biases, the router and often the
// output head stay in 16 or 32 bits. The per-layer figures also drive the
// memory engine's tensor- and pipeline-parallel split.

#include "core/model/modelspec.h"

#include <cstdint>

namespace planner {

// Parameters of a layer (or of a part of one, or of several layers), by role.
struct LayerParameters {
    // Linear weights split column/row-wise across tensor-parallel ranks.
    std::int64_t attentionSharded = 0;
    // Linear weights every tensor-parallel rank holds whole: MLA's low-rank
    // down-projections (q_a_proj, kv_a_proj_with_mqa), replicated in vLLM and SGLang.
    std::int64_t attentionReplicated = 0;
    // Small mixer tensors that stay in 16 bits and split with the heads:
    // q/k/v/o biases (Qwen2, gpt-oss), attention sinks (gpt-oss), the short
    // convolution and per-head decay of linear-attention and Mamba layers.
    std::int64_t attentionOther = 0;
    // Mixer tensors every rank holds whole, stored in 16 or 32 bits:
    // DeepSeek-V4's KV compressors and its indexer's head weights.
    std::int64_t attentionReplicatedOther = 0;
    std::int64_t denseMlp = 0;      // gate/up/down of a dense layer
    std::int64_t mlpBias = 0;       // biases of a dense MLP (BLOOM, GPT-3, OPT), kept in 16 bits
    std::int64_t routedExperts = 0; // all routed experts of a MoE layer (their biases included)
    std::int64_t sharedExperts = 0; // the always-on shared experts
    std::int64_t router = 0;        // gate weight (+ score-correction bias, shared-expert gate)
    std::int64_t norms = 0;         // RMSNorm weights, MLA's latent norms and gated mixer norms included

    std::int64_t linear() const
    {
        return attentionSharded + attentionReplicated + denseMlp + routedExperts + sharedExperts;
    }
    std::int64_t total() const
    {
        return linear() + attentionOther + attentionReplicatedOther + mlpBias + router + norms;
    }
    LayerParameters &operator+=(const LayerParameters &other);
    LayerParameters operator*(std::int64_t layers) const;
};

// A model's parameters. A decoder layer is a token mixer (attention of some
// kind, or none) followed by a feed-forward block (dense, experts, or none),
// each with its input norm; a layer's parameters are its two parts' sum.
struct ParameterBreakdown {
    std::int64_t embedding = 0; // token embedding table
    std::int64_t head = 0;      // output projection (0 when tied to the embedding); an encoder's pooler
    std::int64_t finalNorm = 0;
    LayerParameters attentionMixer;         // one S or C layer's softmax attention
    LayerParameters fullAttentionMixer;     // one F layer's softmax attention (or MLA): the same unless
                                            // ModelSpec::fullAttentionHeads differ
    LayerParameters linearMixer;            // one L layer's linear attention
    LayerParameters stateSpaceMixer;        // one M layer's Mamba-2 mixer
    LayerParameters compressedSparseMixer;  // one X layer's (DeepSeek-V4 4:1, with its indexer)
    LayerParameters heavilyCompressedMixer; // one H layer's (DeepSeek-V4 heavyRatio:1)
    LayerParameters denseBlock;             // one dense MLP
    LayerParameters moeBlock;               // one mixture-of-experts block
    LayerComposition layers;                // the main model's layers by kind
    std::int64_t expertParameters = 0;      // one routed expert
    std::int64_t expertsPerToken = 0;
    std::int64_t mtpModule = 0; // one multi-token-prediction module, all its tensors
    std::int64_t mtpModules = 0;
    std::int64_t vision = 0;           // the image encoder of a vision-language checkpoint
    std::int64_t pretrainingHeads = 0; // an encoder checkpoint's masked-LM and next-sentence heads
    // DeepSeek-V4's hash-routed layers store no score bias, which moeBlock
    // counts: total() takes these values back. Per-stage sums (over()) keep
    // them, a few hundred parameters against billions.
    std::int64_t unbiasedRouterValues = 0;

    // The parameters of the layers `c` counts, by role.
    LayerParameters over(const LayerComposition &c) const;
    LayerParameters allLayers() const { return over(layers); }

    // Sums over all layers, by role.
    std::int64_t attention() const; // every token mixer's linear weights and small tensors
    std::int64_t mlp() const;       // dense MLPs (their biases included) + shared experts
    std::int64_t experts() const;   // routed experts
    std::int64_t routers() const;
    std::int64_t norms() const; // layer norms + final norm

    std::int64_t total() const; // main model, without MTP
    std::int64_t mtp() const { return mtpModule * mtpModules; }
    std::int64_t totalWithMtp() const { return total() + mtp(); }
    // Everything the published checkpoint stores: language model, MTP, vision,
    // an encoder's pre-training heads.
    std::int64_t checkpoint() const { return totalWithMtp() + vision + pretrainingHeads; }
    // Parameters one token passes through: everything except the routed experts
    // it is not sent to. Embedding and head are included, as model cards do.
    std::int64_t active() const;
};

// One full-attention decoder layer with a dense MLP or, when moeLayer and the
// model has experts, a mixture-of-experts block: what an MTP module repeats.
LayerParameters layerParameters(const ModelSpec &spec, bool moeLayer);
ParameterBreakdown countParameters(const ModelSpec &spec);

} // namespace planner
