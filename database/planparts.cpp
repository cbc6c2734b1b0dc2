#include "database/planparts.h"

#include <cmath>

namespace planner {

namespace {

template <typename Spec>
std::optional<Spec> lookUp(const Catalogue &catalogue, const QString &id, const char *what, QString *error)
{
    std::optional<Spec> spec = catalogue.find<Spec>(id);
    if (!spec && error)
        *error = QStringLiteral("the catalogue has no %1 '%2'").arg(QLatin1String(what), id);
    return spec;
}

template <typename Spec>
std::optional<planedit::PartSpec> asPart(std::optional<Spec> spec)
{
    if (!spec)
        return std::nullopt;
    return planedit::PartSpec(std::move(*spec));
}

// The catalogue's NVLink or NVSwitch whose bandwidth per direction is half
// the GPU's NVLink figure (which counts both directions).
std::optional<LinkSpec> nvlinkFabricOf(const Catalogue &catalogue, const GpuSpec &gpu)
{
    if (gpu.nvlinkBandwidth <= units::gigabytesPerSecond(0))
        return std::nullopt;
    for (const LinkSpec &link : catalogue.list<LinkSpec>())
        if ((link.kind == LinkKind::NvSwitch || link.kind == LinkKind::NvLink)
            && std::abs(units::inGBPerSecond(link.bandwidthPerDirection)
                        - units::inGBPerSecond(gpu.nvlinkBandwidth) / 2)
                   < 1)
            return link;
    return std::nullopt;
}

} // namespace

std::optional<ResolvedServer> serverTemplateParts(const Catalogue &catalogue, const QString &templateId, QString *error)
{
    std::optional<ResolvedServer> server = catalogue.resolveServer(templateId);
    if (!server && error)
        *error = QStringLiteral("the catalogue has no server template '%1' (or not its GPU)").arg(templateId);
    return server;
}

std::optional<CloudInstanceParts> cloudInstanceParts(const Catalogue &catalogue, const QString &instanceId,
                                                     QString *error)
{
    std::optional<CloudInstance> instance = lookUp<CloudInstance>(catalogue, instanceId, "cloud instance", error);
    if (!instance)
        return std::nullopt;
    std::optional<GpuSpec> gpu = lookUp<GpuSpec>(catalogue, QString::fromStdString(instance->gpuId), "GPU", error);
    if (!gpu)
        return std::nullopt;
    std::optional<LinkSpec> fabric = instance->gpuCount > 1 ? nvlinkFabricOf(catalogue, *gpu) : std::nullopt;
    return CloudInstanceParts{std::move(*instance), std::move(*gpu), std::move(fabric)};
}

std::optional<planedit::PartSpec> partSpec(const Catalogue &catalogue, NodeKind kind, const QString &partId,
                                           QString *error)
{
    switch (kind) {
    case NodeKind::Gpu: return asPart(lookUp<GpuSpec>(catalogue, partId, "GPU", error));
    case NodeKind::Cpu: return asPart(lookUp<CpuSpec>(catalogue, partId, "CPU", error));
    case NodeKind::Memory: return asPart(lookUp<MemoryModuleSpec>(catalogue, partId, "memory module", error));
    case NodeKind::Storage: return asPart(lookUp<StorageSpec>(catalogue, partId, "storage device", error));
    case NodeKind::Nic: return asPart(lookUp<LinkSpec>(catalogue, partId, "network link", error));
    case NodeKind::Server: break;
    }
    if (error)
        *error = QStringLiteral("a server is added from a template or a cloud instance");
    return std::nullopt;
}

std::vector<ModelSpec> modelSpecs(const Catalogue &catalogue, const std::vector<std::string> &ids)
{
    std::vector<ModelSpec> specs;
    for (const std::string &id : ids)
        if (std::optional<ModelSpec> model = catalogue.find<ModelSpec>(QString::fromStdString(id)))
            specs.push_back(std::move(*model));
    return specs;
}

int addTemplateServer(Plan &plan, size_t scenario, const Catalogue &catalogue, const QString &templateId, double x,
                      double y, QString *error)
{
    const std::optional<ResolvedServer> server = serverTemplateParts(catalogue, templateId, error);
    return server ? planedit::addServer(plan, scenario, *server, {x, y}).firstCreated() : 0;
}

bool snapshotLink(Plan &plan, const Catalogue &catalogue, const QString &linkId)
{
    const std::optional<LinkSpec> link = catalogue.find<LinkSpec>(linkId);
    if (link)
        planedit::keep(plan.parts, *link);
    return link.has_value();
}

bool snapshotModel(Plan &plan, const Catalogue &catalogue, const QString &modelId)
{
    const std::optional<ModelSpec> model = catalogue.find<ModelSpec>(modelId);
    if (model)
        planedit::keep(plan.parts, *model);
    return model.has_value();
}

} // namespace planner
