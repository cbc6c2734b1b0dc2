#include "app/cli/deploymentoptions.h"

#include "app/cli/clisupport.h"
#include "core/memory/engineprofile.h"
#include "core/model/precision.h"
#include "database/catalogue.h"

#include <QLocale>

namespace planner::cli {

namespace {

template <typename T, typename Find>
T lookUp(const QCommandLineParser &parser, const QString &option, const QString &fallback, Find find,
         const QString &listCommand)
{
    const QString id = parser.isSet(option) ? parser.value(option) : fallback;
    if (auto found = find(id.toStdString()))
        return *found;
    throw UsageError(QStringLiteral("unknown %1 '%2' (see 'llm-planner-cli %3')").arg(option, id, listCommand));
}

} // namespace

void addDeploymentOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("Catalogue model id, or a config.json file or model folder."), QStringLiteral("ID|PATH")},
        {QStringLiteral("gpu"), QStringLiteral("GPU id from the catalogue (see 'llm-planner-cli catalog gpus')."), QStringLiteral("ID")},
        {QStringLiteral("gpus"), QStringLiteral("Number of GPUs (default 1)."), QStringLiteral("N")},
        {QStringLiteral("tp"), QStringLiteral("Tensor-parallel size (default: GPUs / pipeline size)."), QStringLiteral("N")},
        {QStringLiteral("pp"), QStringLiteral("Pipeline-parallel size (default 1)."), QStringLiteral("N")},
        {QStringLiteral("ep"), QStringLiteral("Expert-parallel size for MoE models (default 1: experts split by TP)."), QStringLiteral("N")},
        {QStringLiteral("dp-attention"), QStringLiteral("Data-parallel attention for MLA models (SGLang, TensorRT-LLM).")},
        {QStringLiteral("weights"), QStringLiteral("Weight format (default: the checkpoint's; see 'formats')."), QStringLiteral("FORMAT")},
        {QStringLiteral("kv"), QStringLiteral("KV-cache format (default bf16)."), QStringLiteral("FORMAT")},
        {QStringLiteral("engine"), QStringLiteral("Serving engine profile (default vllm; see 'engines')."), QStringLiteral("NAME")},
        {QStringLiteral("offload"), QStringLiteral("Decoder layers kept in host RAM, or 'auto' for the fewest that fit."), QStringLiteral("N|auto")},
        {QStringLiteral("mtp"), QStringLiteral("Also load DeepSeek's multi-token-prediction module.")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a table.")},
    });
}

void parseCommand(QCommandLineParser &parser, const QStringList &arguments)
{
    parseOptions(parser, arguments);
    if (!parser.positionalArguments().isEmpty())
        throw UsageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
}

InferenceRequest deploymentFrom(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("model")))
        throw UsageError(QStringLiteral("needs --model ID|PATH (see 'llm-planner-cli catalog models')"));
    if (!parser.isSet(QStringLiteral("gpu")))
        throw UsageError(QStringLiteral("needs --gpu ID (see 'llm-planner-cli catalog gpus')"));
    InferenceRequest r;
    r.model = resolveModel(parser.value(QStringLiteral("model")));
    r.gpu = lookUp<GpuSpec>(parser, QStringLiteral("gpu"), {},
                            [](const std::string &id) { return catalogue().find<GpuSpec>(QString::fromStdString(id)); },
                            QStringLiteral("catalog gpus"));
    r.gpuCount = countOption(parser, QStringLiteral("gpus"), 1);
    r.parallel.pipeline = countOption(parser, QStringLiteral("pp"), 1);
    r.parallel.tensor = countOption(parser, QStringLiteral("tp"), std::max(1, r.gpuCount / r.parallel.pipeline));
    r.parallel.expert = countOption(parser, QStringLiteral("ep"), 1);
    r.parallel.dataParallelAttention = parser.isSet(QStringLiteral("dp-attention"));
    r.weights = lookUp<WeightFormat>(parser, QStringLiteral("weights"), QString::fromStdString(r.model.checkpointFormat),
                                     findWeightFormat, QStringLiteral("formats"));
    r.kvCache = lookUp<KvCacheFormat>(parser, QStringLiteral("kv"), QStringLiteral("bf16"), findKvCacheFormat,
                                      QStringLiteral("formats"));
    r.engine = lookUp<EngineProfile>(parser, QStringLiteral("engine"), QStringLiteral("vllm"), findEngineProfile,
                                     QStringLiteral("engines"));
    r.loadMtp = parser.isSet(QStringLiteral("mtp"));
    if (parser.value(QStringLiteral("offload")) == QLatin1String("auto"))
        r.autoOffload = true;
    else
        r.offloadLayers = countOption(parser, QStringLiteral("offload"), 0, true);
    return r;
}

void addServerOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("network"), QStringLiteral("Catalogue link between servers (default ib-ndr)."), QStringLiteral("LINK")},
        {QStringLiteral("nics-per-server"), QStringLiteral("Ports of that link per server (default: one per GPU)."), QStringLiteral("N")},
        {QStringLiteral("gpus-per-server"), QStringLiteral("GPUs per server (default 8)."), QStringLiteral("N")},
    });
}

ServerLinks serverLinks(const QCommandLineParser &parser, const GpuSpec &gpu, int gpuCount, const Parallelism &parallel)
{
    ServerLinks links;
    links.perf = singleServerLinks(gpu);
    links.dataParallel = links.perf.tensorParallel;
    const int perServer = countOption(parser, QStringLiteral("gpus-per-server"), 8);
    if (parallel.tensor > perServer)
        throw UsageError(QStringLiteral("--tp %1 spans servers of %2 GPUs; keep tensor parallelism inside a server")
                             .arg(parallel.tensor).arg(perServer));
    // The options are checked even when every GPU sits in one server: a
    // mistyped link id should not pass silently.
    const QString id = parser.isSet(QStringLiteral("network")) ? parser.value(QStringLiteral("network"))
                                                                : QStringLiteral("ib-ndr");
    const std::optional<LinkSpec> link = catalogue().find<LinkSpec>(id);
    if (!link)
        throw UsageError(QStringLiteral("unknown --network '%1' (see 'llm-planner-cli catalog links')").arg(id));
    // The server's ports are shared by its GPUs.
    const double ports = static_cast<double>(integerOption(parser, QStringLiteral("nics-per-server"), perServer));
    if (gpuCount <= perServer)
        return links;
    LinkPath between;
    between.bandwidth = link->bandwidthPerDirection * (ports / perServer);
    between.latency = link->latency.value_or(units::seconds(5e-6));
    links.dataParallel = between;
    if (parallel.pipeline > 1)
        links.perf.pipeline = between;
    if (parallel.expert > parallel.tensor)
        links.perf.expertParallel = between;
    return links;
}

void throwIfInvalid(const std::vector<std::string> &errors)
{
    if (!errors.empty())
        throw UsageError(QString::fromStdString(errors.front()));
}

QString count(long long value)
{
    return QLocale(QLocale::English).toString(value);
}

QString plural(long long n, const QString &noun)
{
    return QStringLiteral("%1 %2%3").arg(count(n), noun, n == 1 ? QString() : QStringLiteral("s"));
}

} // namespace planner::cli
