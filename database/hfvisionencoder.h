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

} // namespace planner
