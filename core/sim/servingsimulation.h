#pragma once
// A discrete-event simulation of a serving engine under a stream of requests:
// what the analytical perf model cannot say about queueing, batching and the
// KV cache running out.
//
// Each data-parallel replica runs continuous batching with chunked prefill, as
// vLLM's scheduler does: a step takes every running decode sequence (one token
// each), then continues the prefills in progress and admits waiting requests,
// in arrival order, until the step's token budget is spent. The step lasts
// what StepCostModel::cost says for exactly that load; the cost model is built
// once per simulation, so a step costs a few hundred floating-point operations.
//
// KV cache: paged in blocks of engine.kvBlockTokens. A request is admitted when
// its whole prompt's blocks are free (first come, first served: the head of
// the queue blocks those behind it). A decode that needs a new block when none
// is free preempts the most recently admitted sequence (vLLM's recompute
// policy): it frees its blocks and goes back to the front of the queue, to
// prefill its prompt and the tokens it has produced again. A request whose
// prompt and output together can never fit in one replica's cache, or which
// exceeds the model's context, is rejected on arrival instead of cycling
// through preemptions forever.
//
// Disaggregated serving (the request's prefillPool): prompts run on the
// prefill pool (its own StepCostModel and replicas); a finished prefill
// produces the first token and sends its KV cache to the decode pool, each GPU
// its own share over its own link (kvTransferSeconds: prompt tokens x KV bytes
// per token per GPU / link bandwidth + latency). The prefill side frees its
// blocks at hand-off (a staging buffer holds the copy in flight).
//
// Prefix cache: an admitted prompt's first prefixCacheHitRate x its tokens
// are taken as cached (computed no more, their blocks held all the same).
//
// Time is a double in seconds inside the loop and a units::Seconds quantity at
// the API. Ties between events at the same instant are broken by the order in
// which they were scheduled, so a run is a pure function of its config.
//
// Percentiles interpolate linearly between order statistics (the "type 7"
// definition, numpy's default): p50 of {1, 2, 3, 4} is 2.5.

#include "core/perf/perfmodel.h"
#include "core/resolve/deployment.h"
#include "core/sim/servingworkload.h"
#include "core/units/units.h"
#include "core/util/problem.h"

#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace planner {

enum class ArrivalPattern {
    Poisson,    // open loop at ratePerSecond
    ClosedLoop, // `concurrency` clients, each sending its next request when the last one ends
    Trace       // the recorded arrivals and lengths of `trace`
};

enum class Routing { RoundRobin, LeastLoaded };

// What findMaxRate requires of a rate.
enum class MaxRateCriterion {
    Percentile99, // p99 TTFT and p99 TPOT within their SLOs
    Goodput99     // at least 99 % of the requests meet both SLOs
};

struct SimulationConfig {
    // The deployment and its links (the decode pool where it has a prefill
    // pool), its prefix-cache hit rate; its inputTokens, outputTokens and
    // concurrency are not used.
    PerfRequest request;
    ArrivalPattern arrivals = ArrivalPattern::Poisson;
    double ratePerSecond = 1.0;    // Poisson: requests per second over all replicas
    std::int64_t concurrency = 1;  // closed loop: requests in the system at once
    std::vector<TraceEntry> trace; // trace: every entry is replayed; `requests` is not used
    LengthDistribution inputLength = LengthDistribution::fixed(512);
    LengthDistribution outputLength = LengthDistribution::fixed(128);
    std::int64_t requests = 1000;
    std::uint64_t seed = 1;
    units::Seconds ttftSlo = units::seconds(2);
    units::Seconds tpotSlo = units::seconds(0.1);
    std::int64_t tokenBudget = 0;         // per step and replica; 0: engine.maxBatchedTokens, or 8192
    std::int64_t maxRunningSequences = 0; // per replica; 0: the engine's limit (runningSequenceLimit), or 256
    Routing routing = Routing::LeastLoaded;
    std::optional<Efficiency> efficiency; // default: efficiencyFor(engine, gpu).nominal
    int timeSeriesPoints = 256;           // most points of the KV-utilisation series
    MaxRateCriterion maxRateCriterion = MaxRateCriterion::Percentile99;
    // A search's run: end as soon as enough requests have missed an SLO that
    // maxRateCriterion is missed whatever the rest do (the result then has
    // valid == false and missedCriterion == true; a search needs no figures
    // of a rate it rejects).
    bool endOnceCriterionMissed = false;
    // Once stop is requested (a newer edit made this run stale) a simulation
    // ends at its next event with valid == false, and findMaxRate runs no more.
    std::stop_token stop;
};

// The lengths a simulation's deployment is resolved for (core/resolve): the
// mean input and output, and as the longest sequence the long draws (or the
// trace's longest request).
WorkloadShape workloadShape(const SimulationConfig &config);

