#include "database/costbuilds.h"

namespace planner {

namespace {

template <typename Spec>
BomLine partLine(const Spec &part, int quantity, double watts)
{
    BomLine line;
    line.id = part.id;
    line.name = part.name;
    line.quantity = quantity;
    line.unitWatts = watts;
    if (part.price) {
        line.unitUsd = part.price->usd;
        line.priceSource = part.source + " (" + part.price->date + ")";
    }
    return line;
}

} // namespace

OnPremBuild buildFromServer(const ResolvedServer &r, int servers)
{
    OnPremBuild build;
    build.name = r.server.name;
    build.lines.push_back(partLine(r.gpu, r.server.gpu.count, units::inWatts(r.gpu.tdp)));
    if (r.cpu)
        build.lines.push_back(partLine(*r.cpu, r.server.cpu.count, units::inWatts(r.cpu->tdp)));
    if (r.memory)
        build.lines.push_back(partLine(*r.memory, r.server.memory.count, 0));
    if (r.storage)
        build.lines.push_back(partLine(*r.storage, r.server.storage.count, 0));
    BomLine chassis;
    chassis.id = r.server.id;
    chassis.name = r.server.name + " chassis and integration";
    chassis.quantity = 1;
    if (r.server.chassisPrice) {
        chassis.unitUsd = r.server.chassisPrice->usd;
        chassis.priceSource = r.server.source + " (" + r.server.chassisPrice->date + ")";
    }
    build.lines.push_back(chassis);
    if (r.server.systemPower > units::watts(0))
        build.serverWatts = units::inWatts(r.server.systemPower);
    return repeated(build, servers);
}

OnPremBuild buildFromGpus(const GpuSpec &gpu, int count)
{
    OnPremBuild build;
    build.name = std::to_string(count) + " x " + gpu.name;
    build.lines.push_back(partLine(gpu, count, units::inWatts(gpu.tdp)));
    return build;
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

std::optional<CloudTier> cloudTierFromString(const QString &text)
{
    for (CloudTier tier : {CloudTier::OnDemand, CloudTier::Reserved1Year, CloudTier::Reserved3Year, CloudTier::Spot})
        if (text == QString::fromStdString(toString(tier)))
            return tier;
    return std::nullopt;
}

} // namespace planner
