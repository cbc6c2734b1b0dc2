#pragma once
// A server template with the catalogue parts it names: what a drop of a
// server from the palette adds to a scenario (core/plan/planedit.h).

#include "core/hardware/cpuspec.h"
#include "core/hardware/gpuspec.h"
#include "core/hardware/linkspec.h"
#include "core/hardware/memorymodulespec.h"
#include "core/hardware/servertemplate.h"
#include "core/hardware/storagespec.h"

#include <optional>

namespace planner {

struct ResolvedServer {
    ServerTemplate server;
    GpuSpec gpu;
    std::optional<CpuSpec> cpu;
    std::optional<MemoryModuleSpec> memory;
    std::optional<StorageSpec> storage;
    std::optional<LinkSpec> gpuLink;
    std::optional<LinkSpec> nic;
    NetworkParts network; // what the nic link's ports are bought as
};

} // namespace planner
