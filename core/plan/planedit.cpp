#include "core/plan/planedit.h"

#include "core/topology/cluster.h"
#include "core/util/countlimits.h"

#include <algorithm>
#include <cmath>

namespace planner::planedit {

namespace {

template <typename Spec>
void keepIn(std::vector<Spec> &snapshot, const Spec &spec)
{
    const auto found = std::find_if(snapshot.begin(), snapshot.end(), [&](const Spec &s) { return s.id == spec.id; });
    if (found == snapshot.end())
        snapshot.push_back(spec);
    else
        *found = spec; // the catalogue's current figures
}

PlanChange scenarioChange(unsigned aspects, std::size_t scenario, std::set<int> items = {})
{
    return {aspects, scenario, std::move(items)};
}

Topology &topologyOf(Plan &plan, std::size_t scenario)
{
    return plan.scenarios.at(scenario).topology;
}

int addNode(Topology &t, TopologyNode node)
{
    node.id = t.nextId();
    t.nodes.push_back(std::move(node));
    return t.nodes.back().id;
}

int addEmptyServer(Topology &t, const std::string &name, Point at)
{
    TopologyNode server;
    server.kind = NodeKind::Server;
    server.name = name;
    server.x = at.x;
    server.y = at.y;
    return addNode(t, std::move(server));
}

int addPartNode(Topology &t, NodeKind kind, int server, const std::string &id, const std::string &name, int count)
{
    TopologyNode part;
    part.kind = kind;
    part.parent = server;
    part.catalogueId = id;
    part.name = name;
    part.count = count;
    return addNode(t, std::move(part));
}

// "Server 3": the first number not used by another server's default name.
std::string newServerName(const Topology &t)
{
    const auto servers = t.servers();
    for (size_t n = servers.size() + 1;; ++n) {
        const std::string name = "Server " + std::to_string(n);
        if (std::none_of(servers.begin(), servers.end(), [&](const TopologyNode *s) { return s->name == name; }))
            return name;
    }
}

// The ids of a server and everything in it: what the canvas redraws.
std::set<int> serverAndParts(const Topology &t, int server)
{
    std::set<int> ids{server};
    for (const TopologyNode &n : t.nodes)
        if (n.parent == server)
            ids.insert(n.id);
    return ids;
}

EditResult added(std::size_t scenario, const Topology &t, int server, int created)
{
    EditResult result;
    result.change = scenarioChange(PlanChange::Topology, scenario, serverAndParts(t, server));
    result.created = {created};
    return result;
}

EditResult refused(Message why)
{
    EditResult result;
    result.refusal = std::move(why);
    return result;
}

NodeKind kindOf(const PartSpec &part)
{
    switch (part.index()) {
    case 0: return NodeKind::Gpu;
    case 1: return NodeKind::Cpu;
    case 2: return NodeKind::Memory;
    case 3: return NodeKind::Storage;
    default: return NodeKind::Nic;
    }
}

} // namespace

void keep(PartSnapshot &parts, const PartSpec &spec)
{
    std::visit(
        [&](const auto &s) {
            using Spec = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<Spec, GpuSpec>)
                keepIn(parts.gpus, s);
            else if constexpr (std::is_same_v<Spec, CpuSpec>)
                keepIn(parts.cpus, s);
            else if constexpr (std::is_same_v<Spec, MemoryModuleSpec>)
                keepIn(parts.memory, s);
            else if constexpr (std::is_same_v<Spec, StorageSpec>)
                keepIn(parts.storage, s);
            else
                keepIn(parts.links, s);
        },
        spec);
}

void keep(PartSnapshot &parts, const ModelSpec &model)
{
    keepIn(parts.models, model);
}

void keep(PartSnapshot &parts, const NetworkParts &network)
{
    if (network.adapter)
        keepIn(parts.nics, *network.adapter);
    if (network.cable)
        keepIn(parts.cables, *network.cable);
    if (network.fabricSwitch)
        keepIn(parts.switches, *network.fabricSwitch);
}

