#pragma once
// Parameter counts of the image encoders vision-language checkpoints ship
// beside their language model (ModelSpec::visionParameters).

#include <cstdint>

namespace planner {

// Qwen3.5's vision transformer (vision_config; Qwen3-VL's without deepstack
// mergers): a Conv3d patch embedding with bias, learned position embeddings,
// `depth` pre-norm blocks (two LayerNorms, fused qkv and proj, fc1/fc2, all
// with biases) and a patch merger (LayerNorm, fc1 over spatialMerge^2
// patches, fc2 to the language model's width).
struct QwenVisionShape {
    std::int64_t depth = 0;              // depth
    std::int64_t hidden = 0;             // hidden_size
    std::int64_t intermediate = 0;       // intermediate_size
    std::int64_t inChannels = 3;         // in_channels
    std::int64_t patch = 0;              // patch_size
    std::int64_t temporalPatch = 2;      // temporal_patch_size
    std::int64_t positionEmbeddings = 0; // num_position_embeddings
    std::int64_t spatialMerge = 0;       // spatial_merge_size
    std::int64_t outHidden = 0;          // out_hidden_size
};

std::int64_t qwenVisionParameters(const QwenVisionShape &s);

// Gemma 3's SigLIP encoder without its pooling head (vision_use_head false):
// a Conv2d patch embedding with bias, a learned position per patch of the
// image, pre-norm blocks of LayerNorms and biased q/k/v/out and fc1/fc2, a
// post LayerNorm; then Gemma3MultiModalProjector's mm_input_projection
// (hidden -> text hidden, no bias) and mm_soft_emb_norm.
struct SiglipVisionShape {
    std::int64_t layers = 0;       // num_hidden_layers
    std::int64_t hidden = 0;       // hidden_size
    std::int64_t intermediate = 0; // intermediate_size
    std::int64_t channels = 3;     // num_channels
    std::int64_t patch = 0;        // patch_size
    std::int64_t image = 0;        // image_size
    std::int64_t textHidden = 0;   // the language model's hidden_size
};
std::int64_t siglipVisionParameters(const SiglipVisionShape &s);

// Gemma 4's encoder (Gemma4VisionModel): an unbiased patch projection, a
// pair of position tables (x and y), blocks like the text model's (q/k/v/o
// without bias, q_norm and k_norm of head_dim, a gated MLP, four RMSNorms),
// the stored standardisation bias and scale, and embed_vision's projection
// to the text width.
struct Gemma4VisionShape {
    std::int64_t layers = 0;        // num_hidden_layers
    std::int64_t hidden = 0;        // hidden_size
    std::int64_t intermediate = 0;  // intermediate_size
    std::int64_t headDim = 0;       // head_dim
    std::int64_t patch = 0;         // patch_size
    std::int64_t positionTable = 0; // position_embedding_size
    bool standardize = false;       // standardize: std_bias and std_scale are stored
    std::int64_t textHidden = 0;
};
std::int64_t gemma4VisionParameters(const Gemma4VisionShape &s);

// Llama 4's encoder: an unbiased unfold-and-linear patch embedding, a class
// embedding, a position per patch plus the class token, LayerNorms before and
// after, pre-norm blocks with biased q/k/v/o and fc1/fc2, the pixel-shuffle
// adapter (intermediate -> projector input -> projector output, no biases)
// and the multi-modal projector (vision output -> text hidden, no bias).
struct Llama4VisionShape {
    std::int64_t layers = 0;          // num_hidden_layers
    std::int64_t hidden = 0;          // hidden_size
    std::int64_t intermediate = 0;    // intermediate_size
    std::int64_t channels = 3;        // num_channels
    std::int64_t patch = 0;           // patch_size
    std::int64_t image = 0;           // image_size
    std::int64_t projectorInput = 0;  // projector_input_dim
    std::int64_t projectorOutput = 0; // projector_output_dim
    std::int64_t visionOutput = 0;    // vision_output_dim
    std::int64_t textHidden = 0;
};
std::int64_t llama4VisionParameters(const Llama4VisionShape &s);

// Mistral 3's Pixtral encoder: an unbiased Conv2d patch embedding, ln_pre,
// RoPE blocks of RMSNorms, unbiased q/k/v/o and a gated MLP; then the
// projector's norm, the patch merger over spatialMerge^2 patches and two
// unbiased linears to the text width.
struct PixtralVisionShape {
    std::int64_t layers = 0;       // num_hidden_layers
    std::int64_t hidden = 0;       // hidden_size
    std::int64_t intermediate = 0; // intermediate_size
    std::int64_t channels = 3;     // num_channels
    std::int64_t patch = 0;        // patch_size
    std::int64_t spatialMerge = 0; // spatial_merge_size (top level)
    std::int64_t textHidden = 0;
};
std::int64_t pixtralVisionParameters(const PixtralVisionShape &s);

// Kimi K2.5's MoonViT (vision_config vt_*): a biased Conv2d patch embedding,
// a learned 2-D position table (init_pos_emb_height x width; the temporal
// table is a fixed sin-cos buffer, not stored), pre-norm blocks of LayerNorms,
// fused biased wqkv and wo, biased fc0/fc1, a final LayerNorm; then the
// PatchMergerMLP projector: pre_norm over mm_hidden_size, a linear over the
// merge kernel's patches and one to the language model's width, both biased.
struct MoonVitShape {
    std::int64_t layers = 0;         // vt_num_hidden_layers
    std::int64_t hidden = 0;         // vt_hidden_size
    std::int64_t intermediate = 0;   // vt_intermediate_size
    std::int64_t patch = 0;          // patch_size
    std::int64_t positionHeight = 0; // init_pos_emb_height
    std::int64_t positionWidth = 0;  // init_pos_emb_width
    std::int64_t mergedPatches = 0;  // merge_kernel_size[0] x merge_kernel_size[1]
    std::int64_t textHidden = 0;     // text_hidden_size
};
std::int64_t moonVitParameters(const MoonVitShape &s);

} // namespace planner
