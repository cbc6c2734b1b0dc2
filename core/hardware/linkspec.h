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
    // A switch fabric that joins the GPUs of several servers (the NVLink
    // switch trays of an NVL72 rack join 72 GPUs in 18 compute trays): the
    // most GPUs it joins. 0: any other link (an HGX board's NVSwitch does
    // not leave its server).
    int domainGpus = 0;
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

// A network adapter: `ports` ports of the scale-out link `linkId`.
struct NicSpec {
    std::string id;
    std::string name;
    std::string vendor;
    std::string linkId;
    int ports = 1;
    int pcieGeneration = 0;
    int pcieLanes = 0;
    units::Watts power = units::watts(0);
    OptionalPrice price;
    std::string source;
};

// A cable or transceiver for one port of a scale-out link.
struct CableSpec {
    std::string id;
    std::string name;
    std::string kind; // dac, aoc or transceiver
    LinkKind linkKind = LinkKind::InfiniBand;
    units::BytesPerSecond portBandwidth = units::gigabytesPerSecond(0); // per direction
    std::optional<double> reachMetres;
    units::Watts power = units::watts(0);
    OptionalPrice price;
    std::string source;
};

// What a scale-out link is bought as: the adapter for its ports, the cable or
// transceiver for each port, and the switch a fabric of more than two servers
// goes through. Chosen from the catalogue when the link enters a plan
// (database/networkparts.h) and kept in the plan's parts.
struct NetworkParts {
    std::optional<NicSpec> adapter;
    std::optional<CableSpec> cable;
    std::optional<SwitchSpec> fabricSwitch;
};

// Whether a part serves a link: an adapter names the link; a cable or switch
// has the link's kind and a port as fast (a slower one would throttle it).
bool serves(const NicSpec &adapter, const LinkSpec &link);
bool serves(const CableSpec &cable, const LinkSpec &link);
bool serves(const SwitchSpec &fabricSwitch, const LinkSpec &link);

// InfiniBand and Ethernet join servers; the other kinds join GPUs.
bool isScaleOut(LinkKind kind);

std::string_view toString(LinkKind kind);
std::optional<LinkKind> linkKindFromString(std::string_view text);

} // namespace planner
