#include "core/hardware/partsnapshot.h"

#include <algorithm>

namespace planner {

namespace {

template <typename Spec>
const Spec *byId(const std::vector<Spec> &specs, std::string_view id)
{
    const auto found = std::find_if(specs.begin(), specs.end(), [id](const Spec &s) { return s.id == id; });
    return found == specs.end() ? nullptr : &*found;
}

template <typename Spec>
const Spec *servingLink(const std::vector<Spec> &specs, const LinkSpec &link)
{
    const auto found = std::find_if(specs.begin(), specs.end(), [&link](const Spec &s) { return serves(s, link); });
    return found == specs.end() ? nullptr : &*found;
}

} // namespace

const GpuSpec *PartSnapshot::gpu(std::string_view id) const
{
    return byId(gpus, id);
}
const CpuSpec *PartSnapshot::cpu(std::string_view id) const
{
    return byId(cpus, id);
}
const MemoryModuleSpec *PartSnapshot::memoryModule(std::string_view id) const
{
    return byId(memory, id);
}
const StorageSpec *PartSnapshot::storageDevice(std::string_view id) const
{
    return byId(storage, id);
}
const LinkSpec *PartSnapshot::link(std::string_view id) const
{
    return byId(links, id);
}
const NicSpec *PartSnapshot::adapterFor(const LinkSpec &link) const
{
    return servingLink(nics, link);
}
const CableSpec *PartSnapshot::cableFor(const LinkSpec &link) const
{
    return servingLink(cables, link);
}
const SwitchSpec *PartSnapshot::switchFor(const LinkSpec &link) const
{
    return servingLink(switches, link);
}
const ServerTemplate *PartSnapshot::server(std::string_view id) const
{
    return byId(servers, id);
}
const CloudInstance *PartSnapshot::instance(std::string_view id) const
{
    return byId(instances, id);
}
const ModelSpec *PartSnapshot::model(std::string_view id) const
{
    return byId(models, id);
}

} // namespace planner
