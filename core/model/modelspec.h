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

// How one decoder layer mixes information across tokens. Each kind is stored
// as a letter of ModelSpec::layerPattern. The first three are softmax
// attention with a KV cache, and so are DeepSeek-V4's two compressed kinds;
// linear attention and Mamba keep a fixed state per sequence however long it
// grows.
enum class LayerAttention : char {
    Full = 'F',            // every earlier token: the KV cache grows with the context
    SlidingWindow = 'S',   // the last slidingWindow tokens (Gemma 3, gpt-oss, Mistral)
    Chunked = 'C',         // the tokens of its own attentionChunk-token chunk (Llama 4's local layers)
    LinearAttention = 'L', // a recurrent state per sequence (Gated DeltaNet, lightning attention)
    StateSpace = 'M',      // Mamba-2: a selective state-space state per sequence (Nemotron-H)
    None = '-',            // no token mixer: the layer is a feed-forward block alone (Nemotron-H)
    // DeepSeek-V4 (CompressedAttentionSpec): besides its sliding window, the
    // layer caches one entry per 4 tokens and attends to the index_topk its
    // indexer picks (compress ratio 4, "CSA") ...
    CompressedSparse = 'X',
    // ... or one entry per heavyRatio tokens, all of them read (ratio 128, "HCA").
    HeavilyCompressed = 'H',
};

// Layers of each attention kind among a range of layers.
struct LayerAttentionCounts {
    std::int64_t full = 0;
    std::int64_t slidingWindow = 0;
    std::int64_t chunked = 0;
    std::int64_t linear = 0;
    std::int64_t stateSpace = 0;
    std::int64_t none = 0;
    std::int64_t compressedSparse = 0;
    std::int64_t heavilyCompressed = 0;
    std::int64_t compressed() const { return compressedSparse + heavilyCompressed; }
    // Layers with a KV cache.
    std::int64_t softmax() const { return full + slidingWindow + chunked + compressed(); }
    std::int64_t recurrent() const { return linear + stateSpace; } // layers with a fixed state
    std::int64_t total() const { return softmax() + recurrent() + none; }
};

// The feed-forward block of one decoder layer, a letter of ModelSpec::ffnPattern.
enum class LayerFeedForward : char {
    Dense = 'D',   // one MLP of intermediateSize
    Experts = 'E', // a mixture-of-experts block (MoeSpec)
    None = '-',    // no feed-forward block: the layer is a token mixer alone (Nemotron-H)
};

struct LayerFeedForwardCounts {
    std::int64_t dense = 0;
    std::int64_t experts = 0;
    std::int64_t none = 0;
};

// Token mixers and feed-forward blocks of a range of layers: enough to sum
// their parameters (a layer's are its mixer's plus its block's) and to size
// the cache or state the range holds.
struct LayerComposition {
    LayerAttentionCounts mixers;
    LayerFeedForwardCounts feedForward;
    std::int64_t layers = 0;
};

// Linear attention: each layer folds every token into a fixed matrix state
// per value head (value heads x key dim x value dim), so its cache does not
// grow with the context.
enum class LinearAttentionKind {
    // Qwen3-Next / Qwen3.5: fused q/k/v/z and b/a input projections, a short
    // causal convolution over q, k and v, per-head decay (A_log, dt_bias), a
    // gated RMSNorm of value head size, out_proj.
    GatedDeltaNet,
    // MiniMax-Text-01 / M1 lightning attention: qkv_proj, output_gate, an
    // RMSNorm over all heads, out_proj; decay slopes are fixed buffers.
    Lightning,
};

struct LinearAttentionSpec {
    LinearAttentionKind kind = LinearAttentionKind::GatedDeltaNet;
    std::int64_t keyHeads = 0;     // linear_num_key_heads
    std::int64_t valueHeads = 0;   // linear_num_value_heads
    std::int64_t keyHeadDim = 0;   // linear_key_head_dim
    std::int64_t valueHeadDim = 0; // linear_value_head_dim
    std::int64_t convKernel = 0;   // linear_conv_kernel_dim (0: no short convolution)

