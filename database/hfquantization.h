#pragma once
// The weight format a Hugging Face config.json says its checkpoint is stored
// in: quantization_config (FP8 per tensor or in DeepSeek's 128x128 blocks,
// AWQ, GPTQ, MXFP4, compressed-tensors, ModelOpt NVFP4/FP8) with the modules
// it leaves unquantized, else the dtype. Returns a planner weight format id
// (core/model/precision.h), or empty after reporting through the reader.

#include "database/hfconfigreader.h"

#include <string>

namespace planner {

std::string readCheckpointFormat(ConfigReader &reader);

} // namespace planner
