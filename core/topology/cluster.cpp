#include "core/topology/cluster.h"

#include "core/hardware/cpudevice.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace planner {

namespace {

// Collective small-message latency over NVLink when the catalogue gives none
// (the same figure singleServerLinks uses).
constexpr double kNvLinkLatencySeconds = 3e-6;
// Latency of a hop between servers when the catalogue's link has none.
constexpr double kScaleOutLatencySeconds = 5e-6;
// The narrowest PCIe width a GPU is installed at (x8 slots in dual-GPU desktops).
constexpr int kMinimumLanesPerGpu = 8;

bool isFabric(LinkKind kind)
{
    return kind == LinkKind::NvLink || kind == LinkKind::NvSwitch || kind == LinkKind::InfinityFabric;
}

// A switch fabric that may join GPUs of several servers (NVL72's NVLink switch trays).
bool spansServers(const LinkSpec &link)
{
    return link.kind == LinkKind::NvSwitch && link.domainGpus > 0;
}

LinkPath pathOf(const LinkSpec &link, int count)
{
    const double fallback = isScaleOut(link.kind) ? kScaleOutLatencySeconds : kNvLinkLatencySeconds;
    return LinkPath{link.bandwidthPerDirection * static_cast<double>(std::max(count, 1)),
                    link.latency.value_or(units::seconds(fallback))};
}

LinkPath slower(const LinkPath &a, const LinkPath &b)
{
    return a.bandwidth <= b.bandwidth ? LinkPath{a.bandwidth, std::max(a.latency, b.latency)}
                                      : LinkPath{b.bandwidth, std::max(a.latency, b.latency)};
}

// Whether a GPU group's own fabric can join its GPUs (NVLink on a GPU without
// it cannot); the reduction ignores one that cannot, and checkTopology flags it.
bool fabricWorks(const LinkSpec &fabric, const GpuSpec &gpu)
{
    return !isFabric(fabric.kind) || fabric.kind == LinkKind::InfinityFabric
           || gpu.nvlinkBandwidth > units::gigabytesPerSecond(0);
}

// Whether a fabric of bounded size (an 8-GPU NVSwitch board) can join `gpus` GPUs.
bool fabricHolds(const LinkSpec &fabric, std::int64_t gpus)
{
    return fabric.domainGpus <= 0 || gpus <= fabric.domainGpus;
}

std::string nameOf(const TopologyNode &n)
{
    return n.name.empty() ? n.catalogueId : n.name;
}

struct ServerGpus {
    std::vector<const TopologyNode *> groups;
    int gpus = 0; // of the cluster's GPU type
};

// The GPU path among the GPUs of one GPU group: its fabric, or PCIe.
LinkPath groupPath(const TopologyNode &group, const GpuSpec &gpu, const PartSnapshot &parts)
{
    if (const LinkSpec *fabric = parts.link(group.fabricLinkId);
        fabric && fabricWorks(*fabric, gpu) && fabricHolds(*fabric, group.count))
        return pathOf(*fabric, 1);
    return pcieLink(gpu);
}

// A drawn link the estimate may count: in the parts, and one linkProblem accepts.
const LinkSpec *countedLink(const Topology &t, const PartSnapshot &parts, const TopologyLink &l)
{
    const LinkSpec *spec = parts.link(l.linkId);
    return spec && !linkProblem(t, parts, l.from, l.to, *spec) ? spec : nullptr;
}

// The weakest GPU-to-GPU path inside one server.
std::optional<LinkPath> serverPath(const Topology &t, const ServerGpus &server, const GpuSpec &gpu,
                                   const PartSnapshot &parts)
{
    std::optional<LinkPath> path;
    const auto take = [&](const LinkPath &p) { path = path ? slower(*path, p) : p; };
    for (const TopologyNode *group : server.groups)
        if (group->count > 1)
            take(groupPath(*group, gpu, parts));
    for (size_t i = 0; i < server.groups.size(); ++i)
        for (size_t j = i + 1; j < server.groups.size(); ++j) {
            std::optional<LinkPath> drawn;
            for (const TopologyLink &l : t.links) {
                const bool joins = (l.from == server.groups[i]->id && l.to == server.groups[j]->id)
                                   || (l.from == server.groups[j]->id && l.to == server.groups[i]->id);
                const LinkSpec *spec = joins ? countedLink(t, parts, l) : nullptr;
                if (spec) {
                    const LinkPath p = pathOf(*spec, l.count);
                    drawn = drawn ? LinkPath{drawn->bandwidth + p.bandwidth, std::max(drawn->latency, p.latency)} : p;
                }
            }
            take(drawn.value_or(pcieLink(gpu)));
        }
    return path;
}

using ServerPair = std::pair<int, int>; // (lower id, higher id)

// Servers holding GPUs, the scale-out links between each pair of them, and
// the switch fabrics that join pairs of them into one NVLink domain.
struct ServerGraph {
    std::map<int, ServerGpus> servers;
    std::map<ServerPair, LinkPath> edges;       // bandwidth summed over the links
    std::map<ServerPair, LinkPath> domainEdges; // per GPU, the slowest fabric drawn
};

ServerPair pairOf(int a, int b)
{
    return {std::min(a, b), std::max(a, b)};
}

ServerGraph serverGraph(const Topology &t, const PartSnapshot &parts, const std::string &gpuId)
{
    ServerGraph g;
    for (const TopologyNode &n : t.nodes)
        if (n.kind == NodeKind::Gpu && t.node(n.parent)) {
            ServerGpus &s = g.servers[n.parent];
            s.groups.push_back(&n);
            if (n.catalogueId == gpuId)
                s.gpus += n.count;
        }
    for (const TopologyLink &l : t.links) {
        const LinkSpec *spec = countedLink(t, parts, l);
        const int a = t.serverOf(l.from);
        const int b = t.serverOf(l.to);
        // A server without GPUs (its GPU group deleted) has no GPUs to share a link.
        if (!spec || a == b || !g.servers.count(a) || !g.servers.count(b))
            continue;
        const ServerPair key = pairOf(a, b);
        if (spansServers(*spec)) {
            const LinkPath p = pathOf(*spec, 1); // a fabric's bandwidth is per GPU, whatever the drawn count
            const auto found = g.domainEdges.find(key);
            g.domainEdges[key] = found == g.domainEdges.end() ? p : slower(found->second, p);
            continue;
        }
        if (!isScaleOut(spec->kind))
            continue;
        const LinkPath p = pathOf(*spec, l.count);
        const auto found = g.edges.find(key);
        g.edges[key] = found == g.edges.end() ? p
                                              : LinkPath{found->second.bandwidth + p.bandwidth,
                                                         std::max(found->second.latency, p.latency)};
    }
    return g;
}

// The servers reachable from `start` over the edges of `edgeSets`.
std::set<int> reachableFrom(int start, const std::vector<const std::map<ServerPair, LinkPath> *> &edgeSets)
{
    std::map<int, std::vector<int>> adjacent;
    for (const auto *edges : edgeSets)
        for (const auto &[key, path] : *edges) {
            adjacent[key.first].push_back(key.second);
            adjacent[key.second].push_back(key.first);
        }
    std::set<int> seen;
    std::vector<int> stack{start};
    while (!stack.empty()) {
        const int s = stack.back();
        stack.pop_back();
        if (!seen.insert(s).second)
            continue;
        if (const auto next = adjacent.find(s); next != adjacent.end())
            stack.insert(stack.end(), next->second.begin(), next->second.end());
    }
    return seen;
}

// GPU servers reachable from the first one over scale-out links and fabrics.
std::set<int> reachable(const ServerGraph &g)
{
    if (g.servers.empty())
        return {};
    return reachableFrom(g.servers.begin()->first, {&g.edges, &g.domainEdges});
}

// Two or more servers with the same number of GPUs and nothing drawn between
// any of them: a fleet, each server serving on its own behind a load balancer.
bool isFleet(const ServerGraph &g)
{
    int gpus = -1;
    int servers = 0;
    for (const auto &[id, server] : g.servers) {
        if (server.gpus == 0)
            continue;
        if (gpus >= 0 && server.gpus != gpus)
            return false;
        gpus = server.gpus;
        ++servers;
    }
    return servers > 1 && g.edges.empty() && g.domainEdges.empty();
}

// The NVLink domains that span servers: the fewest GPUs one joins, and the
// slowest fabric path among them. Without a fabric across servers, nullopt.
struct Domains {
    int fewestGpus = 0;
    LinkPath path;
};

std::optional<Domains> domainsOf(const ServerGraph &g)
{
    if (g.domainEdges.empty())
        return std::nullopt;
    Domains d;
    std::set<int> placed;
    for (const auto &[serverId, server] : g.servers) {
        if (placed.count(serverId))
            continue;
        int gpus = 0;
        for (int member : reachableFrom(serverId, {&g.domainEdges})) {
            placed.insert(member);
            gpus += g.servers.at(member).gpus;
        }
        d.fewestGpus = d.fewestGpus == 0 ? gpus : std::min(d.fewestGpus, gpus);
    }
    std::optional<LinkPath> path;
    for (const auto &[key, p] : g.domainEdges)
        path = path ? slower(*path, p) : p;
    d.path = *path;
    return d;
}

// The GPUs of the servers joined to `from`'s and `to`'s over fabrics that span
// servers, counting the link about to join them (drawn or not).
std::int64_t domainGpusJoining(const Topology &t, const PartSnapshot &parts, int from, int to)
{
    std::set<int> servers{t.serverOf(from), t.serverOf(to)};
    for (bool grew = true; grew;) {
        grew = false;
        for (const TopologyLink &l : t.links) {
            const LinkSpec *spec = parts.link(l.linkId);
            const int a = t.serverOf(l.from);
            const int b = t.serverOf(l.to);
            if (spec && spansServers(*spec) && a != b && servers.count(a) != servers.count(b)) {
                servers.insert(a);
                servers.insert(b);
                grew = true;
            }
        }
    }
    std::int64_t gpus = 0;
    for (const TopologyNode &n : t.nodes)
        if (n.kind == NodeKind::Gpu && servers.count(n.parent))
            gpus += n.count;
    return gpus;
}

std::string mostNumerousGpu(const Topology &t)
{
    std::map<std::string, int> counts;
    for (const TopologyNode &n : t.nodes)
        if (n.kind == NodeKind::Gpu)
            counts[n.catalogueId] += n.count;
    const auto best = std::max_element(counts.begin(), counts.end(),
                                       [](const auto &a, const auto &b) { return a.second < b.second; });
    return best == counts.end() ? std::string() : best->first;
}

TopologyIssue issue(int nodeId, int linkId, Message message, Message fallback = {})
{
    return {nodeId, linkId, std::move(message), std::move(fallback)};
}

Message pcieFallback()
{
    return {QT_TRANSLATE_NOOP("Core", "the estimate does not count it and uses PCIe between these GPUs"), {}};
}

Message notInParts(const std::string &gpuId)
{
    return {QT_TRANSLATE_NOOP("Core", "GPU '%1' is not in the plan's parts"), {gpuId}};
}

// Why a fabric that spans servers cannot join these two servers (or GPU
// groups of two servers); nullopt when it can.
std::optional<Message> domainProblem(const Topology &t, const PartSnapshot &parts, const TopologyNode &a,
                                     const TopologyNode &b, const LinkSpec &link)
{
    for (const TopologyNode *end : {&a, &b}) {
        if (end->kind != NodeKind::Server && end->kind != NodeKind::Gpu)
            return Message{QT_TRANSLATE_NOOP("Core", "%1 joins servers or their GPUs, not network cards"), {link.name}};
        const int server = t.serverOf(end->id);
        for (const TopologyNode *part : t.partsOf(server)) {
            if (part->kind != NodeKind::Gpu)
                continue;
            const GpuSpec *gpu = parts.gpu(part->catalogueId);
            if (!gpu)
                return notInParts(part->catalogueId);
            if (gpu->nvlinkBandwidth <= units::gigabytesPerSecond(0))
                return Message{QT_TRANSLATE_NOOP("Core", "%1 has no NVLink"), {gpu->name}};
        }
    }
    const std::int64_t gpus = domainGpusJoining(t, parts, a.id, b.id);
    if (gpus > link.domainGpus)
        return Message{QT_TRANSLATE_NOOP("Core", "%1 joins at most %2 GPUs; these servers hold %3"),
                       {link.name, std::to_string(link.domainGpus), std::to_string(gpus)}};
    return std::nullopt;
}

// A canvas without GPUs whose one server has a CPU and memory: the CPU runs
// the model (llama.cpp's CPU backend) from the memory installed beside it.
// nullopt when no server has a CPU, so the usual "no GPUs" message stands.
std::optional<Cluster> cpuCluster(const Topology &t, const PartSnapshot &parts)
{
    std::vector<const TopologyNode *> withCpu;
    const PartsByServer partsIn(t);
    for (const TopologyNode *server : t.servers())
        for (const TopologyNode *part : partsIn.of(server->id))
            if (part->kind == NodeKind::Cpu) {
                withCpu.push_back(server);
                break;
            }
    if (withCpu.empty())
        return std::nullopt;
    Cluster c;
    c.cpuOnly = true;
    if (withCpu.size() > 1) {
        c.problem = {QT_TRANSLATE_NOOP("Core", "CPU-only inference is estimated for one server; add GPUs to plan "
                                               "several"),
                     {}};
        return c;
    }
    const CpuSpec *cpu = nullptr;
    double memoryGB = 0;
    for (const TopologyNode *part : partsIn.of(withCpu.front()->id)) {
        if (part->kind == NodeKind::Cpu && !cpu)
            cpu = parts.cpu(part->catalogueId);
        if (const MemoryModuleSpec *m = part->kind == NodeKind::Memory ? parts.memoryModule(part->catalogueId)
                                                                       : nullptr)
            memoryGB += units::inGB(m->capacity) * part->count;
    }
    if (!cpu) {
        c.problem = {QT_TRANSLATE_NOOP("Core", "the server's CPU is not in the plan's parts"), {}};
        return c;
    }
    if (memoryGB <= 0) {
        c.problem = {QT_TRANSLATE_NOOP("Core", "CPU-only inference runs from the server's memory: add memory "
                                               "modules"),
                     {}};
        return c;
    }
    // DIMMs are sold in GB that are GiB of cells, as GPU memory is.
    return cpuDeviceCluster(*cpu, units::gibibytes(memoryGB));
}

} // namespace

