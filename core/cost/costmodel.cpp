#include "core/cost/costmodel.h"

#include "core/util/text.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace planner {

namespace {

constexpr double kHoursPerMonth = 8760.0 / 12.0;
constexpr double kSecondsPerMonth = kHoursPerMonth * 3600.0;

// Wall power of a build in kW: the server's rated draw where known, else the
// parts' TDP, at the average share of it, times PUE.
double wallKilowatts(const OnPremBuild &build, const CostAssumptions &a)
{
    double watts = 0;
    if (build.serverWatts) {
        watts = *build.serverWatts * build.servers;
    } else {
        for (const BomLine &line : build.lines)
            watts += line.unitWatts * line.quantity;
    }
    return watts / 1000.0 * a.averageDrawShare.value * a.pue.value;
}

void finish(CostEstimate &e, double upfront, const CostAssumptions &a, const ServedTokens &tokens)
{
    e.monthlyOpexUsd = e.monthlyPowerUsd + e.monthlyMaintenanceUsd + e.monthlyColocationUsd + e.monthlyCloudUsd;
    e.monthlyTotalUsd = e.monthlyOpexUsd + e.monthlyAmortisationUsd;
    const int horizon = static_cast<int>(std::lround(a.horizonMonths.value));
    e.cumulativeUsdByMonth.resize(static_cast<size_t>(std::max(horizon, 0)) + 1);
    for (int month = 0; month <= horizon; ++month)
        e.cumulativeUsdByMonth[static_cast<size_t>(month)] = upfront + month * e.monthlyOpexUsd;
    e.totalOverHorizonUsd = e.cumulativeUsdByMonth.back();
    if (tokens.outputPerSecond > 0)
        e.usdPerMillionOutputTokens = usdPerMillionTokens(e.monthlyTotalUsd, tokens.outputPerSecond);
    if (tokens.inputPerSecond > 0)
        e.usdPerMillionInputTokens = usdPerMillionTokens(e.monthlyTotalUsd, tokens.inputPerSecond);
}

} // namespace

double usdPerMillionTokens(double monthlyUsd, double tokensPerSecond)
{
    return tokensPerSecond > 0 ? monthlyUsd / (tokensPerSecond * kSecondsPerMonth / 1e6) : 0;
}

BomLine chassisLine(const ServerTemplate &server, int quantity)
{
    BomLine chassis{server.id, server.name + " chassis and integration", quantity, std::nullopt, 0, {}};
    if (server.chassisPrice) {
        chassis.unitUsd = server.chassisPrice->usd;
        chassis.priceSource = server.source + " (" + server.chassisPrice->date + ")";
    }
    return chassis;
}

OnPremBuild repeated(const OnPremBuild &oneServer, int servers)
{
    OnPremBuild build = oneServer;
    build.servers = oneServer.servers * servers;
    for (BomLine &line : build.lines)
        line.quantity *= servers;
    return build;
}

CostEstimate onPremCost(const OnPremBuild &build, const CostAssumptions &a, const ServedTokens &tokens)
{
    CostEstimate e;
    for (const BomLine &line : build.lines) {
        if (line.unitUsd)
            e.capexUsd += *line.unitUsd * line.quantity;
        else if (line.quantity > 0)
            e.unpricedParts.push_back(line.name.empty() ? line.id : line.name);
    }
    e.capexUsd += a.integrationUsdPerServer.value * build.servers;
    e.monthlyAmortisationUsd = e.capexUsd / (a.amortisationYears.value * 12.0);
    e.averagePowerKw = wallKilowatts(build, a);
    e.monthlyPowerUsd = e.averagePowerKw * kHoursPerMonth * a.electricityUsdPerKwh.value;
    e.monthlyMaintenanceUsd = e.capexUsd * a.maintenanceSharePerYear.value / 12.0;
    // Colocation is billed on the IT load, before PUE.
    e.monthlyColocationUsd = e.averagePowerKw / a.pue.value * a.colocationUsdPerKwMonth.value;
    finish(e, e.capexUsd, a, tokens);
    return e;
}

CostEstimate cloudCost(double hourlyUsd, int instances, CloudTier tier, const CostAssumptions &a,
                       const ServedTokens &tokens)
{
    CostEstimate e;
    const bool committed = tier == CloudTier::Reserved1Year || tier == CloudTier::Reserved3Year;
    const double hours = committed ? kHoursPerMonth : std::min(a.cloudHoursPerMonth.value, kHoursPerMonth);
    e.monthlyCloudUsd = hourlyUsd * hours * instances;
    finish(e, 0, a, tokens);
    return e;
}

std::optional<double> hourlyPrice(const CloudInstance &instance, CloudTier tier)
{
    const std::optional<units::UsdPerSecond> *price = nullptr;
    switch (tier) {
    case CloudTier::OnDemand: price = &instance.onDemand; break;
    case CloudTier::Reserved1Year: price = &instance.reserved1Year; break;
    case CloudTier::Reserved3Year: price = &instance.reserved3Year; break;
    case CloudTier::Spot: price = &instance.spot; break;
    }
    if (!price || !*price)
        return std::nullopt;
    return units::inUsdPerHour(**price);
}

std::optional<int> breakEvenMonth(const CostEstimate &onPrem, const CostEstimate &cloud)
{
    const size_t months = std::min(onPrem.cumulativeUsdByMonth.size(), cloud.cumulativeUsdByMonth.size());
    for (size_t month = 1; month < months; ++month)
        if (onPrem.cumulativeUsdByMonth[month] <= cloud.cumulativeUsdByMonth[month])
            return static_cast<int>(month);
    return std::nullopt;
}

TrainingRunCost trainingRunCost(double gpuHours, const OnPremBuild &build, int gpusInBuild, double cloudHourlyUsd,
                                int gpusPerInstance, const CostAssumptions &a)
{
    TrainingRunCost cost;
    if (gpuHours <= 0 || gpusInBuild <= 0 || gpusPerInstance <= 0)
        return cost;
    // On-prem: the run occupies the build for gpuHours / gpus hours, paying
    // that share of the amortisation, power and maintenance.
    const CostEstimate monthly = onPremCost(build, a, {});
    const double hours = gpuHours / gpusInBuild;
    cost.onPremUsd = monthly.monthlyTotalUsd / kHoursPerMonth * hours;
    cost.cloudUsd = cloudHourlyUsd * gpuHours / gpusPerInstance;
    return cost;
}

const CostAssumptionRange &rangeOf(CostAssumption CostAssumptions::*member)
{
    const auto found = std::find_if(kCostAssumptionRanges.begin(), kCostAssumptionRanges.end(),
                                    [member](const CostAssumptionRange &r) { return r.member == member; });
    assert(found != kCostAssumptionRanges.end());
    return *found;
}

std::vector<Problem> validate(const CostAssumptions &a)
{
    ProblemList problems("invalid-cost-assumption");
    for (const CostAssumptionRange &range : kCostAssumptionRanges) {
        const double value = (a.*range.member).value;
        if (!(value >= range.minimum && value <= range.maximum))
            problems.add(range.option, range.outOfRange,
                         {plainNumber(range.minimum), plainNumber(range.maximum), plainNumber(value)});
    }
    return problems.take();
}

std::string toString(CloudTier tier)
{
    switch (tier) {
    case CloudTier::OnDemand: return "on-demand";
    case CloudTier::Reserved1Year: return "1y";
    case CloudTier::Reserved3Year: return "3y";
    case CloudTier::Spot: return "spot";
    }
    return "?";
}

} // namespace planner
