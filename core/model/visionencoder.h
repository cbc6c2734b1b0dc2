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

} // namespace planner