Cluster reduceToCluster(const Topology &t, const PartSnapshot &parts)
{
    Cluster c;
    const std::string gpuId = mostNumerousGpu(t);
    if (gpuId.empty())
        if (std::optional<Cluster> cpus = cpuCluster(t, parts))
            return *cpus;
    const GpuSpec *gpu = parts.gpu(gpuId);
    if (!gpu) {
        c.problem = gpuId.empty()
                        ? Message{QT_TRANSLATE_NOOP("Core", "no GPUs: drop a GPU or a server onto the canvas"), {}}
                        : notInParts(gpuId);
        return c;
    }
    c.gpu = *gpu;
    const ServerGraph graph = serverGraph(t, parts, gpuId);
    std::optional<LinkPath> inside;
    double hostBandwidth = 0;
    c.cloud = true;
    const PartsByServer partsIn(t);
    for (const auto &[serverId, server] : graph.servers) {
        if (server.gpus == 0)
            continue;
        ++c.servers;
        c.gpuCount += server.gpus;
        c.gpusPerServer = std::max(c.gpusPerServer, server.gpus);
        if (const std::optional<LinkPath> p = serverPath(t, server, *gpu, parts))
            inside = inside ? slower(*inside, *p) : *p;
        const TopologyNode *node = t.node(serverId);
        c.cloud = c.cloud && node && !node->cloudInstanceId.empty();
        double serverHost = 0;
        for (const TopologyNode *part : partsIn.of(serverId))
            if (const CpuSpec *cpu = part->kind == NodeKind::Cpu ? parts.cpu(part->catalogueId) : nullptr)
                serverHost += units::inGBPerSecond(cpu->memoryBandwidth) * part->count;
        if (serverHost > 0)
            hostBandwidth = hostBandwidth > 0 ? std::min(hostBandwidth, serverHost) : serverHost;
    }
    c.links = singleServerLinks(*gpu);
    if (inside) {
        c.links.tensorParallel = *inside;
        c.links.pipeline = *inside;
        c.links.expertParallel = *inside;
    } else {
        c.links.tensorParallel = c.links.pipeline = c.links.expertParallel = pcieLink(*gpu);
    }
    if (hostBandwidth > 0)
        c.links.hostMemory = units::gigabytesPerSecond(hostBandwidth);
    c.dataParallel = c.links.tensorParallel;
    c.gpusPerDomain = c.gpusPerServer;
    const std::optional<Domains> domains = domainsOf(graph);
    if (domains && domains->fewestGpus > c.gpusPerServer) {
        c.gpusPerDomain = domains->fewestGpus;
        c.domain = inside ? slower(*inside, domains->path) : domains->path;
    }
    if (c.servers > 1 && isFleet(graph)) {
        // No path between servers: replicas stay inside one, and nothing
        // crosses servers (the links between them are none).
        c.fleet = true;
        c.links.pipeline = c.links.expertParallel = c.dataParallel = LinkPath{};
        return c;
    }
    if (c.servers > 1) {
        if (reachable(graph).size() < graph.servers.size()) {
            c.problem = {QT_TRANSLATE_NOOP(
                             "Core", "some GPUs have no path to the others: link the servers (InfiniBand or Ethernet)"),
                         {}};
            return c;
        }
        // Every pair's links are shared by the GPUs of the smaller server; the
        // weakest pair limits the collectives that cross servers. Servers
        // joined only by a fabric (one NVL72 rack) cross it instead.
        std::optional<LinkPath> between;
        for (const auto &[key, path] : graph.edges) {
            const int gpus = std::max(1, std::min(graph.servers.at(key.first).gpus, graph.servers.at(key.second).gpus));
            const LinkPath perGpu{path.bandwidth / static_cast<double>(gpus), path.latency};
            between = between ? slower(*between, perGpu) : perGpu;
        }
        if (!between)
            between = c.domain;
        c.links.pipeline = *between;
        c.links.expertParallel = *between;
        c.dataParallel = *between;
    }
    return c;
}

