#include "app/cli/deploymentoptions.h"

#include "app/cli/clisupport.h"
#include "database/catalogue.h"

#include <QLocale>

#include <set>

namespace planner::cli {

namespace {

// The catalogue list that names the valid values of an option.
QString listCommandFor(const std::string &field)
{
    if (field == "weights" || field == "kv")
        return QStringLiteral("formats");
    if (field == "engine")
        return QStringLiteral("engines");
    return {};
}

// Whether a Problem's field is one of this tool's options, so the message can
// name it ("--tp: …"). Other fields are config.json keys, plan-file keys or
// CSV columns, named by the problem's own sentence.
bool isOption(const std::string &field)
{
    static const std::set<std::string> options{"gpus",
                                               "gpu",
                                               "tp",
                                               "pp",
                                               "ep",
                                               "dp-attention",
                                               "prefill-gpus",
                                               "prefill-tp",
                                               "prefill-pp",
                                               "prefill-ep",
                                               "prefill-dp-attention",
                                               "speculative",
                                               "prefix-hit",
                                               "weights",
                                               "kv",
                                               "engine",
                                               "offload",
                                               "max-running",
                                               "token-budget",
                                               "network",
                                               "context",
                                               "concurrency",
                                               "input-len",
                                               "output-len",
                                               "qps",
                                               "ttft-slo",
                                               "tpot-slo",
                                               "input-dist",
                                               "output-dist",
                                               "requests",
                                               "trace",
                                               "efficiency",
                                               "zero",
                                               "cp",
                                               "vpp",
                                               "pipeline-schedule",
                                               "seq-len",
                                               "micro-batch",
                                               "global-batch",
                                               "tokens",
                                               "lora-rank",
                                               "peak-factor",
                                               "where",
                                               "spare-replicas",
                                               "spare-servers",
                                               "budget",
                                               "max-capex",
                                               "min-weight-bits",
                                               "electricity",
                                               "pue",
                                               "draw",
                                               "years",
                                               "maintenance",
                                               "colocation",
                                               "integration",
                                               "horizon",
                                               "hours-per-month"};
    return options.count(field) > 0;
}

[[noreturn]] void throwProblem(const Problem &p)
{
    const QString list = listCommandFor(p.field);
    if (p.code.rfind("unknown-", 0) == 0 && !list.isEmpty() && !p.message.args.empty())
        throw UsageError(
            QStringLiteral("unknown %1 '%2' (see 'llm-planner-cli %3')")
                .arg(QString::fromStdString(p.field), QString::fromStdString(p.message.args.front()), list));
    const QString text = QString::fromStdString(p.text());
    const bool namesOption = p.subject.empty() && isOption(p.field) && p.code != "missing-figure"
                             && p.code != "no-cluster";
    throw UsageError(namesOption ? QStringLiteral("--%1: %2").arg(QString::fromStdString(p.field), text) : text);
}

constexpr int kDefaultGpusPerServer = 8;
const char *const kDefaultNetwork = "ib-ndr";

// How servers are built and joined: --gpus-per-server, --network (checked
// even when every GPU sits in one server: a mistyped link id should not pass
// silently) and --nics-per-server.
struct ServerShape {
    int gpusPerServer = kDefaultGpusPerServer;
    LinkSpec network;
    long long ports = kDefaultGpusPerServer;

