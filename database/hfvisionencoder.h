#pragma once
// The image encoder of a vision-language config.json (vision_config), counted
// tensor by tensor so a checkpoint's total can be checked exactly. The
// language model is read elsewhere (hfconfigimporter.cpp).

#include "database/hfconfigreader.h"

#include <cstdint>

namespace planner {

// Qwen3.5's vision_config, counted by core's qwenVisionParameters(). Returns 0
// after reporting a problem.
std::int64_t readQwenVisionEncoder(ConfigReader &vision);

// The other encoders with their projectors to the language model's width
// (textHidden), counted by core/model/visionencoder.h; each returns 0 after
// reporting a problem or an option whose tensors are not counted.
std::int64_t readSiglipVisionEncoder(ConfigReader &vision, std::int64_t textHidden); // Gemma 3
std::int64_t readGemma4VisionEncoder(ConfigReader &vision, std::int64_t textHidden);
std::int64_t readLlama4VisionEncoder(ConfigReader &vision, std::int64_t textHidden);
std::int64_t readMoonVitEncoder(ConfigReader &vision, std::int64_t textHidden); // Kimi K2.5
// Mistral 3: spatial_merge_size is a key of the top-level config.
std::int64_t readPixtralVisionEncoder(ConfigReader &vision, std::int64_t spatialMerge, std::int64_t textHidden);

} // namespace planner
