#pragma once
// Encoder-only serving (BERT for classification or embeddings): a request is
// one forward pass over its input, with no decode phase, so the figures are
// requests per second and the latency of a pass, batch by batch. Each pass is
// the perf model's prefill step (perfmodel.h) with bidirectional attention
// (every token attends to the whole input) and the pooler as the head; the
// memory engine holds no KV cache for it.
//
// Latency is the engine's time for one pass (what TensorRT's BERT demo and
// trtexec report); queueing for a batch to fill and host copies are not in it.

#include "core/perf/perfmodel.h"

#include <cstdint>
#include <vector>

namespace planner {

struct EncoderBatchPoint {
    std::int64_t batch = 0; // sequences per forward pass on one replica
    bool fits = false;      // the memory engine's verdict at this batch; no timing when false
    units::Seconds latency = units::seconds(0);
    units::Seconds latencyFastest = units::seconds(0);
    units::Seconds latencySlowest = units::seconds(0);
    double requestsPerSecond = 0; // all replicas, nominal
    double requestsPerSecondLow = 0;
    double requestsPerSecondHigh = 0;
    Bound bound = Bound::Compute;
};

struct EncoderEstimate {
    int replicas = 0;
    std::vector<EncoderBatchPoint> points; // batches 1, 2, 4, ... up to the largest asked for
};

// The efficiency range of an encoder pass: the user's own (PerfRequest::
// efficiency) when set; else, for the TensorRT engine on a GPU whose
// published BERT tables the planner was fitted to (T4, L4, L40S), that fit;
// else the generic range (perfmodel.h), which the T4 measurements show to be
// too fast for power-capped cards.
EfficiencyRange encoderEfficiency(const PerfRequest &request);

// Why generation estimates (TTFT, TPOT, the serving simulator, the build
// search, a plan's verdict) refuse an encoder-only model.
Message encoderOnlyMessage(const ModelSpec &model);

// Problems of the request for encoder serving (a decoder model, a sequence
// longer than the position table, a batch below 1), besides validate(PerfRequest)'s.
std::vector<Problem> validateEncoder(const PerfRequest &request, std::int64_t sequenceTokens,
                                     std::int64_t largestBatch);

// One pass over `batch` sequences of `sequenceTokens` on one replica, at one
// efficiency (what calibration fits against); 0 when it does not fit.
units::Seconds encoderPassTime(const PerfRequest &request, std::int64_t sequenceTokens, std::int64_t batch,
                               const Efficiency &efficiency);

// Points at batches 1, 2, 4, ... and `largestBatch` itself, each at
// `sequenceTokens` tokens per request (padded inputs, as engines batch them).
EncoderEstimate estimateEncoder(const PerfRequest &request, std::int64_t sequenceTokens, std::int64_t largestBatch);

} // namespace planner
