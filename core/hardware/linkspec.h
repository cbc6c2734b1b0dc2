#pragma once
// A kind of link between parts, and a network switch. Bandwidth is per
// direction, as collective-communication formulas use it.

#include "core/hardware/price.h"
#include "core/units/units.h"

#include <optional>
#include <string>
#include <string_view>

namespace planner {

// InfinityFabric: AMD's GPU-to-GPU xGMI links (MI250X, MI300X).
enum class LinkKind { Pcie, NvLink, NvSwitch, InfinityFabric, InfiniBand, Ethernet };

struct LinkSpec {
    std::string id;
    std::string name;
    LinkKind kind = LinkKind::Pcie;
    units::BytesPerSecond bandwidthPerDirection = units::gigabytesPerSecond(0);
    std::optional<units::Seconds> latency;
    std::string source;
};

struct SwitchSpec {
    std::string id;
    std::string name;
    LinkKind kind = LinkKind::InfiniBand;
    int ports = 0;
    units::BytesPerSecond portBandwidth = units::gigabytesPerSecond(0); // per direction
    std::optional<units::Seconds> latency;
    units::Watts power = units::watts(0);
    OptionalPrice price;
    std::string source;
};

std::string_view toString(LinkKind kind);
std::optional<LinkKind> linkKindFromString(std::string_view text);

} // namespace planner
