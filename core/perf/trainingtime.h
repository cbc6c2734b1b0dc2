#pragma once
// How long a training or fine-tuning run takes on a cluster.
//
// One optimizer step processes the global batch. Each GPU's compute is its
// share of the step's FLOPs — per token 2 x active parameters per forward pass
// plus causal attention, times the passes the method runs (full training:
// forward + 2 for backward; LoRA/QLoRA skip the frozen weights' gradients: 1
// backward; full recomputation adds a forward) — each operation at its own
// rate: the linear layers at the matmul precision's peak (BF16, or FP8 / FP4
// with their share) times a GEMM efficiency that grows with the rows of a
// micro-batch (tokens per expert for routed experts), attention at the BF16
// peak times its share. Added to it, per micro-batch: tensor-parallel
// collectives (4 all-reduce equivalents per layer, 6 with full recomputation)
// and expert-parallel all-to-alls (dispatch and combine, forward and
// backward), of which the share the frameworks do not overlap is exposed;
// context-parallel ring attention's key-value exchange (3 passes of the other
// ranks' keys and values), hidden behind the attention it feeds; the
// pipeline bubble (p - 1) / (v m) (Narayanan et al. 2021, "Efficient
// Large-Scale Language Model Training on GPU Clusters Using Megatron-LM",
// sec. 2.2); and the part of the data-parallel gradient reduction (ZeRO-3:
// 1.5x its volume, for the parameter gathers; ZeRO paper sec. 7) that does
// not overlap the last micro-batch's backward pass.
//
// MFU counts model FLOPs only (no recomputation), against the BF16 peak
// whatever the matmul precision, as the published MFUs do.

#include "core/memory/trainingmemory.h"
#include "core/perf/perfmodel.h"
#include "core/util/problem.h"

#include <cstdint>
#include <string>
#include <vector>

namespace planner {

struct TrainingRunRequest {
    TrainingRequest setup;       // model, GPU, counts, layout, sharding, method, sequence length, micro-batch
    LinkPath tensorParallelLink; // inside a server
    // Among a context- or expert-parallel group; left empty (no bandwidth)
    // they are the tensor-parallel path.
    LinkPath contextParallelLink;
    LinkPath expertParallelLink;
    LinkPath pipelineLink;                 // between the servers of a pipeline
    LinkPath dataParallelLink;             // per GPU, between data-parallel replicas (usually across servers)
    std::int64_t globalBatchSequences = 0; // per optimizer step; 0 = one micro-batch per replica
    double tokens = 0;                     // tokens to train on
};

struct TrainingRunPoint {
    double tokensPerSecond = 0;
    double mfu = 0;                  // model FLOPs utilisation, 0..1
    double hardwareTflopsPerGpu = 0; // what each GPU computes, recomputation included
    double seconds = 0;              // for all the tokens
    double gpuHours = 0;
};

struct TrainingRunEstimate {
    bool fits = false; // from the memory engine; no timing when false
    TrainingRunPoint nominal;
    TrainingRunPoint pessimistic;
    TrainingRunPoint optimistic;
    double modelFlopsPerToken = 0;     // 6 x active parameters + attention (full training)
    double hardwareFlopsPerToken = 0;  // what the method really computes, recomputation included
    double stepSeconds = 0;            // nominal
    double computeSeconds = 0;         // of a step, nominal
    double tensorParallelSeconds = 0;  // exposed tensor- and expert-parallel collectives
    double contextParallelSeconds = 0; // exposed ring-attention exchange
    double dataParallelSeconds = 0;    // exposed, not overlapped
    double bubbleFraction = 0;
    std::int64_t microBatchesPerStep = 0;
    int dataParallelRanks = 1;
};

// The calibrated training terms, fitted by `training-accuracy --fit` to the
// published runs in tests/fixtures/measurements/training (see
// trainingtime.cpp for the fit's date and error). The GPU family's compute
// factor (speedtable.h, fitted to serving) scales compute and attention.
struct TrainingSpeedTerms {
    double compute = 0.6;   // share of the matmul peak large GEMMs keep in a training step
    double attention = 0.5; // share of the BF16 peak attention kernels keep
    double fp8Share = 0.8;  // share of `compute` FP8 GEMMs keep of the FP8 peak
    double fp4Share = 0.6;  // the same for FP4
    double gemmHalfTokens = 0;
    double network = 0.75;
    double exposedCommunication = 0.5; // tensor- and expert-parallel traffic not overlapped
    // The range: a step takes between these times the nominal (the 5th and
    // 95th percentiles of measured / predicted step time over the fit).
    double fasterBound = 0.8;
    double slowerBound = 1.25;
    std::string source; // what the terms were fitted to
};
const TrainingSpeedTerms &shippedTrainingTerms();
TrainingRunEstimate estimateTrainingRun(const TrainingRunRequest &request, const TrainingSpeedTerms &terms);

std::vector<Problem> validate(const TrainingRunRequest &request);
TrainingRunEstimate estimateTrainingRun(const TrainingRunRequest &request);

} // namespace planner
