#pragma once
// A cloud GPU instance with its published hourly prices (whole instance).

#include "core/units/units.h"

#include <optional>
#include <string>

namespace planner {

struct CloudInstance {
    std::string id;       // provider-prefixed, e.g. "aws-p5.48xlarge"
    std::string provider; // AWS, Google Cloud, Azure, Lambda, ...
    std::string name;     // the provider's own name
    std::string gpuId;
    int gpuCount = 0;
    int vcpus = 0;
    units::Bytes ram = units::bytes(0);
    std::string interconnect;
    double networkGbps = 0; // gigabits per second, as providers quote it
    std::string region;
    std::optional<units::UsdPerSecond> onDemand;
    std::optional<units::UsdPerSecond> reserved1Year;
    std::optional<units::UsdPerSecond> reserved3Year;
    std::optional<units::UsdPerSecond> spot;
    std::string priceDate;
    std::string source;
};

} // namespace planner
