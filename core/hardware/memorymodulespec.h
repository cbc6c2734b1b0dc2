#pragma once
// A host memory module (DIMM).

#include "core/hardware/price.h"
#include "core/units/units.h"

#include <string>

namespace planner {

struct MemoryModuleSpec {
    std::string id;
    std::string name;
    std::string type; // DDR4, DDR5
    int speedMts = 0; // mega-transfers per second
    units::Bytes capacity = units::bytes(0);
    units::BytesPerSecond bandwidth = units::gigabytesPerSecond(0); // one module
    OptionalPrice price;
    std::string source;
};

} // namespace planner
