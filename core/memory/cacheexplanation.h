#pragma once
// Why a deployment's KV cache is the size it is, in sentences the command-line
// tool, the Inspector and the proposal can show: how many layers keep a cache
// and what a token costs there, what the windowed layers cap, the fixed state
// of linear-attention and Mamba layers, and sparse attention's index keys.

#include "core/memory/inferencememory.h"
#include "core/model/modelspec.h"
#include "core/util/message.h"

#include <vector>

namespace planner {

// One Message per layer kind the most loaded GPU holds something for;
// empty when its stage keeps neither a cache nor a state.
std::vector<Message> explainCache(const ModelSpec &model, const InferenceMemoryEstimate &estimate);

} // namespace planner
