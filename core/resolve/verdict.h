#pragma once
// One verdict per deployment and load, computed here and shown as it is by
// the Summary, the charts, the PDF proposal and `llm-planner-cli evaluate`.
//
// - Fits: the weights, one sequence of the longest context and the engine's
//   overhead fit the most loaded GPU.
// - Serves: the load fits in the sequences the deployment holds at once and
//   both latency targets are met there. With a request rate, the sequences
//   the load needs at once are the fewest whose throughput (the performance
//   model's nominal point, Little's law) reaches the rate; with a
//   concurrency, the concurrency itself. The deployment holds what memory
//   holds at one request's input + output tokens per sequence (paged KV
//   cache), capped by the engine's running-sequence limit per replica.
//   With a prefill pool, the decode pool holds the sequences and the pair's
//   rate is capped by the prompts per second the pool computes.
// - Unknown: a figure is missing (the GPU's memory, bandwidth or tensor rate
//   in the catalogue) or the request is invalid; the reason names it. An
//   unknown is never shown as 0 or as met.
// The verdict is the analytical model's: it ignores queueing, which the
// serving simulation (Under load) adds; near saturation the two can differ.

#include "core/memory/inferencememory.h"
#include "core/perf/perfmodel.h"
#include "core/util/message.h"

#include <cstdint>
#include <optional>
#include <string>

namespace planner {

enum class Answer { Yes, No, Unknown };

struct Verdict {
    Answer fits = Answer::Unknown;
    Answer serves = Answer::Unknown;
    // The binding reason when it does not fit or serve, or is unknown:
    // "does-not-fit", "prefill-does-not-fit" (a prefill pool's GPUs do not
    // hold one prompt), "memory-sequences", "engine-sequences", "throughput",
    // "prefill-throughput", "ttft", "tpot", "missing-figure",
    // "cannot-estimate"; for a training run "training-deadline" (it fits
    // but does not finish by the deadline); empty when it serves.
    std::string code;
    Message reason;
};

// The load one deployment must serve and its latency targets.
struct ServingTarget {
    bool byRequestRate = false;
    double requestsPerSecond = 0;
    std::int64_t concurrency = 1;
    double ttftSloSeconds = 2;
    double tpotSloSeconds = 0.1;
};

// The most sequences a deployment runs at once: what its memory holds, or the
// engine's running-sequence limit per replica when that is lower.
struct SequenceLimit {
    std::int64_t sequences = 0;
    bool engineBound = false;
};
SequenceLimit sequencesHeld(const InferenceMemoryEstimate &memory, const EngineProfile &engine, const GpuSpec &gpu);

struct ServingJudgement {
    Verdict verdict; // fits is Yes: the caller checked it
    SequenceLimit held;
    std::optional<std::int64_t> needed;    // sequences the load needs at once; nullopt: no concurrency serves the rate
    std::int64_t operatingConcurrency = 1; // the needed sequences, or all it holds when that is fewer
};

// Judges a deployment that fits: `request` is sized at one request's input +
// output tokens per sequence; `memory` is its estimate there (one sequence).
ServingJudgement judgeServing(const PerfRequest &request, const InferenceMemoryEstimate &memory,
                              const ServingTarget &target);

std::string_view toString(Answer answer);

} // namespace planner
