#include "core/plan/plananalysis.h"

#include <algorithm>

namespace planner {

namespace {

SimulationConfig simulationFor(const PerfRequest &request, const PlanWorkload &w, std::int64_t requests)
{
    SimulationConfig config;
    config.request = request;
    config.inputLength = LengthDistribution::fixed(w.inputTokens);
    config.outputLength = LengthDistribution::fixed(w.outputTokens);
    config.requests = requests;
    config.ttftSlo = units::seconds(w.ttftSloSeconds);
    config.tpotSlo = units::seconds(w.tpotSloSeconds);
    return config;
}

RatePoint pointOf(const SimulationResult &run, double rate)
{
    return {rate, run.ttft, run.tpot, run.sloAttainment};
}

} // namespace

RateSweep latencyByRate(const VersionEstimate &estimate, const PlanWorkload &workload, std::int64_t requests)
{
    RateSweep sweep;
    if (!estimate.request || !estimate.speed)
        return sweep;
    SimulationConfig config = simulationFor(*estimate.request, workload, requests);
    if (!validate(config).empty())
        return sweep;
    const MaxRateResult best = findMaxRate(config);
    sweep.maxRatePerSecond = best.ratePerSecond;
    // Without a rate that meets the SLOs, show the rates the nominal throughput suggests.
    const double scale = best.ratePerSecond > 0 ? best.ratePerSecond : estimate.requestsPerSecond;
    if (!(scale > 0))
        return sweep;
    for (double share : {0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5}) {
        config.ratePerSecond = share * scale;
        const SimulationResult run = share == 1.0 && best.ratePerSecond > 0 ? best.atRate : simulate(config);
        if (run.valid)
            sweep.points.push_back(pointOf(run, config.ratePerSecond));
    }
    return sweep;
}

std::optional<PlanBreakEven> planBreakEven(const std::vector<ScenarioEstimate> &estimates)
{
    std::optional<std::size_t> onPrem;
    std::optional<std::size_t> cloud;
    for (std::size_t i = 0; i < estimates.size(); ++i) {
        const ScenarioEstimate &e = estimates[i];
        if (!e.cluster.problem.empty() || e.cluster.gpuCount == 0 || !(e.cost.monthlyTotalUsd > 0))
            continue;
        std::optional<std::size_t> &cheapest = e.cluster.cloud ? cloud : onPrem;
        if (!cheapest || e.cost.monthlyTotalUsd < estimates[*cheapest].cost.monthlyTotalUsd)
            cheapest = i;
    }
    if (!onPrem || !cloud)
        return std::nullopt;
    return PlanBreakEven{*onPrem, *cloud, breakEvenMonth(estimates[*onPrem].cost, estimates[*cloud].cost)};
}

} // namespace planner
