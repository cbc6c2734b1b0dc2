#pragma once
// Build recommendations: the cheapest hardware that serves one or more model
// versions at a stated load within a latency SLO.
//
// For every hardware option (an on-prem server template or a cloud instance,
// a "unit") and every way to run one replica of a model on it — tensor x
// pipeline (x expert) parallelism inside one unit, or pipeline stages across
// whole units; each allowed weight and KV-cache format — the search
//  1. sizes memory: one replica must hold at least one sequence of input +
//     output tokens, or the layout is ruled out by memory;
//  2. finds the largest concurrency per replica whose TTFT and TPOT meet the
//     SLO (both grow with concurrency, so a bisection finds it), or the
//     layout is ruled out by latency;
//  3. sizes the fleet: replicas = ceil(peak rate / what one replica serves
//     within the SLO) plus spare replicas, packed into units (first-fit
//     decreasing), plus spare units;
//  4. costs it with the cost model; the cost per million tokens is at the
//     average (not the peak) rate, the tokens the fleet actually serves.
// Fleets over the budget are ruled out by budget. What remains is ranked by
// monthly total cost (which, the served tokens being the same for every
// build, is also the ranking by cost per million tokens) or by cash over the
// horizon, and the Pareto front of cost against end-to-end latency is marked.
//
// Several model versions sharing one cluster: each takes its cheapest replica
// layout on the option and their replicas are packed into the same units.
// With a single model every cost/latency trade-off of an option is kept.
//
// Latencies are the analytical model's (no queueing): at the operating point
// the search reports TTFT and TPOT at the concurrency Little's law gives for
// the average rate. `llm-planner-cli simulate` checks a chosen build under
// bursty arrivals.

#include "core/cost/costmodel.h"
#include "core/hardware/gpuspec.h"
#include "core/memory/engineprofile.h"
#include "core/model/modelspec.h"
#include "core/model/precision.h"
#include "core/perf/perfmodel.h"
#include "core/units/units.h"
#include "core/util/problem.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planner {

enum class Placement { OnPrem, Cloud };

// One unit the search can buy or rent any number of.
struct HardwareOption {
    Placement placement = Placement::OnPrem;
    std::string id;
    std::string name;
    std::string provider; // cloud provider, or the server's vendor
    GpuSpec gpu;
    int gpusPerUnit = 1;
    PerfLinks inside; // among the GPUs of one unit
    // Per GPU, from one unit to another; zero bandwidth: a replica cannot span units.
    LinkPath between;
    OnPremBuild unitBuild;           // on-prem: one unit's bill of materials
    std::optional<double> hourlyUsd; // cloud: one unit in `tier`; nullopt: no price in that tier
    CloudTier tier = CloudTier::OnDemand;
    std::string priceNote; // where and when the price was published
};

// One model version and the load it must serve.
struct ServiceLoad {
    ModelSpec model;
    std::int64_t inputTokens = 1024;
    std::int64_t outputTokens = 256;
    double requestsPerSecond = 1;
    units::Seconds ttftSlo = units::seconds(2);
    units::Seconds tpotSlo = units::seconds(0.1);
};

struct SearchConstraints {
    bool onPrem = true;
    bool cloud = true;
    std::vector<std::string> vendors;    // allowed GPU vendors (case-insensitive); empty: all
    std::optional<double> maxMonthlyUsd; // budget on the monthly total
    std::optional<double> maxCapexUsd;   // budget on on-prem capital
    double minWeightBits = 0;            // e.g. 8 rules out INT4 and FP4 weights
};

struct CapacityPolicy {
    double peakFactor = 1.0; // size for this multiple of the average rate
    int spareReplicas = 0;   // N+k replicas of every model
    int spareUnits = 0;      // N+k servers or instances
};

enum class RankBy { MonthlyCost, HorizonCash };