    std::int64_t keyWidth() const { return keyHeads * keyHeadDim; }
    std::int64_t valueWidth() const { return valueHeads * valueHeadDim; }
    // Channels of the short convolution: q, k and v.
    std::int64_t convChannels() const { return 2 * keyWidth() + valueWidth(); }
    std::int64_t stateElements() const { return valueHeads * keyHeadDim * valueHeadDim; }
    std::int64_t convStateElements() const { return convKernel > 1 ? convChannels() * (convKernel - 1) : 0; }
};

// Mamba-2 selective state space (Nemotron-H's M layers).
struct StateSpaceSpec {
    std::int64_t heads = 0;      // mamba_num_heads
    std::int64_t headDim = 0;    // mamba_head_dim
    std::int64_t stateSize = 0;  // ssm_state_size
    std::int64_t groups = 1;     // n_groups: B and C are shared by the heads of a group
    std::int64_t convKernel = 0; // conv_kernel
    bool convBias = true;        // use_conv_bias
    bool projectionBias = false; // use_bias: biases on in_proj and out_proj

    std::int64_t innerWidth() const { return heads * headDim; }
    std::int64_t convChannels() const { return innerWidth() + 2 * groups * stateSize; } // x, B, C
    std::int64_t stateElements() const { return heads * headDim * stateSize; }
    std::int64_t convStateElements() const { return convKernel > 1 ? convChannels() * (convKernel - 1) : 0; }
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

// DeepSeek Sparse Attention (DeepSeek-V3.2, GLM-5) on every MLA layer: a
// lightning indexer scores all earlier tokens against its own small key
// cache, and attention then reads only the topK best.
struct SparseAttentionSpec {
    std::int64_t indexHeads = 0;   // index_n_heads
    std::int64_t indexHeadDim = 0; // index_head_dim
    std::int64_t topK = 0;         // index_topk
};

// DeepSeek-V4's attention (model_type deepseek_v4), on every layer: one
// key-and-value head of head_dim shared by all query heads (the query from a
// low-rank latent, a learned sink logit per head, a grouped low-rank output
// projection), over the last slidingWindow tokens plus, on the compressed
// layers, entries a learned compressor pools from every ratio tokens
// (tests/fixtures/hf/derivations/deepseek-v4.md). The 4:1 layers (X) also
// run a lightning indexer (ModelSpec::sparseAttention) that picks the
// index_topk entries they attend to; the heavily compressed ones (H) attend
// to all of theirs; layers without compression are plain S layers.
struct CompressedAttentionSpec {
    // The compress ratio of the X layers: DeepSeek's model.py gives ratio 4
    // overlapping windows (two compressor heads) and the indexer.
    static constexpr std::int64_t kSparseRatio = 4;
    std::int64_t queryRank = 0;    // q_lora_rank
    std::int64_t ropeHeadDim = 0;  // qk_rope_head_dim: the part of head_dim that carries RoPE
    std::int64_t outputGroups = 0; // o_groups
    std::int64_t outputRank = 0;   // o_lora_rank
    std::int64_t heavyRatio = 0;   // the compress ratio of the H layers (compress_ratios)
    // num_hash_layers: the first MoE layers route by token id (a tid2eid
    // buffer, not a parameter) and store no score bias.
    std::int64_t hashLayers = 0;
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
    // Qwen3-Next / Qwen3.5: a sigmoid gate (hidden -> 1) scales the shared expert.
    bool sharedExpertGate = false;
    // Gemma 4 (enable_moe_block): every expert layer also runs the dense MLP
    // of intermediateSize beside the experts, each branch with its own pre-
    // and post-norms, and the router holds a scale per hidden channel and
    // one per expert besides its projection.
    bool denseBesideExperts = false;
    // The shared expert's own width where it is not sharedExperts routed
    // experts' (Nemotron-H: moe_shared_expert_intermediate_size); 0: it is.
    std::int64_t sharedExpertIntermediateSize = 0;
    // Latent MoE (Nemotron 3 Super / Ultra: moe_latent_size): the routed
    // experts read and write a narrower latent vector, projected from and
    // back to the hidden width by two matrices every token passes; 0: none.
    std::int64_t latentSize = 0;

