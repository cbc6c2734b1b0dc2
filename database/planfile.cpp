#include "database/planfile.h"

#include "database/cataloguerows.h"
#include "database/jsonvaluetext.h"
#include "database/partfigures.h"
#include "database/wholefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>
#include <QSqlField>
#include <QSqlRecord>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

namespace planner {

namespace {

// Far more than any plan; a bigger file is not one, and is not read into memory.
constexpr qint64 kMaximumFileBytes = 64 * 1024 * 1024;

constexpr std::array<CloudTier, 4> kCloudTiers{CloudTier::OnDemand, CloudTier::Reserved1Year, CloudTier::Reserved3Year,
                                               CloudTier::Spot};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// ---------------------------------------------------------------- writing

template <typename Spec>
QJsonArray partsToJson(const std::vector<Spec> &specs)
{
    QJsonArray array;
    for (const Spec &spec : specs)
        array.append(QJsonObject::fromVariantMap(CatalogueRows<Spec>::toRow(spec)));
    return array;
}

QJsonObject toJson(const PlanWorkload &w)
{
    return QJsonObject{
        {"input_tokens", static_cast<qint64>(w.inputTokens)},
        {"output_tokens", static_cast<qint64>(w.outputTokens)},
        {"context_tokens", static_cast<qint64>(w.contextTokens)},
        {"by_request_rate", w.byRequestRate},
        {"requests_per_second", w.requestsPerSecond},
        {"concurrency", static_cast<qint64>(w.concurrency)},
        {"ttft_slo_seconds", w.ttftSloSeconds},
        {"tpot_slo_seconds", w.tpotSloSeconds},
        {"prefix_cache_hit_rate", w.prefixCacheHitRate},
        {"peak_factor", w.peakFactor},
    };
}

QJsonObject toJson(const DeploymentSettings &d)
{
    return QJsonObject{
        {"weight_format", qs(d.weightFormat)},
        {"kv_format", qs(d.kvFormat)},
        {"engine_id", qs(d.engineId)},
        {"tensor_parallel", d.tensorParallel},
        {"pipeline_parallel", d.pipelineParallel},
        {"expert_parallel", d.expertParallel},
        {"dp_attention", d.dataParallelAttention},
        {"max_running_sequences", static_cast<qint64>(d.maxRunningSequences)},
        {"token_budget", static_cast<qint64>(d.tokenBudget)},
        {"speculative", qs(d.speculative)},
        {"offload_layers", d.offloadLayers},
        {"auto_offload", d.autoOffload},
        {"spare_servers", d.spareServers},
        {"prefill_pool",
         QJsonObject{
             {"gpus", d.prefillPool.gpus},
             {"tensor_parallel", d.prefillPool.tensorParallel},
             {"pipeline_parallel", d.prefillPool.pipelineParallel},
             {"expert_parallel", d.prefillPool.expertParallel},
             {"dp_attention", d.prefillPool.dataParallelAttention},
         }},
    };
}

QJsonObject toJson(const CostAssumptions &costs)
{
    QJsonObject object;
    for (const auto &[key, member] : kCostAssumptionKeys) {
        const CostAssumption &a = costs.*member;
        object.insert(QLatin1String(key), QJsonObject{{"value", a.value}, {"source", qs(a.source)}});
    }
    return object;
}

QJsonObject toJson(const Topology &t)
{
    QJsonArray nodes;
    for (const TopologyNode &n : t.nodes)
        nodes.append(QJsonObject{
            {"id", n.id},
            {"kind", qs(std::string(toString(n.kind)))},
            {"parent", n.parent},
            {"catalogue_id", qs(n.catalogueId)},
            {"cloud_instance_id", qs(n.cloudInstanceId)},
            {"name", qs(n.name)},
            {"count", n.count},
            {"fabric_link_id", qs(n.fabricLinkId)},
            {"x", n.x},
            {"y", n.y},
        });
    QJsonArray links;
    for (const TopologyLink &l : t.links)
        links.append(QJsonObject{
            {"id", l.id},
            {"from", l.from},
            {"to", l.to},
            {"link_id", qs(l.linkId)},
            {"count", l.count},
        });
    return QJsonObject{{"nodes", nodes}, {"links", links}};
}

QJsonObject toJson(const TrainingSettings &t)
{
    return QJsonObject{
        {"method", qs(toString(t.method))},
        {"optimizer", qs(toString(t.optimizer))},
        {"sharding", qs(toString(t.sharding))},
        {"precision", qs(toString(t.precision))},
        {"recompute", qs(toString(t.recompute))},
        {"pipeline_schedule", qs(toString(t.schedule))},
        {"tensor_parallel", t.tensorParallel},
        {"pipeline_parallel", t.pipelineParallel},
        {"expert_parallel", t.expertParallel},
        {"context_parallel", t.contextParallel},
        {"virtual_stages", t.virtualStages},
        {"lora_rank", t.loraRank},
        {"lora_targets", qs(toString(t.loraTargets))},
        {"sequence_length", static_cast<qint64>(t.sequenceLength)},
        {"micro_batch", static_cast<qint64>(t.microBatch)},
        {"global_batch", static_cast<qint64>(t.globalBatch)},
        {"tokens", t.tokens},
        {"deadline_days", t.deadlineDays},
    };
}

QJsonObject toJson(const Scenario &s)
{
    QJsonObject o{
        {"name", qs(s.name)},
        {"deployment", toJson(s.deployment)},
        {"costs", toJson(s.costs)},
        {"cloud_tier", qs(toString(s.cloudTier))},
        {"topology", toJson(s.topology)},
    };
    if (s.training)
        o.insert(QLatin1String("training"), toJson(*s.training));
    return o;
}

QJsonObject toJson(const PartSnapshot &p)
{
    return QJsonObject{
        {"gpus", partsToJson(p.gpus)},         {"cpus", partsToJson(p.cpus)},
        {"memory", partsToJson(p.memory)},     {"storage", partsToJson(p.storage)},
        {"links", partsToJson(p.links)},       {"servers", partsToJson(p.servers)},
        {"nics", partsToJson(p.nics)},         {"cables", partsToJson(p.cables)},
        {"switches", partsToJson(p.switches)}, {"instances", partsToJson(p.instances)},
        {"models", partsToJson(p.models)},
    };
}

// ---------------------------------------------------------------- reading

// The first problem found; parsePlan turns it into the result's error.
struct ReadError {
    QString message;
};

[[noreturn]] void fail(const QString &where, const QString &what)
{
    throw ReadError{where.isEmpty() ? what : where + QStringLiteral(": ") + what};
}

QString at(const QString &where, const char *key)
{
    return where.isEmpty() ? QLatin1String(key) : where + QLatin1Char('.') + QLatin1String(key);
}

QString at(const QString &where, qsizetype index)
{
    return where + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QJsonValue field(const QJsonObject &o, const QString &where, const char *key)
{
    const auto found = o.constFind(QLatin1String(key));
    if (found == o.constEnd())
        fail(where, QStringLiteral("missing required field '%1'").arg(QLatin1String(key)));
    return found.value();
}

[[noreturn]] void wrongType(const QString &where, const char *key, const char *expected, const QJsonValue &got)
{
    fail(where, QStringLiteral("'%1' must be %2, got %3")
                    .arg(QLatin1String(key), QLatin1String(expected), describeJsonValue(got)));
}

QJsonObject object(const QJsonObject &o, const QString &where, const char *key)
{
    const QJsonValue v = field(o, where, key);
    if (!v.isObject())
        wrongType(where, key, "an object", v);
    return v.toObject();
}

QJsonArray array(const QJsonObject &o, const QString &where, const char *key)
{
    const QJsonValue v = field(o, where, key);
    if (!v.isArray())
        wrongType(where, key, "an array", v);
    return v.toArray();
}

std::string text(const QJsonObject &o, const QString &where, const char *key)
{
    const QJsonValue v = field(o, where, key);
    if (!v.isString())
        wrongType(where, key, "a string", v);
    return v.toString().toStdString();
}

bool boolean(const QJsonObject &o, const QString &where, const char *key)
{
    const QJsonValue v = field(o, where, key);
    if (!v.isBool())
        wrongType(where, key, "true or false", v);
    return v.toBool();
}

double number(const QJsonObject &o, const QString &where, const char *key)
{
    const QJsonValue v = field(o, where, key);
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        wrongType(where, key, "a number", v);
    return v.toDouble();
}

enum class Sign { Any, NonNegative, Positive };

std::int64_t integer(const QJsonObject &o, const QString &where, const char *key, Sign sign,
                     std::int64_t lowest = std::numeric_limits<std::int64_t>::min(),
                     std::int64_t highest = std::numeric_limits<std::int64_t>::max())
{
    static constexpr const char *kExpected[] = {"an integer", "a non-negative integer", "a positive integer"};
    const QJsonValue v = field(o, where, key);
    const double d = v.toDouble();
    // 2^63 is the first double outside qint64.
    const bool whole = v.isDouble() && std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9.2233720368547758e18;
    const std::int64_t i = whole ? v.toInteger() : 0;
    const std::int64_t minimum = sign == Sign::Positive ? 1 : sign == Sign::NonNegative ? 0 : lowest;
    if (!whole || i < std::max(minimum, lowest) || i > highest)
        wrongType(where, key, kExpected[static_cast<int>(sign)], v);
    return i;
}

int smallInteger(const QJsonObject &o, const QString &where, const char *key, Sign sign)
{
    return static_cast<int>(
        integer(o, where, key, sign, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

QVariant toVariant(const QJsonValue &v)
{
    // QJsonValue::toVariant() gives std::nullptr_t for null; the row readers
    // test QVariant::isNull(), which an invalid QVariant answers too.
    return v.isNull() || v.isUndefined() ? QVariant() : v.toVariant();
}

bool isWhole(double d)
{
    return std::isfinite(d) && d == std::trunc(d);
}

// A part as the catalogue stores it: read through the catalogue's own row
// reader, then written back with its row writer; every column the part has
// must be in the file and read back as written (a string where a number
// belongs, a fraction where an integer belongs or an unknown link kind would
// otherwise silently become 0, 0 or PCIe).
template <typename Spec>
Spec partFromJson(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        fail(where, QStringLiteral("must be an object, got %1").arg(describeJsonValue(value)));
    const QJsonObject in = value.toObject();
    QSqlRecord record;
    for (auto it = in.constBegin(); it != in.constEnd(); ++it) {
        QSqlField column(it.key());
        column.setValue(toVariant(it.value()));
        record.append(column);
    }
    Spec spec = CatalogueRows<Spec>::fromRow(RecordValues(record));
    const QVariantMap out = CatalogueRows<Spec>::toRow(spec);
    for (auto it = out.constBegin(); it != out.constEnd(); ++it) {
        const QVariant &o = it.value();
        if (o.isNull())
            continue; // an optional figure the part does not have
        const QByteArray key = it.key().toUtf8();
        const QJsonValue v = field(in, where, key.constData());
        if (v.isNull())
            continue;
        if (o.typeId() == QMetaType::QString) {
            if (!v.isString())
                wrongType(where, key.constData(), "a string", v);
            if (v.toString() != o.toString())
                fail(where, QStringLiteral("'%1' has an unknown value \"%2\"").arg(it.key(), v.toString()));
        } else {
            if (!v.isDouble())
                wrongType(where, key.constData(), "a number", v);
            const double read = v.toDouble();
            const double held = o.toDouble();
            if (std::fabs(read - held) > 1e-9 * std::max({1.0, std::fabs(read), std::fabs(held)})) {
                if (isWhole(held) && !isWhole(read))
                    wrongType(where, key.constData(), "an integer", v);
                fail(where, QStringLiteral("'%1' cannot be %2 (it reads as %3)")
                                .arg(it.key(), describeJsonValue(v), QString::number(held, 'g', 15)));
            }
        }
    }
    if (spec.id.empty())
        fail(where, QStringLiteral("'id' must not be empty"));
    const QString figureProblem = partFigureProblem(out);
    if (!figureProblem.isEmpty())
        fail(where, figureProblem);
    return spec;
}

template <typename Spec>
std::vector<Spec> partsFromJson(const QJsonObject &parts, const QString &where, const char *key, bool optional = false)
{
    if (optional && !parts.contains(QLatin1String(key)))
        return {};
    const QJsonArray list = array(parts, where, key);
    const QString listWhere = at(where, key);
    std::vector<Spec> specs;
    QSet<QString> ids;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString partWhere = at(listWhere, i);
        Spec spec = partFromJson<Spec>(list.at(i), partWhere);
        const QString id = qs(spec.id);
        if (ids.contains(id))
            fail(partWhere, QStringLiteral("id '%1' appears twice in '%2'").arg(id, QLatin1String(key)));
        ids.insert(id);
        specs.push_back(std::move(spec));
    }
    return specs;
}

PartSnapshot partsFromJson(const QJsonObject &root)
{
    const QString where = QStringLiteral("parts");
    const QJsonObject o = object(root, {}, "parts");
    PartSnapshot p;
    p.gpus = partsFromJson<GpuSpec>(o, where, "gpus");
    p.cpus = partsFromJson<CpuSpec>(o, where, "cpus");
    p.memory = partsFromJson<MemoryModuleSpec>(o, where, "memory");
    p.storage = partsFromJson<StorageSpec>(o, where, "storage");
    p.links = partsFromJson<LinkSpec>(o, where, "links");
    // Network parts came with plan files written from December 2026 on.
    p.nics = partsFromJson<NicSpec>(o, where, "nics", true);
    p.cables = partsFromJson<CableSpec>(o, where, "cables", true);
    p.switches = partsFromJson<SwitchSpec>(o, where, "switches", true);
    p.servers = partsFromJson<ServerTemplate>(o, where, "servers");
    p.instances = partsFromJson<CloudInstance>(o, where, "instances");
    p.models = partsFromJson<ModelSpec>(o, where, "models");
    for (size_t i = 0; i < p.models.size(); ++i) {
        const std::vector<Problem> problems = validate(p.models[i]);
        if (!problems.empty())
            fail(at(at(where, "models"), static_cast<qsizetype>(i)), qs(problems.front().text()));
    }
    return p;
}

PlanWorkload workloadFromJson(const QJsonObject &root)
{
    const QString where = QStringLiteral("workload");
    const QJsonObject o = object(root, {}, "workload");
    PlanWorkload w;
    w.inputTokens = integer(o, where, "input_tokens", Sign::Any);
    w.outputTokens = integer(o, where, "output_tokens", Sign::Any);
    w.contextTokens = integer(o, where, "context_tokens", Sign::Any);
    w.byRequestRate = boolean(o, where, "by_request_rate");
    w.requestsPerSecond = number(o, where, "requests_per_second");
    w.concurrency = integer(o, where, "concurrency", Sign::Any);
    w.ttftSloSeconds = number(o, where, "ttft_slo_seconds");
    w.tpotSloSeconds = number(o, where, "tpot_slo_seconds");
    // Plans written before the prefix cache was modelled have none.
    if (o.contains(QLatin1String("prefix_cache_hit_rate")))
        w.prefixCacheHitRate = number(o, where, "prefix_cache_hit_rate");
    if (o.contains(QLatin1String("peak_factor")))
        w.peakFactor = number(o, where, "peak_factor");
    return w;
}

DeploymentSettings deploymentFromJson(const QJsonObject &scenario, const QString &scenarioWhere)
{
    const QString where = at(scenarioWhere, "deployment");
    const QJsonObject o = object(scenario, scenarioWhere, "deployment");
    DeploymentSettings d;
    d.weightFormat = text(o, where, "weight_format");
    d.kvFormat = text(o, where, "kv_format");
    d.engineId = text(o, where, "engine_id");
    d.tensorParallel = smallInteger(o, where, "tensor_parallel", Sign::NonNegative);
    d.pipelineParallel = smallInteger(o, where, "pipeline_parallel", Sign::NonNegative);
    // Plans written before these were offered keep their defaults: no
    // expert parallelism, the engine's limits, no draft, no prefill pool.
    if (o.contains(QLatin1String("expert_parallel")))
        d.expertParallel = smallInteger(o, where, "expert_parallel", Sign::NonNegative);
    if (o.contains(QLatin1String("dp_attention")))
        d.dataParallelAttention = boolean(o, where, "dp_attention");
    if (o.contains(QLatin1String("max_running_sequences")))
        d.maxRunningSequences = integer(o, where, "max_running_sequences", Sign::NonNegative);
    if (o.contains(QLatin1String("token_budget")))
        d.tokenBudget = integer(o, where, "token_budget", Sign::NonNegative);
    if (o.contains(QLatin1String("speculative")))
        d.speculative = text(o, where, "speculative");
    if (o.contains(QLatin1String("offload_layers")))
        d.offloadLayers = smallInteger(o, where, "offload_layers", Sign::NonNegative);
    if (o.contains(QLatin1String("auto_offload")))
        d.autoOffload = boolean(o, where, "auto_offload");
    if (o.contains(QLatin1String("spare_servers")))
        d.spareServers = smallInteger(o, where, "spare_servers", Sign::NonNegative);
    if (o.contains(QLatin1String("prefill_pool"))) {
        const QString poolWhere = at(where, "prefill_pool");
        const QJsonObject pool = object(o, where, "prefill_pool");
        d.prefillPool.gpus = smallInteger(pool, poolWhere, "gpus", Sign::NonNegative);
        d.prefillPool.tensorParallel = smallInteger(pool, poolWhere, "tensor_parallel", Sign::NonNegative);
        d.prefillPool.pipelineParallel = smallInteger(pool, poolWhere, "pipeline_parallel", Sign::NonNegative);
        d.prefillPool.expertParallel = smallInteger(pool, poolWhere, "expert_parallel", Sign::NonNegative);
        d.prefillPool.dataParallelAttention = boolean(pool, poolWhere, "dp_attention");
    }
    return d;
}

CostAssumptions costsFromJson(const QJsonObject &scenario, const QString &scenarioWhere)
{
    const QString where = at(scenarioWhere, "costs");
    const QJsonObject o = object(scenario, scenarioWhere, "costs");
    CostAssumptions costs;
    for (const auto &[key, member] : kCostAssumptionKeys) {
        const QJsonObject entry = object(o, where, key);
        const QString entryWhere = at(where, key);
        (costs.*member).value = number(entry, entryWhere, "value");
        (costs.*member).source = text(entry, entryWhere, "source");
    }
    return costs;
}

// One of `values`, named as toString names it.
template <typename Enum, std::size_t N>
Enum named(const QJsonObject &o, const QString &where, const char *key, const std::array<Enum, N> &values)
{
    const std::string name = text(o, where, key);
    QStringList names;
    for (Enum value : values) {
        if (toString(value) == name)
            return value;
        names << qs(toString(value));
    }
    fail(where, QStringLiteral("'%1' must be one of %2, got \"%3\"")
                    .arg(QLatin1String(key), names.join(QStringLiteral(", ")), qs(name)));
}

CloudTier cloudTierFromJson(const QJsonObject &scenario, const QString &where)
{
    return named(scenario, where, "cloud_tier", kCloudTiers);
}

// A training scenario's settings; sizes and counts are checked by the
// engine, which names the field at fault in the version's verdict.
TrainingSettings trainingFromJson(const QJsonObject &scenario, const QString &scenarioWhere)
{
    const QString where = at(scenarioWhere, "training");
    const QJsonObject o = object(scenario, scenarioWhere, "training");
    TrainingSettings t;
    t.method = named(o, where, "method", std::array{TrainingMethod::Full, TrainingMethod::Lora, TrainingMethod::Qlora});
    t.optimizer = named(o, where, "optimizer",
                        std::array{Optimizer::AdamW, Optimizer::Adam8bit, Optimizer::Lion, Optimizer::SgdMomentum});
    t.sharding = named(o, where, "sharding",
                       std::array{OptimizerSharding::None, OptimizerSharding::Zero1, OptimizerSharding::Zero2,
                                  OptimizerSharding::Zero3, OptimizerSharding::Fsdp});
    t.precision = named(o, where, "precision", std::array{TrainingPrecision::Bf16, TrainingPrecision::Fp8});
    t.recompute = named(o, where, "recompute", std::array{Recompute::None, Recompute::Selective, Recompute::Full});
    t.schedule = named(o, where, "pipeline_schedule",
                       std::array{PipelineSchedule::OneFOneB, PipelineSchedule::DualPipe});
    t.tensorParallel = smallInteger(o, where, "tensor_parallel", Sign::Positive);
    t.pipelineParallel = smallInteger(o, where, "pipeline_parallel", Sign::Positive);
    t.expertParallel = smallInteger(o, where, "expert_parallel", Sign::Positive);
    t.contextParallel = smallInteger(o, where, "context_parallel", Sign::Positive);
    t.virtualStages = smallInteger(o, where, "virtual_stages", Sign::Positive);
    t.loraRank = smallInteger(o, where, "lora_rank", Sign::Positive);
    t.loraTargets = named(o, where, "lora_targets", std::array{LoraTargets::AllLinear, LoraTargets::Attention});
    t.sequenceLength = integer(o, where, "sequence_length", Sign::Positive);
    t.microBatch = integer(o, where, "micro_batch", Sign::Positive);
    t.globalBatch = integer(o, where, "global_batch", Sign::NonNegative);
    t.tokens = number(o, where, "tokens");
    t.deadlineDays = number(o, where, "deadline_days");
    return t;
}

// Whether the snapshot holds the part a node of this kind names (a NIC names
// its network link, as a server template's nic_link_id does).
bool snapshotHas(const PartSnapshot &p, NodeKind kind, const std::string &id)
{
    switch (kind) {
    case NodeKind::Server: return p.server(id);
    case NodeKind::Gpu: return p.gpu(id);
    case NodeKind::Cpu: return p.cpu(id);
    case NodeKind::Memory: return p.memoryModule(id);
    case NodeKind::Storage: return p.storageDevice(id);
    case NodeKind::Nic: return p.link(id);
    }
    return true;
}

Topology topologyFromJson(const QJsonObject &scenario, const QString &scenarioWhere, const PartSnapshot &parts)
{
    const QString where = at(scenarioWhere, "topology");
    const QJsonObject o = object(scenario, scenarioWhere, "topology");
    Topology t;

    const QJsonArray nodes = array(o, where, "nodes");
    const QString nodesWhere = at(where, "nodes");
    std::vector<QString> nodeWheres;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const QString nodeWhere = at(nodesWhere, i);
        if (!nodes.at(i).isObject())
            fail(nodeWhere, QStringLiteral("must be an object, got %1").arg(describeJsonValue(nodes.at(i))));
        const QJsonObject n = nodes.at(i).toObject();
        TopologyNode node;
        node.id = smallInteger(n, nodeWhere, "id", Sign::Positive);
        const std::string kind = text(n, nodeWhere, "kind");
        if (!nodeKindFromString(kind, node.kind))
            fail(nodeWhere,
                 QStringLiteral("'kind' must be server, gpu, cpu, memory, storage or nic, got \"%1\"").arg(qs(kind)));
        node.parent = smallInteger(n, nodeWhere, "parent", Sign::NonNegative);
        node.catalogueId = text(n, nodeWhere, "catalogue_id");
        node.cloudInstanceId = text(n, nodeWhere, "cloud_instance_id");
        node.name = text(n, nodeWhere, "name");
        node.count = smallInteger(n, nodeWhere, "count", Sign::Positive);
        node.fabricLinkId = text(n, nodeWhere, "fabric_link_id");
        node.x = number(n, nodeWhere, "x");
        node.y = number(n, nodeWhere, "y");
        if (t.node(node.id))
            fail(nodeWhere, QStringLiteral("node id %1 is used by another node").arg(node.id));
        t.nodes.push_back(std::move(node));
        nodeWheres.push_back(nodeWhere);
    }
    // References, once every node is known (a part may come before its server).
    for (size_t i = 0; i < t.nodes.size(); ++i) {
        const TopologyNode &n = t.nodes[i];
        const QString &nodeWhere = nodeWheres[i];
        if (n.kind != NodeKind::Server) {
            const TopologyNode *parent = t.node(n.parent);
            if (!parent)
                fail(nodeWhere, QStringLiteral("parent %1 does not exist").arg(n.parent));
            if (parent->kind != NodeKind::Server)
                fail(nodeWhere, QStringLiteral("parent %1 is not a server").arg(n.parent));
        }
        if (!n.catalogueId.empty() && !snapshotHas(parts, n.kind, n.catalogueId))
            fail(nodeWhere, QStringLiteral("%1 '%2' is not in the plan's parts")
                                .arg(qs(std::string(toString(n.kind))), qs(n.catalogueId)));
        if (!n.cloudInstanceId.empty() && !parts.instance(n.cloudInstanceId))
            fail(nodeWhere,
                 QStringLiteral("cloud instance '%1' is not in the plan's parts").arg(qs(n.cloudInstanceId)));
        if (!n.fabricLinkId.empty() && !parts.link(n.fabricLinkId))
            fail(nodeWhere, QStringLiteral("fabric link '%1' is not in the plan's parts").arg(qs(n.fabricLinkId)));
    }

    const QJsonArray links = array(o, where, "links");
    const QString linksWhere = at(where, "links");
    for (qsizetype i = 0; i < links.size(); ++i) {
        const QString linkWhere = at(linksWhere, i);
        if (!links.at(i).isObject())
            fail(linkWhere, QStringLiteral("must be an object, got %1").arg(describeJsonValue(links.at(i))));
        const QJsonObject l = links.at(i).toObject();
        TopologyLink link;
        link.id = smallInteger(l, linkWhere, "id", Sign::Positive);
        link.from = smallInteger(l, linkWhere, "from", Sign::Positive);
        link.to = smallInteger(l, linkWhere, "to", Sign::Positive);
        link.linkId = text(l, linkWhere, "link_id");
        link.count = smallInteger(l, linkWhere, "count", Sign::Positive);
        if (t.link(link.id))
            fail(linkWhere, QStringLiteral("link id %1 is used by another link").arg(link.id));
        for (const auto &[end, id] : {std::pair{"from", link.from}, std::pair{"to", link.to}})
            if (!t.node(id))
                fail(linkWhere, QStringLiteral("'%1' node %2 does not exist").arg(QLatin1String(end)).arg(id));
        if (!parts.link(link.linkId))
            fail(linkWhere, QStringLiteral("link '%1' is not in the plan's parts").arg(qs(link.linkId)));
        t.links.push_back(std::move(link));
    }
    return t;
}

Plan planFromJson(const QJsonObject &root)
{
    const QJsonValue format = root.value(QLatin1String("format"));
    if (format.toString() != QLatin1String(kPlanFormatName))
        fail({}, QStringLiteral("not a plan file: 'format' must be \"%1\", got %2")
                     .arg(QLatin1String(kPlanFormatName),
                          format.isUndefined() ? QStringLiteral("nothing") : describeJsonValue(format)));
    const std::int64_t version = integer(root, {}, "version", Sign::Positive);
    if (version > kPlanFormatVersion)
        fail({}, QStringLiteral("this plan was saved by a newer planner (format version %1); this version reads "
                                "version %2")
                     .arg(version)
                     .arg(kPlanFormatVersion));

    Plan plan;
    plan.name = text(root, {}, "name");
    plan.modelFamily = text(root, {}, "model_family");
    const QJsonArray modelIds = array(root, {}, "model_ids");
    for (qsizetype i = 0; i < modelIds.size(); ++i) {
        if (!modelIds.at(i).isString())
            fail(at(QStringLiteral("model_ids"), i),
                 QStringLiteral("must be a string, got %1").arg(describeJsonValue(modelIds.at(i))));
        plan.modelIds.push_back(modelIds.at(i).toString().toStdString());
    }
    plan.workload = workloadFromJson(root);
    // The parts first: the scenarios' nodes and links are checked against them.
    plan.parts = partsFromJson(root);

    // Plans written before prices could be typed have none.
    const QJsonArray prices = root.contains(QLatin1String("user_prices")) ? array(root, {}, "user_prices")
                                                                          : QJsonArray();
    for (qsizetype i = 0; i < prices.size(); ++i) {
        const QString where = at(QStringLiteral("user_prices"), i);
        if (!prices.at(i).isObject())
            fail(where, QStringLiteral("must be an object, got %1").arg(describeJsonValue(prices.at(i))));
        const QJsonObject o = prices.at(i).toObject();
        plan.userPrices.push_back({named(o, where, "for", kPricedKinds), text(o, where, "id"), number(o, where, "usd"),
                                   text(o, where, "date"), text(o, where, "note")});
    }

    const QJsonArray scenarios = array(root, {}, "scenarios");
    for (qsizetype i = 0; i < scenarios.size(); ++i) {
        const QString where = at(QStringLiteral("scenarios"), i);
        if (!scenarios.at(i).isObject())
            fail(where, QStringLiteral("must be an object, got %1").arg(describeJsonValue(scenarios.at(i))));
        const QJsonObject s = scenarios.at(i).toObject();
        Scenario scenario;
        scenario.name = text(s, where, "name");
        scenario.deployment = deploymentFromJson(s, where);
        scenario.costs = costsFromJson(s, where);
        scenario.cloudTier = cloudTierFromJson(s, where);
        scenario.topology = topologyFromJson(s, where, plan.parts);
        if (s.contains(QLatin1String("training")))
            scenario.training = trainingFromJson(s, where);
        plan.scenarios.push_back(std::move(scenario));
    }

    const std::vector<Problem> problems = validate(plan);
    if (!problems.empty())
        fail({}, qs(problems.front().text()));
    return plan;
}

} // namespace

PlanFileResult parsePlan(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {std::nullopt, QStringLiteral("not a plan file: not valid JSON (%1 at byte %2)")
                                  .arg(parseError.errorString())
                                  .arg(parseError.offset)};
    if (!document.isObject())
        return {std::nullopt, QStringLiteral("not a plan file: the JSON document is not an object")};
    try {
        return {planFromJson(document.object()), {}};
    } catch (const ReadError &e) {
        return {std::nullopt, e.message};
    }
}

PlanFileResult readPlanFile(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    // A device or pipe has no size to check and may never end: only files are read.
    if (const QFileInfo info(path); info.exists() && !info.isFile())
        return {std::nullopt, QStringLiteral("%1 is not a plan file: it is a folder, device or pipe").arg(shown)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, QStringLiteral("cannot open %1: %2").arg(shown, file.errorString())};
    const auto tooLarge = [&] {
        return PlanFileResult{std::nullopt, QStringLiteral("%1 is not a plan file: it is larger than %2 MiB")
                                                .arg(shown)
                                                .arg(kMaximumFileBytes / (1024 * 1024))};
    };
    if (file.size() > kMaximumFileBytes)
        return tooLarge();
    const QByteArray bytes = file.read(kMaximumFileBytes + 1); // bounded even if the file grows meanwhile
    if (file.error() != QFileDevice::NoError)
        return {std::nullopt, QStringLiteral("cannot read %1: %2").arg(shown, file.errorString())};
    if (bytes.size() > kMaximumFileBytes)
        return tooLarge();
    return parsePlan(bytes);
}

QByteArray serializePlan(const Plan &plan)
{
    QJsonArray userPrices;
    for (const UserPrice &p : plan.userPrices)
        userPrices.append(QJsonObject{{"for", qs(toString(p.kind))},
                                      {"id", qs(p.id)},
                                      {"usd", p.usd},
                                      {"date", qs(p.date)},
                                      {"note", qs(p.note)}});
    QJsonArray modelIds;
    for (const std::string &id : plan.modelIds)
        modelIds.append(qs(id));
    QJsonArray scenarios;
    for (const Scenario &s : plan.scenarios)
        scenarios.append(toJson(s));
    const QJsonObject root{
        {"format", QLatin1String(kPlanFormatName)},
        {"version", kPlanFormatVersion},
        {"name", qs(plan.name)},
        {"model_family", qs(plan.modelFamily)},
        {"model_ids", modelIds},
        {"workload", toJson(plan.workload)},
        {"scenarios", scenarios},
        {"parts", toJson(plan.parts)},
        {"user_prices", userPrices},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString writePlanFile(const Plan &plan, const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QByteArray bytes = serializePlan(plan);
    if (const QString reason = writeWholeFile(path, bytes); !reason.isEmpty())
        return QStringLiteral("cannot save the plan to %1: %2").arg(shown, reason);
    return {};
}

} // namespace planner