struct RecommendRequest {
    std::vector<ServiceLoad> loads;
    EngineProfile engine = defaultEngineProfile();
    // Formats to try; empty: defaultWeightFormats / defaultKvFormats.
    std::vector<WeightFormat> weightFormats;
    std::vector<KvCacheFormat> kvFormats;
    SearchConstraints constraints;
    CapacityPolicy capacity;
    CostAssumptions costs;
    RankBy rankBy = RankBy::MonthlyCost;
    // Judge the SLO at the slowest plausible efficiency instead of the nominal.
    bool pessimistic = false;
    int maxUnitsPerReplica = 8; // pipeline stages across units, at most
};

// How one model runs on the option, and how many replicas of it.
struct ReplicaPlan {
    std::string modelId;
    Parallelism parallel;
    int gpusPerReplica = 1;
    std::string weightFormat;
    std::string kvFormat;
    int replicas = 0;                            // spares included
    std::int64_t sloConcurrency = 0;             // per replica: the most the SLO allows
    std::int64_t memoryConcurrency = 0;          // per replica: the most memory holds
    double capacityRequestsPerSecond = 0;        // all replicas but the spares, within the SLO
    std::int64_t operatingConcurrency = 0;       // per replica at the average rate
    PerfPoint atLoad;                            // TTFT, TPOT (per replica) at the average rate
    units::Seconds endToEnd = units::seconds(0); // TTFT + (output - 1) x TPOT at the average rate
};

struct Recommendation {
    HardwareOption option;
    int units = 0;
    int gpus = 0;
    std::vector<ReplicaPlan> plans; // one per ServiceLoad, in the request's order
    CostEstimate cost;
    units::Seconds worstEndToEnd = units::seconds(0);
    bool paretoOptimal = false;    // no cheaper build is as fast
    bool costIsLowerBound = false; // some part has no price
};

// The most replicas of one model the recommender plans. A fleet beyond it is
// a cloud-scale service rather than a hardware purchase, and the cap keeps
// the search's bin packing fast and its counts within int.
inline constexpr int kMaxReplicasPerModel = 1024;

// How many candidates each constraint removed; with an empty result the
// message names the binding one.
struct RuledOut {
    int filtered = 0; // placement or vendor not allowed
    int unpriced = 0; // no GPU price (on-prem) or no price in the tier (cloud)
    int memory = 0;   // layouts that cannot hold one sequence
    int latency = 0;  // layouts that fit but miss the SLO even alone
    int budget = 0;   // fleets over the budget
    int scale = 0;    // layouts that would need more than kMaxReplicasPerModel replicas
    // The nearest misses, for the message.
    std::optional<double> fastestTtftSeconds;
    std::optional<double> fastestTpotSeconds;
    std::string fastestLayout;
    std::optional<double> cheapestOverBudgetUsd;
};

struct RecommendResult {
    std::vector<Recommendation> ranked;      // cheapest first
    std::int64_t layoutsEvaluated = 0;       // option x parallelism x formats x model
    std::int64_t performanceEvaluations = 0; // TTFT/TPOT points computed
    std::int64_t buildsCosted = 0;
    RuledOut ruledOut;
    std::optional<size_t> bestOnPrem; // indices into ranked
    std::optional<size_t> bestCloud;
    std::optional<int> breakEvenMonth; // best on-prem against best cloud
    // Empty when there are candidates; otherwise which constraint ruled them out.
    std::string noCandidateReason;
};

// Formats a serving engine would run the model in: its checkpoint format, FP8,
// INT8 and AWQ INT4 weights; BF16 and FP8 KV cache.
std::vector<WeightFormat> defaultWeightFormats(const ModelSpec &model);
std::vector<KvCacheFormat> defaultKvFormats();

std::vector<Problem> validate(const RecommendRequest &request);
RecommendResult recommend(const RecommendRequest &request, const std::vector<HardwareOption> &options);

std::string toString(Placement placement);
std::string describeParallelism(const Parallelism &parallel);

} // namespace planner