Cluster cpuDeviceCluster(const CpuSpec &cpu, units::Bytes memory)
{
    Cluster c;
    c.cpuOnly = true;
    c.gpu = cpuAsDevice(cpu, memory);
    c.gpuCount = c.servers = c.gpusPerServer = c.gpusPerDomain = 1;
    c.links = singleServerLinks(*c.gpu);
    c.links.hostMemory = cpu.memoryBandwidth;
    c.dataParallel = c.links.tensorParallel;
    return c;
}

namespace {

// `gpus` of the cluster's GPUs, in servers as full as the cluster's.
Cluster poolOf(const Cluster &c, int gpus)
{
    Cluster pool = c;
    pool.gpuCount = gpus;
    pool.gpusPerServer = std::max(1, std::min(c.gpusPerServer, gpus));
    pool.servers = (gpus + pool.gpusPerServer - 1) / pool.gpusPerServer;
    if (pool.servers == 1)
        pool.links.pipeline = pool.links.expertParallel = pool.dataParallel = c.links.tensorParallel;
    return pool;
}

} // namespace

ClusterPools splitCluster(const Cluster &c, int prefillGpus)
{
    ClusterPools pools{poolOf(c, prefillGpus), poolOf(c, c.gpuCount - prefillGpus), c.links.tensorParallel};
    if (c.servers > 1)
        pools.kvTransfer = c.gpuCount <= std::max(c.gpusPerDomain, c.gpusPerServer) ? c.domain : c.dataParallel;
    return pools;
}

