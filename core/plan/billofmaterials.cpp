#include "core/plan/billofmaterials.h"

#include "core/plan/planevaluation.h"

#include <algorithm>

namespace planner {

namespace {

// Identical lines of several servers become one line with their summed quantity.
void addMerged(std::vector<BillLine> &lines, const BomLine &bom)
{
    const auto same = std::find_if(lines.begin(), lines.end(), [&bom](const BillLine &line) {
        return line.id == bom.id && line.name == bom.name && line.unitUsd == bom.unitUsd
               && line.source == bom.priceSource;
    });
    if (same != lines.end())
        same->quantity += bom.quantity;
    else
        lines.push_back({bom.id, bom.name, bom.quantity, bom.unitUsd, std::nullopt, bom.priceSource});
}

} // namespace

ScenarioBill billOf(const Scenario &scenario, const PartSnapshot &parts)
{
    ScenarioBill bill;
    const OnPremBuild build = onPremBuildOf(scenario.topology, parts);
    if (build.servers > 0) {
        for (const BomLine &line : build.lines)
            if (line.quantity > 0)
                addMerged(bill.parts, line);
        const CostAssumption &integration = scenario.costs.integrationUsdPerServer;
        if (integration.value > 0)
            bill.parts.push_back({"integration", "Integration per server", build.servers, integration.value,
                                  std::nullopt, integration.source});
        for (BillLine &line : bill.parts)
            if (line.unitUsd)
                line.totalUsd = *line.unitUsd * line.quantity;
        const CostEstimate cost = onPremCost(build, scenario.costs, {});
        bill.capexUsd = cost.capexUsd;
        bill.capexIsLowerBound = !cost.unpricedParts.empty();
    }

    for (const TopologyNode *server : scenario.topology.servers()) {
        if (server->cloudInstanceId.empty())
            continue;
        const auto same = std::find_if(
            bill.instances.begin(), bill.instances.end(),
            [server](const CloudBillLine &line) { return line.id == server->cloudInstanceId; });
        if (same != bill.instances.end()) {
            ++same->quantity;
            continue;
        }
        CloudBillLine line{server->cloudInstanceId, server->cloudInstanceId, 1, std::nullopt, std::nullopt, {}};
        if (const CloudInstance *instance = parts.instance(server->cloudInstanceId)) {
            line.name = instance->provider.empty() ? instance->name : instance->provider + " " + instance->name;
            line.usdPerHour = hourlyPrice(*instance, scenario.cloudTier);
            line.source = instance->source + " (" + instance->priceDate
                          + (instance->region.empty() ? std::string() : ", " + instance->region) + ")";
        }
        bill.instances.push_back(line);
    }
    for (CloudBillLine &line : bill.instances) {
        if (line.usdPerHour)
            line.monthlyUsd = cloudCost(*line.usdPerHour, line.quantity, scenario.cloudTier, scenario.costs, {})
                                  .monthlyCloudUsd;
        else
            bill.cloudIsLowerBound = true;
    }
    if (!bill.instances.empty())
        bill.monthlyCloudUsd = cloudCost(cloudHourlyUsd(scenario.topology, parts, scenario.cloudTier), 1,
                                         scenario.cloudTier, scenario.costs, {})
                                   .monthlyCloudUsd;
    return bill;
}

} // namespace planner
