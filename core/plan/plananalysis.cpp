#include "core/plan/plananalysis.h"

#include "core/util/text.h"

#include <algorithm>
#include <cmath>

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

Message simulationComparison(const VersionEstimate &v, const PlanWorkload &w, const RateSweep &sweep)
{
    if (sweep.points.empty())
        return {};
    const std::string simulated = plainNumber(std::round(sweep.maxRatePerSecond * 100) / 100);
    if (!w.byRequestRate)
        return {QT_TRANSLATE_NOOP(
                    "Core", "The verdict judges the plan's %1 sequences at once with the analytical model; "
                            "under Poisson arrivals the simulation keeps p99 within the targets up to %2 requests/s."),
                {std::to_string(w.concurrency), simulated}};
    const std::string rate = plainNumber(w.requestsPerSecond);
    const bool simulationServes = sweep.maxRatePerSecond >= w.requestsPerSecond;
    if (v.verdict.serves == Answer::Yes && simulationServes)
        return {QT_TRANSLATE_NOOP("Core",
                                  "The verdict and the simulation agree: %1 requests/s is served (the simulation "
                                  "keeps p99 within the targets up to %2 requests/s)."),
                {rate, simulated}};
    if (v.verdict.serves == Answer::Yes)
        return {QT_TRANSLATE_NOOP("Core",
                                  "The verdict says %1 requests/s is served: it uses the analytical model at the "
                                  "mean load. Under Poisson bursts the simulation keeps p99 within the targets "
                                  "only up to %2 requests/s: near saturation, queueing adds latency the verdict "
                                  "does not count. Plan headroom."),
                {rate, simulated}};
    if (simulationServes)
        return {QT_TRANSLATE_NOOP(
                    "Core", "The verdict says %1 requests/s is not served (%3): it uses the analytical "
                            "model at the mean load, which is the conservative answer. The simulation, "
                            "batching requests as they arrive, keeps p99 within the targets up to %2 requests/s."),
                {rate, simulated, v.verdict.reason.text()}};
    return {QT_TRANSLATE_NOOP("Core",
                              "The verdict and the simulation agree: %1 requests/s is not served (the simulation "
                              "keeps p99 within the targets up to %2 requests/s)."),
            {rate, simulated}};
}

RateSweep latencyByRate(const VersionEstimate &estimate, const PlanWorkload &workload, std::int64_t requests,
                        std::stop_token stop)
{
    RateSweep sweep;
    if (!estimate.request || !estimate.speed)
        return sweep;
    SimulationConfig config = simulationFor(*estimate.request, workload, requests);
    config.stop = stop;
    if (!validate(config).empty())
        return sweep;
    const MaxRateResult best = findMaxRate(config);
    if (stop.stop_requested())
        return {};
    sweep.maxRatePerSecond = best.ratePerSecond;
    // Without a rate that meets the SLOs, show the rates the nominal throughput suggests.
    const double scale = best.ratePerSecond > 0 ? best.ratePerSecond : estimate.requestsPerSecond;
    if (!(scale > 0))
        return sweep;
    // The share of a large fleet the requests can load, as findMaxRate simulated it.
    FleetShare share = loadableShare(config);
    for (double fraction : {0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5}) {
        const double rate = fraction * scale;
        share.config.ratePerSecond = rate / share.rateScale;
        const SimulationResult run = fraction == 1.0 && best.ratePerSecond > 0 ? best.atRate : simulate(share.config);
        if (stop.stop_requested())
            return {};
        if (run.valid)
            sweep.points.push_back(pointOf(run, rate));
    }
    return sweep;
}

std::optional<PlanBreakEven> planBreakEven(const std::vector<ScenarioEstimate> &estimates)
{
    std::optional<std::size_t> onPrem;
    std::optional<std::size_t> cloud;
    for (std::size_t i = 0; i < estimates.size(); ++i) {
        const ScenarioEstimate &e = estimates[i];
        // A scenario whose cost is unknown (a GPU or instance without a price) is not compared.
        if (!e.cluster.problem.empty() || e.cluster.gpuCount == 0 || !(e.cost.monthlyTotalUsd > 0)
            || e.costCompleteness == CostCompleteness::Unknown)
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