EditResult addServer(Plan &plan, std::size_t scenario, const ResolvedServer &r, Point at)
{
    Topology &t = topologyOf(plan, scenario);
    PartSnapshot &parts = plan.parts;
    keepIn(parts.servers, r.server);
    keep(parts, r.gpu);
    const int server = addEmptyServer(t, r.server.name, at);
    t.node(server)->catalogueId = r.server.id;
    const int gpus = addPartNode(t, NodeKind::Gpu, server, r.gpu.id, r.gpu.name, r.server.gpu.count);
    if (r.gpuLink && r.gpuLink->kind != LinkKind::Pcie) {
        keep(parts, *r.gpuLink);
        t.node(gpus)->fabricLinkId = r.gpuLink->id;
    }
    const auto addOptional = [&](const auto &spec, NodeKind kind, int count) {
        if (!spec || count < 1)
            return;
        keep(parts, *spec);
        addPartNode(t, kind, server, spec->id, spec->name, count);
    };
    addOptional(r.cpu, NodeKind::Cpu, r.server.cpu.count);
    addOptional(r.memory, NodeKind::Memory, r.server.memory.count);
    addOptional(r.storage, NodeKind::Storage, r.server.storage.count);
    addOptional(r.nic, NodeKind::Nic, r.server.nic.count);
    if (r.nic && r.server.nic.count > 0)
        keep(parts, r.network);
    return added(scenario, t, server, server);
}

EditResult addCloudInstance(Plan &plan, std::size_t scenario, const CloudInstance &instance, const GpuSpec &gpu,
                            const std::optional<LinkSpec> &fabric, Point at)
{
    Topology &t = topologyOf(plan, scenario);
    keepIn(plan.parts.instances, instance);
    keep(plan.parts, gpu);
    const int server = addEmptyServer(t, instance.provider + " " + instance.name, at);
    t.node(server)->cloudInstanceId = instance.id;
    const int gpus = addPartNode(t, NodeKind::Gpu, server, gpu.id, gpu.name, instance.gpuCount);
    if (fabric && instance.gpuCount > 1) {
        keep(plan.parts, *fabric);
        t.node(gpus)->fabricLinkId = fabric->id;
    }
    return added(scenario, t, server, server);
}

EditResult addPart(Plan &plan, std::size_t scenario, const PartSpec &part, int server, Point at)
{
    Topology &t = topologyOf(plan, scenario);
    if (server != 0) {
        const TopologyNode *target = t.node(server);
        if (!target || target->kind != NodeKind::Server)
            return refused({QT_TRANSLATE_NOOP("Core", "parts go into a server"), {}});
    }
    const NodeKind kind = kindOf(part);
    const auto [id, name] = std::visit([](const auto &s) { return std::pair{s.id, s.name}; }, part);
    keep(plan.parts, part);
    if (server == 0)
        server = addEmptyServer(t, newServerName(t), at);
    for (TopologyNode &n : t.nodes)
        if (n.parent == server && n.kind == kind && n.catalogueId == id) {
            ++n.count;
            return added(scenario, t, server, n.id);
        }
    const int node = addPartNode(t, kind, server, id, name, 1);
    return added(scenario, t, server, node);
}

EditResult addLink(Plan &plan, std::size_t scenario, int from, int to, const LinkSpec &link,
                   const NetworkParts &network)
{
    Topology &t = topologyOf(plan, scenario);
    if (std::optional<Message> problem = linkProblem(t, plan.parts, from, to, link))
        return refused(std::move(*problem));
    keep(plan.parts, link);
    keep(plan.parts, network);
    const int id = t.nextId();
    t.links.push_back({id, from, to, link.id, 1});
    EditResult result;
    result.change = scenarioChange(PlanChange::Topology, scenario, {id});
    result.created = {id};
    return result;
}