LinkPath scaleOutPath(const LinkSpec &link, double ports, int gpusSharing)
{
    const LinkPath all = pathOf(link, 1);
    return LinkPath{all.bandwidth * (std::max(ports, 0.0) / std::max(gpusSharing, 1)), all.latency};
}

Cluster clusterOfServers(const GpuSpec &gpu, int gpuCount, int gpusPerServer, const PerfLinks &inside,
                         const LinkPath &between)
{
    Cluster c;
    c.gpu = gpu;
    c.gpuCount = gpuCount;
    c.gpusPerServer = std::max(1, std::min(gpusPerServer, gpuCount));
    // In 64 bits: a count near INT_MAX must not overflow on the way.
    c.servers = static_cast<int>((static_cast<std::int64_t>(gpuCount) + c.gpusPerServer - 1) / c.gpusPerServer);
    c.links = inside;
    c.links.pipeline = c.links.expertParallel = c.dataParallel = inside.tensorParallel;
    if (c.servers > 1) {
        if (between.bandwidth <= units::gigabytesPerSecond(0)) {
            c.problem = {QT_TRANSLATE_NOOP(
                             "Core", "some GPUs have no path to the others: link the servers (InfiniBand or Ethernet)"),
                         {}};
            return c;
        }
        c.links.pipeline = c.links.expertParallel = c.dataParallel = between;
    }
    return c;
}

