#include "core/plan/networkbill.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <set>

namespace planner {

namespace {

std::int64_t ceilDiv(std::int64_t a, std::int64_t b)
{
    return b > 0 ? (a + b - 1) / b : a;
}

bool onPrem(const Topology &t, int serverId)
{
    const TopologyNode *s = t.node(serverId);
    return s && s->kind == NodeKind::Server && s->cloudInstanceId.empty();
}

// Counts `quantity` of a part for a link: the catalogue part where the plan
// has one, else a line for the missing part, counted but never priced.
template <typename Spec>
void addPart(MergedBomLines &lines, const Spec *part, const LinkSpec &link, const char *what, std::int64_t quantity,
             double watts)
{
    if (part) {
        lines.add(part, what, quantity, [&] { return bomLine(*part, 0, watts); });
        return;
    }
    lines.add(&link, what, quantity, [&] {
        return BomLine{
            link.id + "-" + what, link.name + " " + what + " (none in the plan's parts)", 0, std::nullopt, 0, {}};
    });
}

struct LinkUse {
    std::map<int, std::int64_t> portsPerServer; // on-prem servers with ports of this link
    std::vector<const TopologyLink *> drawn;    // between two on-prem servers
};

// On-prem servers joined by drawn links of one kind, and those links.
struct Fabric {
    std::set<int> servers;
    std::vector<const TopologyLink *> drawn;
    std::size_t lastLink = 0; // the index in `drawn` of its last link: the order fabrics are billed in
};

// The fabrics `drawn` makes: servers joined directly or through others share
// one. A union-find over server ids, so a chain of thousands of servers takes
// linear time.
std::vector<Fabric> fabrics(const Topology &t, const std::vector<const TopologyLink *> &drawn)
{
    std::map<int, int> parent;
    const auto root = [&parent](int server) {
        int r = parent.try_emplace(server, server).first->second;
        while (parent.at(r) != r)
            r = parent[r] = parent.at(parent.at(r));
        return r;
    };
    for (const TopologyLink *l : drawn)
        parent[root(t.serverOf(l->from))] = root(t.serverOf(l->to));
    std::map<int, Fabric> byRoot;
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        const int a = t.serverOf(drawn[i]->from);
        const int b = t.serverOf(drawn[i]->to);
        Fabric &f = byRoot[root(a)];
        f.servers.insert({a, b});
        f.drawn.push_back(drawn[i]);
        f.lastLink = i;
    }
    std::vector<Fabric> result;
    for (auto &[r, f] : byRoot)
        result.push_back(std::move(f));
    std::sort(result.begin(), result.end(), [](const Fabric &x, const Fabric &y) { return x.lastLink < y.lastLink; });
    return result;
}

void addFabric(MergedBomLines &lines, const PartSnapshot &parts, const LinkSpec &link, const LinkUse &use,
               const Fabric &fabric)
{
    std::int64_t ports = 0;
    for (int s : fabric.servers)
        ports += use.portsPerServer.count(s) ? use.portsPerServer.at(s) : 0;
    std::int64_t cables = 0;
    if (fabric.servers.size() == 2) {
        for (const TopologyLink *l : fabric.drawn)
            cables += std::max(l->count, 1);
    } else {
        const SwitchSpec *fabricSwitch = parts.switchFor(link);
        std::int64_t switches = 1;
        cables = ports;
        if (fabricSwitch && ports > fabricSwitch->ports) {
            const std::int64_t down = std::max(fabricSwitch->ports / 2, 1);
            const std::int64_t leaves = ceilDiv(ports, down);
            const std::int64_t spines = ceilDiv(leaves * down, fabricSwitch->ports);
            switches = leaves + spines;
            cables += leaves * down;
        }
        addPart(lines, fabricSwitch, link, "switch", switches, fabricSwitch ? units::inWatts(fabricSwitch->power) : 0);
    }
    const CableSpec *cable = parts.cableFor(link);
    // A transceiver sits at each end of a fibre; a copper or active cable is whole.
    const std::int64_t pieces = cable && cable->kind == "transceiver" ? 2 * cables : cables;
    addPart(lines, cable, link, "cable", pieces, cable ? units::inWatts(cable->power) : 0);
}

} // namespace

std::vector<BomLine> networkBill(const Topology &t, const PartSnapshot &parts)
{
    std::map<std::string, LinkUse> uses;
    for (const TopologyNode &n : t.nodes)
        if (n.kind == NodeKind::Nic && onPrem(t, n.parent))
            uses[n.catalogueId].portsPerServer[n.parent] += std::max(n.count, 0);
    std::map<std::string, std::map<int, std::int64_t>> drawnPorts;
    for (const TopologyLink &l : t.links) {
        const LinkSpec *link = parts.link(l.linkId);
        const int a = t.serverOf(l.from);
        const int b = t.serverOf(l.to);
        if (!link || !isScaleOut(link->kind) || a == b || !onPrem(t, a) || !onPrem(t, b))
            continue;
        uses[l.linkId].drawn.push_back(&l);
        drawnPorts[l.linkId][a] += std::max(l.count, 1);
        drawnPorts[l.linkId][b] += std::max(l.count, 1);
    }
    std::vector<BomLine> lines;
    MergedBomLines merged(lines);
    for (auto &[linkId, use] : uses) {
        const LinkSpec *link = parts.link(linkId);
        if (!link || !isScaleOut(link->kind))
            continue;
        // A server without network cards of this link has the ports its drawn links take.
        for (const auto &[server, drawn] : drawnPorts[linkId])
            if (use.portsPerServer[server] == 0)
                use.portsPerServer[server] = drawn;
        const NicSpec *adapter = parts.adapterFor(*link);
        for (const auto &[server, ports] : use.portsPerServer)
            if (ports > 0)
                addPart(merged, adapter, *link, "adapter",
                        adapter ? ceilDiv(ports, std::max(adapter->ports, 1)) : ports,
                        adapter ? units::inWatts(adapter->power) : 0);
        for (const Fabric &fabric : fabrics(t, use.drawn))
            addFabric(merged, parts, *link, use, fabric);
    }
    return lines;
}

} // namespace planner
