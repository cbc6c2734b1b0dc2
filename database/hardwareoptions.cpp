#include "database/hardwareoptions.h"

#include "database/costbuilds.h"

namespace planner {

namespace {

// Latency of one hop between servers when the catalogue's link has none:
// InfiniBand/RoCE small-message latency is 1-5 us; the upper end is taken.
constexpr double kDefaultScaleOutLatencySeconds = 5e-6;

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
    if (r.nic && r.server.nic.count > 0) {
        // The server's ports are shared by its GPUs.
        o.between.bandwidth = r.nic->bandwidthPerDirection * (static_cast<double>(r.server.nic.count) / o.gpusPerUnit);
        o.between.latency = r.nic->latency.value_or(units::seconds(kDefaultScaleOutLatencySeconds));
    }
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
        // Providers quote the instance's network in gigabits per second.
        o.between.bandwidth = units::gigabytesPerSecond(instance.networkGbps / 8.0 / instance.gpuCount);
        o.between.latency = units::seconds(kDefaultScaleOutLatencySeconds);
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
            list.skipped.push_back("instance " + instance.id + ": its GPU '" + instance.gpuId + "' is not in the catalogue");
    }
    return list;
}

} // namespace planner