EditResult pasteServers(Plan &plan, std::size_t scenario, const Topology &source, const std::set<int> &servers,
                        Point offset)
{
    Topology &t = topologyOf(plan, scenario);
    std::map<int, int> newIds;
    int next = t.nextId();
    for (const TopologyNode &n : source.nodes)
        if (servers.count(n.id) || servers.count(n.parent))
            newIds[n.id] = next++;
    EditResult result;
    for (const TopologyNode &n : source.nodes) {
        if (!newIds.count(n.id))
            continue;
        TopologyNode copy = n;
        copy.id = newIds[n.id];
        copy.parent = n.parent ? newIds[n.parent] : 0;
        if (copy.kind == NodeKind::Server) {
            copy.x += offset.x;
            copy.y += offset.y;
            copy.name += " (copy)";
            result.created.insert(copy.id);
        }
        result.change.items.insert(copy.id);
        t.nodes.push_back(std::move(copy));
    }
    for (const TopologyLink &l : source.links)
        if (newIds.count(l.from) && newIds.count(l.to)) {
            result.change.items.insert(next);
            t.links.push_back({next++, newIds[l.from], newIds[l.to], l.linkId, l.count});
        }
    if (!result.created.empty()) {
        result.change.aspects = PlanChange::Topology;
        result.change.scenario = scenario;
    }
    return result;
}

PlanChange moveServers(Plan &plan, std::size_t scenario, const std::map<int, Point> &positions)
{
    Topology &t = topologyOf(plan, scenario);
    PlanChange change = scenarioChange(PlanChange::None, scenario);
    for (const auto &[id, position] : positions)
        if (TopologyNode *n = t.node(id);
            n && n->kind == NodeKind::Server && (n->x != position.x || n->y != position.y)) {
            n->x = position.x;
            n->y = position.y;
            change.aspects = PlanChange::Layout;
            change.items.insert(id);
        }
    return change;
}

PlanChange removeItems(Plan &plan, std::size_t scenario, const std::set<int> &ids)
{
    Topology &t = topologyOf(plan, scenario);
    std::set<int> nodes;
    for (int id : ids)
        if (t.node(id))
            nodes.insert(id);
    for (const TopologyNode &n : t.nodes)
        if (nodes.count(n.parent))
            nodes.insert(n.id);
    PlanChange change = scenarioChange(PlanChange::None, scenario, nodes);
    std::erase_if(t.nodes, [&](const TopologyNode &n) { return nodes.count(n.id) > 0; });
    std::erase_if(t.links, [&](const TopologyLink &l) {
        const bool gone = ids.count(l.id) > 0 || nodes.count(l.from) > 0 || nodes.count(l.to) > 0;
        if (gone)
            change.items.insert(l.id);
        return gone;
    });
    // The servers whose parts went stay, and are redrawn without them.
    if (!change.items.empty())
        change.aspects = PlanChange::Topology;
    return change;
}

PlanChange setCount(Plan &plan, std::size_t scenario, int id, int count)
{
    Topology &t = topologyOf(plan, scenario);
    if (count < 1 || count > kMaxHardwareCount)
        return scenarioChange(PlanChange::None, scenario);
    if (TopologyNode *n = t.node(id); n && n->kind != NodeKind::Server && n->count != count) {
        const int before = n->count;
        n->count = count;
        if (n->kind == NodeKind::Gpu && t.gpuCount() > kMaxGpus) { // a plan the planner could not open again
            n->count = before;
            return scenarioChange(PlanChange::None, scenario);
        }
        return scenarioChange(PlanChange::Topology, scenario, {id});
    }
    const auto link = std::find_if(t.links.begin(), t.links.end(), [id](const TopologyLink &l) { return l.id == id; });
    if (link != t.links.end() && link->count != count) {
        link->count = count;
        return scenarioChange(PlanChange::Topology, scenario, {id});
    }
    return scenarioChange(PlanChange::None, scenario);
}

PlanChange renameNode(Plan &plan, std::size_t scenario, int node, const std::string &name)
{
    TopologyNode *n = topologyOf(plan, scenario).node(node);
    if (!n || name.empty() || n->name == name)
        return scenarioChange(PlanChange::None, scenario);
    n->name = name;
    return scenarioChange(PlanChange::Labels, scenario, {node});
}

PlanChange setFabric(Plan &plan, std::size_t scenario, int gpuNode, const std::optional<LinkSpec> &fabric)
{
    TopologyNode *n = topologyOf(plan, scenario).node(gpuNode);
    const std::string id = fabric ? fabric->id : std::string();
    if (!n || n->kind != NodeKind::Gpu || n->fabricLinkId == id)
        return scenarioChange(PlanChange::None, scenario);
    if (fabric)
        keep(plan.parts, *fabric);
    n->fabricLinkId = id;
    return scenarioChange(PlanChange::Topology, scenario, {gpuNode});
}

