#pragma once
// Bytes of a whole model's weights in a storage format: the size of its
// checkpoint (safetensors or GGUF) and the weight memory of one unsplit copy.

#include "core/model/modelspec.h"
#include "core/model/parametercount.h"
#include "core/model/precision.h"
#include "core/units/units.h"

namespace planner {

// includeMtp: DeepSeek checkpoints store the MTP module with its own copy of
// the embedding and output head (layer 61 of the published files). A vision
// encoder is always included, in the format's unquantized precision.
units::Bytes checkpointBytes(const ModelSpec &spec, const WeightFormat &format, bool includeMtp = false);

// Bytes of one layer's (or a sum of layers') weights on one GPU, by role: sharded tensors divided
// over the tensor-parallel (attention) ranks, replicated ones whole, routed
// experts over the expert-parallel ranks when EP > 1.
double layerWeightBytes(const ModelSpec &spec, const LayerParameters &layer, const WeightFormat &format,
                        int tensorParallel, int attentionParallel, int expertParallel);

} // namespace planner
