#pragma once
// The catalogue parts a plan uses, copied into it, so that the plan opens and
// estimates the same on a machine whose catalogue differs. The topology
// reduction and the plan evaluation look parts up here by id.

#include "core/hardware/cloudinstance.h"
#include "core/hardware/cpuspec.h"
#include "core/hardware/gpuspec.h"
#include "core/hardware/linkspec.h"
#include "core/hardware/memorymodulespec.h"
#include "core/hardware/servertemplate.h"
#include "core/hardware/storagespec.h"
#include "core/model/modelspec.h"

#include <string_view>
#include <vector>

namespace planner {

struct PartSnapshot {
    std::vector<GpuSpec> gpus;
    std::vector<CpuSpec> cpus;
    std::vector<MemoryModuleSpec> memory;
    std::vector<StorageSpec> storage;
    std::vector<LinkSpec> links;
    // The adapters, cables and switches the plan's scale-out links are bought as.
    std::vector<NicSpec> nics;
    std::vector<CableSpec> cables;
    std::vector<SwitchSpec> switches;
    std::vector<ServerTemplate> servers;
    std::vector<CloudInstance> instances;
    std::vector<ModelSpec> models;

    const GpuSpec *gpu(std::string_view id) const;
    const CpuSpec *cpu(std::string_view id) const;
    const MemoryModuleSpec *memoryModule(std::string_view id) const;
    const StorageSpec *storageDevice(std::string_view id) const;
    const LinkSpec *link(std::string_view id) const;
    // The first adapter, cable or switch kept that serves `link`; nullptr: none.
    const NicSpec *adapterFor(const LinkSpec &link) const;
    const CableSpec *cableFor(const LinkSpec &link) const;
    const SwitchSpec *switchFor(const LinkSpec &link) const;
    const ServerTemplate *server(std::string_view id) const;
    const CloudInstance *instance(std::string_view id) const;
    const ModelSpec *model(std::string_view id) const;
};

} // namespace planner