PlanChange arrangeInGrid(Plan &plan, std::size_t scenario)
{
    Topology &t = topologyOf(plan, scenario);
    std::vector<TopologyNode *> servers;
    for (TopologyNode &n : t.nodes)
        if (n.kind == NodeKind::Server)
            servers.push_back(&n);
    const int columns = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(servers.size())))));
    // A cell holds a server item (300 wide) and room for the links' labels.
    constexpr double kCellWidth = 340;
    constexpr double kCellHeight = 260;
    std::map<int, Point> positions;
    for (size_t i = 0; i < servers.size(); ++i)
        positions[servers[i]->id] = {static_cast<double>(static_cast<int>(i) % columns) * kCellWidth,
                                     static_cast<double>(static_cast<int>(i) / columns) * kCellHeight};
    return moveServers(plan, scenario, positions);
}

PlanChange setWorkload(Plan &plan, const PlanWorkload &workload)
{
    plan.workload = workload;
    return {PlanChange::Workload, 0, {}};
}

PlanChange setDeployment(Plan &plan, std::size_t scenario, const DeploymentSettings &settings)
{
    if (plan.scenarios.at(scenario).deployment == settings)
        return {}; // no empty undo step
    plan.scenarios.at(scenario).deployment = settings;
    return scenarioChange(PlanChange::Deployment, scenario);
}

PlanChange setTraining(Plan &plan, std::size_t scenario, const std::optional<TrainingSettings> &training)
{
    if (plan.scenarios.at(scenario).training == training)
        return {}; // no empty undo step
    plan.scenarios.at(scenario).training = training;
    return scenarioChange(PlanChange::Deployment, scenario);
}

PlanChange setUserPrice(Plan &plan, PricedKind kind, const std::string &id, const std::optional<UserPrice> &price)
{
    std::vector<UserPrice> &prices = plan.userPrices;
    const auto found = std::find_if(prices.begin(), prices.end(),
                                    [&](const UserPrice &p) { return p.kind == kind && p.id == id; });
    if (!price) {
        if (found == prices.end())
            return {};
        prices.erase(found);
        return {PlanChange::Prices, 0, {}};
    }
    if (found != prices.end() && *found == *price)
        return {}; // no empty undo step
    if (found != prices.end())
        *found = *price;
    else
        prices.push_back(*price);
    return {PlanChange::Prices, 0, {}};
}

PlanChange setCosts(Plan &plan, std::size_t scenario, const CostAssumptions &costs, CloudTier tier)
{
    Scenario &s = plan.scenarios.at(scenario);
    s.costs = costs;
    s.cloudTier = tier;
    return scenarioChange(PlanChange::Costs, scenario);
}

PlanChange setModels(Plan &plan, const std::string &family, const std::vector<std::string> &ids,
                     const std::vector<ModelSpec> &specs)
{
    for (const ModelSpec &spec : specs)
        keep(plan.parts, spec);
    plan.modelFamily = family;
    plan.modelIds.clear();
    for (const std::string &id : ids)
        if (plan.parts.model(id))
            plan.modelIds.push_back(id);
    return {PlanChange::Models, 0, {}};
}

PlanChange addScenario(Plan &plan, Scenario scenario)
{
    plan.scenarios.push_back(std::move(scenario));
    return {PlanChange::Scenarios, plan.scenarios.size() - 1, {}};
}

PlanChange renameScenario(Plan &plan, std::size_t index, const std::string &name)
{
    if (index >= plan.scenarios.size() || name.empty() || plan.scenarios[index].name == name)
        return {};
    plan.scenarios[index].name = name;
    return {PlanChange::Scenarios, index, {}};
}

PlanChange removeScenario(Plan &plan, std::size_t index)
{
    if (index >= plan.scenarios.size() || plan.scenarios.size() < 2)
        return {};
    plan.scenarios.erase(plan.scenarios.begin() + static_cast<std::ptrdiff_t>(index));
    return {PlanChange::Scenarios, index, {}};
}

} // namespace planner::planedit
