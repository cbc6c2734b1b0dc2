#pragma once
// The graph the canvas edits: servers holding parts, and links between parts.
//
// Nodes are flat, each with a unique id; a part (GPU group, CPU, memory,
// storage, NIC) names the server that holds it as its parent. A GPU node is a
// group of identical GPUs with a count ("8x H100"), its own fabric among them
// (an NVSwitch or NVLink link id; empty: they talk over PCIe through the
// host). Links join two nodes: GPU to GPU inside a server (NVLink, PCIe), or
// server to server (InfiniBand, Ethernet/RoCE), `count` links in parallel.
// Catalogue ids refer to the plan's part snapshot (core/plan/plan.h), so a
// topology means the same on every machine.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace planner {

enum class NodeKind { Server, Gpu, Cpu, Memory, Storage, Nic };

struct TopologyNode {
    int id = 0;
    NodeKind kind = NodeKind::Server;
    int parent = 0;              // the server holding a part; 0 for servers
    std::string catalogueId;     // part id; for a server, its template id (may be empty)
    std::string cloudInstanceId; // a server that is a rented cloud instance
    std::string name;            // what the canvas shows; servers are named by the user
    int count = 1;               // identical parts in this node
    std::string fabricLinkId;    // GPU group: the link among its own GPUs; empty: PCIe
    double x = 0;                // servers: position on the canvas (scene units)
    double y = 0;
};

struct TopologyLink {
    int id = 0;
    int from = 0; // node ids
    int to = 0;
    std::string linkId; // catalogue link id
    int count = 1;      // parallel links (e.g. 8 InfiniBand ports)
};

struct Topology {
    std::vector<TopologyNode> nodes;
    std::vector<TopologyLink> links;

    const TopologyNode *node(int id) const;
    TopologyNode *node(int id);
    const TopologyLink *link(int id) const;
    std::vector<const TopologyNode *> partsOf(int serverId) const; // a scan of every node
    std::vector<const TopologyNode *> servers() const;
    int serverOf(int nodeId) const; // the server a node sits in (a server is its own); 0 if none
    int nextId() const;             // one above every node and link id in use
    // A part node's count times its server's, in 64 bits (0 outside a server).
    std::int64_t countAcrossServers(const TopologyNode &part) const;
    std::int64_t gpuCount() const; // every GPU node's countAcrossServers
};

// partsOf for every server, grouped in one pass: what a loop over a
// fleet's servers uses instead of scanning every node per server.
class PartsByServer
{
public:
    explicit PartsByServer(const Topology &t);
    // The server's parts in the topology's order (none for an unknown id).
    const std::vector<const TopologyNode *> &of(int serverId) const;

private:
    std::unordered_map<int, std::vector<const TopologyNode *>> mParts;
};

std::string_view toString(NodeKind kind);
bool nodeKindFromString(std::string_view text, NodeKind &kind);

} // namespace planner
