#include "database/planparts.h"

#include <algorithm>
#include <cmath>

namespace planner {

namespace {

template <typename Spec>
void keep(std::vector<Spec> &snapshot, const Spec &spec)
{
    const auto found = std::find_if(snapshot.begin(), snapshot.end(), [&](const Spec &s) { return s.id == spec.id; });
    if (found == snapshot.end())
        snapshot.push_back(spec);
    else
        *found = spec; // the catalogue's current figures
}

template <typename Spec>
std::optional<Spec> lookUp(const Catalogue &catalogue, const QString &id, const char *what, QString *error)
{
    std::optional<Spec> spec = catalogue.find<Spec>(id);
    if (!spec && error)
        *error = QStringLiteral("the catalogue has no %1 '%2'").arg(QLatin1String(what), id);
    return spec;
}

int addNode(Topology &t, TopologyNode node)
{
    node.id = t.nextId();
    t.nodes.push_back(node);
    return node.id;
}

int addEmptyServer(Topology &t, const std::string &name, double x, double y)
{
    TopologyNode server;
    server.kind = NodeKind::Server;
    server.name = name;
    server.x = x;
    server.y = y;
    return addNode(t, server);
}

int addPartNode(Topology &t, NodeKind kind, int server, const std::string &id, const std::string &name, int count)
{
    TopologyNode part;
    part.kind = kind;
    part.parent = server;
    part.catalogueId = id;
    part.name = name;
    part.count = count;
    return addNode(t, part);
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

} // namespace

int addTemplateServer(Plan &plan, size_t scenario, const Catalogue &catalogue, const QString &templateId, double x,
                      double y, QString *error)
{
    const std::optional<ResolvedServer> r = catalogue.resolveServer(templateId);
    if (!r) {
        if (error)
            *error = QStringLiteral("the catalogue has no server template '%1' (or not its GPU)").arg(templateId);
        return 0;
    }
    Topology &t = plan.scenarios.at(scenario).topology;
    PartSnapshot &parts = plan.parts;
    keep(parts.servers, r->server);
    keep(parts.gpus, r->gpu);
    const int server = addEmptyServer(t, r->server.name, x, y);
    t.node(server)->catalogueId = r->server.id;
    const int gpus = addPartNode(t, NodeKind::Gpu, server, r->gpu.id, r->gpu.name, r->server.gpu.count);
    if (r->gpuLink && r->gpuLink->kind != LinkKind::Pcie) {
        keep(parts.links, *r->gpuLink);
        t.node(gpus)->fabricLinkId = r->gpuLink->id;
    }
    if (r->cpu) {
        keep(parts.cpus, *r->cpu);
        addPartNode(t, NodeKind::Cpu, server, r->cpu->id, r->cpu->name, r->server.cpu.count);
    }
    if (r->memory) {
        keep(parts.memory, *r->memory);
        addPartNode(t, NodeKind::Memory, server, r->memory->id, r->memory->name, r->server.memory.count);
    }
    if (r->storage) {
        keep(parts.storage, *r->storage);
        addPartNode(t, NodeKind::Storage, server, r->storage->id, r->storage->name, r->server.storage.count);
    }
    if (r->nic && r->server.nic.count > 0) {
        keep(parts.links, *r->nic);
        addPartNode(t, NodeKind::Nic, server, r->nic->id, r->nic->name, r->server.nic.count);
    }
    return server;
}

int addCloudInstance(Plan &plan, size_t scenario, const Catalogue &catalogue, const QString &instanceId, double x,
                     double y, QString *error)
{
    const std::optional<CloudInstance> instance = lookUp<CloudInstance>(catalogue, instanceId, "cloud instance", error);
    if (!instance)
        return 0;
    const std::optional<GpuSpec> gpu = lookUp<GpuSpec>(catalogue, QString::fromStdString(instance->gpuId), "GPU",
                                                       error);
    if (!gpu)
        return 0;
    Topology &t = plan.scenarios.at(scenario).topology;
    keep(plan.parts.instances, *instance);
    keep(plan.parts.gpus, *gpu);
    const int server = addEmptyServer(t, instance->provider + " " + instance->name, x, y);
    t.node(server)->cloudInstanceId = instance->id;
    const int gpus = addPartNode(t, NodeKind::Gpu, server, gpu->id, gpu->name, instance->gpuCount);
    // Multi-GPU instances of NVLink GPUs come with their NVLink/NVSwitch fabric.
    if (instance->gpuCount > 1 && gpu->nvlinkBandwidth > units::gigabytesPerSecond(0)) {
        for (const LinkSpec &link : catalogue.list<LinkSpec>())
            if ((link.kind == LinkKind::NvSwitch || link.kind == LinkKind::NvLink)
                && std::abs(units::inGBPerSecond(link.bandwidthPerDirection)
                            - units::inGBPerSecond(gpu->nvlinkBandwidth) / 2)
                       < 1) {
                keep(plan.parts.links, link);
                t.node(gpus)->fabricLinkId = link.id;
                break;
            }
    }
    return server;
}

int addPartToServer(Plan &plan, size_t scenario, const Catalogue &catalogue, NodeKind kind, const QString &partId,
                    int server, double x, double y, QString *error)
{
    Topology &t = plan.scenarios.at(scenario).topology;
    std::string id;
    std::string name;
    switch (kind) {
    case NodeKind::Gpu:
        if (const auto spec = lookUp<GpuSpec>(catalogue, partId, "GPU", error)) {
            keep(plan.parts.gpus, *spec);
            id = spec->id;
            name = spec->name;
        }
        break;
    case NodeKind::Cpu:
        if (const auto spec = lookUp<CpuSpec>(catalogue, partId, "CPU", error)) {
            keep(plan.parts.cpus, *spec);
            id = spec->id;
            name = spec->name;
        }
        break;
    case NodeKind::Memory:
        if (const auto spec = lookUp<MemoryModuleSpec>(catalogue, partId, "memory module", error)) {
            keep(plan.parts.memory, *spec);
            id = spec->id;
            name = spec->name;
        }
        break;
    case NodeKind::Storage:
        if (const auto spec = lookUp<StorageSpec>(catalogue, partId, "storage device", error)) {
            keep(plan.parts.storage, *spec);
            id = spec->id;
            name = spec->name;
        }
        break;
    case NodeKind::Nic:
        if (const auto spec = lookUp<LinkSpec>(catalogue, partId, "network link", error)) {
            keep(plan.parts.links, *spec);
            id = spec->id;
            name = spec->name;
        }
        break;
    case NodeKind::Server:
        if (error)
            *error = QStringLiteral("a server is added from a template or a cloud instance");
        return 0;
    }
    if (id.empty())
        return 0;
    const TopologyNode *target = t.node(server);
    if (server != 0 && (!target || target->kind != NodeKind::Server)) {
        if (error)
            *error = QStringLiteral("parts go into a server");
        return 0;
    }
    if (server == 0)
        server = addEmptyServer(t, newServerName(t), x, y);
    // The same part dropped again into a server adds to its count.
    for (TopologyNode &n : t.nodes)
        if (n.parent == server && n.kind == kind && n.catalogueId == id) {
            ++n.count;
            return n.id;
        }
    return addPartNode(t, kind, server, id, name, 1);
}

bool snapshotLink(Plan &plan, const Catalogue &catalogue, const QString &linkId)
{
    const std::optional<LinkSpec> link = catalogue.find<LinkSpec>(linkId);
    if (link)
        keep(plan.parts.links, *link);
    return link.has_value();
}

bool snapshotModel(Plan &plan, const Catalogue &catalogue, const QString &modelId)
{
    const std::optional<ModelSpec> model = catalogue.find<ModelSpec>(modelId);
    if (model)
        keep(plan.parts.models, *model);
    return model.has_value();
}

} // namespace planner
