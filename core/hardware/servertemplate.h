#pragma once
// A server as sold: its parts by catalogue id and count, and how its GPUs talk
// to each other and to other servers. Resolving the ids is the catalogue's job.

#include "core/hardware/price.h"
#include "core/units/units.h"

#include <string>

namespace planner {

struct PartCount {
    std::string id;
    int count = 0;
};

struct ServerTemplate {
    std::string id;
    std::string name;
    std::string vendor;
    PartCount gpu;
    PartCount cpu;
    PartCount memory;
    PartCount storage;
    std::string gpuLinkId;      // GPU-to-GPU fabric inside the server
    PartCount nic;              // scale-out network: link id and port count
    OptionalPrice chassisPrice; // the server without its GPUs
    units::Watts systemPower = units::watts(0);
    std::string source;
};

} // namespace planner