    // The path between servers each GPU of a server of `gpus` gets.
    LinkPath between(int gpus) const
    {
        return scaleOutPath(network, static_cast<double>(ports), std::min(gpusPerServer, gpus));
    }
};

LinkSpec networkLink(const QString &id)
{
    const std::optional<LinkSpec> network = catalogue().find<LinkSpec>(id);
    if (!network)
        throw UsageError(QStringLiteral("unknown --network '%1' (see 'llm-planner-cli catalog links')").arg(id));
    return *network;
}

ServerShape serverShapeFrom(const QCommandLineParser &parser)
{
    ServerShape shape;
    shape.gpusPerServer = hardwareCountOption(parser, QStringLiteral("gpus-per-server"), kDefaultGpusPerServer);
    const QString networkId = parser.isSet(QStringLiteral("network")) ? parser.value(QStringLiteral("network"))
                                                                      : QLatin1String(kDefaultNetwork);
    shape.network = networkLink(networkId);
    shape.ports = integerOption(parser, QStringLiteral("nics-per-server"), shape.gpusPerServer);
    return shape;
}

// --cpu ID with --memory-gb N: the CPU and its RAM as the whole cluster.
Cluster cpuCluster(const QCommandLineParser &parser)
{
    const QString cpuId = parser.value(QStringLiteral("cpu"));
    const std::optional<CpuSpec> cpu = catalogue().find<CpuSpec>(cpuId);
    if (!cpu)
        throw UsageError(QStringLiteral("unknown cpu '%1' (see 'llm-planner-cli catalog cpus')").arg(cpuId));
    if (!parser.isSet(QStringLiteral("memory-gb")))
        throw UsageError(QStringLiteral("--cpu needs --memory-gb N, the RAM the model runs from"));
    const int memoryGB = countOption(parser, QStringLiteral("memory-gb"), 1);
    // DIMMs are sold in GB that are GiB of cells.
    return cpuDeviceCluster(*cpu, units::gibibytes(memoryGB));
}

} // namespace

Cluster bareGpuCluster(const GpuSpec &gpu, int gpus)
{
    ServerShape shape;
    shape.network = networkLink(QLatin1String(kDefaultNetwork));
    return clusterOfServers(gpu, gpus, shape.gpusPerServer, singleServerLinks(gpu), shape.between(gpus));
}

Cluster gpuServersFrom(const QCommandLineParser &parser, const GpuSpec &gpu, int gpus)
{
    const ServerShape shape = serverShapeFrom(parser);
    return clusterOfServers(gpu, gpus, shape.gpusPerServer, singleServerLinks(gpu), shape.between(gpus));
}

LinkPath networkPathFrom(const QCommandLineParser &parser, int gpus)
{
    return serverShapeFrom(parser).between(gpus);
}

void addDeploymentOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("Catalogue model id, or a config.json file or model folder."),
         QStringLiteral("ID|PATH")},
        {QStringLiteral("gpu"), QStringLiteral("GPU id from the catalogue (see 'llm-planner-cli catalog gpus')."),
         QStringLiteral("ID")},
        {QStringLiteral("gpus"), QStringLiteral("Number of GPUs (default 1)."), QStringLiteral("N")},
        {QStringLiteral("cpu"),
         QStringLiteral("Instead of --gpu: run on this CPU (see 'catalog cpus') with llama.cpp, from --memory-gb of "
                        "RAM."),
         QStringLiteral("ID")},
        {QStringLiteral("memory-gb"), QStringLiteral("With --cpu: the RAM installed, in GB as DIMMs are sold."),
         QStringLiteral("N")},
        {QStringLiteral("tp"),
         QStringLiteral("Tensor-parallel size (default: the GPUs of one server the model's heads allow)."),
         QStringLiteral("N")},
        {QStringLiteral("pp"), QStringLiteral("Pipeline-parallel size (default: the fewest stages that fit)."),
         QStringLiteral("N")},
        {QStringLiteral("ep"), QStringLiteral("Expert-parallel size for MoE models (default 1: experts split by TP)."),
         QStringLiteral("N")},
        {QStringLiteral("dp-attention"),
         QStringLiteral("Data-parallel attention for MLA models (SGLang, TensorRT-LLM).")},
        {QStringLiteral("weights"), QStringLiteral("Weight format (default: the checkpoint's; see 'formats')."),
         QStringLiteral("FORMAT")},
        {QStringLiteral("kv"), QStringLiteral("KV-cache format (default bf16)."), QStringLiteral("FORMAT")},
        {QStringLiteral("engine"), QStringLiteral("Serving engine profile (default vllm; see 'engines')."),
         QStringLiteral("NAME")},
        {QStringLiteral("offload"),
         QStringLiteral("Decoder layers kept in host RAM, or 'auto' for the fewest that fit."),
         QStringLiteral("N|auto")},
        {QStringLiteral("mtp"), QStringLiteral("Also load DeepSeek's multi-token-prediction module.")},
        {QStringLiteral("max-running"),
         QStringLiteral("Sequences the engine runs at once per copy (vLLM --max-num-seqs; default: the engine's)."),
         QStringLiteral("N")},
        {QStringLiteral("token-budget"),
         QStringLiteral("Tokens per forward step, the prefill chunk (vLLM --max-num-batched-tokens; default: the "
                        "engine's)."),
         QStringLiteral("N")},
        {QStringLiteral("gpus-per-server"), QStringLiteral("GPUs per server (default 8)."), QStringLiteral("N")},
        {QStringLiteral("network"), QStringLiteral("Catalogue link between servers (default ib-ndr)."),
         QStringLiteral("LINK")},
        {QStringLiteral("nics-per-server"), QStringLiteral("Ports of that link per server (default: one per GPU)."),
         QStringLiteral("N")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a table.")},
    });
}

