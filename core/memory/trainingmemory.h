#pragma once
// Per-GPU memory of training and fine-tuning.
//
// Model states (ZeRO paper, Rajbhandari et al. 2020, sec. 3.1): with mixed
// precision each trained parameter holds a 16-bit weight and gradient plus K
// bytes of optimizer state (FP32 master weight and the optimizer's moments):
// AdamW K = 12 (16 bytes per parameter in all), 8-bit Adam K = 6, Lion and SGD
// with momentum K = 8. ZeRO stage 1 partitions the optimizer states over the
// data-parallel ranks, stage 2 the gradients too, stage 3 the weights too.
//
// Activations (Korthikanti et al. 2022, "Reducing Activation Recomputation in
// Large Transformer Models", sec. 4.1), generalised from their 34sbh + 5as^2b
// per layer to GQA/MLA widths and gated MLPs, in 16-bit, without dropout masks
// and with flash attention (no s x s scores kept):
//   attention 2sbh + 4sb(q) + 4sb(kv) + 2sbh,  MLP 2sbh + 8sb(i) (gated),
//   norms 4sbh,  divided by the tensor-parallel size (sequence parallelism).
// The pipeline's first stage keeps p micro-batches in flight, so a GPU holds
// all L layers' worth (ibid., sec. 4.2.3). With full activation checkpointing a
// layer keeps only its 2sbh input, plus one layer recomputed in full.
// Logits: s x b x vocab in BF16 plus an FP32 copy for the cross-entropy (the
// Hugging Face Trainer's loss), or BF16 only with a chunked cross-entropy
// (torchtune's CEWithChunkedOutputLoss, Liger kernels) that upcasts one chunk
// at a time.

#include "core/hardware/gpuspec.h"
#include "core/memory/inferencememory.h"
#include "core/model/modelspec.h"
#include "core/model/precision.h"
#include "core/units/units.h"
#include "core/util/problem.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

enum class TrainingMethod { Full, Lora, Qlora };
enum class Optimizer { AdamW, Adam8bit, Lion, SgdMomentum };
enum class LoraTargets { Attention, AllLinear };

struct TrainingRequest {
    ModelSpec model;
    GpuSpec gpu;
    int gpuCount = 1;
    Parallelism parallel; // tensor and pipeline; the rest of the GPUs are data parallel
    int zeroStage = 0;    // 0..3
    TrainingMethod method = TrainingMethod::Full;
    Optimizer optimizer = Optimizer::AdamW;
    std::int64_t sequenceLength = 4096;
    std::int64_t microBatch = 1;
    bool activationCheckpointing = false;
    int loraRank = 16;
    LoraTargets loraTargets = LoraTargets::AllLinear;
    bool chunkedCrossEntropy = false;
    // CUDA context, cuBLAS/NCCL workspaces and allocator fragmentation per GPU.
    units::Bytes runtimeOverhead = units::gibibytes(1.0);
};

struct TrainingMemoryEstimate {
    units::Bytes weights = units::bytes(0);
    units::Bytes gradients = units::bytes(0);
    units::Bytes optimizerStates = units::bytes(0); // master weights included
    units::Bytes activations = units::bytes(0);
    units::Bytes overhead = units::bytes(0);
    units::Bytes capacity = units::bytes(0);
    std::int64_t trainableParameters = 0;
    int dataParallelRanks = 1;
    bool fits = false;
    units::Bytes shortfall = units::bytes(0);
    std::int64_t maxMicroBatch = 0;     // at this sequence length
    std::int64_t maxSequenceLength = 0; // at this micro-batch, capped by the model

    units::Bytes total() const { return weights + gradients + optimizerStates + activations + overhead; }
};

std::vector<Problem> validate(const TrainingRequest &request);
TrainingMemoryEstimate estimateTrainingMemory(const TrainingRequest &request);

// Optimizer state bytes per trained parameter (K above), FP32 master included.
double optimizerStateBytes(Optimizer optimizer);
// LoRA adapter parameters for a rank and target set, over all layers.
std::int64_t loraParameters(const ModelSpec &spec, int rank, LoraTargets targets);

std::string_view toString(TrainingMethod method);
std::string_view toString(Optimizer optimizer);

} // namespace planner
