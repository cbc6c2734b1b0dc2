#pragma once
// How long a training or fine-tuning run takes on a cluster.
//
// One optimizer step processes the global batch. Each GPU's compute is its
// share of the step's FLOPs — per token 2 x active parameters per forward pass
// plus causal attention, times the passes the method runs (full training:
// forward + 2 for backward; LoRA/QLoRA skip the frozen weights' gradients: 1
// backward; activation checkpointing adds a forward) — at the achievable
// fraction of the GPU's BF16 peak. Added to it: tensor-parallel all-reduces
// (4 per layer per micro-batch, forward and backward), the pipeline bubble
// (p - 1) / m (Narayanan et al. 2021, "Efficient Large-Scale Language Model
// Training on GPU Clusters Using Megatron-LM", sec. 2.2), and the part of the
// data-parallel gradient reduction (ZeRO-3: 1.5x its volume, for the
// parameter gathers; ZeRO paper sec. 7) that does not overlap the last
// micro-batch's backward pass.
//
// MFU counts model FLOPs only (no recomputation), against the BF16 peak.

#include "core/memory/trainingmemory.h"
#include "core/perf/perfmodel.h"
#include "core/util/problem.h"

#include <cstdint>
#include <string>
#include <vector>

namespace planner {

struct TrainingRunRequest {
    TrainingRequest setup;                 // model, GPU, counts, TP/PP, ZeRO, method, sequence length, micro-batch
    LinkPath tensorParallelLink;           // inside a server
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
    double modelFlopsPerToken = 0;    // 6 x active parameters + attention (full training)
    double hardwareFlopsPerToken = 0; // what the method really computes, recomputation included
    double stepSeconds = 0;           // nominal
    double computeSeconds = 0;        // of a step, nominal
    double tensorParallelSeconds = 0;
    double dataParallelSeconds = 0; // exposed, not overlapped
    double bubbleFraction = 0;
    std::int64_t microBatchesPerStep = 0;
    int dataParallelRanks = 1;
};

// Achievable fraction of BF16 peak in training, with its sources.
const EfficiencyRange &trainingEfficiency();

std::vector<Problem> validate(const TrainingRunRequest &request);
TrainingRunEstimate estimateTrainingRun(const TrainingRunRequest &request);

} // namespace planner
