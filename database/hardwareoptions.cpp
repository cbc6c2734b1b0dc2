#include "database/hardwareoptions.h"

#include "core/topology/cluster.h"
#include "database/costbuilds.h"

#include <algorithm>
#include <cmath>

namespace planner {

namespace {

HardwareOption fromServer(const ResolvedServer &r)
{
    HardwareOption o;
    o.placement = Placement::OnPrem;
    o.id = r.server.id;
    o.name = r.server.name;
    o.provider = r.server.vendor;
    o.gpu = r.gpu;
    o.gpusPerUnit = r.server.gpu.count;
    o.inside = singleServerLinks(r.gpu);
    if (r.nic && r.server.nic.count > 0)
        o.between = scaleOutPath(*r.nic, r.server.nic.count, o.gpusPerUnit);
    o.unitBuild = buildFromServer(r, 1);
    o.priceNote = r.server.source;
    return o;
}

HardwareOption fromInstance(const CloudInstance &instance, const GpuSpec &gpu, CloudTier tier)
{
    HardwareOption o;
    o.placement = Placement::Cloud;
    o.id = instance.id;
    o.name = instance.provider + " " + instance.name;
    o.provider = instance.provider;
    o.gpu = gpu;
    o.gpusPerUnit = instance.gpuCount;
    o.inside = singleServerLinks(gpu);
    if (instance.networkGbps > 0) {
        // Providers quote the instance's network in gigabits per second, as one Ethernet path.
        LinkSpec network;
        network.kind = LinkKind::Ethernet;
        network.bandwidthPerDirection = units::gigabitsPerSecond(instance.networkGbps);
        o.between = scaleOutPath(network, 1, instance.gpuCount);
    }
    o.hourlyUsd = hourlyPrice(instance, tier);
    o.tier = tier;
    o.priceNote = instance.source + " (" + instance.region + ", " + instance.priceDate + ")";
    return o;
}

} // namespace

HardwareOptionList hardwareOptions(const Catalogue &catalogue, CloudTier tier)
{
    HardwareOptionList list;
    for (const ServerTemplate &server : catalogue.list<ServerTemplate>()) {
        const std::optional<ResolvedServer> resolved = catalogue.resolveServer(QString::fromStdString(server.id));
        if (resolved && resolved->server.gpu.count > 0)
            list.options.push_back(fromServer(*resolved));
        else
            list.skipped.push_back("server " + server.id + ": its GPU '" + server.gpu.id + "' is not in the catalogue");
    }
    for (const CloudInstance &instance : catalogue.list<CloudInstance>()) {
        const std::optional<GpuSpec> gpu = catalogue.find<GpuSpec>(QString::fromStdString(instance.gpuId));
        if (gpu && instance.gpuCount > 0)
            list.options.push_back(fromInstance(instance, *gpu, tier));
        else
            list.skipped.push_back("instance " + instance.id + ": its GPU '" + instance.gpuId
                                   + "' is not in the catalogue");
    }
    return list;
}

std::optional<UnitLink> unitLink(const Catalogue &catalogue, Placement placement, const std::string &id)
{
    if (placement == Placement::OnPrem) {
        const std::optional<ResolvedServer> server = catalogue.resolveServer(QString::fromStdString(id));
        if (!server || !server->nic || server->server.nic.count <= 0)
            return std::nullopt;
        return UnitLink{*server->nic, server->server.nic.count};
    }
    const std::vector<CloudInstance> instances = catalogue.list<CloudInstance>();
    const auto instance = std::find_if(instances.begin(), instances.end(),
                                       [&](const CloudInstance &i) { return i.id == id; });
    if (instance == instances.end() || !(instance->networkGbps > 0))
        return std::nullopt;
    std::optional<UnitLink> fastest;
    for (const LinkSpec &link : catalogue.list<LinkSpec>()) {
        const double portGbps = units::inGBPerSecond(link.bandwidthPerDirection) * 8;
        if (link.kind != LinkKind::Ethernet || !(portGbps > 0) || portGbps > instance->networkGbps)
            continue;
        const double ports = instance->networkGbps / portGbps;
        if (std::abs(ports - std::round(ports)) > 1e-6)
            continue;
        if (!fastest || link.bandwidthPerDirection > fastest->link.bandwidthPerDirection)
            fastest = UnitLink{link, static_cast<int>(std::lround(ports))};
    }
    return fastest;
}

} // namespace planner