void parseCommand(QCommandLineParser &parser, const QStringList &arguments)
{
    parseOptions(parser, arguments);
    if (!parser.positionalArguments().isEmpty())
        throw UsageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
}

CliDeployment deploymentFrom(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("model")))
        throw UsageError(QStringLiteral("needs --model ID|PATH (see 'llm-planner-cli catalog models')"));
    const bool onCpu = parser.isSet(QStringLiteral("cpu"));
    if (onCpu == parser.isSet(QStringLiteral("gpu")))
        throw UsageError(onCpu ? QStringLiteral("--cpu and --gpu exclude each other")
                               : QStringLiteral("needs --gpu ID (see 'llm-planner-cli catalog gpus') or --cpu ID"));
    CliDeployment out;
    out.model = resolveModel(parser.value(QStringLiteral("model")));
    if (onCpu) {
        out.cluster = cpuCluster(parser);
    } else {
        const QString gpuId = parser.value(QStringLiteral("gpu"));
        const std::optional<GpuSpec> gpu = catalogue().find<GpuSpec>(gpuId);
        if (!gpu)
            throw UsageError(QStringLiteral("unknown gpu '%1' (see 'llm-planner-cli catalog gpus')").arg(gpuId));
        out.cluster = gpuServersFrom(parser, *gpu, hardwareCountOption(parser, QStringLiteral("gpus"), 1));
    }

    DeploymentSettings &s = out.settings;
    s.tensorParallel = automaticSizeOption(parser, QStringLiteral("tp"));
    s.pipelineParallel = automaticSizeOption(parser, QStringLiteral("pp"));
    s.expertParallel = automaticSizeOption(parser, QStringLiteral("ep"));
    s.dataParallelAttention = parser.isSet(QStringLiteral("dp-attention"));
    if (parser.isSet(QStringLiteral("weights")))
        s.weightFormat = parser.value(QStringLiteral("weights")).toStdString();
    if (parser.isSet(QStringLiteral("kv")))
        s.kvFormat = parser.value(QStringLiteral("kv")).toStdString();
    if (parser.isSet(QStringLiteral("engine")))
        s.engineId = parser.value(QStringLiteral("engine")).toStdString();
    else if (onCpu)
        s.engineId = "llama.cpp"; // the one engine modelled on a CPU
    s.loadMtp = parser.isSet(QStringLiteral("mtp"));
    // Only perf and simulate offer --speculative (a draft changes speed, not
    // what fits); optionNames() lists the options given, asking no other.
    if (parser.optionNames().contains(QStringLiteral("speculative")))
        s.speculative = parser.value(QStringLiteral("speculative")).toStdString();
    s.maxRunningSequences = automaticSizeOption(parser, QStringLiteral("max-running"));
    s.tokenBudget = automaticSizeOption(parser, QStringLiteral("token-budget"));
    if (parser.value(QStringLiteral("offload")) == QLatin1String("auto"))
        s.autoOffload = true;
    else
        s.offloadLayers = countOption(parser, QStringLiteral("offload"), 0, true);
    return out;
}

ResolvedDeployment resolve(const CliDeployment &deployment, const WorkloadShape &shape)
{
    ResolvedDeployment resolved = resolveDeployment(deployment.model, deployment.cluster, deployment.settings, shape);
    if (!resolved.ok())
        throwProblem(resolved.problems.front());
    return resolved;
}

ResolvedDeployment resolveForTiming(const CliDeployment &deployment, const WorkloadShape &shape)
{
    ResolvedDeployment resolved = resolve(deployment, shape);
    if (resolved.speedUnknown)
        throwProblem(*resolved.speedUnknown);
    return resolved;
}

void throwIfInvalid(const std::vector<Problem> &problems)
{
    if (!problems.empty())
        throwProblem(problems.front());
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
