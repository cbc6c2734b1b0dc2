#pragma once
// What the analysis charts and the proposal draw beyond the plan's estimates:
// a model version's latency percentiles against the request rate from the
// serving simulation, and the break-even between the plan's on-prem and cloud
// scenarios. (Throughput against concurrency and TTFT against input length
// are concurrencyCurve and inputLengthCurve in core/perf/perfmodel.h; memory
// and cost come with every VersionEstimate and ScenarioEstimate.)

#include "core/plan/planevaluation.h"
#include "core/sim/servingsimulation.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace planner {

struct RatePoint {
    double ratePerSecond = 0;
    LatencySummary ttft;
    LatencySummary tpot;
    double sloAttainment = 0; // share of requests meeting both SLOs
};

struct RateSweep {
    double maxRatePerSecond = 0;   // the most that keeps p99 within both SLOs (0: none does)
    std::vector<RatePoint> points; // ascending rate, up to 1.5x the maximum
};

// Simulates the version's deployment (est.request) under Poisson arrivals of
// the plan's input and output lengths, at least `requests` requests per run
// (loadableShare() raises it to steady state and simulates a share of a large
// fleet): first the maximum rate meeting the SLOs at the 99th percentile,
// then the rates around it. Empty when the version has no estimate.
// An empty sweep when `stop` is requested before it ends.
inline constexpr std::int64_t kSweepRequests = 600;
RateSweep latencyByRate(const VersionEstimate &estimate, const PlanWorkload &workload,
                        std::int64_t requests = kSweepRequests, std::stop_token stop = {});

// The verdict is the analytical model's (the load's mean, no queueing); the
// simulation adds Poisson bursts and queueing. This sentence says whether the
// two agree on the plan's load and, when they do not, which one the verdict
// uses and why, for the Under load chart.
Message simulationComparison(const VersionEstimate &estimate, const PlanWorkload &workload, const RateSweep &sweep);

struct PlanBreakEven {
    std::size_t onPremScenario = 0; // the on-prem scenario with the lowest monthly total
    std::size_t cloudScenario = 0;  // the cloud scenario with the lowest monthly total
    std::optional<int> month;       // when buying has cost less in cash; nullopt: not within the horizon
};

// nullopt unless the plan has both an on-prem and a cloud scenario that can be
// estimated and whose cost is known (a lower bound counts).
std::optional<PlanBreakEven> planBreakEven(const std::vector<ScenarioEstimate> &estimates);

} // namespace planner
