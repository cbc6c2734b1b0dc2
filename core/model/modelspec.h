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

// What one decoder layer's attention looks at. Each kind is stored as a letter
// of ModelSpec::layerPattern.
enum class LayerAttention : char {
    Full = 'F',          // every earlier token: the KV cache grows with the context
    SlidingWindow = 'S', // the last slidingWindow tokens (Gemma 3, gpt-oss, Mistral)
    Chunked = 'C',       // the tokens of its own attentionChunk-token chunk (Llama 4's local layers)
};

// Layers of each attention kind among a range of layers.
struct LayerAttentionCounts {
    std::int64_t full = 0;
    std::int64_t slidingWindow = 0;
    std::int64_t chunked = 0;
    std::int64_t total() const { return full + slidingWindow + chunked; }
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
    // One value per routed expert besides the gate weight: DeepSeek-V3's
    // e_score_correction_bias or the router's bias (gpt-oss).
    bool routerScoreBias = false;
    bool expertBias = false; // biases on each expert's projections (gpt-oss: gate/up and down)
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

    bool attentionQkvBias = false;    // Qwen2, gpt-oss: bias on the q, k and v projections
    bool attentionOutputBias = false; // gpt-oss: bias on o_proj
    bool qkNorm = false;              // Qwen3, Gemma 3: RMSNorm of head_dim weights on each query and key head
    bool attentionSinks = false;      // gpt-oss: one learned sink logit per query head and layer
    bool tiedEmbeddings = false;      // tie_word_embeddings
    bool gatedMlp = true;             // SwiGLU (gate, up, down) vs two-matrix MLP

    std::optional<MlaSpec> mla;
    std::optional<MoeSpec> moe;

    // Attention per layer: one LayerAttention letter per layer of a period that
    // repeats from layer 0 ("SF": sliding, full, sliding, …; "SSSSSF": Gemma 3);
    // empty means every layer attends fully. A config's explicit layer_types is
    // stored as its shortest period.
    std::string layerPattern;
    std::int64_t slidingWindow = 0;  // sliding_window: tokens a sliding-window layer attends to
    std::int64_t attentionChunk = 0; // attention_chunk_size: tokens per chunk of a chunked layer

    // DeepSeek-V3's multi-token-prediction modules (num_nextn_predict_layers).
    // Each is one full decoder layer plus its own embedding, head, two norms and
    // a 2h -> h projection. Counted separately from the main model.
    std::int64_t mtpLayers = 0;

    AttentionKind attentionKind() const;
    LayerAttention layerAttention(std::int64_t layer) const;
    // Layers of each attention kind among layers [first, last), without
    // walking them (this runs inside every memory evaluation).
    LayerAttentionCounts layerAttentionIn(std::int64_t first, std::int64_t last) const;
    bool allLayersFull() const { return layerPattern.find_first_not_of('F') == std::string::npos; }
    bool isMoe() const { return moe.has_value() && moe->routedExperts > 0; }
    bool isMoeLayer(std::int64_t layer) const;
    // MoE layers among layers [first, last).
    std::int64_t moeLayersIn(std::int64_t first, std::int64_t last) const;
    std::int64_t moeLayerCount() const { return moeLayersIn(0, numLayers); }
    std::int64_t denseLayerCount() const { return numLayers - moeLayerCount(); }
};

// The layers by attention kind, for people: "24 layers: 12 sliding-window
// (128 tokens), 12 full"; "32 layers" when all attend fully.
Message describeLayers(const ModelSpec &spec);

// One problem per invalid field (empty when the spec is usable). The field is
// the config.json key, and every key in a message is one of its arguments, so
// an importer of another format can put its own key names in (see
// database/ggufheader.cpp).
std::vector<Problem> validate(const ModelSpec &spec);

} // namespace planner
