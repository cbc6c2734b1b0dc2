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

// The element with `id` in a vector whose elements carry unique ids. Edits
// append new ids (nextId) and plan files keep that order, so the vector is
// almost always sorted: a binary search finds the id in O(log n) on a
// fleet-sized plan. Where it misses (an unsorted vector, an absent id) a
// linear scan gives the answer, so the result never depends on the order.
template <typename Element>
const Element *findById(const std::vector<Element> &elements, int id)
{
    const auto candidate = std::lower_bound(elements.begin(), elements.end(), id,
                                            [](const Element &e, int wanted) { return e.id < wanted; });
    if (candidate != elements.end() && candidate->id == id)
        return &*candidate;
    const auto found = std::find_if(elements.begin(), elements.end(), [id](const Element &e) { return e.id == id; });
    return found == elements.end() ? nullptr : &*found;
}

} // namespace

const TopologyNode *Topology::node(int id) const
{
    return findById(nodes, id);
}

TopologyNode *Topology::node(int id)
{
    return const_cast<TopologyNode *>(std::as_const(*this).node(id));
}

const TopologyLink *Topology::link(int id) const
{
    return findById(links, id);
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

PartsByServer::PartsByServer(const Topology &t)
{
    for (const TopologyNode &n : t.nodes)
        if (n.kind != NodeKind::Server && n.parent != 0)
            mParts[n.parent].push_back(&n);
}

const std::vector<const TopologyNode *> &PartsByServer::of(int serverId) const
{
    static const std::vector<const TopologyNode *> kNone;
    const auto found = mParts.find(serverId);
    return found == mParts.end() ? kNone : found->second;
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