    // Every shared expert's width together (what one token always runs).
    std::int64_t sharedWidth() const
    {
        return sharedExpertIntermediateSize > 0 ? sharedExperts * sharedExpertIntermediateSize
                                                : sharedExperts * expertIntermediateSize;
    }
    // The width a routed expert's projections read: the latent or the hidden width.
    std::int64_t expertInputWidth(std::int64_t hiddenSize) const { return latentSize > 0 ? latentSize : hiddenSize; }
};

// The full-attention layers' own head settings where they differ from the
// sliding-window layers' (Gemma 4: global_head_dim,
// num_global_key_value_heads, attention_k_eq_v).
struct FullAttentionHeads {
    std::int64_t headDim = 0;       // global_head_dim
    std::int64_t keyValueHeads = 0; // num_global_key_value_heads
    // attention_k_eq_v: no v_proj; the values are the keys (after a
    // weightless norm). Engines still cache both, so the cache is unchanged.
    bool valuesAreKeys = false;
};

// An encoder-only model (BERT): every token attends to the whole input in
// both directions, and a request is one forward pass (classification or an
// embedding), never generation, so nothing is cached between steps. Learned
// absolute positions and token types sit beside the word embeddings,
// LayerNorm follows each sublayer (no final norm), and a pooler projects the
// first token; ParameterBreakdown counts the pooler as the model's head.
struct EncoderSpec {
    std::int64_t tokenTypes = 0; // type_vocab_size: the token-type table beside the position table
    // The published checkpoint also stores the pre-training heads
    // (BertForPreTraining: the masked-LM transform, norm and bias, the
    // next-sentence classifier), counted like MTP modules: apart.
    bool pretrainingHeads = false;
    // BertForSequenceClassification's classifier over the pooled token
    // (len(id2label) outputs, with bias); 0 = none.
    std::int64_t classifierOutputs = 0;
};

// The head shape one softmax-attention layer uses.
struct AttentionHeads {
    std::int64_t headDim = 0;
    std::int64_t keyValueHeads = 0;
    bool valuesAreKeys = false;
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
    // MiniMax-M2 (qk_norm_type "per_layer"): one q_norm over all query heads
    // and one k_norm over all key heads instead of one per head.
    bool qkNormAcrossHeads = false;
    bool attentionSinks = false;      // gpt-oss: one learned sink logit per query head and layer
    bool attentionOutputGate = false; // Qwen3-Next, Qwen3.5: q_proj also yields a sigmoid gate per query channel
    bool tiedEmbeddings = false;      // tie_word_embeddings
    bool gatedMlp = true;             // SwiGLU (gate, up, down) vs two-matrix MLP
    // BLOOM / GPT-3 / OPT style: LayerNorms with a bias as well as a weight,
    // biases on the MLP projections, and a LayerNorm right after the embedding.
    bool normBias = false;
    bool mlpBias = false;
    bool embeddingNorm = false;
    // Gemma 2/3/4: post_attention_layernorm and post_feedforward_layernorm
    // normalise each part's output as well as its input (four norms a layer).
    bool sandwichNorms = false;
    bool layerScalar = false; // Gemma 4: one stored scale (layer_scalar) per layer

    std::optional<MlaSpec> mla;
    std::optional<MoeSpec> moe;
    std::optional<LinearAttentionSpec> linearAttention;   // the L layers
    std::optional<StateSpaceSpec> stateSpace;             // the M layers
    std::optional<SparseAttentionSpec> sparseAttention;   // an indexer on every softmax-attention layer
    std::optional<FullAttentionHeads> fullAttentionHeads; // the F layers' heads where they differ
    // Encoder-only (BERT); maxContext is then its learned position table's length.
    std::optional<EncoderSpec> encoder;
    std::optional<CompressedAttentionSpec> compressedAttention; // DeepSeek-V4
    // hc_mult: copies of the residual stream that manifold-constrained hyper-
    // connections (DeepSeek-V4's mHC) mix around each block; 0 = a single stream.
    std::int64_t hyperConnections = 0;
    // mamba_ssm_dtype: the precision the model's authors ask engines to keep
    // the L and M layers' recurrent state in (Qwen3.5: float32); 0 = not stated.
    int recurrentStateBits = 0;

