#include "database/networkparts.h"

#include "database/catalogue.h"

#include <limits>
#include <tuple>

namespace planner {

namespace {

int portsOf(const NicSpec &adapter)
{
    return adapter.ports;
}
int portsOf(const CableSpec &)
{
    return 1;
}
int portsOf(const SwitchSpec &fabricSwitch)
{
    return fabricSwitch.ports;
}

units::BytesPerSecond speedOf(const NicSpec &, const LinkSpec &link)
{
    return link.bandwidthPerDirection;
}
units::BytesPerSecond speedOf(const CableSpec &cable, const LinkSpec &)
{
    return cable.portBandwidth;
}
units::BytesPerSecond speedOf(const SwitchSpec &fabricSwitch, const LinkSpec &)
{
    return fabricSwitch.portBandwidth;
}

// Lower is better: unpriced last, then a faster port than needed, then price per port.
template <typename Spec>
std::tuple<bool, double, double> rank(const Spec &part, const LinkSpec &link)
{
    const double perPort = part.price ? part.price->usd / std::max(portsOf(part), 1)
                                      : std::numeric_limits<double>::infinity();
    return {!part.price, units::inGBPerSecond(speedOf(part, link) - link.bandwidthPerDirection), perPort};
}

template <typename Spec>
std::optional<Spec> best(const Catalogue &catalogue, const LinkSpec &link)
{
    std::optional<Spec> chosen;
    for (const Spec &part : catalogue.list<Spec>())
        if (serves(part, link) && (!chosen || rank(part, link) < rank(*chosen, link)))
            chosen = part;
    return chosen;
}

} // namespace

NetworkParts networkPartsFor(const Catalogue &catalogue, const LinkSpec &link)
{
    if (!isScaleOut(link.kind))
        return {};
    return {best<NicSpec>(catalogue, link), best<CableSpec>(catalogue, link), best<SwitchSpec>(catalogue, link)};
}

} // namespace planner
