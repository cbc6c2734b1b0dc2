#pragma once
// The scale-out network of an on-prem scenario as bill-of-materials lines:
// the adapters for every server's ports, the switches its fabrics go
// through, and a cable (or two transceivers) for every port cabled.
//
// - Ports: a server's network-card nodes (count = ports of that link), or
//   the ports of the links drawn to it where it has none. A drawing says
//   which servers share a fabric; beyond two servers, every port of a server
//   goes to the fabric's switches, whichever servers the lines join.
// - Adapters: a server's ports of a link over the ports of one adapter that
//   serves it, rounded up.
// - Fabrics: on-prem servers joined by drawn links of one kind of link. Two
//   servers are cabled back to back; three or more go through switches:
//   one while the servers' ports fit in it, else a non-blocking two-tier
//   leaf-spine (half of each leaf's ports down, half up; each spine takes
//   its ports' worth of uplinks), with a cable for every server port and
//   every uplink.
// - A part the plan's parts lack for a link (an older plan, a link the
//   catalogue has no adapter for) is a line without a price, so the capital
//   is a lower bound and says so.

#include "core/cost/costmodel.h"
#include "core/hardware/partsnapshot.h"
#include "core/topology/topology.h"

#include <vector>

namespace planner {

std::vector<BomLine> networkBill(const Topology &topology, const PartSnapshot &parts);

} // namespace planner
