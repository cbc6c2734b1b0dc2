#pragma once
// A scenario that trains or fine-tunes the plan's model versions on its drawn
// cluster instead of serving them (user stories 4 and 5: "does QLoRA fit on
// one RTX 3090?", "how many A100 nodes for 1 T tokens in a month?").
//
// The settings say how the run is laid out and what it computes; the
// cluster gives the GPU type, the GPU count and the links. Each version's
// outcome is the memory engine's per-GPU breakdown (core/memory/
// trainingmemory.h) and, when it fits, the time engine's run
// (core/perf/trainingtime.h): tokens/s, MFU, days and GPU-hours with their
// range. With a deadline, the fewest servers like the drawn ones that finish
// the tokens in time is searched for by re-estimating the run on more or
// fewer of them (over the drawn path between servers).

#include "core/memory/trainingmemory.h"
#include "core/perf/trainingtime.h"
#include "core/topology/cluster.h"
#include "core/util/message.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace planner {

struct TrainingSettings {
    TrainingMethod method = TrainingMethod::Full;
    Optimizer optimizer = Optimizer::AdamW;
    OptimizerSharding sharding = kDefaultSharding;
    TrainingPrecision precision = TrainingPrecision::Bf16;
    Recompute recompute = Recompute::None;
    PipelineSchedule schedule = PipelineSchedule::OneFOneB;
    int tensorParallel = 1;
    int pipelineParallel = 1;
    int expertParallel = 1;
    int contextParallel = 1;
    int virtualStages = 1;
    int loraRank = 16;
    LoraTargets loraTargets = LoraTargets::AllLinear;
    std::int64_t sequenceLength = 4096;
    std::int64_t microBatch = 1;
    std::int64_t globalBatch = 0; // sequences per optimizer step; 0: one micro-batch per data-parallel rank
    double tokens = 1e9;          // to train on
    double deadlineDays = 0;      // finish within; 0: no deadline

    bool operator==(const TrainingSettings &) const = default;
};

// The most GPUs the deadline search tries (DeepSeek-V3's 2,048 H800 and
// Llama 3's 16,384 H100 are within it).
constexpr int kMaxDeadlineSearchGpus = 65536;

enum class DeadlineSizing {
    NotAsked,
    Found,
    NoneFinishes,         // no count up to kMaxDeadlineSearchGpus (or the global batch's) makes it
    NoPathBetweenServers, // one server drawn: no network to scale over
};

struct TrainingOutcome {
    TrainingRunRequest run;        // what was estimated: model, GPU, count, layout, links
    TrainingMemoryEstimate memory; // per GPU
    // When it fits and every figure is known.
    std::optional<TrainingRunEstimate> time;
    // What the run costs on the scenario's hardware for its nominal time (its
    // share of the on-prem build's monthly cost, the instances' hours);
    // nullopt: no time, or a GPU or an instance has no price.
    std::optional<double> runCostUsd;
    std::optional<double> usdPerMillionTokens; // the run's cost over the tokens it trains on
    bool costIsLowerBound = false;
    // With a deadline: the fewest servers like the drawn ones (their GPUs,
    // links inside and between them) that finish in time.
    double deadlineDays = 0; // 0: none asked for
    DeadlineSizing deadlineSizing = DeadlineSizing::NotAsked;
    int serversForDeadline = 0; // when Found
    int gpusPerServer = 0;
};

// The request the cluster runs: its GPU type and count, the settings' layout
// and run, and the links Megatron's rank order places each group on.
TrainingRunRequest trainingRunFor(const ModelSpec &model, const Cluster &cluster, const TrainingSettings &settings);
// The links of a run's groups on a cluster: tensor-parallel inside a server,
// context-parallel next to it (TP x CP GPUs), expert-parallel, pipeline and
// data-parallel over what their groups span.
void placeTrainingLinks(TrainingRunRequest &run, const Cluster &cluster);

// The problems that keep a run from being estimated (an invalid layout, a GPU
// without a 16-bit rate, a cluster without GPUs, a negative deadline); empty
// when it can be.
std::vector<Problem> trainingProblems(const TrainingRunRequest &run, const Cluster &cluster, double deadlineDays);

// Memory and time of one version's run; the verdict's fits is the memory's,
// its serves whether the run finishes by the deadline (Yes without one).
TrainingOutcome estimateTraining(const TrainingRunRequest &run, const Cluster &cluster, double deadlineDays);

// The run re-estimated on `servers` servers like the drawn ones (their GPUs,
// the links inside and between them); nullopt when the layout or the global
// batch does not divide that many GPUs, or no GPU type is drawn.
std::optional<TrainingRunEstimate> runOnServers(const TrainingRunRequest &drawn, const Cluster &cluster, int servers);

// One point of how a run scales with the servers it is given.
struct TrainingScalePoint {
    int servers = 0;
    int gpus = 0;
    double days = 0;
    double gpuHours = 0;
    // The drawn run's cost per server-hour times this many server-hours (each
    // server brings its share of links and switches); nullopt when the drawn
    // run's cost is unknown.
    std::optional<double> runCostUsd;
    bool fits = false;
};

// The run on server counts from one to four times the drawn count (or to
// past the deadline's count), at most `maxPoints` of them, spaced evenly on
// a logarithmic scale; only counts the layout and the global batch allow.
// The drawn count is always among them. One point when one server is drawn
// (no network to scale over).
std::vector<TrainingScalePoint> trainingScaling(const TrainingOutcome &drawn, const Cluster &cluster,
                                                int maxPoints = 24);

// "not_asked", "found", "none_finishes", "no_path_between_servers".
std::string_view toString(DeadlineSizing sizing);

// How a run's layout extras and sharding read, each part its own sentence:
// "CP 2", "VPP 4", "DualPipe", "EP 8", "FP8 matmuls", "selective
// recomputation", "ZeRO-1 (distributed optimizer)", "LoRA rank 16".
std::vector<Message> trainingSetupParts(const TrainingRequest &request);

} // namespace planner
