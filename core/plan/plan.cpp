#include "core/plan/plan.h"

#include <algorithm>

namespace planner {

namespace {

template <typename Spec>
const Spec *byId(const std::vector<Spec> &specs, std::string_view id)
{
    const auto found = std::find_if(specs.begin(), specs.end(), [id](const Spec &s) { return s.id == id; });
    return found == specs.end() ? nullptr : &*found;
}

} // namespace

const GpuSpec *PartSnapshot::gpu(std::string_view id) const { return byId(gpus, id); }
const CpuSpec *PartSnapshot::cpu(std::string_view id) const { return byId(cpus, id); }
const MemoryModuleSpec *PartSnapshot::memoryModule(std::string_view id) const { return byId(memory, id); }
const StorageSpec *PartSnapshot::storageDevice(std::string_view id) const { return byId(storage, id); }
const LinkSpec *PartSnapshot::link(std::string_view id) const { return byId(links, id); }
const ServerTemplate *PartSnapshot::server(std::string_view id) const { return byId(servers, id); }
const CloudInstance *PartSnapshot::instance(std::string_view id) const { return byId(instances, id); }
const ModelSpec *PartSnapshot::model(std::string_view id) const { return byId(models, id); }

std::vector<std::string> validate(const Plan &plan)
{
    std::vector<std::string> errors;
    const PlanWorkload &w = plan.workload;
    if (w.inputTokens < 1 || w.outputTokens < 1)
        errors.push_back("input and output lengths must be at least 1 token");
    if (w.contextTokens < w.inputTokens + w.outputTokens)
        errors.push_back("the context (" + std::to_string(w.contextTokens) + " tokens) must hold the input and output ("
                         + std::to_string(w.inputTokens + w.outputTokens) + " tokens)");
    if (w.byRequestRate && !(w.requestsPerSecond > 0))
        errors.push_back("the request rate must be positive");
    if (!w.byRequestRate && w.concurrency < 1)
        errors.push_back("concurrency must be at least 1");
    if (!(w.ttftSloSeconds > 0) || !(w.tpotSloSeconds > 0))
        errors.push_back("the TTFT and TPOT targets must be positive");
    for (const std::string &id : plan.modelIds)
        if (!plan.parts.model(id))
            errors.push_back("model '" + id + "' is not in the plan's part snapshot");
    for (const Scenario &s : plan.scenarios) {
        for (const std::string &e : validate(s.costs))
            errors.push_back(s.name + ": " + e);
        for (const TopologyNode &n : s.topology.nodes) {
            if (n.count < 1)
                errors.push_back(s.name + ": " + n.name + " has a count below 1");
            if (n.kind != NodeKind::Server && !s.topology.node(n.parent))
                errors.push_back(s.name + ": " + n.name + " is not inside a server");
            if (n.kind == NodeKind::Gpu && !plan.parts.gpu(n.catalogueId))
                errors.push_back(s.name + ": GPU '" + n.catalogueId + "' is not in the plan's part snapshot");
        }
        for (const TopologyLink &l : s.topology.links) {
            if (!s.topology.node(l.from) || !s.topology.node(l.to))
                errors.push_back(s.name + ": a link joins a node that does not exist");
            if (!plan.parts.link(l.linkId))
                errors.push_back(s.name + ": link '" + l.linkId + "' is not in the plan's part snapshot");
        }
    }
    return errors;
}

} // namespace planner