struct LatencySummary {
    units::Seconds mean = units::seconds(0);
    units::Seconds p50 = units::seconds(0);
    units::Seconds p90 = units::seconds(0);
    units::Seconds p99 = units::seconds(0);
    units::Seconds max = units::seconds(0);
};

struct RequestOutcome {
    units::Seconds arrival = units::seconds(0);
    std::int64_t inputTokens = 0;
    std::int64_t outputTokens = 0;
    bool completed = false;                  // false: rejected
    units::Seconds ttft = units::seconds(0); // arrival -> first output token
    units::Seconds tpot = units::seconds(0); // mean gap between its later tokens (0 for one token)
    units::Seconds e2e = units::seconds(0);  // arrival -> last token
    int preemptions = 0;
    bool metSlo = false;
};

// KV-cache use over one span of simulated time, all replicas together.
struct KvSample {
    units::Seconds time = units::seconds(0); // start of the span
    double utilisation = 0;                  // time-weighted mean over the span, 0-1
    double peak = 0;                         // highest value within the span
};

struct SimulationResult {
    bool valid = false;           // false: validate() found problems and nothing was simulated
    bool missedCriterion = false; // ended early by endOnceCriterionMissed (valid is false)
    std::int64_t requests = 0;
    std::int64_t completed = 0;
    std::int64_t rejected = 0;    // could never fit (see the design note)
    std::int64_t preemptions = 0; // sequences sent back to the queue
    std::int64_t steps = 0;       // forward steps over all replicas
    LatencySummary ttft;          // completed requests
    LatencySummary tpot;          // completed requests with more than one output token
    LatencySummary e2e;
    double outputTokensPerSecond = 0; // completed requests' tokens over the duration
    double inputTokensPerSecond = 0;
    double goodputPerSecond = 0;  // requests per second meeting both SLOs
    double sloAttainment = 0;     // share of all requests meeting both SLOs
    double kvUtilisationMean = 0; // time-weighted over the duration
    double kvUtilisationPeak = 0;
    std::vector<KvSample> kvSeries;
    double meanInSystem = 0;                     // time-averaged requests arrived and not yet finished
    units::Seconds duration = units::seconds(0); // time 0 to the last event
    std::int64_t kvCapacityTokens = 0;           // per replica (decode group), whole blocks
    int replicas = 0;                            // decode (or only) group
    int prefillReplicas = 0;                     // disaggregated prefill group; 0 otherwise
    std::vector<RequestOutcome> perRequest;      // in request order (trace order for a trace)
};

// One message per problem (empty when the config can be simulated).
std::vector<Problem> validate(const SimulationConfig &config);

// The step-cost model a simulation uses for the (decode) group: sized for the
// config's engine limits and a long request of its workload.
StepCostModel simulationStepModel(const SimulationConfig &config);
std::int64_t effectiveTokenBudget(const SimulationConfig &config);
std::int64_t effectiveMaxRunning(const SimulationConfig &config);

// Runs the simulation; an invalid config gives valid == false and zeros.
SimulationResult simulate(const SimulationConfig &config);

struct MaxRateResult {
    double ratePerSecond = 0; // 0 when even a tiny rate misses the SLO
    int simulations = 0;
    SimulationResult atRate; // the run at ratePerSecond (empty when 0)
};

// What a search for the highest sustainable rate must simulate to reach
// steady state. A run too short for its replicas' sequence slots ends before
// a saturated replica's queue builds up, so it passes rates the replica
// cannot sustain: Llama 3.1 8B on one H100 under vLLM (256 slots) passed
// 16.9 requests/s with 600 requests, 14.4 with 1,000, 12.7 with 2,500 and
// 12.1 with 5,000 or 20,000 (2026-12-07); and a 512-replica fleet simulated
// with 600 requests passed 4e10 requests/s. So every search runs at least
// kRequestsPerSlot requests per slot of the replicas it simulates, and a
// fleet with more slots than the requests fill is simulated in part: least-
// loaded routing spreads Poisson arrivals evenly, so a share of the replicas
// at the same share of the rate sees the fleet's queueing (8 H100s, one
// Llama 3.1 8B each: one replica's 12.1 requests/s times 8 is 97, the whole
// fleet simulated with 80,000 requests 99.8; the share errs on the slow side,
// pooling fewer replicas). `config` holds the share and its request count,
// `rateScale` how many times its rate the whole fleet takes. Traces and
// disaggregated pairs are simulated as given (rateScale 1).
struct FleetShare {
    SimulationConfig config;
    double rateScale = 1;
};
inline constexpr std::int64_t kRequestsPerSlot = 10;
FleetShare loadableShare(const SimulationConfig &config);

// The largest Poisson rate meeting config.maxRateCriterion, to about 1 %:
// doubling or halving from a first guess to bracket it, then bisection. All
// runs share the config's seed, so arrival times only scale with the rate.
// It simulates loadableShare(config) and answers for the whole fleet;
// atRate is the run of that share (atRate.replicas says how many).
MaxRateResult findMaxRate(const SimulationConfig &config);

} // namespace planner
