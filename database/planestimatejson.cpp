#include "database/planestimatejson.h"

#include "database/estimatejson.h"

#include <QJsonArray>

namespace planner {

namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QJsonValue orNull(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonArray texts(const std::vector<std::string> &items)
{
    QJsonArray array;
    for (const std::string &item : items)
        array.append(qs(item));
    return array;
}

std::string_view completenessName(CostCompleteness c)
{
    switch (c) {
    case CostCompleteness::Complete: return "complete";
    case CostCompleteness::LowerBound: return "lower_bound";
    case CostCompleteness::Unknown: return "unknown";
    }
    return "unknown";
}

QJsonObject trainingToJson(const TrainingOutcome &t)
{
    QJsonObject out{
        {"memory", trainingFitToJson(t.run.setup, t.memory)},
        {"run", t.time ? QJsonValue(trainingRunToJson(t.run, *t.time)) : QJsonValue()},
        {"run_cost_usd", orNull(t.runCostUsd)},
        {"usd_per_million_tokens", orNull(t.usdPerMillionTokens)},
        {"cost_is_lower_bound", t.costIsLowerBound},
        {"deadline_days", t.deadlineDays > 0 ? QJsonValue(t.deadlineDays) : QJsonValue()},
        {"deadline_sizing", qs(toString(t.deadlineSizing))},
        {"servers_for_deadline",
         t.deadlineSizing == DeadlineSizing::Found ? QJsonValue(t.serversForDeadline) : QJsonValue()},
    };
    return out;
}

} // namespace

QJsonObject versionEstimateToJson(const VersionEstimate &v)
{
    const bool sized = v.verdict.fits != Answer::Unknown;
    const TrainingOutcome *t = v.training ? &*v.training : nullptr; // memory per GPU from its run
    const auto bytes = [sized](units::Bytes b) {
        return sized ? QJsonValue(std::round(units::inBytes(b))) : QJsonValue();
    };
    const PerfPoint *p = v.speed ? &v.speed->nominal : nullptr;
    QJsonObject out{
        {"model_id", qs(v.modelId)},
        {"model", qs(v.modelName)},
        {"verdict", QJsonObject{{"fits", qs(toString(v.verdict.fits))},
                                {"serves", qs(toString(v.verdict.serves))},
                                {"code", qs(v.verdict.code)},
                                {"reason", qs(v.verdict.reason.text())}}},
        {"memory_per_gpu_bytes", bytes(t ? t->memory.total() : v.memory.perGpu.total())},
        {"capacity_bytes", bytes(t ? t->memory.capacity : v.memory.capacity)},
        {"capacity_note", v.capacityNote ? QJsonValue(qs(v.capacityNote->text())) : QJsonValue()},
        {"shortfall_bytes", bytes(t ? t->memory.shortfall : v.memory.shortfall)},
        {"output_tokens_per_s", p ? QJsonValue(p->outputTokensPerSecond) : QJsonValue()},
        {"ttft_s", p ? QJsonValue(units::inSeconds(p->ttft)) : QJsonValue()},
        {"tpot_s", p ? QJsonValue(units::inSeconds(p->tpot)) : QJsonValue()},
        {"decode_bound", v.speed ? QJsonValue(qs(toString(v.speed->decode.bound))) : QJsonValue()},
        {"requests_per_s", p ? QJsonValue(v.requestsPerSecond) : QJsonValue()},
        {"concurrency", static_cast<double>(v.concurrency)},
        {"needed_concurrency",
         v.neededConcurrency ? QJsonValue(static_cast<double>(*v.neededConcurrency)) : QJsonValue()},
        {"sequences_held", static_cast<double>(v.sequencesHeld)},
        {"usd_per_million_output_tokens", orNull(v.usdPerMillionOutputTokens)},
        {"cost_is_lower_bound", v.costIsLowerBound},
    };
    if (v.replicas > 0)
        out.insert(QStringLiteral("parallel"), QJsonObject{{"tp", v.parallel.tensor},
                                                           {"pp", v.parallel.pipeline},
                                                           {"ep", v.parallel.expert},
                                                           {"dp_attention", v.parallel.dataParallelAttention},
                                                           {"replicas", v.replicas}});
    if (v.prefillGpus > 0)
        out.insert(QStringLiteral("prefill_pool"),
                   QJsonObject{{"gpus", v.prefillGpus},
                               {"tp", v.prefillParallel.tensor},
                               {"pp", v.prefillParallel.pipeline},
                               {"ep", v.prefillParallel.expert},
                               {"dp_attention", v.prefillParallel.dataParallelAttention}});
    if (v.training)
        out.insert(QStringLiteral("training"), trainingToJson(*v.training));
    if (v.fleetServersNeeded)
        out.insert(QStringLiteral("fleet_servers_needed"), *v.fleetServersNeeded);
    if (v.request) {
        const InferenceRequest &d = v.request->deployment;
        out.insert(QStringLiteral("deployment"), QJsonObject{{"gpu", qs(d.gpu.id)},
                                                             {"gpus", d.gpuCount},
                                                             {"weights", qs(d.weights.id)},
                                                             {"kv", qs(d.kvCache.id)},
                                                             {"engine", qs(d.engine.id)},
                                                             {"context", static_cast<double>(d.context)}});
    }
    return out;
}

QJsonObject scenarioEstimateToJson(const ScenarioEstimate &s)
{
    QJsonArray versions;
    for (const VersionEstimate &v : s.versions)
        versions.append(versionEstimateToJson(v));
    QJsonArray issues;
    for (const TopologyIssue &issue : s.issues)
        issues.append(QJsonObject{
            {"node", issue.nodeId},
            {"link", issue.linkId},
            {"message", qs(issue.message.text())},
            {"estimate_uses", issue.fallback.empty() ? QJsonValue() : QJsonValue(qs(issue.fallback.text()))}});
    const bool costKnown = s.costCompleteness != CostCompleteness::Unknown;
    return QJsonObject{
        {"name", qs(s.name)},
        {"cluster",
         QJsonObject{{"gpu", s.cluster.gpu ? QJsonValue(qs(s.cluster.gpu->id)) : QJsonValue()},
                     {"gpus", s.cluster.gpuCount},
                     {"servers", s.cluster.servers},
                     {"problem", s.cluster.problem.empty() ? QJsonValue() : QJsonValue(qs(s.cluster.problem.text()))}}},
        {"issues", issues},
        {"cost", QJsonObject{{"completeness", qs(completenessName(s.costCompleteness))},
                             {"capex_usd", costKnown ? QJsonValue(s.cost.capexUsd) : QJsonValue()},
                             {"monthly_total_usd", costKnown ? QJsonValue(s.cost.monthlyTotalUsd) : QJsonValue()},
                             {"unpriced_parts", texts(s.cost.unpricedParts)},
                             {"unpriced_gpus_or_instances", texts(s.unpricedGpusOrInstances)}}},
        {"versions", versions},
    };
}

} // namespace planner
