#include "core/plan/userprices.h"

#include <algorithm>

namespace planner {

namespace {

std::string sourceOf(const UserPrice &price)
{
    return std::string(kUserPriceSource) + (price.note.empty() ? std::string() : ": " + price.note);
}

template <typename Spec>
void priceIn(std::vector<Spec> &specs, const UserPrice &price)
{
    for (Spec &spec : specs)
        if (spec.id == price.id) {
            spec.price = Price{price.usd, price.date, {}};
            spec.source = sourceOf(price);
        }
}

} // namespace

std::string_view toString(PricedKind kind)
{
    switch (kind) {
    case PricedKind::Gpu: return "gpu";
    case PricedKind::Cpu: return "cpu";
    case PricedKind::Memory: return "memory";
    case PricedKind::Storage: return "storage";
    case PricedKind::Nic: return "nic";
    case PricedKind::Cable: return "cable";
    case PricedKind::Switch: return "switch";
    case PricedKind::Chassis: return "chassis";
    case PricedKind::Instance: return "instance";
    }
    return "gpu";
}

const UserPrice *findUserPrice(const std::vector<UserPrice> &prices, PricedKind kind, std::string_view id)
{
    const auto found = std::find_if(prices.begin(), prices.end(),
                                    [&](const UserPrice &p) { return p.kind == kind && p.id == id; });
    return found == prices.end() ? nullptr : &*found;
}

PartSnapshot withUserPrices(const PartSnapshot &parts, const std::vector<UserPrice> &prices)
{
    PartSnapshot priced = parts;
    for (const UserPrice &price : prices) {
        switch (price.kind) {
        case PricedKind::Gpu: priceIn(priced.gpus, price); break;
        case PricedKind::Cpu: priceIn(priced.cpus, price); break;
        case PricedKind::Memory: priceIn(priced.memory, price); break;
        case PricedKind::Storage: priceIn(priced.storage, price); break;
        case PricedKind::Nic: priceIn(priced.nics, price); break;
        case PricedKind::Cable: priceIn(priced.cables, price); break;
        case PricedKind::Switch: priceIn(priced.switches, price); break;
        case PricedKind::Chassis:
            for (ServerTemplate &server : priced.servers)
                if (server.id == price.id) {
                    server.chassisPrice = Price{price.usd, price.date, {}};
                    server.source = sourceOf(price);
                }
            break;
        case PricedKind::Instance:
            for (CloudInstance &instance : priced.instances)
                if (instance.id == price.id) {
                    const units::UsdPerSecond hourly = units::usdPerHour(price.usd);
                    instance.onDemand = instance.reserved1Year = instance.reserved3Year = instance.spot = hourly;
                    instance.priceDate = price.date;
                    instance.source = sourceOf(price);
                }
            break;
        }
    }
    return priced;
}

} // namespace planner
