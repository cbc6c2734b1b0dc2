#pragma once
// The layer stacks of config.json files whose layers differ from one another:
// per-layer attention lists (layer_types, attn_type_list,
// full_attention_interval), linear attention (Qwen3-Next / Qwen3.5 Gated
// DeltaNet, MiniMax-M1 lightning attention), Nemotron-H's Mamba-2 pattern and
// DeepSeek Sparse Attention's indexer. Each reader fills ModelSpec fields and
// reports through the ConfigReader, like the rest of the importer.

#include "core/model/hybridpattern.h"
#include "core/model/modelspec.h"
#include "database/hfconfigreader.h"

#include <string>

namespace planner {

// layer_types as ModelSpec::layerPattern letters: full_attention F,
// sliding_attention S, chunked_attention C, linear_attention L. Empty when the
// key is absent (after reporting a malformed list).
std::string readLayerTypes(ConfigReader &reader, std::int64_t layers);

// Qwen3-Next / Qwen3.5: layer_types, else full_attention_interval (every n-th
// layer full, the rest Gated DeltaNet), and the linear_* head settings.
void readGatedDeltaNetLayers(ConfigReader &reader, ModelSpec &spec);

// MiniMax-M1 / MiniMax-Text-01: attn_type_list (0 lightning, 1 softmax) or
// layer_types; lightning layers use the softmax layers' head count and width.
void readLightningLayers(ConfigReader &reader, ModelSpec &spec);

// Nemotron-H: hybrid_override_pattern (M Mamba-2, * attention, - MLP), one
// mixer or one MLP per layer, and the Mamba-2 settings.
void readNemotronHLayers(ConfigReader &reader, ModelSpec &spec);

// Llama 4's text_config: chunked local attention (attention_chunk_size) on
// the RoPE layers and full NoPE attention where no_rope_layers holds 0 (or
// layer_types), a top-k MoE with one shared expert on the moe_layers (or
// every interleave_moe_layer_step-th layer), dense layers of
// intermediate_size_mlp between them.
void readLlama4Layers(ConfigReader &text, ModelSpec &spec);

// DeepSeek-V3.2 / GLM-5: index_n_heads, index_head_dim, index_topk.
void readSparseAttention(ConfigReader &reader, ModelSpec &spec);

// mamba_ssm_dtype (Qwen3.5) or mamba_ssm_cache_dtype (Nemotron-H) as bits;
// `fallback` when the key is absent (the config class's own default).
int readStateDtypeBits(ConfigReader &reader, const char *key, int fallback);

} // namespace planner