std::optional<Message> linkProblem(const Topology &t, const PartSnapshot &parts, int from, int to, const LinkSpec &link)
{
    const TopologyNode *a = t.node(from);
    const TopologyNode *b = t.node(to);
    if (!a || !b)
        return Message{QT_TRANSLATE_NOOP("Core", "a link needs two parts"), {}};
    if (from == to)
        return Message{QT_TRANSLATE_NOOP("Core", "a part cannot be linked to itself"), {}};
    for (const TopologyNode *n : {a, b})
        if (n->kind == NodeKind::Cpu || n->kind == NodeKind::Memory || n->kind == NodeKind::Storage)
            return Message{QT_TRANSLATE_NOOP("Core", "%1 cannot be linked: links join GPUs, servers and network cards"),
                           {nameOf(*n)}};
    const bool sameServer = t.serverOf(from) == t.serverOf(to);
    if (isScaleOut(link.kind)) {
        if (a->kind == NodeKind::Gpu || b->kind == NodeKind::Gpu)
            return Message{QT_TRANSLATE_NOOP("Core", "%1 joins servers or their network cards, not GPUs"), {link.name}};
        if (sameServer)
            return Message{QT_TRANSLATE_NOOP("Core", "%1 joins two servers, not parts of one server"), {link.name}};
        return std::nullopt;
    }
    if (spansServers(link) && !sameServer)
        return domainProblem(t, parts, *a, *b, link);
    // NVLink, NVSwitch, Infinity Fabric and PCIe join GPUs inside one server.
    if (a->kind != NodeKind::Gpu || b->kind != NodeKind::Gpu)
        return Message{QT_TRANSLATE_NOOP("Core", "%1 joins GPUs; link servers with InfiniBand or Ethernet"),
                       {link.name}};
    if (!sameServer)
        return Message{
            QT_TRANSLATE_NOOP("Core", "%1 does not leave a server; link servers with InfiniBand or Ethernet"),
            {link.name}};
    for (const TopologyNode *n : {a, b}) {
        const GpuSpec *gpu = parts.gpu(n->catalogueId);
        if (!gpu)
            return notInParts(n->catalogueId);
        const bool nvidiaFabric = link.kind == LinkKind::NvLink || link.kind == LinkKind::NvSwitch;
        if (nvidiaFabric && gpu->nvlinkBandwidth <= units::gigabytesPerSecond(0))
            return Message{QT_TRANSLATE_NOOP("Core", "%1 has no NVLink"), {gpu->name}};
        if (link.kind == LinkKind::InfinityFabric && gpu->vendor != "AMD")
            return Message{QT_TRANSLATE_NOOP("Core", "%1 has no Infinity Fabric"), {gpu->name}};
    }
    return std::nullopt;
}

