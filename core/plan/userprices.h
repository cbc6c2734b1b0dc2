#pragma once
// Prices the user types for a part, a server's chassis or a cloud instance
// in the plan ("vendor quote Q-77, 2026-12-01"), overriding the catalogue's.
// The plan keeps them beside its part snapshot, which stays as the catalogue
// had it; the estimates cost the build with withUserPrices(), and the bill of
// materials shows such a price's source as "your price: …".

#include "core/hardware/partsnapshot.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

// What a price is for: one GPU, CPU, memory module or storage device, one
// network adapter, cable (with its transceivers) or switch, one server
// template's chassis (the server without its parts), or one hour of a cloud
// instance (in every price tier: what the user pays).
enum class PricedKind { Gpu, Cpu, Memory, Storage, Nic, Cable, Switch, Chassis, Instance };
inline constexpr std::array kPricedKinds{PricedKind::Gpu,     PricedKind::Cpu,     PricedKind::Memory,
                                         PricedKind::Storage, PricedKind::Nic,     PricedKind::Cable,
                                         PricedKind::Switch,  PricedKind::Chassis, PricedKind::Instance};
static_assert(kPricedKinds.size() == static_cast<std::size_t>(PricedKind::Instance) + 1, "every kind, once");

struct UserPrice {
    PricedKind kind = PricedKind::Gpu;
    std::string id;   // the catalogue id of the part, template or instance
    double usd = 0;   // per unit; per hour for an instance
    std::string date; // YYYY-MM-DD, when the quote was given
    std::string note; // where it comes from, e.g. "vendor quote Q-77"

    bool operator==(const UserPrice &) const = default;
};

// How a user price's source begins in the bill of materials.
inline constexpr std::string_view kUserPriceSource = "your price";

std::string_view toString(PricedKind kind); // "gpu", "cpu", "memory", "storage", "nic", "cable", "switch",
                                            // "chassis", "instance"
const UserPrice *findUserPrice(const std::vector<UserPrice> &prices, PricedKind kind, std::string_view id);

// `parts` with each user price in place of the catalogue's; a price for a
// part the snapshot lacks changes nothing.
PartSnapshot withUserPrices(const PartSnapshot &parts, const std::vector<UserPrice> &prices);

} // namespace planner
