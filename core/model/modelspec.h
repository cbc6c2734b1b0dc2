#pragma once
// ModelSpec: the architecture of one model version, as its config.json states it.
//
// The engine never stores a parameter count: it derives every count from these
// fields (see parametercount.h), so a spec imported from any Hugging Face
// config.json is sized with the same arithmetic as the built-in ones. Field
// names follow the config.json keys they come from.

#include "core/util/problem.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planner {

// How keys and values are projected and cached.
enum class AttentionKind {
    MultiHead,      // MHA: one K/V head per query head
    GroupedQuery,   // GQA: fewer K/V heads, shared by groups of query heads
    MultiQuery,     // MQA: a single K/V head
    MultiHeadLatent // MLA (DeepSeek-V2/V3/R1): K/V compressed to a low-rank latent
};

// DeepSeek's multi-head latent attention. q_lora_rank == 0 means the query is
// projected directly (as in DeepSeek-V2-Lite).
struct MlaSpec {
    std::int64_t qLoraRank = 0;     // q_lora_rank
    std::int64_t kvLoraRank = 0;    // kv_lora_rank: width of the cached latent
    std::int64_t qkRopeHeadDim = 0; // qk_rope_head_dim: decoupled RoPE key, cached too
    std::int64_t qkNopeHeadDim = 0; // qk_nope_head_dim
    std::int64_t vHeadDim = 0;      // v_head_dim
};

// Mixture of experts. Layers [0, firstDenseLayers) use the dense MLP of width
// intermediateSize; the others route each token to expertsPerToken of
// routedExperts experts and always run the sharedExperts.
struct MoeSpec {
    std::int64_t routedExperts = 0;          // n_routed_experts / num_local_experts
    std::int64_t sharedExperts = 0;          // n_shared_experts
    std::int64_t expertsPerToken = 0;        // num_experts_per_tok
    std::int64_t expertIntermediateSize = 0; // moe_intermediate_size (Mixtral: intermediate_size)
    std::int64_t firstDenseLayers = 0;       // first_k_dense_replace
    std::int64_t layerFrequency = 1;         // moe_layer_freq: every n-th layer after the dense ones is MoE
    bool routerScoreBias = false;            // DeepSeek-V3's e_score_correction_bias (one value per expert)
};

struct ModelSpec {
    std::string id;                        // stable identifier, e.g. "deepseek-r1"
    std::string family;                    // versions of one family are compared side by side
    std::string displayName;               // e.g. "DeepSeek-R1 671B"
    std::string source;                    // where the architecture figures come from (config.json URL)
    std::string checkpointFormat = "bf16"; // weight format id the published checkpoint uses

    std::int64_t vocabSize = 0;        // vocab_size
    std::int64_t hiddenSize = 0;       // hidden_size
    std::int64_t intermediateSize = 0; // intermediate_size (dense MLP width)
    std::int64_t numLayers = 0;        // num_hidden_layers (main model, without MTP)
    std::int64_t numHeads = 0;         // num_attention_heads
    std::int64_t numKeyValueHeads = 0; // num_key_value_heads (== numHeads for MHA)
    std::int64_t headDim = 0;          // head_dim (hidden_size / num_attention_heads if absent)
    std::int64_t maxContext = 0;       // max_position_embeddings, after any RoPE scaling

    bool attentionQkvBias = false; // Qwen2: bias on the q, k and v projections
    bool tiedEmbeddings = false;   // tie_word_embeddings
    bool gatedMlp = true;          // SwiGLU (gate, up, down) vs two-matrix MLP

    std::optional<MlaSpec> mla;
    std::optional<MoeSpec> moe;

    // DeepSeek-V3's multi-token-prediction modules (num_nextn_predict_layers).
    // Each is one full decoder layer plus its own embedding, head, two norms and
    // a 2h -> h projection. Counted separately from the main model.
    std::int64_t mtpLayers = 0;

    AttentionKind attentionKind() const;
    bool isMoe() const { return moe.has_value() && moe->routedExperts > 0; }
    bool isMoeLayer(std::int64_t layer) const;
    // MoE layers among layers [first, last).
    std::int64_t moeLayersIn(std::int64_t first, std::int64_t last) const;
    std::int64_t moeLayerCount() const { return moeLayersIn(0, numLayers); }
    std::int64_t denseLayerCount() const { return numLayers - moeLayerCount(); }
};

// One problem per invalid field (empty when the spec is usable). The field is
// the config.json key, and every key in a message is one of its arguments, so
// an importer of another format can put its own key names in (see
// database/ggufheader.cpp).
std::vector<Problem> validate(const ModelSpec &spec);

} // namespace planner
