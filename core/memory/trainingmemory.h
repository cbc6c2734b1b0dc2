#pragma once
// Per-GPU memory of training and fine-tuning.
//
// Model states (ZeRO paper, Rajbhandari et al. 2020, sec. 3.1): with mixed
// precision each trained parameter holds a 16-bit weight and gradient plus K
// bytes of optimizer state (FP32 master weight and the optimizer's moments):
// AdamW K = 12 (16 bytes per parameter in all), 8-bit Adam K = 6, Lion and SGD
// with momentum K = 8. ZeRO stage 1 (Megatron's distributed optimizer)
// partitions the optimizer states over the data-parallel ranks (with context
// parallelism, over data x context ranks, as Megatron's optimizer group is),
// stage 2 the gradients too, stage 3 (FSDP) the weights too.
//
// Parallelism as Megatron-Core lays it out: tensor parallelism splits every
// layer's weights and, with sequence parallelism, its activations; pipeline
// stages split the layers; context parallelism splits each sequence's tokens
// (and so the activations); expert parallelism places each routed expert on
// one of `ep` ranks whole (expert tensor parallelism 1, as the published MoE
// recipes run it), so a rank holds routed experts / ep of each MoE layer and
// their optimizer states are sharded over the ranks holding the same experts.
//
// Activations (Korthikanti et al. 2022, "Reducing Activation Recomputation in
// Large Transformer Models", sec. 4.1), generalised from their 34sbh + 5as^2b
// per layer to GQA/MLA widths and gated MLPs, in 16-bit, without dropout masks
// and with flash attention (no s x s scores kept):
//   attention 2sbh + 4sb(q) + 4sb(kv) + 2sbh,  MLP 2sbh + 8sb(i) (gated),
//   norms 4sbh,  divided by the tensor-parallel size (sequence parallelism).
// The pipeline's first stage keeps p micro-batches in flight, so a GPU holds
// all L layers' worth, and (1 + (p - 1) / (p v)) times that with v interleaved
// virtual stages (ibid., sec. 4.2.3). Selective recomputation drops only the
// attention scores (ibid., sec. 5), which flash attention never stores, so it
// holds what no recomputation holds. With full recomputation a layer keeps
// only its 2sbh input, plus one layer recomputed in full.
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
// Activation recomputation (Megatron --recompute-granularity).
enum class Recompute { None, Selective, Full };
// How the model states are sharded over the data-parallel ranks. Zero1 is
// Megatron's distributed optimizer; Fsdp shards like Zero3.
enum class OptimizerSharding { None, Zero1, Zero2, Zero3, Fsdp };
// Where the linear layers' matmuls run: BF16, or FP8 (Transformer Engine's
// recipes); attention, norms and the optimizer stay in higher precision.
enum class TrainingPrecision { Bf16, Fp8 };
// How pipeline stages interleave micro-batches: Megatron's 1F1B (with
// virtualStages > 1, interleaved), or DeepSeek's DualPipe (DeepSeek-V3
// technical report, arXiv 2412.19437, sec. 3.2.1 and table 2): micro-batches
// fed from both ends of the pipeline, each rank holding two copies of its
// stage's parameters and PP + 1 micro-batches of activations, with the
// expert-parallel all-to-all hidden behind computation.
enum class PipelineSchedule { OneFOneB, DualPipe };

// The default sharding of every training estimate (`fit` and `train` alike):
// the distributed optimizer, as Megatron-Core and NeMo run by default.
constexpr OptimizerSharding kDefaultSharding = OptimizerSharding::Zero1;

struct TrainingRequest {
    ModelSpec model;
    GpuSpec gpu;
    int gpuCount = 1;
    Parallelism parallel;    // tensor, pipeline and expert sizes; the rest of the GPUs are data parallel
    int contextParallel = 1; // ranks each sequence's tokens are split over
    int virtualStages = 1;   // interleaved pipeline: model chunks per pipeline rank
    PipelineSchedule schedule = PipelineSchedule::OneFOneB;
    OptimizerSharding sharding = kDefaultSharding;
    TrainingPrecision precision = TrainingPrecision::Bf16;
    TrainingMethod method = TrainingMethod::Full;
    Optimizer optimizer = Optimizer::AdamW;
    std::int64_t sequenceLength = 4096;
    std::int64_t microBatch = 1;
    Recompute recompute = Recompute::None;
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
    int dataParallelRanks = 1; // gpus / (tp x pp x cp)
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
std::string_view toString(Recompute recompute);         // "none", "selective", "full"
std::string_view toString(OptimizerSharding sharding);  // "none", "zero1", "zero2", "zero3", "fsdp"
std::string_view toString(TrainingPrecision precision); // "bf16", "fp8"
std::string_view toString(PipelineSchedule schedule);   // "1f1b", "dualpipe"
std::string_view toString(LoraTargets targets);         // "all", "attention"
// 0..3: the ZeRO stage a sharding amounts to (FSDP: 3).
int zeroStageOf(OptimizerSharding sharding);
// Data-parallel ranks of a request: gpus / (tp x pp x cp), at least 1.
int dataParallelRanks(const TrainingRequest &request);

} // namespace planner