std::vector<TopologyIssue> checkTopology(const Topology &t, const PartSnapshot &parts)
{
    std::vector<TopologyIssue> issues;
    const PartsByServer partsIn(t);
    for (const TopologyNode &n : t.nodes) {
        if (n.kind != NodeKind::Server) {
            if (!t.node(n.parent))
                issues.push_back(issue(n.id, 0, {QT_TRANSLATE_NOOP("Core", "%1 is not inside a server"), {nameOf(n)}}));
            if (n.kind == NodeKind::Gpu && !parts.gpu(n.catalogueId))
                issues.push_back(issue(n.id, 0, notInParts(n.catalogueId)));
            const LinkSpec *fabric = parts.link(n.fabricLinkId);
            const GpuSpec *gpu = parts.gpu(n.catalogueId);
            if (n.kind == NodeKind::Gpu && fabric && gpu && !fabricWorks(*fabric, *gpu))
                issues.push_back(issue(n.id, 0,
                                       {QT_TRANSLATE_NOOP("Core", "%1 has no NVLink: %2 cannot join these GPUs"),
                                        {gpu->name, fabric->name}},
                                       pcieFallback()));
            else if (n.kind == NodeKind::Gpu && fabric && !fabricHolds(*fabric, n.count))
                issues.push_back(issue(n.id, 0,
                                       {QT_TRANSLATE_NOOP("Core", "%1 joins at most %2 GPUs; this group has %3"),
                                        {fabric->name, std::to_string(fabric->domainGpus), std::to_string(n.count)}},
                                       pcieFallback()));
            continue;
        }
        std::set<std::string> gpuTypes;
        int gpuCount = 0;
        int lanes = 0;
        bool hasCpu = false;
        bool hasMemory = false;
        for (const TopologyNode *part : partsIn.of(n.id)) {
            if (part->kind == NodeKind::Gpu) {
                gpuTypes.insert(part->catalogueId);
                gpuCount += part->count;
                // A unified-memory chip (Apple M-series, GB10, Ryzen AI Max) is
                // the machine's CPU and memory too.
                const GpuSpec *gpu = parts.gpu(part->catalogueId);
                hasCpu = hasCpu || (gpu && gpu->gpuMemoryShare);
                hasMemory = hasMemory || (gpu && gpu->gpuMemoryShare);
            } else if (part->kind == NodeKind::Cpu) {
                hasCpu = true;
                if (const CpuSpec *cpu = parts.cpu(part->catalogueId))
                    lanes += cpu->pcieLanes * part->count;
            } else if (part->kind == NodeKind::Memory) {
                hasMemory = true;
            }
        }
        const bool rented = !n.cloudInstanceId.empty();
        if (!rented && !hasCpu)
            issues.push_back(issue(
                n.id, 0, {QT_TRANSLATE_NOOP("Core", "%1 has no CPU: a server needs a host processor"), {nameOf(n)}}));
        if (!rented && !hasMemory)
            issues.push_back(
                issue(n.id, 0, {QT_TRANSLATE_NOOP("Core", "%1 has no memory: a server needs host RAM"), {nameOf(n)}}));
        if (gpuTypes.size() > 1)
            issues.push_back(
                issue(n.id, 0,
                      {QT_TRANSLATE_NOOP("Core", "%1 mixes GPU types; a tensor-parallel group needs identical GPUs"),
                       {nameOf(n)}}));
        if (lanes > 0 && gpuCount * kMinimumLanesPerGpu > lanes)
            issues.push_back(issue(
                n.id, 0,
                {QT_TRANSLATE_NOOP("Core", "%1 GPUs need at least %2 PCIe lanes (x8 each); the CPUs provide %3"),
                 {std::to_string(gpuCount), std::to_string(gpuCount * kMinimumLanesPerGpu), std::to_string(lanes)}}));
    }
    for (const TopologyLink &l : t.links) {
        const LinkSpec *spec = parts.link(l.linkId);
        if (!spec) {
            issues.push_back(
                issue(l.from, l.id, {QT_TRANSLATE_NOOP("Core", "link '%1' is not in the plan's parts"), {l.linkId}}));
            continue;
        }
        if (const std::optional<Message> problem = linkProblem(t, parts, l.from, l.to, *spec)) {
            const TopologyNode *a = t.node(l.from);
            const TopologyNode *b = t.node(l.to);
            const bool gpusOfOneServer = a && b && a->kind == NodeKind::Gpu && b->kind == NodeKind::Gpu
                                         && t.serverOf(l.from) == t.serverOf(l.to);
            issues.push_back(issue(
                l.from, l.id, *problem,
                gpusOfOneServer ? pcieFallback()
                                : Message{QT_TRANSLATE_NOOP("Core", "the estimate does not count this link"), {}}));
        }
    }
    const ServerGraph graph = serverGraph(t, parts, mostNumerousGpu(t));
    if (graph.servers.size() > 1 && !isFleet(graph)) {
        const std::set<int> connected = reachable(graph);
        for (const auto &[serverId, server] : graph.servers)
            if (!connected.count(serverId))
                for (const TopologyNode *group : server.groups)
                    issues.push_back(
                        issue(group->id, 0,
                              {QT_TRANSLATE_NOOP("Core", "%1 has no path to the other GPUs: link its server to the "
                                                         "others (InfiniBand or Ethernet)"),
                               {nameOf(*group)}}));
    }
    return issues;
}

} // namespace planner
