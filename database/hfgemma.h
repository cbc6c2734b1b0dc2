#pragma once
// Gemma 3 and Gemma 4 language models (the text_config of gemma3 / gemma4,
// or a gemma3_text config): five sliding-window layers to one full layer,
// norms around both halves of every layer, per-head q/k norms, and Gemma 4's
// wider full-attention heads and expert block beside the dense MLP.

#include "core/model/modelspec.h"
#include "database/hfconfigreader.h"

namespace planner {

// Fills in the Gemma3TextConfig defaults Google's configs rely on
// (vocab_size, head_dim, max_position_embeddings, sliding_window,
// tie_word_embeddings) before the common keys are read.
void applyGemma3Defaults(ConfigReader &text, bool multimodal);

// Everything after the common keys: heads, layer pattern, norms, MLP and
// (Gemma 4) experts. Refuses the options whose tensors or cache are not
// modelled (per-layer input embeddings, shared KV layers, double-wide MLPs).
void readGemmaText(ConfigReader &text, bool gemma4, ModelSpec &spec);

} // namespace planner
