#include "core/hardware/linkspec.h"
#include "core/util/text.h"

#include <array>
#include <utility>

namespace planner {

namespace {

constexpr std::array<std::pair<LinkKind, std::string_view>, 6> kNames{{
    {LinkKind::Pcie, "pcie"},
    {LinkKind::NvLink, "nvlink"},
    {LinkKind::NvSwitch, "nvswitch"},
    {LinkKind::InfinityFabric, "infinity-fabric"},
    {LinkKind::InfiniBand, "infiniband"},
    {LinkKind::Ethernet, "ethernet"},
}};

} // namespace

std::string_view toString(LinkKind kind)
{
    for (const auto &[k, name] : kNames)
        if (k == kind)
            return name;
    return "pcie";
}

std::optional<LinkKind> linkKindFromString(std::string_view text)
{
    const std::string key = toLower(text);
    for (const auto &[k, name] : kNames)
        if (name == key)
            return k;
    return std::nullopt;
}

bool serves(const NicSpec &adapter, const LinkSpec &link)
{
    return adapter.linkId == link.id;
}

bool serves(const CableSpec &cable, const LinkSpec &link)
{
    return cable.linkKind == link.kind && cable.portBandwidth >= link.bandwidthPerDirection;
}

bool serves(const SwitchSpec &fabricSwitch, const LinkSpec &link)
{
    return fabricSwitch.kind == link.kind && fabricSwitch.portBandwidth >= link.bandwidthPerDirection;
}

bool isScaleOut(LinkKind kind)
{
    return kind == LinkKind::InfiniBand || kind == LinkKind::Ethernet;
}

} // namespace planner
