#pragma once
// DeepSeek-V4's config.json (model_type deepseek_v4): per-layer KV
// compression (compress_ratios), the single-head attention with its grouped
// low-rank output, the lightning indexer, mHC's residual copies, hash-routed
// MoE layers and the FP4-expert checkpoint. The arithmetic behind each key is
// in tests/fixtures/hf/derivations/deepseek-v4.md.

#include "core/model/modelspec.h"
#include "database/hfconfigreader.h"

namespace planner {

// The attention half: head_dim, the ranks and groups, sliding_window,
// compress_ratios as S / X / H layer letters, the indexer, hc_mult.
void readDeepseekV4Attention(ConfigReader &reader, ModelSpec &spec);

// The MoE half: routed and shared experts (n_shared_experts must be 1, as
// model.py asserts), num_hash_layers, the MTP block sharing the main
// embedding and head.
void readDeepseekV4Moe(ConfigReader &reader, ModelSpec &spec);

// expert_dtype next to the FP8 quantization_config: "fp4" for the released
// FP4 + FP8 checkpoints, "fp8" for the -Base ones (every linear weight FP8).
std::string readDeepseekV4CheckpointFormat(ConfigReader &reader, const std::string &quantizedFormat);

} // namespace planner
