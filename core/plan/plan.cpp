#include "core/plan/plan.h"

#include "core/util/countlimits.h"
#include "core/util/text.h"

#include <string>

namespace planner {

std::vector<Problem> validate(const Plan &plan)
{
    ProblemList problems("invalid-plan");
    const PlanWorkload &w = plan.workload;
    if (w.inputTokens < 1 || w.outputTokens < 1)
        problems.add(w.inputTokens < 1 ? "input-len" : "output-len",
                     QT_TRANSLATE_NOOP("Core", "input and output lengths must be at least 1 token"));
    if (w.contextTokens < 1)
        problems.add("context", QT_TRANSLATE_NOOP("Core", "the context must be at least 1 token"));
    if (w.byRequestRate && !(w.requestsPerSecond > 0))
        problems.add("qps", QT_TRANSLATE_NOOP("Core", "the request rate must be positive"));
    if (!w.byRequestRate && w.concurrency < 1)
        problems.add("concurrency", QT_TRANSLATE_NOOP("Core", "concurrency must be at least 1"));
    if (!(w.ttftSloSeconds > 0) || !(w.tpotSloSeconds > 0))
        problems.add(w.ttftSloSeconds > 0 ? "tpot-slo" : "ttft-slo",
                     QT_TRANSLATE_NOOP("Core", "the TTFT and TPOT targets must be positive"));
    if (!(w.prefixCacheHitRate >= 0 && w.prefixCacheHitRate < 1))
        problems.add("prefix-hit",
                     QT_TRANSLATE_NOOP("Core", "the prefix-cache hit rate is a share of each prompt's tokens, at "
                                               "least 0 and below 1, got %1"),
                     {plainNumber(w.prefixCacheHitRate)});
    if (!(w.peakFactor >= 1 && w.peakFactor <= 100))
        problems.add("peak-factor",
                     QT_TRANSLATE_NOOP("Core", "the peak factor is the busiest load over the average, from 1 to "
                                               "100, got %1"),
                     {plainNumber(w.peakFactor)});
    for (const UserPrice &price : plan.userPrices)
        if (!(price.usd > 0 && price.usd < 1e9))
            problems.add("user-price",
                         QT_TRANSLATE_NOOP("Core", "the price typed for %1 must be a positive amount below 1e9 USD, "
                                                   "got %2"),
                         {price.id, plainNumber(price.usd)});
    for (const std::string &id : plan.modelIds)
        if (!plan.parts.model(id))
            problems.add("model", QT_TRANSLATE_NOOP("Core", "model '%1' is not in the plan's part snapshot"), {id});
    for (const Scenario &s : plan.scenarios) {
        ProblemList scenario("invalid-plan");
        scenario.addAll(validate(s.costs));
        if (s.deployment.spareServers < 0 || s.deployment.spareServers > 1024)
            scenario.add("spare-servers",
                         QT_TRANSLATE_NOOP("Core", "spare servers must be between 0 and 1,024, got %1"),
                         {std::to_string(s.deployment.spareServers)});
        for (const TopologyNode &n : s.topology.nodes) {
            if (n.count < 1)
                scenario.add("count", QT_TRANSLATE_NOOP("Core", "%1 has a count below 1"), {n.name});
            if (n.count > kMaxHardwareCount)
                scenario.add("count",
                             QT_TRANSLATE_NOOP("Core", "%1 has a count of %2, more than the %3 the planner takes"),
                             {n.name, std::to_string(n.count), std::to_string(kMaxHardwareCount)});
            if (n.kind != NodeKind::Server && !s.topology.node(n.parent))
                scenario.add("parent", QT_TRANSLATE_NOOP("Core", "%1 is not inside a server"), {n.name});
            if (n.kind == NodeKind::Gpu && !plan.parts.gpu(n.catalogueId))
                scenario.add("gpu", QT_TRANSLATE_NOOP("Core", "GPU '%1' is not in the plan's part snapshot"),
                             {n.catalogueId});
            if (const std::int64_t inCluster = s.topology.countAcrossServers(n); inCluster > kMaxHardwareCount)
                scenario.add("count",
                             QT_TRANSLATE_NOOP("Core", "%1 comes to %2 across its servers, more than the %3 the "
                                                       "planner takes"),
                             {n.name, std::to_string(inCluster), std::to_string(kMaxHardwareCount)});
        }
        if (const std::int64_t gpus = s.topology.gpuCount(); gpus > kMaxGpus)
            scenario.add("count",
                         QT_TRANSLATE_NOOP("Core", "the scenario holds %1 GPUs, more than the %2 the planner takes"),
                         {std::to_string(gpus), std::to_string(kMaxGpus)});
        for (const TopologyLink &l : s.topology.links) {
            if (!s.topology.node(l.from) || !s.topology.node(l.to))
                scenario.add("link", QT_TRANSLATE_NOOP("Core", "a link joins a node that does not exist"));
            if (!plan.parts.link(l.linkId))
                scenario.add("link", QT_TRANSLATE_NOOP("Core", "link '%1' is not in the plan's part snapshot"),
                             {l.linkId});
        }
        problems.addAll(scenario.take(), s.name);
    }
    return problems.take();
}

} // namespace planner
