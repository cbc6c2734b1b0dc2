#pragma once
// A host CPU of a GPU server: what feeds the GPUs (PCIe lanes), what holds
// offloaded layers (memory channels and bandwidth), and what it costs.

#include "core/hardware/price.h"
#include "core/units/units.h"

#include <string>

namespace planner {

struct CpuSpec {
    std::string id;
    std::string name;
    std::string vendor;
    int cores = 0;
    int threads = 0;
    double baseGhz = 0;
    double boostGhz = 0;
    int memoryChannels = 0;
    std::string memoryType;                                               // DDR4-3200, DDR5-4800, ...
    units::BytesPerSecond memoryBandwidth = units::gigabytesPerSecond(0); // theoretical peak per socket
    int pcieGeneration = 0;
    int pcieLanes = 0;
    bool avx512 = false;
    bool amx = false;
    units::Watts tdp = units::watts(0);
    OptionalPrice price;
    std::string source;
};

} // namespace planner