    // Attention per layer: one LayerAttention letter per layer of a period that
    // repeats from layer 0 ("SF": sliding, full, sliding, …; "SSSSSF": Gemma 3);
    // empty means every layer attends fully. A config's explicit layer_types is
    // stored as its shortest period.
    std::string layerPattern;
    std::int64_t slidingWindow = 0;  // sliding_window: tokens a sliding-window (or DeepSeek-V4) layer attends to
    std::int64_t attentionChunk = 0; // attention_chunk_size: tokens per chunk of a chunked layer

    // Feed-forward block per layer, one LayerFeedForward letter per layer of a
    // period repeating from layer 0, for models whose blocks MoeSpec's
    // firstDenseLayers / layerFrequency cannot describe (Nemotron-H's
    // mixer-only layers). Empty: every layer has a block, MoE as MoeSpec says.
    std::string ffnPattern;

    // DeepSeek-V3's multi-token-prediction modules (num_nextn_predict_layers).
    // Each is one full decoder layer plus its own embedding, head, two norms and
    // a 2h -> h projection. Counted separately from the main model.
    std::int64_t mtpLayers = 0;
    // Qwen3.5's MTP module reads the main model's embedding and head instead
    // of storing its own copies (mtp_use_dedicated_embeddings = false).
    bool mtpSharesEmbeddings = false;

    // A vision-language checkpoint's image encoder (vision_config), counted
    // apart from the language model like the MTP modules; engines load it in
    // 16 bits beside the first pipeline stage.
    std::int64_t visionParameters = 0;

    AttentionKind attentionKind() const;
    // One cache entry per token shared by every query head (MLA's latent,
    // DeepSeek-V4's single key-value head): the same on every tensor-parallel
    // rank, so engines can run the attention data-parallel instead.
    bool hasLatentCache() const { return mla.has_value() || compressedAttention.has_value(); }
    // The head shape of a full-attention layer (fullLayer) or of a
    // sliding-window or chunked one: the same unless fullAttentionHeads says.
    AttentionHeads attentionHeads(bool fullLayer) const;
    LayerAttention layerAttention(std::int64_t layer) const;
    // Layers of each attention kind among layers [first, last), without
    // walking them (this runs inside every memory evaluation).
    LayerAttentionCounts layerAttentionIn(std::int64_t first, std::int64_t last) const;
    bool allLayersFull() const { return layerPattern.find_first_not_of('F') == std::string::npos; }
    bool isMoe() const { return moe.has_value() && moe->routedExperts > 0; }
    LayerFeedForward layerFeedForward(std::int64_t layer) const;
    bool isMoeLayer(std::int64_t layer) const { return layerFeedForward(layer) == LayerFeedForward::Experts; }
    LayerFeedForwardCounts layerFeedForwardIn(std::int64_t first, std::int64_t last) const;
    LayerComposition layersIn(std::int64_t first, std::int64_t last) const;
    // MoE layers among layers [first, last).
    std::int64_t moeLayersIn(std::int64_t first, std::int64_t last) const
    {
        return layerFeedForwardIn(first, last).experts;
    }
    std::int64_t moeLayerCount() const { return moeLayersIn(0, numLayers); }
    std::int64_t denseLayerCount() const { return layerFeedForwardIn(0, numLayers).dense; }
};

// The layers by attention kind, for people: "24 layers" and one part per
// kind, "12 sliding-window (128 tokens)", "12 full"; no parts when every layer
// attends fully. Front ends translate each Message and join the parts.
struct LayerDescription {
    Message count;
    std::vector<Message> kinds;
    std::string text() const; // "48 layers: 36 linear attention, 12 full"
};
LayerDescription describeLayers(const ModelSpec &spec);

// BLOOM- and BERT-style blocks: biases on q/k/v/o and on both projections of
// a two-matrix MLP, LayerNorms with biases, one more right after the embedding.
void useBiasedLayerNormBlocks(ModelSpec &spec);

// One problem per invalid field (empty when the spec is usable). The field is
// the config.json key, and every key in a message is one of its arguments, so
// an importer of another format can put its own key names in (see
// database/ggufheader.cpp).
std::vector<Problem> validate(const ModelSpec &spec);

} // namespace planner
