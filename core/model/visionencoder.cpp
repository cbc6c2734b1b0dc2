#include "core/model/visionencoder.h"

namespace planner {

std::int64_t qwenVisionParameters(const QwenVisionShape &s)
{
    const std::int64_t h = s.hidden;
    const std::int64_t mlp = s.intermediate;
    const std::int64_t patchEmbedding = s.inChannels * s.temporalPatch * s.patch * s.patch * h + h;
    const std::int64_t block = 2 * 2 * h           // norm1, norm2 (weight and bias)
                               + 3 * h * h + 3 * h // attn.qkv
                               + h * h + h         // attn.proj
                               + h * mlp + mlp     // mlp.linear_fc1
                               + mlp * h + h;      // mlp.linear_fc2
    const std::int64_t merged = h * s.spatialMerge * s.spatialMerge;
    const std::int64_t merger = 2 * h + merged * merged + merged + merged * s.outHidden + s.outHidden;
    return patchEmbedding + s.positionEmbeddings * h + s.depth * block + merger;
}

} // namespace planner
