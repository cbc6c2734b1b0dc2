#pragma once
// The sizes no real model comes near, for every way a model enters the
// planner (config.json, GGUF, a plan file, the user's catalogue): a value
// beyond them is a typo or a corrupted file, and refusing it keeps core's
// 64-bit parameter and byte arithmetic far from overflow.

#include "core/model/modelspec.h"

#include <vector>

namespace planner {

// No released model has a dimension, head, layer or expert count near ten
// million.
inline constexpr double kMaxModelDimension = 1e7;
// Context lengths run to ~10M tokens (Llama 4 Scout); headroom, not nonsense.
inline constexpr double kMaxModelContext = 1e9;
// The largest published models have ~2e12 parameters.
inline constexpr double kMaxModelParameters = 1e15;
// The largest released recurrent state (Nemotron-H-56B) is 4.2e6 elements per layer.
inline constexpr double kMaxLayerStateElements = 1e12;

// Upper bounds in floating point, for a spec whose every dimension is within
// kMaxModelDimension: products of several such values overflow int64.
double parameterUpperBound(const ModelSpec &spec);
double recurrentStateUpperBound(const ModelSpec &spec);

// Each size over its bound, naming the config.json key; empty for a model
// that could exist. validate() includes these.
std::vector<Problem> implausibleSizes(const ModelSpec &spec);

} // namespace planner
