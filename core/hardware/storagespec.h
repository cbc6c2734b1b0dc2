#pragma once
// A storage device: where checkpoints load from.

#include "core/hardware/price.h"
#include "core/units/units.h"

#include <string>

namespace planner {

struct StorageSpec {
    std::string id;
    std::string name;
    std::string interface; // NVMe PCIe 4.0, NVMe PCIe 5.0
    units::Bytes capacity = units::bytes(0);
    units::BytesPerSecond readBandwidth = units::gigabytesPerSecond(0);
    units::BytesPerSecond writeBandwidth = units::gigabytesPerSecond(0);
    OptionalPrice price;
    std::string source;
};

} // namespace planner
