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

// Exact tensor lists and totals: tests/fixtures/hf/derivations (gemma-3.md,
// gemma-4-26B-A4B.md, llama-4.md, mistral-small-3.1.md).

namespace {

// A pre-norm ViT block with biases everywhere: two LayerNorms, q/k/v (fused
// or not) and the output projection, a two-layer MLP (SigLIP, MoonViT).
std::int64_t biasedVitBlock(std::int64_t h, std::int64_t mlp)
{
    return 4 * (h * h + h) // q, k, v, out with biases
           + h * mlp + mlp // fc1
           + mlp * h + h   // fc2
           + 2 * 2 * h;    // two LayerNorms (weight and bias)
}

} // namespace

std::int64_t siglipVisionParameters(const SiglipVisionShape &s)
{
    const std::int64_t h = s.hidden;
    const std::int64_t positions = s.patch > 0 ? (s.image / s.patch) * (s.image / s.patch) : 0;
    const std::int64_t embeddings = s.channels * s.patch * s.patch * h + h + positions * h;
    const std::int64_t projector = h * s.textHidden + h; // mm_input_projection, mm_soft_emb_norm
    return embeddings + s.layers * biasedVitBlock(h, s.intermediate) + 2 * h + projector;
}

// Exact tensor list and totals: tests/fixtures/hf/derivations/kimi-k25.md.
std::int64_t moonVitParameters(const MoonVitShape &s)
{
    const std::int64_t h = s.hidden;
    const std::int64_t embeddings = 3 * s.patch * s.patch * h + h + s.positionHeight * s.positionWidth * h;
    const std::int64_t merged = h * s.mergedPatches;
    const std::int64_t projector = 2 * h + merged * merged + merged + merged * s.textHidden + s.textHidden;
    return embeddings + s.layers * biasedVitBlock(h, s.intermediate) + 2 * h + projector;
}

std::int64_t gemma4VisionParameters(const Gemma4VisionShape &s)
{
    const std::int64_t h = s.hidden;
    const std::int64_t embeddings = 3 * s.patch * s.patch * h + 2 * s.positionTable * h;
    const std::int64_t block = 4 * h * h + 2 * s.headDim + 3 * h * s.intermediate + 4 * h;
    const std::int64_t standardisation = s.standardize ? 2 * h : 0;
    return embeddings + s.layers * block + standardisation + h * s.textHidden;
}

std::int64_t llama4VisionParameters(const Llama4VisionShape &s)
{
    const std::int64_t h = s.hidden;
    const std::int64_t mlp = s.intermediate;
    const std::int64_t positions = s.patch > 0 ? (s.image / s.patch) * (s.image / s.patch) + 1 : 0;
    const std::int64_t embeddings = s.channels * s.patch * s.patch * h + h + positions * h + 2 * 2 * h;
    const std::int64_t block = 4 * (h * h + h) + h * mlp + mlp + mlp * h + h + 2 * 2 * h;
    const std::int64_t adapter = mlp * s.projectorInput + s.projectorOutput * s.projectorOutput;
    return embeddings + s.layers * block + adapter + s.visionOutput * s.textHidden;
}

std::int64_t pixtralVisionParameters(const PixtralVisionShape &s)
{
    const std::int64_t h = s.hidden;
    const std::int64_t embeddings = s.channels * s.patch * s.patch * h + h; // patch_conv, ln_pre
    const std::int64_t block = 4 * h * h + 3 * h * s.intermediate + 2 * h;
    const std::int64_t merged = h * s.spatialMerge * s.spatialMerge;
    const std::int64_t projector = h + merged * h + h * s.textHidden + s.textHidden * s.textHidden;
    return embeddings + s.layers * block + projector;
}

} // namespace planner
