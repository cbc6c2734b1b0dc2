#include "database/costbuilds.h"

namespace planner {

OnPremBuild buildFromServer(const ResolvedServer &r, int servers)
{
    OnPremBuild build;
    build.name = r.server.name;
    build.lines.push_back(bomLine(r.gpu, r.server.gpu.count, units::inWatts(r.gpu.tdp)));
    if (r.cpu)
        build.lines.push_back(bomLine(*r.cpu, r.server.cpu.count, units::inWatts(r.cpu->tdp)));
    if (r.memory)
        build.lines.push_back(bomLine(*r.memory, r.server.memory.count, 0));
    if (r.storage)
        build.lines.push_back(bomLine(*r.storage, r.server.storage.count, 0));
    build.lines.push_back(chassisLine(r.server, 1));
    if (r.server.systemPower > units::watts(0))
        build.serverWatts = units::inWatts(r.server.systemPower);
    return repeated(build, servers);
}

OnPremBuild buildFromGpus(const GpuSpec &gpu, int count)
{
    OnPremBuild build;
    build.name = std::to_string(count) + " x " + gpu.name;
    build.lines.push_back(bomLine(gpu, count, units::inWatts(gpu.tdp)));
    return build;
}

std::optional<CloudTier> cloudTierFromString(const QString &text)
{
    for (CloudTier tier : {CloudTier::OnDemand, CloudTier::Reserved1Year, CloudTier::Reserved3Year, CloudTier::Spot})
        if (text == QString::fromStdString(toString(tier)))
            return tier;
    return std::nullopt;
}

} // namespace planner
