#include "core/plan/plan.h"

namespace planner {

std::vector<std::string> validate(const Plan &plan)
{
    std::vector<std::string> errors;
    const PlanWorkload &w = plan.workload;
    if (w.inputTokens < 1 || w.outputTokens < 1)
        errors.push_back("input and output lengths must be at least 1 token");
    if (w.contextTokens < 1)
        errors.push_back("the context must be at least 1 token");
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
