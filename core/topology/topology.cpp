#include "core/topology/topology.h"

#include <algorithm>
#include <array>
#include <utility>

namespace planner {

namespace {

constexpr std::array<std::pair<NodeKind, std::string_view>, 6> kKindNames{{
    {NodeKind::Server, "server"},
    {NodeKind::Gpu, "gpu"},
    {NodeKind::Cpu, "cpu"},
    {NodeKind::Memory, "memory"},
    {NodeKind::Storage, "storage"},
    {NodeKind::Nic, "nic"},
}};

} // namespace

const TopologyNode *Topology::node(int id) const
{
    const auto found = std::find_if(nodes.begin(), nodes.end(), [id](const TopologyNode &n) { return n.id == id; });
    return found == nodes.end() ? nullptr : &*found;
}

TopologyNode *Topology::node(int id)
{
    return const_cast<TopologyNode *>(std::as_const(*this).node(id));
}

const TopologyLink *Topology::link(int id) const
{
    const auto found = std::find_if(links.begin(), links.end(), [id](const TopologyLink &l) { return l.id == id; });
    return found == links.end() ? nullptr : &*found;
}

std::vector<const TopologyNode *> Topology::partsOf(int serverId) const
{
    std::vector<const TopologyNode *> parts;
    for (const TopologyNode &n : nodes)
        if (n.parent == serverId && n.kind != NodeKind::Server)
            parts.push_back(&n);
    return parts;
}

std::vector<const TopologyNode *> Topology::servers() const
{
    std::vector<const TopologyNode *> result;
    for (const TopologyNode &n : nodes)
        if (n.kind == NodeKind::Server)
            result.push_back(&n);
    return result;
}

std::int64_t Topology::countAcrossServers(const TopologyNode &part) const
{
    const TopologyNode *server = node(part.parent);
    return server ? static_cast<std::int64_t>(std::max(part.count, 0)) * std::max(server->count, 0) : 0;
}

std::int64_t Topology::gpuCount() const
{
    std::int64_t gpus = 0;
    for (const TopologyNode &n : nodes)
        if (n.kind == NodeKind::Gpu)
            gpus += countAcrossServers(n);
    return gpus;
}

int Topology::serverOf(int nodeId) const
{
    const TopologyNode *n = node(nodeId);
    if (!n)
        return 0;
    return n->kind == NodeKind::Server ? n->id : n->parent;
}

int Topology::nextId() const
{
    int highest = 0;
    for (const TopologyNode &n : nodes)
        highest = std::max(highest, n.id);
    for (const TopologyLink &l : links)
        highest = std::max(highest, l.id);
    return highest + 1;
}

std::string_view toString(NodeKind kind)
{
    for (const auto &[k, name] : kKindNames)
        if (k == kind)
            return name;
    return "server";
}

bool nodeKindFromString(std::string_view text, NodeKind &kind)
{
    for (const auto &[k, name] : kKindNames)
        if (name == text) {
            kind = k;
            return true;
        }
    return false;
}

} // namespace planner
